import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ErrorCode, type FieldErrorDetail } from '@app/shared';
import {
  APPLICANT,
  ApplicationState,
  ApplicationTransitionId,
  checkApplicationTransition,
  getApplicationTransition,
  type ApplicationCostItem,
  type ApplicationDetail,
  type ApplicationMissingField,
  type ApplicationSubject,
  type ApplicationTransitionCheck,
} from '@app/shared/funds';
import { DomainError } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import { ApplicationNotifier } from './application-notifier';
import type { User } from '../users/user.entity';
import { assertAmounts, assertPeriodOpen } from './application-rules';
import { actorRoleOf, bumpVersion, changedMeanwhile, recordStep, unprocessable } from './application-store';
import { isApplicantOf, isStaffOf } from './fund-access';
import { Fund, FundApplication } from './fund.entities';
import { commitMoney, euros, recordPaid, recordReturned, releaseMoney } from './fund-money';
import { FundQueriesService } from './fund-queries.service';

type Allowed = Extract<ApplicationTransitionCheck, { ok: true }>;

/** A MissingField as one entry of the error body's details. */
export const toDetail = (m: ApplicationMissingField, prefix = ''): FieldErrorDetail => ({
  field: `${prefix}${m.field}`,
  messages: [m.message],
  rules: [m.rule],
  ...(m.params ? { params: m.params as Record<string, number | string> } : {}),
});

/** The engine's refusal as the API's error: unknown 404, wrong state 409, role 403, missing input 422. */
export function refusal(check: Exclude<ApplicationTransitionCheck, { ok: true }>, prefix = ''): DomainError {
  switch (check.reason) {
    case 'unknown_transition':
      return new DomainError(ErrorCode.NotFound, check.message);
    case 'wrong_state':
      return new DomainError(ErrorCode.TransitionNotAllowed, check.message);
    case 'role':
      return new DomainError(ErrorCode.Forbidden, check.message);
    case 'missing_fields':
      return new DomainError(
        ErrorCode.TransitionFieldsMissing,
        check.message,
        check.missing.map((m) => toDetail(m, prefix)),
      );
  }
}

/** What the engine compares input amounts with. The fund's remaining money is checked by the guarded UPDATE (409), not here. */
export const subjectOf = (a: FundApplication, fund: Pick<Fund, 'maxPerApplicationCents'>): ApplicationSubject => ({
  state: a.state,
  requestedAmountCents: a.requestedAmountCents,
  approvedAmountCents: a.approvedAmountCents,
  paidAmountCents: a.paidAmountCents,
  maxPerApplicationCents: fund.maxPerApplicationCents,
});

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

/** The proof's spending by cost item (optional); when given it adds up to the amount spent. */
function spentItemsOf(input: unknown, spent: number): ApplicationCostItem[] | null {
  const raw = (input as { spentItems?: unknown } | null)?.spentItems;
  if (!Array.isArray(raw)) return null;
  const items = raw as ApplicationCostItem[];
  const sum = items.reduce((total, item) => total + item.amountCents, 0);
  if (sum !== spent) {
    throw unprocessable(
      'spentItems',
      `The spent items add up to ${euros(sum)}, not to the amount spent (${euros(spent)}).`,
      'sum_of_cost_items',
      {
        sumCents: sum,
        spentCents: spent,
      },
    );
  }
  return items.map((i) => ({ label: i.label, amountCents: i.amountCents }));
}

/**
 * The application's workflow over HTTP: every move is checked by checkApplicationTransition
 * (libs/shared/src/funds), then applied with its money effect on the fund in one transaction.
 */
@Injectable()
export class ApplicationWorkflowService {
  constructor(
    private readonly queries: FundQueriesService,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly notifier: ApplicationNotifier,
  ) {}

  async transition(user: User, id: string, transitionId: string, input: unknown, now = new Date()): Promise<ApplicationDetail> {
    if (!getApplicationTransition(transitionId)) {
      throw new DomainError(ErrorCode.NotFound, `There is no transition "${transitionId}" for applications.`);
    }
    const { a, fund } = await this.queries.findVisible(user, id);
    // Early answer on what was read; the binding check is the one inside the transaction.
    this.check(user, a, fund, transitionId, input, now);
    await this.tx.run(async (m) => {
      // Decide on what the transaction reads: a writer that got here first has changed it.
      const current = await m.findOneBy(FundApplication, { id });
      if (!current || current.version !== a.version) throw changedMeanwhile();
      const check = this.check(user, current, fund, transitionId, input, now);
      await this.apply(m, user, current, fund, check, input, now);
    });
    return this.queries.applicationDetail(user, id);
  }

  /** The engine's answer, plus what the API adds: the moderator's area and the application period. */
  private check(user: User, a: FundApplication, fund: Fund, transitionId: string, input: unknown, now: Date): Allowed {
    const applicant = isApplicantOf(user, a);
    const check = checkApplicationTransition(
      subjectOf(a, fund),
      { role: user.role, isApplicant: applicant },
      transitionId,
      input ?? {},
      now,
    );
    if (!check.ok) throw refusal(check);
    const source = check.transition.from.find((s) => s.state === a.state)!;
    const asApplicant = applicant && source.actors.includes(APPLICANT);
    if (!asApplicant && !isStaffOf(user, fund.area)) {
      throw new DomainError(ErrorCode.Forbidden, `You moderate other areas; the fund of ${fund.area.name} is not in your scope.`);
    }
    if (check.transition.id === ApplicationTransitionId.Submit) {
      // The first submission within the period; one returned by the office may be handed in again later.
      if (a.state === ApplicationState.Draft) assertPeriodOpen(fund, now, 'Applications');
      assertAmounts(fund, a.costItems, a.requestedAmountCents);
    }
    return check;
  }

  private async apply(m: EntityManager, user: User, a: FundApplication, fund: Fund, check: Allowed, input: unknown, now: Date) {
    const v = check.values;
    const values: Partial<FundApplication> = { state: check.nextState };
    const data: Record<string, unknown> = {};
    switch (check.transition.id) {
      case ApplicationTransitionId.Submit:
        if (!a.submittedAt) values.submittedAt = now;
        break;
      case ApplicationTransitionId.Approve: {
        const amount = num(v.approvedAmountCents);
        await commitMoney(m, fund.id, amount);
        values.approvedAmountCents = amount;
        Object.assign(data, { approvedAmountCents: amount, requestedAmountCents: a.requestedAmountCents, decisionDate: v.decisionDate });
        break;
      }
      case ApplicationTransitionId.Reject:
        data.decisionDate = v.decisionDate;
        break;
      case ApplicationTransitionId.Pay: {
        const paid = num(v.paidAmountCents);
        await recordPaid(m, fund.id, paid);
        values.paidAmountCents = paid;
        Object.assign(data, { paidAmountCents: paid, paidOn: v.paidOn });
        break;
      }
      case ApplicationTransitionId.SubmitProof: {
        const spent = num(v.spentAmountCents);
        values.spentAmountCents = spent;
        values.spentItems = spentItemsOf(input, spent);
        values.proofReport = str(v.report);
        values.proofSubmittedAt = now;
        data.spentAmountCents = spent;
        break;
      }
      case ApplicationTransitionId.Close: {
        // Back to the fund: everything approved but not spent, i.e. the paid-but-unspent rest and any
        // part of the approval that was never paid (an approval is committed until its proof is closed).
        const returned = (a.approvedAmountCents ?? 0) - (a.spentAmountCents ?? 0);
        await recordReturned(m, fund.id, returned);
        values.returnedAmountCents = returned;
        Object.assign(data, { spentAmountCents: a.spentAmountCents, returnedAmountCents: returned });
        break;
      }
      case ApplicationTransitionId.Withdraw:
        if (a.state === ApplicationState.Approved && a.approvedAmountCents) {
          await releaseMoney(m, fund.id, a.approvedAmountCents);
          data.releasedAmountCents = a.approvedAmountCents;
        }
        break;
      default:
        break;
    }
    const version = await bumpVersion(m, a, values);
    // What staff do to somebody's application goes into the audit log as well as the public timeline.
    if (!(isApplicantOf(user, a) && check.transition.from.some((s) => s.state === a.state && s.actors.includes(APPLICANT)))) {
      await this.audit.record(
        {
          actorId: user.id,
          action: `application.${check.transition.id}`,
          entityType: 'fund_application',
          entityId: a.id,
          details: { from: a.state, to: check.nextState, ...data },
        },
        m,
      );
    }
    const actorRole = actorRoleOf(user, a);
    await recordStep(
      m,
      a.id,
      version,
      { id: user.id, role: actorRole },
      {
        kind: check.transition.id,
        fromState: a.state,
        toState: check.nextState,
        reason: str(v.reason),
        data,
      },
    );
    await this.notifier.stepTaken(m, a, actorRole, check.nextState, str(v.reason));
  }
}
