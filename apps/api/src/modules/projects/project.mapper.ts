import {
  ProjectState,
  TransitionId,
  type ProjectAreaRef,
  type ProjectDetail,
  type ProjectEventKind,
  type ProjectLinkedProposal,
  type ProjectRef,
  type ProjectSummary,
  type ProjectTimelineEvent,
} from '@app/shared';
import type { Area } from '../areas/area.entity';
import type { Project, ProjectEvent, ProjectProposal } from './project.entities';

/** The main-path step that comes next from a state (what the Vorhabenliste shows as "next step"). */
const NEXT_STEP: Partial<Record<ProjectState, TransitionId>> = {
  [ProjectState.Idea]: TransitionId.PromoteToSingleProject,
  [ProjectState.SingleProject]: TransitionId.PromoteToProjectType,
  [ProjectState.ProjectType]: TransitionId.EnterRegularOperation,
};

export const nextStepOf = (state: ProjectState): TransitionId | null => NEXT_STEP[state] ?? null;

const areaRef = (a: Pick<Area, 'id' | 'name'>): ProjectAreaRef => ({ id: a.id, name: a.name });
const ref = (p: Pick<Project, 'id' | 'title' | 'state'>): ProjectRef => ({ id: p.id, title: p.title, state: p.state });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSummary(p: Project, areas: Area[]): ProjectSummary {
  return {
    id: p.id,
    title: p.title,
    state: p.state,
    parkedFrom: p.state === ProjectState.Parked ? p.parkedFrom : null,
    fieldOfAction: { id: p.fieldOfAction.id, code: p.fieldOfAction.code, name: { de: p.fieldOfAction.nameDe, en: p.fieldOfAction.nameEn } },
    areas: areas.map(areaRef),
    responsibleBody: p.responsibleDepartment ?? p.operatorName ?? null,
    nextStep: nextStepOf(p.state),
    stateSince: (p.stateSince ?? p.createdAt).toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

function linked(l: ProjectProposal): ProjectLinkedProposal | null {
  if (l.proposal) {
    // A hidden proposal stays linked but is not shown in public.
    if (l.proposal.hiddenAt) return null;
    return {
      linkId: l.id,
      kind: 'proposal',
      id: l.proposal.id,
      title: l.proposal.title,
      status: l.proposal.status,
      assemblyId: null,
      linkedAt: l.createdAt.toISOString(),
    };
  }
  if (l.liveProposal)
    return {
      linkId: l.id,
      kind: 'live_proposal',
      id: l.liveProposal.id,
      title: l.liveProposal.text,
      status: null,
      assemblyId: l.liveProposal.assemblyId,
      linkedAt: l.createdAt.toISOString(),
    };
  return null;
}

function event(e: ProjectEvent): ProjectTimelineEvent {
  return {
    id: e.id,
    version: e.version,
    transitionId: e.transitionId as TransitionId | ProjectEventKind,
    fromState: e.fromState,
    toState: e.toState,
    actorRole: e.actorRole,
    reason: e.reason,
    data: e.data,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toDetail(p: Project, areas: Area[], instances: Project[], links: ProjectProposal[], events: ProjectEvent[]): ProjectDetail {
  return {
    ...toSummary(p, areas),
    description: p.description,
    version: p.version,
    operatorName: p.operatorName,
    actionArea: p.actionArea ? areaRef(p.actionArea) : null,
    startDate: p.startDate,
    endDate: p.endDate,
    fundingSource: p.fundingSource,
    fundingAmountCents: p.fundingAmountCents,
    patternDescription: p.patternDescription,
    responsibleDepartment: p.responsibleDepartment,
    budgetLine: p.budgetLine,
    decisionBody: p.decisionBody,
    decisionNumber: p.decisionNumber,
    decisionDate: p.decisionDate,
    type: p.type ? ref(p.type) : null,
    instances: instances.map(ref),
    finishedAt: iso(p.finishedAt),
    evaluation:
      p.evaluationOutcome && p.evaluatedAt
        ? {
            outcome: p.evaluationOutcome,
            evidence: p.evaluationEvidence ?? '',
            indicatorKeys: p.evaluationIndicatorKeys ?? [],
            evaluatedAt: p.evaluatedAt.toISOString(),
          }
        : null,
    proposals: links.map(linked).filter((l): l is ProjectLinkedProposal => l !== null),
    timeline: events.map(event),
    createdAt: p.createdAt.toISOString(),
  };
}
