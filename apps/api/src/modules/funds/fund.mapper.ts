import { calendarDate, type ProposalAttachment } from '@app/shared';
import type { ApplicationSummary, ApplicationTimelineEvent, FundAreaRef, FundDetail, FundSummary } from '@app/shared/funds';
import { toAttachmentResponse } from '../../common/files/attachment-response';
import type { Area } from '../areas/area.entity';
import type { Fund, FundApplication, FundApplicationAttachment, FundApplicationEvent } from './fund.entities';
import { remainingCents } from './fund-money';
import { isErased } from './application-privacy';

/** Rows → the REST contract of libs/shared/src/funds/contracts.ts. */

export const areaRef = (a: Pick<Area, 'id' | 'code' | 'name'>): FundAreaRef => ({ id: a.id, code: a.code, name: a.name });

/** "Aktionsraumfonds Nordmarkt 2026": also the funding source of the Einzelprojekt an application becomes. */
export const fundTitle = (f: Pick<Fund, 'year'>, area: Pick<Area, 'name'>): string => `Aktionsraumfonds ${area.name} ${f.year}`;

export function toFundSummary(f: Fund, area: Area, applicationCount: number, now = new Date()): FundSummary {
  const today = calendarDate(now);
  return {
    id: f.id,
    area: areaRef(area),
    year: f.year,
    title: fundTitle(f, area),
    maxPerApplicationCents: f.maxPerApplicationCents,
    applicationStart: f.applicationStart,
    applicationEnd: f.applicationEnd,
    conferenceDate: f.conferenceDate,
    open: !f.decidedAt && f.applicationStart <= today && today <= f.applicationEnd,
    decided: f.decidedAt !== null,
    balance: {
      amountCents: f.amountCents,
      approvedCents: f.approvedCents,
      paidCents: f.paidCents,
      returnedCents: f.returnedCents,
      remainingCents: remainingCents(f),
    },
    applicationCount,
  };
}

export function toFundDetail(f: Fund, area: Area, applications: ApplicationSummary[]): FundDetail {
  return {
    ...toFundSummary(f, area, applications.length),
    description: f.description,
    decision:
      f.decidedAt && f.decisionMode
        ? {
            mode: f.decisionMode,
            decisionDate: f.decisionDate ?? f.decidedAt.toISOString().slice(0, 10),
            decidedAt: f.decidedAt.toISOString(),
            roundId: f.decisionRoundId,
            assemblyId: f.decisionAssemblyId,
            note: f.decisionNote,
          }
        : null,
    applications,
  };
}

export function toApplicationSummary(a: FundApplication, neighbourhood: Area | null): ApplicationSummary {
  return {
    id: a.id,
    fundId: a.fundId,
    title: a.title,
    state: a.state,
    applicantKind: a.applicantKind,
    applicantName: isErased(a.applicantName) ? null : a.applicantName,
    fieldOfActionId: a.fieldOfActionId,
    neighbourhood: neighbourhood ? areaRef(neighbourhood) : null,
    requestedAmountCents: a.requestedAmountCents,
    approvedAmountCents: a.approvedAmountCents,
    paidAmountCents: a.paidAmountCents,
    submittedAt: a.submittedAt?.toISOString() ?? null,
    updatedAt: a.updatedAt.toISOString(),
  };
}

export function toTimelineEvent(e: FundApplicationEvent): ApplicationTimelineEvent {
  return {
    id: e.id,
    kind: e.kind as ApplicationTimelineEvent['kind'],
    fromState: e.fromState,
    toState: e.toState,
    actorRole: e.actorRole,
    reason: e.reason,
    data: e.data,
    createdAt: e.createdAt.toISOString(),
  };
}

export function toApplicationAttachment(a: FundApplicationAttachment): ProposalAttachment {
  return toAttachmentResponse(a, `/api/applications/${a.applicationId}/attachments/${a.id}`);
}
