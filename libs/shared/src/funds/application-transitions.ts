import { Role } from '../enums/roles';
import { type FieldGuard, GuardFieldType, type MissingField } from '../workflow/guards';
import { PUBLIC_REASON_MAX, PUBLIC_REASON_MIN } from '../workflow/transitions';
import { ApplicationState } from './application-states';

/**
 * Every way an application to an Aktionsraumfonds may move, as data (like ../workflow/transitions.ts,
 * whose field guards it reuses). Who acts:
 *  - the applicant (an actor kind beside the roles: the person who owns the application, whatever
 *    their role) submits, resubmits, withdraws and hands in the proof of use. For a paper
 *    application the API treats the moderator or administrator who entered it on the person's behalf
 *    as the applicant (the source is noted on the application);
 *  - the project office (administrators) checks, returns, pays, and accepts or returns the proof;
 *  - moderators (who chair the project conference) and administrators put checked applications on
 *    the agenda and record the conference's decision (approve or reject).
 * Whether a moderator is scoped to the fund's area, and whether the application period is open, is
 * the API's business: this model knows actor kinds, states, input and the amounts it is given.
 */
export enum ApplicationTransitionId {
  Submit = 'submit',
  Return = 'return',
  Check = 'check',
  PutOnAgenda = 'put_on_agenda',
  Approve = 'approve',
  Reject = 'reject',
  Pay = 'pay',
  SubmitProof = 'submit_proof',
  ReturnProof = 'return_proof',
  Close = 'close',
  Withdraw = 'withdraw',
}

export const APPLICATION_TRANSITION_IDS: readonly ApplicationTransitionId[] = Object.values(ApplicationTransitionId);

/** Who may make a transition: one of the roles, or the application's own applicant. */
export const APPLICANT = 'applicant' as const;
export type ApplicationActorKind = Role | typeof APPLICANT;

export interface ApplicationTransitionSource {
  state: ApplicationState;
  actors: readonly ApplicationActorKind[];
}

/** Amounts recorded on the application or its fund that an input amount is compared with (all in cents). */
export type ApplicationAmountFact =
  'requestedAmountCents' | 'approvedAmountCents' | 'paidAmountCents' | 'maxPerApplicationCents' | 'fundRemainingCents';

/** Rules of this model beyond the workflow's GuardRule. Stable keys: the web translates `funds.rules.<rule>`. */
export enum ApplicationRule {
  /** An amount above a limit recorded on the application or its fund (params: limit, max, actual). */
  AmountAboveLimit = 'amount_above_limit',
  /** An amount below the requested one needs a public reason. */
  ReasonForLowerAmount = 'reason_for_lower_amount',
  /** The subject lacks an amount the check needs (e.g. paying an application without an approved amount). */
  AmountNotRecorded = 'amount_not_recorded',
}

export type ApplicationMissingField = Omit<MissingField, 'rule'> & { rule: MissingField['rule'] | ApplicationRule };

/** "The input amount `field` may be at most the subject's `limit`." Optional limits are skipped when the subject does not carry them. */
export interface AmountLimit {
  field: string;
  limit: ApplicationAmountFact;
  /** English noun phrase: "the requested amount". */
  label: string;
  optional: boolean;
}

/** "When `amountField` is below the subject's `below`, `reasonField` is required." */
export interface ReasonWhenLower {
  amountField: string;
  below: ApplicationAmountFact;
  reasonField: string;
}

export interface ApplicationTransitionDefinition {
  id: ApplicationTransitionId;
  /** `funds.transitions.<id>` */
  labelKey: string;
  /** English verb phrase for messages. */
  action: string;
  description: string;
  from: readonly ApplicationTransitionSource[];
  to: ApplicationState;
  /** Input fields, checked in this order with the workflow's field guards. */
  fields: readonly FieldGuard[];
  limits: readonly AmountLimit[];
  reasonWhenLower: ReasonWhenLower | null;
}

export const PROOF_REPORT_MIN = 20;
export const PROOF_REPORT_MAX = 5000;

const ADMIN: readonly ApplicationActorKind[] = [Role.Administrator];
const MOD_ADMIN: readonly ApplicationActorKind[] = [Role.Moderator, Role.Administrator];
const OWN: readonly ApplicationActorKind[] = [APPLICANT];

const publicReason = (required: boolean): FieldGuard => ({
  field: 'reason',
  type: GuardFieldType.Text,
  required,
  label: 'public reason',
  minLength: PUBLIC_REASON_MIN,
  maxLength: PUBLIC_REASON_MAX,
});

const pastDate = (field: string, label: string): FieldGuard => ({
  field,
  type: GuardFieldType.Date,
  required: true,
  label,
  notInFuture: true,
});
const money = (field: string, label: string): FieldGuard => ({ field, type: GuardFieldType.Money, required: true, label });

function transition(
  def: Omit<ApplicationTransitionDefinition, 'labelKey' | 'limits' | 'reasonWhenLower'> & Partial<ApplicationTransitionDefinition>,
) {
  return { labelKey: `funds.transitions.${def.id}`, limits: [], reasonWhenLower: null, ...def } satisfies ApplicationTransitionDefinition;
}

export const APPLICATION_TRANSITIONS: readonly ApplicationTransitionDefinition[] = [
  transition({
    id: ApplicationTransitionId.Submit,
    action: 'submit',
    description: 'Hand the application in (again, after it was returned); it can no longer be changed.',
    from: [
      { state: ApplicationState.Draft, actors: OWN },
      { state: ApplicationState.Returned, actors: OWN },
    ],
    to: ApplicationState.Submitted,
    fields: [],
  }),
  transition({
    id: ApplicationTransitionId.Return,
    action: 'return',
    description: 'Send it back to the applicant: incomplete or not eligible as it stands. The public reason says what to change.',
    from: [{ state: ApplicationState.Submitted, actors: ADMIN }],
    to: ApplicationState.Returned,
    fields: [publicReason(true)],
  }),
  transition({
    id: ApplicationTransitionId.Check,
    action: 'mark as checked',
    description: 'Complete and eligible: it can go to the project conference.',
    from: [{ state: ApplicationState.Submitted, actors: ADMIN }],
    to: ApplicationState.Checked,
    fields: [],
  }),
  transition({
    id: ApplicationTransitionId.PutOnAgenda,
    action: "put on the conference's agenda",
    description: 'The project conference will decide on it.',
    from: [{ state: ApplicationState.Checked, actors: MOD_ADMIN }],
    to: ApplicationState.OnAgenda,
    fields: [],
  }),
  transition({
    id: ApplicationTransitionId.Approve,
    action: 'approve',
    description: 'The project conference grants the money: the requested amount or less (then with a public reason).',
    from: [{ state: ApplicationState.OnAgenda, actors: MOD_ADMIN }],
    to: ApplicationState.Approved,
    fields: [money('approvedAmountCents', 'approved amount'), publicReason(false), pastDate('decisionDate', 'date of the decision')],
    limits: [
      { field: 'approvedAmountCents', limit: 'requestedAmountCents', label: 'the requested amount', optional: false },
      { field: 'approvedAmountCents', limit: 'maxPerApplicationCents', label: "the fund's maximum per application", optional: true },
      { field: 'approvedAmountCents', limit: 'fundRemainingCents', label: 'the money remaining in the fund', optional: true },
    ],
    reasonWhenLower: { amountField: 'approvedAmountCents', below: 'requestedAmountCents', reasonField: 'reason' },
  }),
  transition({
    id: ApplicationTransitionId.Reject,
    action: 'reject',
    description: 'The project conference does not fund it; the public reason says why.',
    from: [{ state: ApplicationState.OnAgenda, actors: MOD_ADMIN }],
    to: ApplicationState.Rejected,
    fields: [publicReason(true), pastDate('decisionDate', 'date of the decision')],
  }),
  transition({
    id: ApplicationTransitionId.Pay,
    action: 'record the payment of',
    description: 'The money was paid to the applicant (at most the approved amount).',
    from: [{ state: ApplicationState.Approved, actors: ADMIN }],
    to: ApplicationState.Paid,
    fields: [money('paidAmountCents', 'paid amount'), pastDate('paidOn', 'date of payment')],
    limits: [{ field: 'paidAmountCents', limit: 'approvedAmountCents', label: 'the approved amount', optional: false }],
  }),
  transition({
    id: ApplicationTransitionId.SubmitProof,
    action: 'hand in the proof of use for',
    description: 'What was spent (at most the paid amount; the rest goes back to the fund) and a short report.',
    from: [{ state: ApplicationState.Paid, actors: OWN }],
    to: ApplicationState.ProofSubmitted,
    fields: [
      money('spentAmountCents', 'amount spent'),
      {
        field: 'report',
        type: GuardFieldType.Text,
        required: true,
        label: 'short report',
        minLength: PROOF_REPORT_MIN,
        maxLength: PROOF_REPORT_MAX,
      },
    ],
    limits: [{ field: 'spentAmountCents', limit: 'paidAmountCents', label: 'the paid amount', optional: false }],
  }),
  transition({
    id: ApplicationTransitionId.ReturnProof,
    action: 'return the proof of use of',
    description: 'The proof of use is incomplete; the public reason says what is missing.',
    from: [{ state: ApplicationState.ProofSubmitted, actors: ADMIN }],
    to: ApplicationState.Paid,
    fields: [publicReason(true)],
  }),
  transition({
    id: ApplicationTransitionId.Close,
    action: 'close',
    description: 'The proof of use is accepted; unspent money is recorded as returned to the fund.',
    from: [{ state: ApplicationState.ProofSubmitted, actors: ADMIN }],
    to: ApplicationState.Closed,
    fields: [],
  }),
  transition({
    id: ApplicationTransitionId.Withdraw,
    action: 'withdraw',
    description: 'The applicant gives the application up; approved money goes back to the fund.',
    from: [
      ApplicationState.Submitted,
      ApplicationState.Returned,
      ApplicationState.Checked,
      ApplicationState.OnAgenda,
      ApplicationState.Approved,
    ].map((state) => ({ state, actors: OWN })),
    to: ApplicationState.Withdrawn,
    fields: [{ field: 'reason', type: GuardFieldType.Text, required: false, label: 'reason', maxLength: PUBLIC_REASON_MAX }],
  }),
];

export const APPLICATION_TRANSITIONS_BY_ID: Readonly<Record<ApplicationTransitionId, ApplicationTransitionDefinition>> = Object.fromEntries(
  APPLICATION_TRANSITIONS.map((t) => [t.id, t]),
) as Record<ApplicationTransitionId, ApplicationTransitionDefinition>;

/** Typed inputs for clients (dates "YYYY-MM-DD", money in cents). The check accepts any object. */
export interface ApplicationTransitionInputMap {
  [ApplicationTransitionId.Submit]: Record<string, never>;
  [ApplicationTransitionId.Return]: { reason: string };
  [ApplicationTransitionId.Check]: Record<string, never>;
  [ApplicationTransitionId.PutOnAgenda]: Record<string, never>;
  [ApplicationTransitionId.Approve]: { approvedAmountCents: number; reason?: string | null; decisionDate: string };
  [ApplicationTransitionId.Reject]: { reason: string; decisionDate: string };
  [ApplicationTransitionId.Pay]: { paidAmountCents: number; paidOn: string };
  [ApplicationTransitionId.SubmitProof]: { spentAmountCents: number; report: string };
  [ApplicationTransitionId.ReturnProof]: { reason: string };
  [ApplicationTransitionId.Close]: Record<string, never>;
  [ApplicationTransitionId.Withdraw]: { reason?: string | null };
}
