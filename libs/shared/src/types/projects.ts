import type { Role } from '../enums/roles';
import type { ProposalStatus } from '../enums/proposal-status';
import type { EvaluationOutcome } from '../workflow/evaluation';
import type { MissingField } from '../workflow/guards';
import type { ProjectState } from '../workflow/states';
import type { LocalizedText } from './reference-data';
import type { ProjectTypeInput, PublicReasonInput, RegularOperationInput, SingleProjectInput, TransitionId } from '../workflow/transitions';

/** REST types of the projects API: project ideas, the workflow and the public Vorhabenliste. */

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

/** An indicator of the social report that an evaluated run aimed at. */
export interface ProjectEvaluationIndicator {
  key: string;
  /** Null when the indicator was deleted from the social report after the evaluation. */
  name: LocalizedText | null;
  unit: string | null;
}

export interface ProjectEvaluation {
  outcome: EvaluationOutcome;
  evidence: string;
  indicatorKeys: string[];
  /** The same keys with the social report's names, in the same order. */
  indicators: ProjectEvaluationIndicator[];
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
  /** Single projects: the progress of the newest status report (0–100); null without reports. */
  progressPercent: number | null;
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
  /** Single projects: planned milestones, by due date (undated last). */
  milestones: ProjectMilestone[];
  /** Single projects: status reports, newest first. Immutable: a correction is a new report. */
  statusReports: ProjectStatusReport[];
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

/* ---- Milestones and status reports (single projects, for transparency) ---- */

export const MILESTONE_TITLE_MAX = 200;
export const STATUS_REPORT_TEXT_MIN = 10;
export const STATUS_REPORT_TEXT_MAX = 2000;

export interface ProjectMilestone {
  id: string;
  title: string;
  /** Planned date, YYYY-MM-DD; null = not dated yet. */
  dueDate: string | null;
  /** The day it was reached, YYYY-MM-DD; null = still open. */
  reachedOn: string | null;
  createdAt: string;
}

/** POST /api/projects/:id/milestones (moderators of the project's areas, administrators; single projects only). */
export interface CreateMilestoneRequest {
  title: string;
  dueDate?: string;
}

/** PATCH /api/projects/:id/milestones/:milestoneId; null clears a date. */
export interface UpdateMilestoneRequest {
  title?: string;
  dueDate?: string | null;
  reachedOn?: string | null;
}

export interface ProjectStatusReport {
  id: string;
  /** The day the report describes, YYYY-MM-DD (not in the future). */
  reportDate: string;
  /** 0–100. */
  progressPercent: number;
  text: string;
  actorRole: Role;
  createdAt: string;
}

/** POST /api/projects/:id/status-reports (moderators of the project's areas, administrators; single projects only). */
export interface CreateStatusReportRequest {
  reportDate: string;
  progressPercent: number;
  text: string;
}

/* ---- Grouping board: proposals on one side, project ideas on the other ---- */

/** GET /api/projects/grouping: exactly one of areaId (the area and its sub-areas) and assemblyId. Moderators in scope. */
export interface GroupingBoardQuery {
  areaId?: string;
  assemblyId?: string;
}

export interface GroupingSuggestion {
  projectId: string;
  title: string;
  /** Text similarity to the idea (title, description, linked proposals), 0–1, best first. */
  score: number;
}

/** A proposal not yet in any idea. */
export interface GroupingCandidate {
  kind: 'proposal' | 'live_proposal';
  id: string;
  title: string;
  /** The first ~200 characters of the text. */
  excerpt: string;
  areaName: string | null;
  /** Online proposals: the Handlungsfeld the author chose, if any. */
  fieldOfActionId: string | null;
  /** Live proposals: the assembly it was made in. */
  assemblyId: string | null;
  supportCount: number;
  createdAt: string;
  /** At most 3 ideas whose text is similar enough, best first. */
  suggestions: GroupingSuggestion[];
}

export interface GroupingIdea {
  project: ProjectSummary;
  proposals: ProjectLinkedProposal[];
}

export interface GroupingBoardResponse {
  candidates: GroupingCandidate[];
  /** Project ideas (state idea) in the same areas, newest first. */
  ideas: GroupingIdea[];
}

/* ---- Admin portfolio ---- */

/** GET /api/projects/portfolio (administrators); the same filters for portfolio.csv and portfolio.xlsx. */
export interface PortfolioQuery {
  fieldOfActionId?: string;
  /** The area and its sub-areas. */
  areaId?: string;
  state?: ProjectState;
}

export interface PortfolioItem extends ProjectSummary {
  /** Whole days since the project entered its current state. */
  daysInState: number;
}

/** A project in two areas counts in both areas' cells. */
export interface PortfolioCell {
  fieldOfActionId: string;
  areaId: string;
  state: ProjectState;
  count: number;
}

export interface PortfolioStateAge {
  state: ProjectState;
  count: number;
  medianDaysInState: number | null;
  maxDaysInState: number | null;
}

export interface PortfolioResponse {
  generatedAt: string;
  /** The rows and columns of the matrix: fields and areas that occur, in display order. */
  fields: ProjectFieldRef[];
  areas: ProjectAreaRef[];
  cells: PortfolioCell[];
  /** Every state in PROJECT_STATES order, also with count 0: where things get stuck. */
  byState: PortfolioStateAge[];
  /** Longest in their state first. */
  items: PortfolioItem[];
  total: number;
}
