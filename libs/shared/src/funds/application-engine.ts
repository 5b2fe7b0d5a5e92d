import { type Role } from '../enums/roles';
import { checkField, type GuardValue } from '../workflow/guards';
import { APPLICATION_STATE_INFO, APPLICATION_STATE_NAMES, type ApplicationState, isApplicationState } from './application-states';
import {
  APPLICANT,
  type ApplicationActorKind,
  type ApplicationMissingField,
  ApplicationRule,
  APPLICATION_TRANSITIONS,
  APPLICATION_TRANSITIONS_BY_ID,
  type ApplicationTransitionDefinition,
  type ApplicationTransitionId,
} from './application-transitions';

/**
 * Pure answers to "may this person move this application now, and what is missing?", in the style of
 * ../workflow/engine.ts. No I/O and no hidden clock: pass `now` (it matters for "not in the future" dates).
 */
/** What the check needs to know about an application and its fund (all amounts in cents). The API builds it. */
export interface ApplicationSubject {
  state: ApplicationState;
  requestedAmountCents?: number | null;
  approvedAmountCents?: number | null;
  paidAmountCents?: number | null;
  /** The fund's maximum per application. */
  maxPerApplicationCents?: number | null;
  /**
   * The fund's amount minus what is already committed to other applications. Passing it gives a
   * friendly early answer; the binding check is the API's, inside the transaction.
   */
  fundRemainingCents?: number | null;
}

/** The person acting: their role, and whether they are this application's applicant. */
export interface ApplicationActor {
  role: Role;
  isApplicant: boolean;
}

/** Same reasons and suggested HTTP mapping as the workflow: unknown_transition 404, wrong_state 409, role 403, missing_fields 422. */
export type ApplicationTransitionRefusal = 'unknown_transition' | 'wrong_state' | 'role' | 'missing_fields';

export type ApplicationTransitionCheck =
  | {
      ok: true;
      transition: ApplicationTransitionDefinition;
      nextState: ApplicationState;
      /** The declared fields, normalised (trimmed text, cents, dates); absent optional fields left out. */
      values: Readonly<Record<string, GuardValue>>;
    }
  | { ok: false; reason: ApplicationTransitionRefusal; missing: ApplicationMissingField[]; message: string };

export function getApplicationTransition(id: string): ApplicationTransitionDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(APPLICATION_TRANSITIONS_BY_ID, id)
    ? APPLICATION_TRANSITIONS_BY_ID[id as ApplicationTransitionId]
    : undefined;
}

/** The actor kinds a person counts as: their role, plus "applicant" on their own application. */
export function actorKinds(actor: ApplicationActor): ApplicationActorKind[] {
  return actor.isApplicant ? [actor.role, APPLICANT] : [actor.role];
}

export function applicationTransitionsFrom(state: ApplicationState): ApplicationTransitionDefinition[] {
  return APPLICATION_TRANSITIONS.filter((t) => t.from.some((s) => s.state === state));
}

const euros = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')} EUR`;

/** Every input field, amount limit and reason rule that blocks the transition (state and actor not looked at). */
export function missingApplicationFields(
  transition: ApplicationTransitionDefinition,
  subject: ApplicationSubject,
  input: unknown,
  now: Date = new Date(),
): { missing: ApplicationMissingField[]; values: Record<string, GuardValue> } {
  const record: Record<string, unknown> =
    input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const values: Record<string, GuardValue> = {};
  const missing: ApplicationMissingField[] = [];
  for (const guard of transition.fields) {
    const result = checkField(guard, record, now);
    missing.push(...result.problems);
    if (result.value !== undefined) values[guard.field] = result.value;
  }
  for (const limit of transition.limits) {
    const max = subject[limit.limit];
    if (max === undefined || max === null) {
      if (!limit.optional) {
        missing.push({
          field: limit.limit,
          rule: ApplicationRule.AmountNotRecorded,
          message: `The application has no ${limit.label.replace(/^the /, '')} recorded.`,
          source: 'subject',
        });
      }
      continue;
    }
    const amount = values[limit.field];
    if (typeof amount === 'number' && amount > max) {
      missing.push({
        field: limit.field,
        rule: ApplicationRule.AmountAboveLimit,
        message: `The amount (${euros(amount)}) is more than ${limit.label} (${euros(max)}).`,
        source: 'input',
        params: { limit: limit.limit, max, actual: amount },
      });
    }
  }
  const lower = transition.reasonWhenLower;
  if (lower) {
    const amount = values[lower.amountField];
    const reference = subject[lower.below];
    const reasonProblem = missing.some((m) => m.field === lower.reasonField);
    if (
      typeof amount === 'number' &&
      typeof reference === 'number' &&
      amount < reference &&
      !(lower.reasonField in values) &&
      !reasonProblem
    ) {
      missing.push({
        field: lower.reasonField,
        rule: ApplicationRule.ReasonForLowerAmount,
        message: `Approving less than requested (${euros(amount)} instead of ${euros(reference)}) needs a public reason.`,
        source: 'input',
        params: { requested: reference, actual: amount },
      });
    }
  }
  return { missing, values };
}

function refuse(
  reason: ApplicationTransitionRefusal,
  message: string,
  missing: ApplicationMissingField[] = [],
): ApplicationTransitionCheck {
  return { ok: false, reason, missing, message };
}

function actorList(kinds: readonly ApplicationActorKind[]): string {
  return kinds.map((k) => (k === APPLICANT ? 'the applicant' : `${/^[aeiou]/.test(k) ? 'an' : 'a'} ${k}`)).join(' or ');
}

/**
 * May `actor` make `transitionId` on the application with `input`? Checks in the workflow's order:
 * the transition exists, it starts from the application's state, the actor may make it, the input
 * and amounts pass.
 */
export function checkApplicationTransition(
  subject: ApplicationSubject,
  actor: ApplicationActor,
  transitionId: string,
  input: unknown,
  now: Date = new Date(),
): ApplicationTransitionCheck {
  const transition = getApplicationTransition(transitionId);
  if (!transition) return refuse('unknown_transition', `There is no transition "${transitionId}" for applications.`);
  if (!isApplicationState(subject.state)) return refuse('wrong_state', `The application's state "${String(subject.state)}" is unknown.`);
  const source = transition.from.find((s) => s.state === subject.state);
  if (!source) {
    if (APPLICATION_STATE_INFO[subject.state].terminal) {
      return refuse('wrong_state', `The application is ${APPLICATION_STATE_NAMES[subject.state]}; nothing can change it any more.`);
    }
    const starts = transition.from.map((s) => APPLICATION_STATE_NAMES[s.state]).join(', ');
    return refuse(
      'wrong_state',
      `Cannot ${transition.action} an application that is ${APPLICATION_STATE_NAMES[subject.state]}: this works only when it is ${starts}.`,
    );
  }
  const kinds = actorKinds(actor);
  if (!source.actors.some((k) => kinds.includes(k))) {
    return refuse('role', `Only ${actorList(source.actors)} may ${transition.action} this application (you act as ${actor.role}).`);
  }
  const { missing, values } = missingApplicationFields(transition, subject, input, now);
  if (missing.length > 0) {
    return refuse(
      'missing_fields',
      `Cannot ${transition.action} this application yet: ${missing.map((m) => m.message).join(' ')}`,
      missing,
    );
  }
  return { ok: true, transition, nextState: transition.to, values };
}
