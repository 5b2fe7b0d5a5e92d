import type { AreaType } from '../enums/area-type';
import type { Language } from '../enums/languages';
import type { ProposalSort, ProposalStatus } from '../enums/proposal-status';
import type { Role } from '../enums/roles';
import type { LocalizedText } from './reference-data';

export interface ProposalAuthor {
  id: string;
  /** null when the account was deleted: show "Deleted account" (common.deletedUser). */
  displayName: string | null;
}

export interface ProposalSummary {
  id: string;
  title: string;
  /** The first ~200 characters of the body, plain text. */
  excerpt: string;
  status: ProposalStatus;
  fieldOfAction: { id: string; code: string; name: LocalizedText };
  area: { id: string; name: string; type: AreaType };
  /** null for paper/oral input entered by a moderator on someone's behalf. */
  author: ProposalAuthor | null;
  submittedOnBehalf: boolean;
  supportCount: number;
  commentCount: number;
  createdAt: string;
  /** The language it is written in (the author confirmed it); pages give its text this `lang`. */
  language: Language;
}

/** Steps the platform explains itself; shown in the reader's language (web, mails), never stored as prose. */
export enum ProposalStatusNoteKind {
  /** Grouped into the project idea `title`. */
  JoinedIdea = 'joined_idea',
  /** Taken out of the project idea `title` again. */
  LeftIdea = 'left_idea',
}

export interface ProposalStatusNote {
  kind: ProposalStatusNoteKind;
  /** The project idea's title (as written, not translated). */
  title: string;
}

export interface ProposalStatusEvent {
  status: ProposalStatus;
  /** Public explanation in a person's own words (official answer, withdrawal reason). */
  explanation: string | null;
  /** What the platform says about the step (translated by the reader's language), or null. */
  note: ProposalStatusNote | null;
  actorRole: Role;
  at: string;
}

export interface ProposalLocation {
  latitude: number | null;
  longitude: number | null;
  address: string | null;
}

/** The project a proposal belongs to, with its current workflow state (a ProjectState value). */
export interface ProposalProjectRef {
  id: string;
  title: string;
  state: string;
}

export interface ProposalDetail extends ProposalSummary {
  /** Plain text with light formatting (paragraphs, line breaks, "- " lists); never HTML. */
  body: string;
  location: ProposalLocation | null;
  /** For input entered on behalf: where it came from (e.g. "Karte, Bürgerversammlung Nordmarkt 03/2026"). */
  sourceNote: string | null;
  editedAt: string | null;
  statusHistory: ProposalStatusEvent[];
  mergedInto: { id: string; title: string } | null;
  /** The project idea (and later project) this proposal was grouped into: "what happened to my idea?". */
  project: ProposalProjectRef | null;
  /** Images and documents, in upload order. */
  attachments: ProposalAttachment[];
  /** The per-person support limit of the proposal's Aktionsraum (null: no limit). */
  supportLimit: SupportLimitInfo | null;
  viewer: {
    isAuthor: boolean;
    supported: boolean;
    canEdit: boolean;
    canWithdraw: boolean;
    canSupport: boolean;
    /** Author (while the proposal is editable) or a moderator of its area. */
    canAttach: boolean;
    /** How many supports the viewer has left in this Aktionsraum; null without a limit or when signed out. */
    supportsLeft: number | null;
  };
}

/** Upload limits for proposal attachments (the API enforces them; the web shows them). */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_PER_PROPOSAL = 5;
export const ATTACHMENT_DESCRIPTION_MAX = 300;
/** Accepted file types; the API checks the file's content, not only its name or declared type. */
export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number];

export interface ProposalAttachment {
  id: string;
  /** The uploaded file's name, cleaned of path parts and control characters. */
  fileName: string;
  mimeType: AttachmentMimeType;
  kind: 'image' | 'document';
  /** Bytes as stored (images are re-encoded without their metadata, e.g. GPS position). */
  size: number;
  /** Alternative text for images / short description for documents. */
  description: string | null;
  width: number | null;
  height: number | null;
  /** Relative URL of the file (served with safe headers). */
  url: string;
  /** Relative URL of a small preview (images only). */
  thumbnailUrl: string | null;
  createdAt: string;
}

/** Sent as multipart/form-data: field "file" plus an optional text field "description". */
export interface UploadAttachmentRequest {
  description?: string;
}

/** The Aktionsraum whose support limit applies (a limit set on an Aktionsraum also covers its Quartiere). */
export interface SupportLimitInfo {
  areaId: string;
  areaName: string;
  limit: number;
}

export interface CreateProposalRequest {
  title: string;
  body: string;
  fieldOfActionId: string;
  areaId: string;
  language?: Language;
  latitude?: number | null;
  longitude?: number | null;
  address?: string | null;
}

export interface CreateProposalOnBehalfRequest extends CreateProposalRequest {
  sourceNote: string;
}

export type UpdateProposalRequest = Partial<Omit<CreateProposalRequest, 'language'>>;

export interface WithdrawProposalRequest {
  reason?: string;
}

export interface ProposalListQuery {
  areaId?: string;
  fieldOfActionId?: string;
  status?: ProposalStatus;
  /** Only proposals written in this language. */
  language?: Language;
  q?: string;
  sort?: ProposalSort;
  /** For sort=random: the same seed gives the same order (stable paging, shareable URLs). */
  seed?: number;
  page?: number;
  pageSize?: number;
}

export interface SimilarProposal {
  id: string;
  title: string;
  status: ProposalStatus;
  supportCount: number;
  /** Similarity 0..1 (trigram Dice coefficient of title and body start). */
  score: number;
}

export interface SupportResponse {
  supported: boolean;
  supportCount: number;
  /** Supports the person has left in the Aktionsraum after this change; null without a limit. */
  supportsLeft: number | null;
}
