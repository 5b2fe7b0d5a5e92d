import { Role } from '../enums/roles';
import { type FieldGuard, GuardFieldType } from './guards';
import { ProjectState } from './states';

/**
 * Every way a project may move, as data. The API enforces it, the web shows the actions it allows,
 * the tests walk it. Who may do what:
 *  - moderators work on ideas: they may reject, park and resume ideas (they grouped the proposals);
 *  - administrators may do everything, and only they make the steps that commit money or the city
 *    (promote to single project, to project type, into regular operation, run a type elsewhere) and
 *    park, resume or end projects;
 *  - citizens make no transitions; they follow the public timeline.
 * Moderators' area scoping is the API's business: the workflow knows roles only.
 */
export enum TransitionId {
  PromoteToSingleProject = 'promote_to_single_project',
  PromoteToProjectType = 'promote_to_project_type',
  EnterRegularOperation = 'enter_regular_operation',
  /** "Run this in Hörde too": a type (or a line in regular operation) gets a new single project. */
  CreateInstanceFromType = 'create_instance_from_type',
  Reject = 'reject',
  Park = 'park',
  Resume = 'resume',
  End = 'end',
}

export const TRANSITION_IDS: readonly TransitionId[] = Object.values(TransitionId);

/** Where a transition may start, and who may make it from there. */
export interface TransitionSource {
  state: ProjectState;
  /** Only with state parked: the transition applies when the project was parked from one of these. */
  parkedFrom?: readonly ProjectState[];
  roles: readonly Role[];
}

/** The target of resume: back to the state the project was parked from. */
export const PARKED_FROM = 'parked_from' as const;
export type TransitionTarget = ProjectState | typeof PARKED_FROM;

/**
 * move: the project itself changes state.
 * create_instance: the project stays where it is and a new single project is created from it
 * (its `to` is the new project's state).
 */
export type TransitionEffect = 'move' | 'create_instance';

/** Named checks on recorded facts rather than on the transition's input. */
export enum FactGuard {
  /** At least one finished run with a complete evaluation and a positive outcome. */
  EvaluatedRun = 'evaluated_run',
  /** No run of this type is still going on in the chosen area (input areaId). */
  AreaFree = 'area_free',
}

export interface TransitionDefinition {
  id: TransitionId;
  /** i18n key of the action's name: `workflow.transitions.<id>`. */
  labelKey: string;
  /** English verb phrase for messages, e.g. "promote to single project". */
  action: string;
  /** English explanation (default text, raw API). */
  description: string;
  from: readonly TransitionSource[];
  to: TransitionTarget;
  effect: TransitionEffect;
  /** The input the transition requires (and optional input it accepts), checked in this order. */
  fields: readonly FieldGuard[];
  facts: readonly FactGuard[];
}

export const PUBLIC_REASON_MIN = 20;
export const PUBLIC_REASON_MAX = 2000;
export const PATTERN_DESCRIPTION_MIN = 50;
export const PATTERN_DESCRIPTION_MAX = 5000;
export const WORKFLOW_NAME_MIN = 2;
export const WORKFLOW_NAME_MAX = 200;

const MOD_ADMIN: readonly Role[] = [Role.Moderator, Role.Administrator];
const ADMIN: readonly Role[] = [Role.Administrator];

/** Every side exit and resume is explained to the public. */
const publicReason: FieldGuard = {
  field: 'reason',
  type: GuardFieldType.Text,
  required: true,
  label: 'public reason',
  minLength: PUBLIC_REASON_MIN,
  maxLength: PUBLIC_REASON_MAX,
};

const text = (field: string, label: string): FieldGuard => ({
  field,
  type: GuardFieldType.Text,
  required: true,
  label,
  minLength: WORKFLOW_NAME_MIN,
  maxLength: WORKFLOW_NAME_MAX,
});

/** What a single project needs to start, whether promoted from an idea or created from a type. */
const singleProjectFields: readonly FieldGuard[] = [
  text('operatorName', 'Träger (organisation running the project)'),
  { field: 'areaId', type: GuardFieldType.Reference, required: true, label: 'Aktionsraum' },
  { field: 'startDate', type: GuardFieldType.Date, required: true, label: 'start date' },
  { field: 'endDate', type: GuardFieldType.Date, required: false, label: 'planned end date', notBefore: 'startDate' },
  text('fundingSource', 'funding source (e.g. Aktionsraumfonds, city budget, state programme)'),
  { field: 'fundingAmountCents', type: GuardFieldType.Money, required: true, label: 'funding amount' },
];

function transition(def: Omit<TransitionDefinition, 'labelKey'>): TransitionDefinition {
  return { labelKey: `workflow.transitions.${def.id}`, ...def };
}

export const TRANSITIONS: readonly TransitionDefinition[] = [
  transition({
    id: TransitionId.PromoteToSingleProject,
    action: 'promote to single project',
    description: 'The idea becomes a single project run by a Träger in one Aktionsraum, with a start date and funding.',
    from: [{ state: ProjectState.Idea, roles: ADMIN }],
    to: ProjectState.SingleProject,
    effect: 'move',
    fields: singleProjectFields,
    facts: [],
  }),
  transition({
    id: TransitionId.PromoteToProjectType,
    action: 'promote to project type',
    description: 'A single project that finished with a positive evaluation becomes a project type: a pattern to run elsewhere.',
    from: [{ state: ProjectState.SingleProject, roles: ADMIN }],
    to: ProjectState.ProjectType,
    effect: 'move',
    fields: [
      {
        field: 'patternDescription',
        type: GuardFieldType.Text,
        required: true,
        label: 'pattern description (what makes it work and what another area needs to run it)',
        minLength: PATTERN_DESCRIPTION_MIN,
        maxLength: PATTERN_DESCRIPTION_MAX,
      },
    ],
    facts: [FactGuard.EvaluatedRun],
  }),
  transition({
    id: TransitionId.EnterRegularOperation,
    action: 'take into regular operation',
    description: "The project type enters the city's regular operation, owned by a department, on a budget line, by a decision.",
    from: [{ state: ProjectState.ProjectType, roles: ADMIN }],
    to: ProjectState.RegularOperation,
    effect: 'move',
    fields: [
      text('responsibleDepartment', 'responsible department'),
      text('budgetLine', 'budget line'),
      text('decisionBody', 'deciding body (e.g. city council, committee)'),
      text('decisionNumber', 'decision number (Drucksache)'),
      { field: 'decisionDate', type: GuardFieldType.Date, required: true, label: 'decision date', notInFuture: true },
    ],
    facts: [],
  }),
  transition({
    id: TransitionId.CreateInstanceFromType,
    action: 'run the type in another area',
    description: 'Run the type in another Aktionsraum: a new single project is created; the type stays as it is.',
    from: [
      { state: ProjectState.ProjectType, roles: ADMIN },
      { state: ProjectState.RegularOperation, roles: ADMIN },
    ],
    to: ProjectState.SingleProject,
    effect: 'create_instance',
    fields: singleProjectFields,
    facts: [FactGuard.AreaFree],
  }),
  transition({
    id: TransitionId.Reject,
    action: 'reject',
    description: 'The idea is not pursued.',
    from: [
      { state: ProjectState.Idea, roles: MOD_ADMIN },
      { state: ProjectState.Parked, parkedFrom: [ProjectState.Idea], roles: MOD_ADMIN },
    ],
    to: ProjectState.Rejected,
    effect: 'move',
    fields: [publicReason],
    facts: [],
  }),
  transition({
    id: TransitionId.Park,
    action: 'park',
    description: 'Put on hold; it can be resumed where it stopped.',
    from: [
      { state: ProjectState.Idea, roles: MOD_ADMIN },
      { state: ProjectState.SingleProject, roles: ADMIN },
      { state: ProjectState.ProjectType, roles: ADMIN },
    ],
    to: ProjectState.Parked,
    effect: 'move',
    fields: [publicReason],
    facts: [],
  }),
  transition({
    id: TransitionId.Resume,
    action: 'resume',
    description: 'Continue where it was parked.',
    from: [
      { state: ProjectState.Parked, parkedFrom: [ProjectState.Idea], roles: MOD_ADMIN },
      { state: ProjectState.Parked, parkedFrom: [ProjectState.SingleProject, ProjectState.ProjectType], roles: ADMIN },
    ],
    to: PARKED_FROM,
    effect: 'move',
    fields: [publicReason],
    facts: [],
  }),
  transition({
    id: TransitionId.End,
    action: 'end',
    description: 'The project, type or line of regular operation ends.',
    from: [
      { state: ProjectState.SingleProject, roles: ADMIN },
      { state: ProjectState.ProjectType, roles: ADMIN },
      { state: ProjectState.RegularOperation, roles: ADMIN },
      { state: ProjectState.Parked, parkedFrom: [ProjectState.SingleProject, ProjectState.ProjectType], roles: ADMIN },
    ],
    to: ProjectState.Ended,
    effect: 'move',
    fields: [publicReason],
    facts: [],
  }),
];

export const TRANSITIONS_BY_ID: Readonly<Record<TransitionId, TransitionDefinition>> = Object.fromEntries(
  TRANSITIONS.map((t) => [t.id, t]),
) as Record<TransitionId, TransitionDefinition>;

/** Typed inputs for clients (dates "YYYY-MM-DD", money in euro cents). The checks accept any object. */
export interface SingleProjectInput {
  operatorName: string;
  areaId: string;
  startDate: string;
  endDate?: string | null;
  fundingSource: string;
  fundingAmountCents: number;
}

export interface ProjectTypeInput {
  patternDescription: string;
}

export interface RegularOperationInput {
  responsibleDepartment: string;
  budgetLine: string;
  decisionBody: string;
  decisionNumber: string;
  decisionDate: string;
}

export interface PublicReasonInput {
  reason: string;
}

export interface TransitionInputMap {
  [TransitionId.PromoteToSingleProject]: SingleProjectInput;
  [TransitionId.PromoteToProjectType]: ProjectTypeInput;
  [TransitionId.EnterRegularOperation]: RegularOperationInput;
  [TransitionId.CreateInstanceFromType]: SingleProjectInput;
  [TransitionId.Reject]: PublicReasonInput;
  [TransitionId.Park]: PublicReasonInput;
  [TransitionId.Resume]: PublicReasonInput;
  [TransitionId.End]: PublicReasonInput;
}
