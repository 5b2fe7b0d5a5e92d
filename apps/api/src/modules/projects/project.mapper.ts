import {
  nextMainStep,
  ProjectState,
  type ProjectAreaRef,
  type ProjectDetail,
  type ProjectEventKind,
  type ProjectLinkedProposal,
  type ProjectMilestone,
  type ProjectRef,
  type ProjectStatusReport,
  type ProjectSummary,
  type ProjectTimelineEvent,
  type TransitionId,
} from '@app/shared';
import type { Area } from '../areas/area.entity';
import type { Indicator } from '../indicators/indicator.entities';
import type { Project, ProjectEvent, ProjectMilestoneEntity, ProjectProposal, ProjectStatusReportEntity } from './project.entities';

const areaRef = (a: Pick<Area, 'id' | 'name'>): ProjectAreaRef => ({ id: a.id, name: a.name });
const ref = (p: Pick<Project, 'id' | 'title' | 'state'>): ProjectRef => ({ id: p.id, title: p.title, state: p.state });
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toSummary(p: Project, areas: Area[], progressPercent: number | null = null): ProjectSummary {
  return {
    id: p.id,
    title: p.title,
    state: p.state,
    parkedFrom: p.state === ProjectState.Parked ? p.parkedFrom : null,
    fieldOfAction: { id: p.fieldOfAction.id, code: p.fieldOfAction.code, name: { de: p.fieldOfAction.nameDe, en: p.fieldOfAction.nameEn } },
    areas: areas.map(areaRef),
    responsibleBody: p.responsibleDepartment ?? p.operatorName ?? null,
    nextStep: nextMainStep(p.state),
    stateSince: (p.stateSince ?? p.createdAt).toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    progressPercent,
  };
}

export function linked(l: ProjectProposal): ProjectLinkedProposal | null {
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

/** Milestones by due date, undated last (then in the order they were planned). */
export function sortMilestones(list: ProjectMilestoneEntity[]): ProjectMilestoneEntity[] {
  const key = (x: ProjectMilestoneEntity) => x.dueDate ?? '9999-99-99';
  return [...list].sort(
    (a, b) => key(a).localeCompare(key(b)) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
}

/** Status reports newest first: by the day they describe, then by when they were written. */
export function sortReports(list: ProjectStatusReportEntity[]): ProjectStatusReportEntity[] {
  return [...list].sort(
    (a, b) => b.reportDate.localeCompare(a.reportDate) || b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id),
  );
}

export function toMilestone(x: ProjectMilestoneEntity): ProjectMilestone {
  return { id: x.id, title: x.title, dueDate: x.dueDate, reachedOn: x.reachedOn, createdAt: x.createdAt.toISOString() };
}

export function toStatusReport(x: ProjectStatusReportEntity): ProjectStatusReport {
  return {
    id: x.id,
    reportDate: x.reportDate,
    progressPercent: x.progressPercent,
    text: x.text,
    actorRole: x.actorRole,
    createdAt: x.createdAt.toISOString(),
  };
}

export interface ProjectDetailParts {
  areas: Area[];
  instances: Project[];
  links: ProjectProposal[];
  events: ProjectEvent[];
  milestones: ProjectMilestoneEntity[];
  reports: ProjectStatusReportEntity[];
  /** The social report's indicators named in the evaluation, by key. */
  indicators: Map<string, Pick<Indicator, 'nameDe' | 'nameEn' | 'unit'>>;
}

export function toDetail(p: Project, parts: ProjectDetailParts): ProjectDetail {
  const { areas, instances, links, events } = parts;
  const reports = sortReports(parts.reports);
  return {
    ...toSummary(p, areas, reports[0]?.progressPercent ?? null),
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
            indicators: (p.evaluationIndicatorKeys ?? []).map((key) => {
              const indicator = parts.indicators.get(key);
              return { key, name: indicator ? { de: indicator.nameDe, en: indicator.nameEn } : null, unit: indicator?.unit ?? null };
            }),
            evaluatedAt: p.evaluatedAt.toISOString(),
          }
        : null,
    proposals: links.map(linked).filter((l): l is ProjectLinkedProposal => l !== null),
    timeline: events.map(event),
    milestones: sortMilestones(parts.milestones).map(toMilestone),
    statusReports: reports.map(toStatusReport),
    createdAt: p.createdAt.toISOString(),
  };
}
