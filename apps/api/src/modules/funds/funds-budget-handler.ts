import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { calendarDate, ErrorCode } from '@app/shared';
import { FundDecisionMode, type FundDecisionLine } from '@app/shared/funds';
import { DomainError } from '../../common/errors/domain-error';
import type { BudgetAllocationConfirmed, BudgetAllocationHandler } from '../live/budget-allocation';
import { User } from '../users/user.entity';
import { unprocessable } from './application-store';
import { FundApplication } from './fund.entities';
import { FundsService } from './funds.service';

/** The public reason of an application the conference's budget vote did not fund. */
const NOT_FUNDED = 'Bei der Budgetabstimmung der Projektkonferenz nicht gefördert: die Stimmen reichten nicht für das verbleibende Geld.';

/**
 * Connects the live budget vote to the Aktionsraumfonds: when a moderator confirms the allocation of a
 * budget round whose items are a fund's applications (their refId), the fund is decided in the same
 * transaction (mode conference): funded items approved with their amount, the others rejected with a
 * public reason. A round whose items are no applications (a budget vote on anything else) is left alone;
 * items of several funds, or applications no longer on the agenda, refuse the confirmation (nothing stored).
 */
@Injectable()
export class FundsBudgetHandler implements BudgetAllocationHandler {
  constructor(private readonly funds: FundsService) {}

  async onAllocationConfirmed(event: BudgetAllocationConfirmed, m: EntityManager): Promise<void> {
    const refs = event.lines.map((l) => l.refId).filter((id): id is string => Boolean(id));
    const applications = refs.length ? await m.findBy(FundApplication, { id: In(refs) }) : [];
    if (!applications.length) return;
    const fundIds = new Set(applications.map((a) => a.fundId));
    if (fundIds.size > 1 || applications.length !== event.lines.length) {
      throw unprocessable(
        'roundId',
        'The items of this budget vote are not all applications of one Aktionsraumfonds; its allocation cannot decide a fund. Create the round from one fund’s agenda.',
        'reference',
      );
    }
    const actor = event.actor.userId
      ? await m.findOne(User, { where: { id: event.actor.userId }, relations: { moderatorAreas: true } })
      : null;
    if (!actor) throw new DomainError(ErrorCode.Forbidden, 'Only a moderator or administrator can decide a fund.');
    const lines: FundDecisionLine[] = event.lines.map((l) => ({
      applicationId: l.refId!,
      approvedAmountCents: l.amountCents,
      reason: l.amountCents === null ? NOT_FUNDED : null,
    }));
    await this.funds.decideWithin(
      m,
      [...fundIds][0],
      { mode: FundDecisionMode.Conference, decisionDate: calendarDate(event.decidedAt), lines, roundId: event.roundId },
      actor,
      event.assemblyId,
      event.decidedAt,
    );
  }
}
