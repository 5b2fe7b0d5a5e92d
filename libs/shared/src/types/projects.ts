import type { Role } from '../enums/roles';
import type { ProposalStatus } from '../enums/proposal-status';
import type { EvaluationOutcome } from '../workflow/evaluation';
import type { MissingField } from '../workflow/guards';
import type { ProjectState } from '../workflow/states';
import type { ProjectTypeInput, PublicReasonInput, RegularOperationInput, SingleProjectInput, TransitionId } from '../workflow/transitions';

/** REST types of the projects API (issue 5): project ideas, the workflow and the public Vorhabenliste. */

export interface ProjectRef {
  id: string;
  title: string;
  state: ProjectState;
}

export interface ProjectAreaRef {
  id: string;
  name: string;
}

export interface ProjectFieldRef {
  id: string;
  code: string;
  name: { de: string; en: string };
}

/** One step of the public timeline. `transitionId` is a TransitionId or one of PROJECT_EVENT_KINDS. */
export interface ProjectTimelineEvent {
  id: string;
  version: number;
  transitionId: TransitionId | ProjectEventKind;
  fromState: ProjectState | null;
  toState: ProjectState;
  actorRole: Role;
  reason: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

/** Timeline steps that are not transitions. */
export enum ProjectEventKind {
  Created = 'created',
  ProposalLinked = 'proposal_linked',
  ProposalUnlinked = 'proposal_unlinked',
  RunEvaluated = 'run_evaluated',
}

export const PROJECT_EVENT_KINDS: readonly ProjectEventKind[] = Object.values(ProjectEventKind);

export interface ProjectLinkedProposal {
  /** The link's id (to unlink). */
  linkId: string;
  kind: 'proposal' | 'live_proposal';
  /** The online proposal's id, or the live proposal's id. */
  id: string;
  title: string;
  /** Online proposals only. */
  status: ProposalStatus | null;
  /** Live proposals only: the assembly it was made in. */
  assemblyId: string | null;
  linkedAt: string;
}

export interface ProjectEvaluation {
  outcome: EvaluationOutcome;
  evidence: string;
  indicatorKeys: string[];
  evaluatedAt: string;
}

export interface ProjectSummary {
  id: string;
  title: string;
  state: ProjectState;
  parkedFrom: ProjectState | null;
  fieldOfAction: ProjectFieldRef;
  areas: ProjectAreaRef[];
  /** Who is responsible now: the department (regular operation), else the Träger; null for ideas. */
  responsibleBody: string | null;
  /** The main-path transition that comes next (null at the end or on a side exit). */
  nextStep: TransitionId | null;
  stateSince: string;
  updatedAt: string;
}

export interface ProjectDetail extends ProjectSummary {
  description: string;
  version: number;
  operatorName: string | null;
  actionArea: ProjectAreaRef | null;
  startDate: string | null;
  endDate: string | null;
  fundingSource: string | null;
  fundingAmountCents: number | null;
  patternDescription: string | null;
  responsibleDepartment: string | null;
  budgetLine: string | null;
  decisionBody: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  /** A single project created from a type: the type. */
  type: ProjectRef | null;
  /** A project type: its single projects (instances). */
  instances: ProjectRef[];
  finishedAt: string | null;
  evaluation: ProjectEvaluation | null;
  proposals: ProjectLinkedProposal[];
  timeline: ProjectTimelineEvent[];
  createdAt: string;
}

export interface CreateProjectIdeaRequest {
  title: string;
  description: string;
  fieldOfActionId: string;
  areaIds: string[];
}

/** Exactly one of proposalId and liveProposalId. */
export interface LinkProposalRequest {
  proposalId?: string;
  liveProposalId?: string;
}

/** Every field any transition asks for; which ones a transition requires is in TRANSITIONS. */
export type ProjectTransitionInput = Partial<SingleProjectInput & ProjectTypeInput & RegularOperationInput & PublicReasonInput>;

export interface ProjectTransitionRequest {
  transitionId: TransitionId;
  input?: ProjectTransitionInput;
  /** The version the caller saw; a changed project is refused with 409 CONFLICT. */
  expectedVersion: number;
}

/** Marks a single project's run as finished and records its evaluation. */
export interface RecordEvaluationRequest {
  outcome: EvaluationOutcome;
  evidence: string;
  indicatorKeys: string[];
  expectedVersion: number;
}

export interface ProjectTransitionResponse {
  project: ProjectDetail;
  /** create_instance_from_type: the new single project. */
  created: ProjectDetail | null;
}

export interface AvailableProjectTransition {
  transitionId: TransitionId;
  labelKey: string;
  action: string;
  description: string;
  nextState: ProjectState;
  allowedForRole: boolean;
  allowedRoles: Role[];
  missing: MissingField[];
  blocked: boolean;
  possible: boolean;
}

export interface ProjectTransitionsResponse {
  version: number;
  state: ProjectState;
  transitions: AvailableProjectTransition[];
}
