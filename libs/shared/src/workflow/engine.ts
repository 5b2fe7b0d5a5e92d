import { type Role } from '../enums/roles';
import { checkEvaluation, type ProjectRunFacts } from './evaluation';
import { checkField, GuardRule, type GuardValue, type MissingField } from './guards';
import { PROJECT_MAIN_PATH, PROJECT_STATE_INFO, PROJECT_STATE_NAMES, PROJECT_STATES, ProjectState } from './states';
import {
  FactGuard,
  PARKED_FROM,
  TRANSITIONS,
  TRANSITIONS_BY_ID,
  type TransitionDefinition,
  type TransitionId,
  type TransitionSource,
} from './transitions';

/**
 * Pure answers to "which transitions may this user make now, and what is missing?". No I/O and no
 * hidden clock: pass `now` (it only matters for "not in the future" dates) to get repeatable answers.
 */

/** What the workflow needs to know about a project. The API builds it from the database. */
export interface WorkflowSubject {
  state: ProjectState;
  /** While parked: the state it was parked from (resume returns there). Ignored otherwise. */
  parkedFrom?: ProjectState | null;
  /**
   * Single-project runs the fact guards look at: for a single project its own run; for a project
   * type (or regular operation) its instances, including the run it grew out of.
   */
  runs?: readonly ProjectRunFacts[];
}

export interface WorkflowActor {
  role: Role;
}

/** Why a transition was refused. Suggested HTTP mapping: unknown_transition 404, wrong_state 409, role 403, missing_fields 422. */
export type TransitionRefusal = 'unknown_transition' | 'wrong_state' | 'role' | 'missing_fields';

export interface TransitionAllowed {
  ok: true;
  transition: TransitionDefinition;
  /** The project's state afterwards (unchanged for create_instance). */
  nextState: ProjectState;
  /** create_instance: the state of the new single project; otherwise null. */
  createdState: ProjectState | null;
  /** The declared fields of the input, normalised (trimmed text, cents, de-duplicated lists); absent optional fields left out. */
  values: Readonly<Record<string, GuardValue>>;
}

export interface TransitionRefused {
  ok: false;
  reason: TransitionRefusal;
  /** Filled for missing_fields; empty otherwise. */
  missing: MissingField[];
  /** English, one sentence or a short list of them. */
  message: string;
}

export type TransitionCheck = TransitionAllowed | TransitionRefused;

export function isProjectState(value: unknown): value is ProjectState {
  return typeof value === 'string' && PROJECT_STATES.includes(value as ProjectState);
}

export function getTransition(id: string): TransitionDefinition | undefined {
  return Object.prototype.hasOwnProperty.call(TRANSITIONS_BY_ID, id) ? TRANSITIONS_BY_ID[id as TransitionId] : undefined;
}

/** The entry of `transition.from` that applies to the subject, if any. */
export function sourceFor(
  transition: TransitionDefinition,
  state: ProjectState,
  parkedFrom?: ProjectState | null,
): TransitionSource | undefined {
  return transition.from.find(
    (source) =>
      source.state === state &&
      (source.parkedFrom === undefined || (parkedFrom !== undefined && parkedFrom !== null && source.parkedFrom.includes(parkedFrom))),
  );
}

/** The transitions that start from this state (for parked: from a project parked from `parkedFrom`), whatever the role. */
export function transitionsFrom(state: ProjectState, parkedFrom?: ProjectState | null): TransitionDefinition[] {
  return TRANSITIONS.filter((t) => sourceFor(t, state, parkedFrom) !== undefined);
}

/** Who may make the transition on this subject; empty when it does not start from the subject's state. */
export function allowedRoles(transition: TransitionDefinition, subject: WorkflowSubject): readonly Role[] {
  return sourceFor(transition, subject.state, subject.parkedFrom)?.roles ?? [];
}

/**
 * The step on the main path that comes next from a state (what the Vorhabenliste shows as "next
 * step"): the transition that moves a project from this state to the following main-path state.
 * Null at the end of the path and in the side exits.
 */
export function nextMainStep(state: ProjectState): TransitionId | null {
  const at = PROJECT_MAIN_PATH.indexOf(state);
  const following = at >= 0 ? PROJECT_MAIN_PATH[at + 1] : undefined;
  if (following === undefined) return null;
  return TRANSITIONS.find((t) => t.effect === 'move' && t.to === following && sourceFor(t, state) !== undefined)?.id ?? null;
}

/** The project's state after the transition; null when the transition does not apply. */
export function nextStateOf(transition: TransitionDefinition, subject: WorkflowSubject): ProjectState | null {
  if (!sourceFor(transition, subject.state, subject.parkedFrom)) return null;
  if (transition.effect === 'create_instance') return subject.state;
  if (transition.to === PARKED_FROM) return subject.parkedFrom ?? null;
  return transition.to;
}

function asRecord(input: unknown): Readonly<Record<string, unknown>> {
  return input !== null && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

function checkFacts(
  transition: TransitionDefinition,
  subject: WorkflowSubject,
  values: Readonly<Record<string, GuardValue>>,
  now: Date,
): MissingField[] {
  const runs = subject.runs ?? [];
  return transition.facts.flatMap((fact): MissingField[] => {
    switch (fact) {
      case FactGuard.EvaluatedRun: {
        const finished = runs.filter((run) => run.finished);
        if (finished.length === 0) {
          return [
            {
              field: 'runs',
              rule: GuardRule.FinishedRun,
              message:
                'No single project run has finished yet: a project type needs at least one finished run with an evaluation (outcome, evidence, indicators).',
              source: 'subject',
            },
          ];
        }
        const perRun = finished.map((run) => checkEvaluation(run.evaluation, now, `runs.${run.id}.evaluation.`, true));
        return perRun.some((problems) => problems.length === 0) ? [] : perRun.flat();
      }
      case FactGuard.AreaFree: {
        const areaId = values.areaId;
        const busy = typeof areaId === 'string' ? runs.find((run) => !run.finished && run.areaId === areaId) : undefined;
        if (!busy) return [];
        return [
          {
            field: 'areaId',
            rule: GuardRule.AreaHasRun,
            message: `A run of this type is still going on in this Aktionsraum (run ${busy.id}): choose another area or finish that run first.`,
            source: 'input',
            params: { runId: busy.id },
          },
        ];
      }
    }
  });
}

/** Every field and fact that blocks the transition for this input (does not look at state or role). */
export function missingFields(
  transition: TransitionDefinition,
  subject: WorkflowSubject,
  input: unknown,
  now: Date = new Date(),
): { missing: MissingField[]; values: Record<string, GuardValue> } {
  const record = asRecord(input);
  const values: Record<string, GuardValue> = {};
  const missing: MissingField[] = [];
  for (const guard of transition.fields) {
    const result = checkField(guard, record, now);
    missing.push(...result.problems);
    if (result.value !== undefined) values[guard.field] = result.value;
  }
  missing.push(...checkFacts(transition, subject, values, now));
  return { missing, values };
}

function refuse(reason: TransitionRefusal, message: string, missing: MissingField[] = []): TransitionRefused {
  return { ok: false, reason, missing, message };
}

function roleList(roles: readonly Role[]): string {
  return roles.length === 0 ? 'nobody' : roles.map((r) => `${/^[aeiou]/.test(r) ? 'an' : 'a'} ${r}`).join(' or ');
}

/**
 * May `actor` make `transitionId` on `subject` with `input`? Checks in this order: the transition
 * exists, it starts from the subject's state, the role may make it, the guards pass.
 */
export function checkTransition(
  subject: WorkflowSubject,
  transitionId: string,
  input: unknown,
  actor: WorkflowActor,
  now: Date = new Date(),
): TransitionCheck {
  const transition = getTransition(transitionId);
  if (!transition) {
    return refuse('unknown_transition', `There is no transition "${transitionId}".`);
  }
  if (!isProjectState(subject.state)) {
    return refuse('wrong_state', `The project's state "${String(subject.state)}" is unknown.`);
  }
  const source = sourceFor(transition, subject.state, subject.parkedFrom);
  if (!source) {
    if (PROJECT_STATE_INFO[subject.state].terminal) {
      return refuse('wrong_state', `The project is ${PROJECT_STATE_NAMES[subject.state]}; nothing can change it any more.`);
    }
    if (subject.state === ProjectState.Parked && !isProjectState(subject.parkedFrom)) {
      return refuse('wrong_state', 'The project is parked, but the state it was parked from is not recorded.');
    }
    const where =
      subject.state === ProjectState.Parked && subject.parkedFrom
        ? `parked (from ${PROJECT_STATE_NAMES[subject.parkedFrom]})`
        : PROJECT_STATE_NAMES[subject.state];
    const starts = transition.from
      .map((s) =>
        s.parkedFrom ? `parked (from ${s.parkedFrom.map((p) => PROJECT_STATE_NAMES[p]).join(' or ')})` : PROJECT_STATE_NAMES[s.state],
      )
      .join(', ');
    return refuse('wrong_state', `Cannot ${transition.action} a project that is ${where}: this works only from ${starts}.`);
  }
  if (!source.roles.includes(actor.role)) {
    return refuse('role', `Only ${roleList(source.roles)} may ${transition.action} here (you act as ${actor.role}).`);
  }
  const { missing, values } = missingFields(transition, subject, input, now);
  if (missing.length > 0) {
    return refuse('missing_fields', `Cannot ${transition.action} yet: ${missing.map((m) => m.message).join(' ')}`, missing);
  }
  const nextState = nextStateOf(transition, subject) as ProjectState;
  return {
    ok: true,
    transition,
    nextState,
    createdState: transition.effect === 'create_instance' ? (transition.to as ProjectState) : null,
    values,
  };
}

export interface AvailableTransition {
  transition: TransitionDefinition;
  /** The project's state afterwards (unchanged for create_instance). */
  nextState: ProjectState;
  allowedForRole: boolean;
  allowedRoles: readonly Role[];
  /** What blocks it with the given draft input (all required input fields when none is given) and the recorded facts. */
  missing: MissingField[];
  /** Something must be recorded on the project first (source "subject"): a form alone cannot fix it. */
  blocked: boolean;
  /** allowedForRole and nothing missing. */
  possible: boolean;
}

/**
 * The transitions that start from the subject's state, with who may make them and what is missing.
 * The web shows those with allowedForRole (and explains `missing`); pass draft inputs per transition
 * to update the explanation while a form is filled in.
 */
export function availableTransitions(
  subject: WorkflowSubject,
  actor: WorkflowActor,
  options: { now?: Date; inputs?: Partial<Record<TransitionId, unknown>> } = {},
): AvailableTransition[] {
  if (!isProjectState(subject.state)) return [];
  const now = options.now ?? new Date();
  return transitionsFrom(subject.state, subject.parkedFrom).map((transition) => {
    const roles = allowedRoles(transition, subject);
    const allowedForRole = roles.includes(actor.role);
    const { missing } = missingFields(transition, subject, options.inputs?.[transition.id] ?? {}, now);
    return {
      transition,
      nextState: nextStateOf(transition, subject) as ProjectState,
      allowedForRole,
      allowedRoles: roles,
      missing,
      blocked: missing.some((m) => m.source === 'subject'),
      possible: allowedForRole && missing.length === 0,
    };
  });
}
