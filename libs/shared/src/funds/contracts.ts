import type { Role } from '../enums/roles';
import type { ProposalAttachment } from '../types/proposals';
import type { ProjectState } from '../workflow/states';
import type { ApplicationState } from './application-states';
import type { ApplicationTransitionId } from './application-transitions';

/**
 * REST contract of the Aktionsraumfonds: funds, applications, their public timeline and the
 * decision of the project conference. Amounts are whole cents; dates "YYYY-MM-DD"; times ISO.
 *
 * Routes (apps/api/src/modules/funds):
 *  - GET    /api/funds?year=&areaId=                      public list (FundSummary[])
 *  - GET    /api/funds/:id                                public detail (FundDetail, public applications)
 *  - POST   /api/funds                                    administrator (CreateFundRequest) → FundDetail
 *  - PATCH  /api/funds/:id                                administrator (UpdateFundRequest); amount never below what is committed
 *  - GET    /api/funds/:id/export.csv | export.xlsx       administrator: the fund's applications (no contact data in open data, with it here)
 *  - GET    /api/funds/export.csv?year= | export.xlsx?year=  administrator: all funds' applications of a year
 *  - POST   /api/funds/:id/applications                   signed-in person (own draft) or moderator/administrator (paper, with `source`)
 *  - GET    /api/applications/mine                        the signed-in person's applications (drafts included), each with its last step (MyApplicationSummary[])
 *  - GET    /api/applications/:id                         public unless draft (then applicant and administrators); contact only for applicant/admin/moderator
 *  - PATCH  /api/applications/:id                         applicant while draft or returned (UpdateApplicationRequest); 409 after submission
 *  - DELETE /api/applications/:id                         applicant, drafts only
 *  - POST   /api/applications/:id/transitions/:transitionId   body: ApplicationTransitionInputMap[id]
 *  - POST   /api/applications/:id/attachments             applicant while editable (multipart "file" + "description"; proposal attachment rules)
 *  - POST   /api/applications/:id/proof-attachments       applicant while paid (receipts, photos)
 *  - GET    /api/applications/:id/attachments/:attachmentId   the file (?variant=thumbnail); as visible as the application
 *  - DELETE /api/applications/:id/attachments/:attachmentId   applicant while editable (proof attachments: while paid)
 *  - GET    /api/funds/:id/agenda                         moderator/administrator: the applications on the agenda (AgendaApplication[])
 *  - POST   /api/applications/:id/project                 administrator: approved or later → Einzelprojekt (CreatedProjectRef)
 *  - POST   /api/funds/:id/decision                       moderator/administrator: apply an allocation (FundDecisionRequest) once; 409 when decided
 */

export enum FundApplicantKind {
  Person = 'person',
  Group = 'group',
  Organisation = 'organisation',
}

/** How an application reached the fund: online by the applicant, or on paper entered by staff. */
export enum ApplicationSource {
  Online = 'online',
  Paper = 'paper',
}

/** How the fund's decision was taken. */
export enum FundDecisionMode {
  /** Budget vote in the live project conference (hall and phones). */
  Conference = 'conference',
  /** Budget vote online over a period by the area's residents. */
  Online = 'online',
  /** The conference's jury entered its decision with reasons. */
  Jury = 'jury',
}

export interface FundAreaRef {
  id: string;
  code: string;
  name: string;
}

/** The money of a fund, all in cents. remaining = amount − committed + returned… see `fundBalance`. */
export interface FundBalance {
  amountCents: number;
  /** Sum approved to applications that still commit money (approved and later, not withdrawn). */
  approvedCents: number;
  paidCents: number;
  /** Approved but not spent (the paid-but-unspent rest and any unpaid part), recorded when a proof of use is closed. */
  returnedCents: number;
  /** amount − approved + returned: what can still be approved. */
  remainingCents: number;
}

export interface FundSummary {
  id: string;
  area: FundAreaRef;
  year: number;
  title: string;
  maxPerApplicationCents: number;
  applicationStart: string;
  applicationEnd: string;
  conferenceDate: string | null;
  /** True while today lies within the application period and the fund is not decided yet. */
  open: boolean;
  decided: boolean;
  balance: FundBalance;
  /** Public applications (not drafts). */
  applicationCount: number;
}

export interface FundDecision {
  mode: FundDecisionMode;
  /** The day of the decision "YYYY-MM-DD" (the conference's day), as the request gave it. */
  decisionDate: string;
  /** When it was recorded (ISO time). */
  decidedAt: string;
  /** The live round that decided it (conference/online), if any. */
  roundId: string | null;
  assemblyId: string | null;
  note: string | null;
}

export interface FundDetail extends FundSummary {
  description: string | null;
  decision: FundDecision | null;
  applications: ApplicationSummary[];
}

export interface CreateFundRequest {
  areaId: string;
  year: number;
  amountCents: number;
  maxPerApplicationCents: number;
  applicationStart: string;
  applicationEnd: string;
  conferenceDate?: string | null;
  description?: string | null;
}

export type UpdateFundRequest = Partial<Omit<CreateFundRequest, 'areaId' | 'year'>>;

export interface ApplicationCostItem {
  /** What the money buys: "Miete Festzelt". */
  label: string;
  amountCents: number;
}

export interface ApplicationSummary {
  id: string;
  fundId: string;
  title: string;
  state: ApplicationState;
  applicantKind: FundApplicantKind;
  /**
   * Public name of who applies (a group's or organisation's name; a person's display name). Null when
   * a private person's name was erased (their account was deleted, or the retention period ended).
   */
  applicantName: string | null;
  fieldOfActionId: string | null;
  neighbourhood: FundAreaRef | null;
  requestedAmountCents: number;
  approvedAmountCents: number | null;
  paidAmountCents: number | null;
  submittedAt: string | null;
  updatedAt: string;
}

/** "What happened to my application?": one of the person's applications with its last public step. */
export interface MyApplicationSummary extends ApplicationSummary {
  fundTitle: string;
  lastStep: ApplicationTimelineEvent | null;
}

/** An application on the agenda of the fund's project conference (what a budget round is built from). */
export interface AgendaApplication {
  id: string;
  title: string;
  requestedAmountCents: number;
  submittedAt: string | null;
}

export interface ApplicationContact {
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
}

export interface ApplicationTimelineEvent {
  id: string;
  /** A transition, or 'created' / 'project_created'. */
  kind: ApplicationTransitionId | 'created' | 'project_created';
  fromState: ApplicationState | null;
  toState: ApplicationState;
  actorRole: Role | 'applicant';
  reason: string | null;
  data: Record<string, unknown> | null;
  createdAt: string;
}

export interface ApplicationProof {
  spentAmountCents: number;
  /** By cost item, in the application's order. */
  spentItems: ApplicationCostItem[];
  report: string;
  returnedAmountCents: number | null;
  submittedAt: string;
  attachments: ProposalAttachment[];
}

export interface ApplicationDetail extends ApplicationSummary {
  fund: FundSummary;
  purpose: string;
  costItems: ApplicationCostItem[];
  startDate: string | null;
  endDate: string | null;
  source: ApplicationSource;
  /** Paper: who entered it (role) is in the timeline; this says from what ("Papierantrag vom 3.3."). */
  sourceNote: string | null;
  /** Only for the applicant, administrators and moderators; null once erased (see applicantName). */
  contact: ApplicationContact | null;
  proposalId: string | null;
  projectIdeaId: string | null;
  /** The Einzelprojekt it became, if any. */
  project: { id: string; title: string; state: ProjectState } | null;
  attachments: ProposalAttachment[];
  proof: ApplicationProof | null;
  timeline: ApplicationTimelineEvent[];
  /** What the signed-in person may do now (transition ids), for the buttons. */
  allowedTransitions: ApplicationTransitionId[];
  isApplicant: boolean;
}

export interface CreateApplicationRequest {
  title: string;
  purpose: string;
  fieldOfActionId?: string | null;
  neighbourhoodId?: string | null;
  costItems: ApplicationCostItem[];
  /** Must equal the sum of the cost items; at most the fund's maximum per application. */
  requestedAmountCents: number;
  startDate?: string | null;
  endDate?: string | null;
  applicantKind: FundApplicantKind;
  applicantName: string;
  contact: ApplicationContact;
  proposalId?: string | null;
  projectIdeaId?: string | null;
  /** Moderators/administrators entering a paper application: required, e.g. "Papierantrag, eingegangen am 3. März". */
  sourceNote?: string | null;
}

export type UpdateApplicationRequest = Partial<Omit<CreateApplicationRequest, 'sourceNote'>>;

/** One application's part of a decision. */
export interface FundDecisionLine {
  applicationId: string;
  /** Approved amount in cents; null = rejected. */
  approvedAmountCents: number | null;
  /** Public reason (required for a lower amount and for a rejection). */
  reason?: string | null;
}

export interface FundDecisionRequest {
  mode: FundDecisionMode;
  decisionDate: string;
  lines: FundDecisionLine[];
  roundId?: string | null;
  note?: string | null;
}

export interface CreatedProjectRef {
  id: string;
  title: string;
  state: ProjectState;
}
