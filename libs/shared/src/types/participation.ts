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
