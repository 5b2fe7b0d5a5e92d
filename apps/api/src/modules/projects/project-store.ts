/* eslint-disable max-lines -- one file on purpose: every write here goes through the same version
   check and timeline event, and applyTransition is the only caller of most helpers; split apart, the
   rule "no project change without bumpVersion and recordEvent in one transaction" would not be visible
   in one place. */
import type { EntityManager } from 'typeorm';
import {
  AreaType,
  checkEvaluation,
  checkRunStarted,
  checkTransition,
  ErrorCode,
  PROJECT_STATE_NAMES,
  ProjectEventKind,
  ProjectState,
  TransitionId,
  type EvaluationOutcome,
  type FieldErrorDetail,
  type MissingField,
  type ProjectRunFacts,
  type ProjectTransitionInput,
  type ProposalStatus,
  type Role,
  type TransitionAllowed,
  type WorkflowSubject,
} from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { Area } from '../areas/area.entity';
import { Project, ProjectArea, ProjectEvent, ProjectProposal } from './project.entities';

/**
 * The writes of the Verstetigung workflow on one EntityManager (inside a transaction): optimistic
 * locking, timeline events, transitions and run evaluations. The services call these, and so does
 * the demo seed, so demo timelines are made by the same code as real ones.
 */

/** The largest funding amount the API stores (the column is a 32-bit integer of cents: 20 million euros). */
export const MAX_FUNDING_CENTS = 2_000_000_000;

/** Who acts: an account (id) in a role; the seed acts without an account. */
export interface ProjectActor {
  id: string | null;
  role: Role;
}

export const conflict = (project: Pick<Project, 'version'>, expected: number) =>
  new DomainError(
    ErrorCode.Conflict,
    `The project was changed meanwhile (it is at version ${project.version}, you saw version ${expected}). Reload it and try again.`,
  );

/** A MissingField as one entry of the error body's details. */
export function toDetail422(m: MissingField): FieldErrorDetail {
  return { field: m.field, messages: [m.message], rules: [m.rule] };
}

export function invalidReference(
  field: string,
  message: string,
  code: 'ReferenceInvalid' | 'TransitionFieldsMissing' = 'ReferenceInvalid',
): DomainError {
  return new DomainError(ErrorCode[code], message, [{ field, messages: [message], rules: ['reference'] }]);
}

/** The fields a transition writes onto the project, from the normalised values of checkTransition. */
function writtenFields(check: TransitionAllowed): Partial<Project> {
  const v = check.values;
  const str = (key: string) => (typeof v[key] === 'string' ? (v[key] as string) : null);
  switch (check.transition.id) {
    case TransitionId.PromoteToSingleProject:
    case TransitionId.CreateInstanceFromType:
      return {
        operatorName: str('operatorName'),
        actionAreaId: str('areaId'),
        startDate: str('startDate'),
        endDate: str('endDate'),
        fundingSource: str('fundingSource'),
        fundingAmountCents: typeof v.fundingAmountCents === 'number' ? v.fundingAmountCents : null,
      };
    case TransitionId.PromoteToProjectType:
      return { patternDescription: str('patternDescription') };
    case TransitionId.EnterRegularOperation:
      return {
        responsibleDepartment: str('responsibleDepartment'),
        budgetLine: str('budgetLine'),
        decisionBody: str('decisionBody'),
        decisionNumber: str('decisionNumber'),
        decisionDate: str('decisionDate'),
      };
    default:
      return {};
  }
}

/** Recorded on the event: the normalised input without the reason (which has its own column). */
function eventData(check: TransitionAllowed): Record<string, unknown> | null {
  const { reason: _reason, ...rest } = check.values;
  return Object.keys(rest).length ? rest : null;
}

/**
 * The conditional UPDATE of optimistic locking: changes the project only if it is still at
 * `expected`, and answers the new version. Of two writers that saw the same version, one wins
 * and the other gets 409 CONFLICT.
 */
export async function bumpVersion(
  m: EntityManager,
  p: Pick<Project, 'id' | 'version'>,
  expected: number,
  values: Partial<Project> = {},
): Promise<number> {
  const version = expected + 1;
  const result = await m
    .createQueryBuilder()
    .update(Project)
    .set({ ...values, version })
    .where('id = :id AND version = :expected', { id: p.id, expected })
    .execute();
  if (!result.affected) {
    const now = await m.findOneBy(Project, { id: p.id });
    throw conflict(now ?? p, expected);
  }
  return version;
}

/** One immutable step of the public timeline. */
export async function recordEvent(
  m: EntityManager,
  projectId: string,
  version: number,
  transitionId: string,
  fromState: ProjectState | null,
  toState: ProjectState,
  actor: ProjectActor,
  reason: string | null,
  data: Record<string, unknown> | null,
  at?: Date,
): Promise<void> {
  // save() rather than insert(): the JSON transformer takes a plain object there.
  await m.save(
    m.create(ProjectEvent, {
      projectId,
      version,
      transitionId,
      fromState,
      toState,
      actorRole: actor.role,
      actorId: actor.id,
      reason,
      data,
      ...(at ? { createdAt: at } : {}),
    }),
  );
}

export interface NewIdea {
  title: string;
  description: string;
  fieldOfActionId: string;
  areaIds: string[];
}

/**
 * A new project idea (version 1) with its areas and the "created" step. `at` backdates it (demo data
 * only); `data` adds to what the "created" step records (where a project came from).
 */
export async function createIdea(
  m: EntityManager,
  idea: NewIdea,
  actor: ProjectActor,
  at?: Date,
  data: Record<string, unknown> = {},
): Promise<Project> {
  const saved = await m.save(
    m.create(Project, {
      title: idea.title,
      description: idea.description,
      fieldOfActionId: idea.fieldOfActionId,
      state: ProjectState.Idea,
      version: 1,
      stateSince: at ?? new Date(),
      createdById: actor.id,
      ...(at ? { createdAt: at, updatedAt: at } : {}),
    }),
  );
  await m.insert(
    ProjectArea,
    [...new Set(idea.areaIds)].map((areaId) => ({ projectId: saved.id, areaId })),
  );
  await recordEvent(m, saved.id, 1, ProjectEventKind.Created, null, ProjectState.Idea, actor, null, { ...data, title: idea.title }, at);
  return saved;
}

export interface LinkTarget {
  proposalId: string | null;
  liveProposalId: string | null;
  /** The online proposal's status before grouping (restored when unlinked). */
  previousStatus: ProposalStatus | null;
  title: string;
}

/**
 * Groups a proposal into an idea the transaction has read: the link row (its unique columns refuse
 * a proposal grouped elsewhere at the same moment) and the timeline step. The caller checks scope
 * and status, and moves an online proposal's status.
 */
export async function recordLink(m: EntityManager, project: Project, target: LinkTarget, actor: ProjectActor, at?: Date): Promise<number> {
  const version = await bumpVersion(m, project, project.version);
  try {
    await m.insert(ProjectProposal, {
      projectId: project.id,
      proposalId: target.proposalId,
      liveProposalId: target.liveProposalId,
      previousStatus: target.previousStatus,
      linkedById: actor.id,
      ...(at ? { createdAt: at } : {}),
    });
  } catch {
    throw new DomainError(ErrorCode.Conflict, 'This proposal was grouped into a project idea at the same moment; reload and check.');
  }
  await recordEvent(
    m,
    project.id,
    version,
    ProjectEventKind.ProposalLinked,
    project.state,
    project.state,
    actor,
    null,
    { kind: target.proposalId ? 'proposal' : 'live_proposal', id: target.proposalId ?? target.liveProposalId, title: target.title },
    at,
  );
  project.version = version;
  return version;
}

/** What the workflow needs: state, parkedFrom and the runs (the project's own, and its instances'). */
export async function workflowSubject(m: EntityManager, p: Project): Promise<WorkflowSubject> {
  const instances = await m.find(Project, { where: { typeId: p.id } });
  const runs: ProjectRunFacts[] = [p, ...instances]
    .filter((r) => r.actionAreaId !== null)
    .map((r) => ({
      id: r.id,
      areaId: r.actionAreaId!,
      // An ended run is over too.
      finished: r.finishedAt !== null || r.state === ProjectState.Ended,
      evaluation: r.evaluationOutcome
        ? { outcome: r.evaluationOutcome, evidence: r.evaluationEvidence ?? '', indicatorKeys: r.evaluationIndicatorKeys ?? [] }
        : null,
    }));
  return { state: p.state, parkedFrom: p.parkedFrom, runs };
}

/** What the guards cannot know: the Aktionsraum exists and is one, the amount fits the column. */
async function checkReferences(m: EntityManager, check: TransitionAllowed): Promise<void> {
  const areaId = check.values.areaId;
  if (typeof areaId === 'string') {
    const area = await m.findOneBy(Area, { id: areaId });
    if (!area || area.type !== AreaType.ActionArea)
      throw invalidReference('areaId', 'Choose an existing Aktionsraum (action area) for the single project.', 'TransitionFieldsMissing');
  }
  const cents = check.values.fundingAmountCents;
  if (typeof cents === 'number' && cents > MAX_FUNDING_CENTS) {
    const message = `The funding amount may be at most ${MAX_FUNDING_CENTS} cents (20 million euros).`;
    throw new DomainError(ErrorCode.TransitionFieldsMissing, message, [
      { field: 'fundingAmountCents', messages: [message], rules: ['max'] },
    ]);
  }
}

export interface AppliedTransition {
  check: TransitionAllowed;
  /** create_instance_from_type: the new single project. */
  createdId: string | null;
}

/**
 * Makes a workflow step on a project the transaction has read at `expectedVersion`: checks it
 * with the shared workflow (roles, state, guards), writes the fields, moves the state and records
 * the event(s). Refusals are DomainErrors (404, 409, 403, 422 with the missing fields).
 */
export async function applyTransition(
  m: EntityManager,
  p: Project,
  transitionId: string,
  input: ProjectTransitionInput,
  actor: ProjectActor,
  at?: Date,
): Promise<AppliedTransition> {
  const now = at ?? new Date();
  const check = checkTransition(await workflowSubject(m, p), transitionId, input, { role: actor.role }, now);
  if (!check.ok) {
    switch (check.reason) {
      case 'unknown_transition':
        throw new DomainError(ErrorCode.NotFound, check.message);
      case 'wrong_state':
        throw new DomainError(ErrorCode.TransitionNotAllowed, check.message);
      case 'role':
        throw new DomainError(ErrorCode.Forbidden, check.message);
      case 'missing_fields':
        throw new DomainError(ErrorCode.TransitionFieldsMissing, check.message, check.missing.map(toDetail422));
    }
  }
  await checkReferences(m, check);
  const fields = writtenFields(check);
  const reason = typeof check.values.reason === 'string' ? check.values.reason : null;
  if (check.transition.effect === 'create_instance') {
    const version = await bumpVersion(m, p, p.version);
    const area = await m.findOneByOrFail(Area, { id: fields.actionAreaId! });
    const created = await m.save(
      m.create(Project, {
        ...fields,
        title: `${p.title} – ${area.name}`.slice(0, 200),
        description: p.description,
        fieldOfActionId: p.fieldOfActionId,
        state: check.createdState!,
        version: 1,
        stateSince: now,
        typeId: p.id,
        createdById: actor.id,
        ...(at ? { createdAt: at, updatedAt: at } : {}),
      }),
    );
    await m.insert(ProjectArea, { projectId: created.id, areaId: area.id });
    await recordEvent(
      m,
      created.id,
      1,
      check.transition.id,
      null,
      check.createdState!,
      actor,
      reason,
      { ...eventData(check), typeId: p.id, typeTitle: p.title },
      at,
    );
    await recordEvent(
      m,
      p.id,
      version,
      check.transition.id,
      p.state,
      p.state,
      actor,
      reason,
      { ...eventData(check), createdProjectId: created.id },
      at,
    );
    p.version = version;
    return { check, createdId: created.id };
  }
  const version = await bumpVersion(m, p, p.version, {
    ...fields,
    state: check.nextState,
    parkedFrom: check.nextState === ProjectState.Parked ? p.state : null,
    stateSince: now,
  });
  if (fields.actionAreaId)
    await m.createQueryBuilder().insert().into(ProjectArea).values({ projectId: p.id, areaId: fields.actionAreaId }).orIgnore().execute();
  await recordEvent(m, p.id, version, check.transition.id, p.state, check.nextState, actor, reason, eventData(check), at);
  Object.assign(p, fields, {
    version,
    state: check.nextState,
    parkedFrom: check.nextState === ProjectState.Parked ? p.state : null,
    stateSince: now,
  });
  return { check, createdId: null };
}

export interface EvaluationInput {
  outcome: EvaluationOutcome;
  evidence: string;
  indicatorKeys: string[];
}

/** Checks an evaluation's content (422 with the problems named). */
export function assertEvaluation(input: EvaluationInput, now: Date = new Date()): void {
  const problems = checkEvaluation(input, now, '');
  if (problems.length)
    throw new DomainError(
      ErrorCode.TransitionFieldsMissing,
      `The evaluation is not complete: ${problems.map((p) => p.message).join(' ')}`,
      problems.map(toDetail422),
    );
}

/** Marks a single project's run (read by the transaction) as finished and records its evaluation. */
export async function applyEvaluation(m: EntityManager, p: Project, input: EvaluationInput, actor: ProjectActor, at?: Date): Promise<void> {
  const now = at ?? new Date();
  const isRun =
    p.actionAreaId !== null &&
    (p.state === ProjectState.SingleProject ||
      p.state === ProjectState.Ended ||
      (p.state === ProjectState.Parked && p.parkedFrom === ProjectState.SingleProject));
  if (!isRun)
    throw new DomainError(
      ErrorCode.TransitionNotAllowed,
      `Only a single project (running, parked or ended) has a run to evaluate; this project is ${PROJECT_STATE_NAMES[p.state]}.`,
    );
  const notStarted = checkRunStarted(p.startDate, now);
  if (notStarted.length) throw new DomainError(ErrorCode.TransitionFieldsMissing, notStarted[0].message, notStarted.map(toDetail422));
  const indicatorKeys = [...new Set(input.indicatorKeys.map((k) => k.trim()))];
  const version = await bumpVersion(m, p, p.version, {
    finishedAt: p.finishedAt ?? now,
    evaluationOutcome: input.outcome,
    evaluationEvidence: input.evidence,
    evaluationIndicatorKeys: indicatorKeys,
    evaluatedAt: now,
  });
  await recordEvent(
    m,
    p.id,
    version,
    ProjectEventKind.RunEvaluated,
    p.state,
    p.state,
    actor,
    null,
    { outcome: input.outcome, indicatorKeys },
    at,
  );
  Object.assign(p, { version, finishedAt: p.finishedAt ?? now, evaluationOutcome: input.outcome, evaluatedAt: now });
  p.evaluationEvidence = input.evidence;
  p.evaluationIndicatorKeys = indicatorKeys;
}
