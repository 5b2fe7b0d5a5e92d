import type { AreaType } from '../enums/area-type';
import type { Language } from '../enums/languages';
import type { ProposalSort, ProposalStatus } from '../enums/proposal-status';
import type { Role } from '../enums/roles';
import type { LocalizedText } from './reference-data';

export interface ProposalAuthor {
  id: string;
  /** null when the account was deleted: show "deleted user". */
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
}

export interface ProposalStatusEvent {
  status: ProposalStatus;
  /** Public explanation (official answer, withdrawal reason). */
  explanation: string | null;
  actorRole: Role;
  at: string;
}

export interface ProposalLocation {
  latitude: number | null;
  longitude: number | null;
  address: string | null;
}

export interface ProposalDetail extends ProposalSummary {
  /** Plain text with light formatting (paragraphs, line breaks, "- " lists); never HTML. */
  body: string;
  language: Language;
  location: ProposalLocation | null;
  /** For input entered on behalf: where it came from (e.g. "Karte, Bürgerversammlung Nordmarkt 03/2026"). */
  sourceNote: string | null;
  editedAt: string | null;
  statusHistory: ProposalStatusEvent[];
  mergedInto: { id: string; title: string } | null;
  viewer: {
    isAuthor: boolean;
    supported: boolean;
    canEdit: boolean;
    canWithdraw: boolean;
    canSupport: boolean;
  };
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
}
