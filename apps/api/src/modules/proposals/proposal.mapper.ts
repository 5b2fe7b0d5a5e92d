import type { ProposalAttachment, ProposalDetail, ProposalSummary, SupportLimitInfo } from '@app/shared';
import type { ProposalStatusEventEntity } from './proposal-status-event.entity';
import type { Proposal } from './proposal.entity';

const EXCERPT = 200;

/** Plain-text excerpt on a word boundary. */
export function excerpt(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT) return flat;
  const cut = flat.slice(0, EXCERPT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), EXCERPT - 30))}…`;
}

/** Needs the fieldOfAction, area and author relations loaded. */
export function toSummary(p: Proposal): ProposalSummary {
  return {
    id: p.id,
    title: p.title,
    excerpt: excerpt(p.body),
    status: p.status,
    fieldOfAction: { id: p.fieldOfAction.id, code: p.fieldOfAction.code, name: { de: p.fieldOfAction.nameDe, en: p.fieldOfAction.nameEn } },
    area: { id: p.area.id, name: p.area.name, type: p.area.type },
    author: p.author ? { id: p.author.id, displayName: p.author.deletedAt ? null : p.author.displayName } : null,
    submittedOnBehalf: p.authorId === null || p.authorId !== p.submittedById,
    supportCount: p.supportCount,
    commentCount: p.commentCount,
    createdAt: p.createdAt.toISOString(),
    language: p.language,
  };
}

export function toDetail(
  p: Proposal,
  history: ProposalStatusEventEntity[],
  mergedInto: { id: string; title: string } | null,
  viewer: ProposalDetail['viewer'],
  extras: { attachments: ProposalAttachment[]; supportLimit: SupportLimitInfo | null; project: ProposalDetail['project'] },
): ProposalDetail {
  const hasLocation = p.latitude !== null || p.longitude !== null || p.address !== null;
  return {
    ...toSummary(p),
    body: p.body,
    location: hasLocation ? { latitude: p.latitude, longitude: p.longitude, address: p.address } : null,
    sourceNote: p.sourceNote,
    editedAt: p.editedAt?.toISOString() ?? null,
    statusHistory: history.map((e) => ({
      status: e.status,
      explanation: e.explanation,
      note: e.note ? { kind: e.note, title: e.noteTitle ?? '' } : null,
      actorRole: e.actorRole,
      at: e.createdAt.toISOString(),
    })),
    mergedInto,
    project: extras.project,
    attachments: extras.attachments,
    supportLimit: extras.supportLimit,
    viewer,
  };
}
