import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { calendarDate, ErrorCode } from '@app/shared';
import {
  AllocationOutcome,
  FundDecisionMode,
  type FundDetail,
  type FundOnlineVote as FundOnlineVoteView,
  type OnlineVoteItem,
} from '@app/shared/funds';
import { cardCodeHash, newCardCode } from '../../../common/codes/card-code';
import { isUniqueViolation } from '../../../common/errors/all-exceptions.filter';
import { DomainError, notFound } from '../../../common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { TransactionRunner } from '../../../database/transactions';
import { AuditService } from '../../audit/audit.service';
import type { User } from '../../users/user.entity';
import { unprocessable } from '../application-store';
import { isStaffOf } from '../fund-access';
import { remainingCents } from '../fund-money';
import { FundQueriesService } from '../fund-queries.service';
import { FundsService } from '../funds.service';
import { FundOnlineVote, FundOnlineVoteCode, FundOnlineVoteTally, FundOnlineVoteVoter } from './online-vote.entities';
import { periodText, readOnlineVote, statusOf, toView } from './online-vote-rules';

/** Public reasons of the applications the online vote gave no money (German: shown on the application's timeline). */
const REJECTION_REASONS: Record<Exclude<AllocationOutcome, AllocationOutcome.Funded>, string> = {
  [AllocationOutcome.NoVotes]: 'Bei der Online-Abstimmung hat niemand für diesen Antrag gestimmt.',
  [AllocationOutcome.DoesNotFit]: 'Nach der Online-Abstimmung reichte das übrige Geld des Aktionsraumfonds nicht für diesen Antrag.',
  [AllocationOutcome.MoneyRanOut]:
    'Nach der Online-Abstimmung war das Geld des Aktionsraumfonds verteilt, bevor dieser Antrag an der Reihe war.',
};

export interface IssuedVotingCode {
  number: number;
  code: string;
  url: string;
}

/**
 * A fund's online budget vote (issue 17): opened by the area's staff on a snapshot of the agenda and
 * the fund's remaining money, public while it runs (without the tally), read by the allocation rule
 * after the end and confirmed into the fund's decision (FundsService.decide, mode online). Ballots: OnlineBallotsService.
 */
@Injectable()
export class OnlineVoteService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly queries: FundQueriesService,
    private readonly funds: FundsService,
    private readonly audit: AuditService,
  ) {}

  async find(m: EntityManager, fundId: string): Promise<FundOnlineVote> {
    const vote = await m.findOneBy(FundOnlineVote, { fundId });
    if (!vote) {
      await this.queries.findFund(fundId);
      throw notFound('The online vote of this fund');
    }
    return vote;
  }

  async view(fundId: string, user: User | undefined, now = new Date()): Promise<FundOnlineVoteView> {
    return this.tx.run(async (m) => {
      const vote = await this.find(m, fundId);
      const ballots = await m.countBy(FundOnlineVoteVoter, { voteId: vote.id });
      const tallies = new Map((await m.findBy(FundOnlineVoteTally, { voteId: vote.id })).map((t) => [t.applicationId, t.votes]));
      const voted =
        !vote.binding && user ? await m.existsBy(FundOnlineVoteVoter, { voteId: vote.id, voterKey: `account:${user.id}` }) : null;
      return toView(vote, { ballots, tallies }, voted, now);
    });
  }

  private async staffFund(user: User, fundId: string) {
    const fund = await this.queries.findFund(fundId);
    if (!isStaffOf(user, fund.area)) {
      throw new DomainError(ErrorCode.Forbidden, `You moderate other areas; the fund of ${fund.area.name} is not in your scope.`);
    }
    return fund;
  }

  async open(user: User, fundId: string, dto: { startsAt: string; endsAt: string; binding: boolean }, now = new Date()) {
    const fund = await this.staffFund(user, fundId);
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt)
      throw unprocessable('endsAt', `The end of the vote (${dto.endsAt}) must lie after its start (${dto.startsAt}).`, 'date_order');
    if (endsAt <= now) throw unprocessable('endsAt', `The end of the vote (${dto.endsAt}) lies in the past.`, 'date_future');
    if (fund.decidedAt)
      throw new DomainError(
        ErrorCode.Conflict,
        `This fund was already decided (${fund.decisionMode}, ${fund.decisionDate}); there is nothing left to vote on.`,
      );
    const agenda = await this.queries.agenda(fundId);
    if (agenda.length === 0)
      throw unprocessable(
        'fundId',
        'No application of this fund is on the agenda; put the checked applications on the agenda before opening the vote.',
        'agenda_empty',
      );
    const budgetCents = remainingCents(fund);
    if (budgetCents === 0) throw unprocessable('fundId', 'This fund has no money left to distribute.', 'fund_remaining');
    const items: OnlineVoteItem[] = agenda.map((a) => ({
      applicationId: a.id,
      title: a.title,
      amountCents: a.requestedAmountCents,
      submittedAt: a.submittedAt ?? fund.createdAt.toISOString(),
    }));
    const exists = () => new DomainError(ErrorCode.Conflict, 'This fund already has an online vote; a fund is voted on once.');
    if (await this.tx.run((m) => m.existsBy(FundOnlineVote, { fundId }))) throw exists();
    try {
      await this.tx.run(async (m) => {
        const vote = await m.save(
          m.create(FundOnlineVote, {
            fundId,
            startsAt,
            endsAt,
            binding: dto.binding,
            budgetCents,
            items,
            openedById: user.id,
            confirmedAt: null,
          }),
        );
        await m.insert(
          FundOnlineVoteTally,
          items.map((i) => ({ voteId: vote.id, applicationId: i.applicationId, votes: 0 })),
        );
        await this.audit.record(
          {
            actorId: user.id,
            action: 'fund.online_vote.opened',
            entityType: 'fund',
            entityId: fundId,
            details: { startsAt: dto.startsAt, endsAt: dto.endsAt, binding: dto.binding, budgetCents, items: items.length },
          },
          m,
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw exists();
      throw error;
    }
    return this.view(fundId, user, now);
  }

  /** New voting codes of a binding vote; returned this once (for the printed sheet), only their hashes are kept. */
  async issueCodes(user: User, fundId: string, count: number, now = new Date()) {
    const fund = await this.staffFund(user, fundId);
    return this.tx.run(async (m) => {
      const vote = await this.find(m, fundId);
      if (!vote.binding)
        throw new DomainError(
          ErrorCode.Conflict,
          'This online vote is consultative: every signed-in account votes once, no voting codes are needed.',
        );
      if (statusOf(vote, now) === 'ended')
        throw new DomainError(ErrorCode.Conflict, `The online vote has ended (${periodText(vote)}); no more codes are issued.`);
      const first = vote.codeCount + 1;
      const raised = await m
        .createQueryBuilder()
        .update(FundOnlineVote)
        .set({ codeCount: vote.codeCount + count })
        .where('id = :id AND "codeCount" = :before', { id: vote.id, before: vote.codeCount })
        .execute();
      if (!raised.affected)
        throw new DomainError(ErrorCode.Conflict, 'Codes for this vote are being issued at this moment; please try again.');
      const codes: IssuedVotingCode[] = Array.from({ length: count }, (_, i) => {
        const code = newCardCode();
        return { number: first + i, code, url: `${this.config.publicUrl}/fonds/${fundId}/abstimmung?code=${code}` };
      });
      await m.insert(
        FundOnlineVoteCode,
        codes.map((c) => ({ voteId: vote.id, number: c.number, codeHash: cardCodeHash(c.code) })),
      );
      await this.audit.record(
        { actorId: user.id, action: 'fund.online_vote.codes_issued', entityType: 'fund', entityId: fundId, details: { count, first } },
        m,
      );
      return { fund, vote, codes };
    });
  }

  /** Ends the period now (staff, before the end). */
  async close(user: User, fundId: string, now = new Date()): Promise<FundOnlineVoteView> {
    await this.staffFund(user, fundId);
    await this.tx.run(async (m) => {
      const vote = await this.find(m, fundId);
      if (statusOf(vote, now) === 'ended')
        throw new DomainError(ErrorCode.Conflict, `The online vote has already ended (${periodText(vote)}).`);
      await m.update(FundOnlineVote, { id: vote.id }, { endsAt: now, ...(vote.startsAt > now ? { startsAt: now } : {}) });
      await this.audit.record({ actorId: user.id, action: 'fund.online_vote.closed', entityType: 'fund', entityId: fundId }, m);
    });
    return this.view(fundId, user, now);
  }

  /**
   * After the end: the allocation rule over the online counts becomes the fund's decision (mode
   * online), once. Items no longer on the agenda (withdrawn meanwhile) are left out of the decision.
   */
  async confirm(user: User, fundId: string, note: string | null, now = new Date()): Promise<FundDetail> {
    await this.staffFund(user, fundId);
    const { vote, tallies } = await this.tx.run(async (m) => {
      const v = await this.find(m, fundId);
      const t = new Map((await m.findBy(FundOnlineVoteTally, { voteId: v.id })).map((r) => [r.applicationId, r.votes]));
      return { vote: v, tallies: t };
    });
    if (statusOf(vote, now) !== 'ended')
      throw new DomainError(
        ErrorCode.Conflict,
        `The online vote is still running (${periodText(vote)}); confirm its result after the end.`,
      );
    if (vote.confirmedAt)
      throw new DomainError(ErrorCode.Conflict, 'The result of this online vote has already been confirmed; it is confirmed once.');
    const result = readOnlineVote(vote, tallies);
    const onAgenda = new Set((await this.queries.agenda(fundId)).map((a) => a.id));
    const lines = result.lines
      .filter((l) => onAgenda.has(l.applicationId))
      .map((l) => ({
        applicationId: l.applicationId,
        approvedAmountCents: l.funded ? l.amountCents : null,
        reason: l.funded ? null : REJECTION_REASONS[l.outcome as Exclude<AllocationOutcome, AllocationOutcome.Funded>],
      }));
    if (lines.length === 0)
      throw unprocessable('fundId', 'None of the voted applications is still on the agenda; there is nothing to decide.', 'on_agenda');
    const ballots = await this.tx.run((m) => m.countBy(FundOnlineVoteVoter, { voteId: vote.id }));
    const detail = await this.funds.decide(
      fundId,
      {
        mode: FundDecisionMode.Online,
        decisionDate: calendarDate(vote.endsAt < now ? vote.endsAt : now),
        lines,
        note:
          note ??
          `Online-Abstimmung ${vote.binding ? '(verbindlich)' : '(beratend)'}: ${ballots} Stimmzettel, ${(result.allocatedCents / 100).toFixed(2).replace('.', ',')} € vergeben.`,
      },
      user,
      now,
    );
    await this.tx.run((m) => m.update(FundOnlineVote, { id: vote.id }, { confirmedAt: now }));
    return detail;
  }
}
