import { LANGUAGES, type Language } from '../enums/languages';
import type { ProposalStatus } from '../enums/proposal-status';
import type { ProposalAuthor } from './proposals';

/** Comments: two levels (a comment and its replies), editable for a short time, hideable by moderation. */
export const COMMENT_MAX = 2000;

export interface CommentResponse {
  id: string;
  proposalId: string;
  /** null for a top-level comment; replies to replies are attached to the top-level comment. */
  parentId: string | null;
  author: ProposalAuthor;
  /** Empty when hidden; the public reason is shown instead. */
  body: string;
  /** The language it is written in (the author confirmed it); pages give its text this `lang`. */
  language: Language;
  hidden: boolean;
  hiddenReason: string | null;
  createdAt: string;
  editedAt: string | null;
  viewer: { isAuthor: boolean; canEdit: boolean };
  replies: CommentResponse[];
}

export interface CreateCommentRequest {
  body: string;
  parentId?: string;
  /** The language the comment is written in; without it, the author's account language. */
  language?: Language;
}

/** GET /api/proposals/:id/comments */
export interface CommentListQuery {
  /** Only the discussion in this language (see filterCommentThreads). */
  language?: Language;
}

/**
 * A discussion narrowed to one language: the threads in which somebody wrote in it. A thread keeps
 * its top-level comment, whatever its language, as the context of the replies; of the replies, those
 * in the language stay. Pure, so the API's `?language=` and the page's filter agree.
 */
export function filterCommentThreads(threads: CommentResponse[], language: Language): CommentResponse[] {
  return threads.flatMap((thread) => {
    const replies = thread.replies.filter((reply) => reply.language === language);
    return thread.language === language || replies.length > 0 ? [{ ...thread, replies }] : [];
  });
}

/** The languages a discussion is written in, each with its number of comments (replies included), in the order of LANGUAGES. */
export function commentLanguages(threads: CommentResponse[]): Array<{ language: Language; count: number }> {
  const counts = new Map<Language, number>();
  for (const comment of threads.flatMap((thread) => [thread, ...thread.replies]))
    counts.set(comment.language, (counts.get(comment.language) ?? 0) + 1);
  return LANGUAGES.filter((language) => counts.has(language)).map((language) => ({ language, count: counts.get(language)! }));
}

export interface UpdateCommentRequest {
  body: string;
}

export enum ReportTargetType {
  Proposal = 'proposal',
  Comment = 'comment',
}

export enum ReportStatus {
  Open = 'open',
  Resolved = 'resolved',
}

export interface CreateReportRequest {
  targetType: ReportTargetType;
  targetId: string;
  reason: string;
}

/** What moderators see in their queue (only reports in areas they moderate). */
export interface ReportResponse {
  id: string;
  targetType: ReportTargetType;
  targetId: string;
  proposalId: string;
  proposalTitle: string;
  areaId: string;
  /** The reported text (title + body of a proposal, or the comment), as stored. */
  excerpt: string;
  reason: string;
  status: ReportStatus;
  reportCount: number;
  createdAt: string;
  resolvedAt: string | null;
  targetHidden: boolean;
}

/** Hide with a public reason, or restore; resolves the target's open reports. */
export interface ModerationDecisionRequest {
  reason: string;
}

export interface AuditEntryResponse {
  id: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
}

/** Official answers a moderator can give; each comes with a public explanation. */
export type AnswerStatus = ProposalStatus.Evaluating | ProposalStatus.Accepted | ProposalStatus.Rejected | ProposalStatus.InProjectIdea;

export interface AnswerProposalRequest {
  status: AnswerStatus;
  explanation: string;
}

export interface MergeProposalRequest {
  /** The proposal this one (the duplicate) is merged into. */
  intoId: string;
  explanation?: string;
}

export interface FollowResponse {
  following: boolean;
}

export interface UnsubscribeRequest {
  token: string;
}

/** Open data: licence and timestamp travel in the file. */
export const OPEN_DATA_LICENCE = 'Datenlizenz Deutschland – Zero – Version 2.0 (dl-de/zero-2-0)';
export const OPEN_DATA_LICENCE_URL = 'https://www.govdata.de/dl-de/zero-2-0';
