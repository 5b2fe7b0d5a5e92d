import type { Language } from '../enums/languages';
import type {
  AgendaItemType,
  AssemblyStatus,
  AssemblyVisibility,
  LiveProposalStatus,
  Presence,
  RegistrationStatus,
  SpeakerStatus,
  VotingRoundStatus,
  VotingType,
} from '../enums/assembly';
import type { RoundTranslations, TitleTranslations } from '../voting/translations';
import type { BudgetReading, ConfirmedAllocation } from '../voting/budget-reading';

export interface AgendaItem {
  id: string;
  /** 1-based order. */
  position: number;
  title: string;
  type: AgendaItemType;
  description: string | null;
  /**
   * A vote item's prepared vote, started from the console with one action. Only the assembly's
   * moderators see it (absent for everybody else, null when the item has none).
   */
  vote?: PreparedVote | null;
  /**
   * The live view only (LiveState.agenda): the moderator's translations of the title, by language
   * (the title is the original; see voting/translations.ts).
   */
  translations?: TitleTranslations;
}

/**
 * A vote prepared on its agenda item before the assembly: the same definition the console sends to
 * create a round (checked by the same voting model), kept until the moderator starts it.
 */
export interface PreparedVote {
  question: string;
  type: VotingType;
  /** The moderator's option labels (empty for types with fixed options). */
  options: string[];
  maxChoices: number | null;
  points: number | null;
  secret: boolean;
  /** Binding: only checked-in participants may vote. */
  requireCheckIn: boolean;
}

export interface AgendaItemInput {
  /** Present to keep (and update) an existing item; absent for a new one. */
  id?: string;
  title: string;
  type: AgendaItemType;
  description?: string | null;
  /** Only on items of type vote; null or absent: none. */
  vote?: PreparedVote | null;
}

export interface AssemblySummary {
  id: string;
  title: string;
  place: string;
  /** ISO date-times. */
  startsAt: string;
  endsAt: string;
  status: AssemblyStatus;
  visibility: AssemblyVisibility;
  areas: Array<{ id: string; name: string }>;
  registration: {
    enabled: boolean;
    /** null: no limit. */
    capacity: number | null;
    confirmed: number;
    waitlisted: number;
  };
}

export interface AssemblyDetail extends AssemblySummary {
  description: string | null;
  agenda: AgendaItem[];
  /** Short code shown on the projector; opens the assembly on a phone (/join/CODE). */
  joinCode: string;
  /** Guests (display name only) may not join; an account is needed. */
  requireAccount: boolean;
  /** Binding votes by default: only participants holding a check-in card may vote (one ballot per card). */
  requireCheckIn: boolean;
  moderators: Array<{ id: string; displayName: string | null }>;
  viewer: {
    isModerator: boolean;
    registration: RegistrationStatus | null;
    /** 1-based place on the waiting list, when the viewer is waitlisted. */
    waitlistPosition: number | null;
    canRegister: boolean;
  };
}

export interface CreateAssemblyRequest {
  title: string;
  description?: string | null;
  place: string;
  startsAt: string;
  endsAt: string;
  areaIds: string[];
  visibility?: AssemblyVisibility;
  requireAccount?: boolean;
  requireCheckIn?: boolean;
  registrationEnabled?: boolean;
  capacity?: number | null;
  moderatorIds?: string[];
  agenda?: AgendaItemInput[];
}

export type UpdateAssemblyRequest = Partial<CreateAssemblyRequest>;

export interface AssemblyListQuery {
  areaId?: string;
  /** upcoming (default: not yet ended, soonest first) or past (ended, latest first). */
  when?: 'upcoming' | 'past';
  page?: number;
  pageSize?: number;
}

export interface RegistrationResponse {
  status: RegistrationStatus;
  /** 1-based place on the waiting list, when waitlisted. */
  waitlistPosition: number | null;
}

/** Join by code (phone) or by id (online from the detail page). */
export interface JoinAssemblyRequest {
  code?: string;
  assemblyId?: string;
  /** Guests only: the name shown to others. */
  displayName?: string;
  /**
   * The code of a personal check-in card (printed sheet, QR code `/join/CODE?card=…`): admits this
   * participant to binding votes; used on another device, it moves there.
   */
  card?: string;
  /** Guests re-joining on the same device send their credential instead of a name. */
  guestToken?: string;
}

export interface ParticipantSelf {
  id: string;
  displayName: string;
  presence: Presence;
  checkedIn: boolean;
  isGuest: boolean;
}

export interface JoinAssemblyResponse {
  assemblyId: string;
  participant: ParticipantSelf;
  /**
   * Guests only: the per-assembly device credential (keep it in the device's storage; send it in the
   * socket handshake and when joining again). Returned once, when the guest is created.
   */
  guestToken: string | null;
}

export interface ParticipantListItem {
  id: string;
  displayName: string;
  isGuest: boolean;
  presence: Presence;
  checkedIn: boolean;
  joinedAt: string;
}

export interface ParticipantList {
  items: ParticipantListItem[];
  counts: { hall: number; online: number; total: number; checkedIn: number };
}

// ---- live state (socket.io namespace /live) ----

export interface VotingOption {
  id: string;
  label: string;
  /** Budget vote: the item's amount in cents. */
  amountCents?: number;
  /** Budget vote: an external reference of the item (e.g. an application id); null: none. */
  refId?: string | null;
  /** Budget vote: when the item was submitted (ISO 8601), for the tie rule; null: unknown. */
  submittedAt?: string | null;
}

export interface OptionResult {
  optionId: string;
  label: string;
  /** Ballots (or points, for dot voting) cast in the app. */
  online: number;
  /** The moderator's hall count (show of hands, paper ballots), kept apart and labelled. */
  hall: number;
  total: number;
}

export interface RoundResult {
  roundId: string;
  options: OptionResult[];
  /** Number of ballots cast in the app; hallBallots is the moderator's count of hall voters (null: none entered). */
  ballots: number;
  hallBallots: number | null;
  hallNote: string | null;
  /** false: a non-binding round (no check-in card needed); results must say "not binding". */
  binding: boolean;
  /** Budget vote: the ranking and allocation of the figures above (voting/budget.ts); absent for other types. */
  budget?: BudgetReading;
}

export interface LiveRound {
  id: string;
  agendaItemId: string | null;
  question: string;
  type: VotingType;
  options: VotingOption[];
  /** Multiple choice: at most this many options. */
  maxChoices: number | null;
  /** Dot voting: points each participant distributes. */
  points: number | null;
  /** Budget vote: the money to distribute, in cents (null for other types). */
  budgetCents: number | null;
  /** Budget vote: the allocation the moderator confirmed (null: not yet, and for other types). */
  allocation: ConfirmedAllocation | null;
  secret: boolean;
  /** Only checked-in participants may vote. */
  requireCheckIn: boolean;
  status: VotingRoundStatus;
  /** The moderator's translations of question and option labels, by language (the typed text is the original). */
  translations: RoundTranslations;
  ballotsCast: number;
  /** Present once published (for everybody) — and always in the moderator's view. */
  results: RoundResult | null;
}

export interface LiveProposal {
  id: string;
  text: string;
  /** The language it is written in (chosen on the phone; for paper cards by the moderator); shown as its `lang`. */
  language: Language;
  status: LiveProposalStatus;
  supportCount: number;
  /** The participant's display name; null for input entered on behalf. */
  author: string | null;
  sourceNote: string | null;
  agendaItemId: string | null;
  createdAt: string;
}

export interface LiveSpeaker {
  id: string;
  participantId: string;
  displayName: string;
  status: SpeakerStatus;
  /** ISO time the turn started; with timeLimitSeconds the clients count down to startedAt + limit. */
  startedAt: string | null;
  timeLimitSeconds: number | null;
}

/** What everybody in the room sees; sent whole after every change, newer version wins. */
export interface LiveState {
  assemblyId: string;
  /** Grows with every change; clients ignore states older than the one they have. */
  version: number;
  title: string;
  status: AssemblyStatus;
  joinCode: string;
  agenda: AgendaItem[];
  currentItemId: string | null;
  intakeOpen: boolean;
  /** Approved proposals, most supported first. */
  proposals: LiveProposal[];
  /** The round of the current moment (open, or the latest closed/published one), if any. */
  round: LiveRound | null;
  /** Published rounds of the assembly, oldest first (for the projector and the minutes view). */
  publishedRounds: LiveRound[];
  /**
   * The round the hall screen shows: the open one, else the round of the latest moment (closed,
   * published or shown again) unless an agenda item or a speaker has started since; null: none.
   */
  onScreenRoundId: string | null;
  speakers: { current: LiveSpeaker | null; queue: LiveSpeaker[]; defaultTimeLimitSeconds: number | null };
  attendance: { hall: number; online: number; total: number };
  /**
   * The hall screen's second language, chosen in the console (null: one language). The projector
   * shows its texts in its own language and in this one; a `?second=` on its address overrides it.
   */
  projectorLanguage: Language | null;
  /** Server time of this state, so clients can correct their clock for countdowns. */
  serverTime: string;
}

/** Extra state for moderators (sent to the assembly's moderator room). */
export interface ModeratorState {
  assemblyId: string;
  version: number;
  pendingProposals: LiveProposal[];
  rejectedProposals: LiveProposal[];
  /** Every round of the assembly with its live tally, newest first. */
  rounds: LiveRound[];
  /** The assembly's setting "votes binding": a new round starts out requiring a check-in card when true. */
  requireCheckInByDefault: boolean;
  /** The prepared votes of the agenda, in agenda order. */
  preparedVotes: Array<{ agendaItemId: string; vote: PreparedVote }>;
  attendance: { hall: number; online: number; total: number; checkedIn: number; connected: number };
  /** Check-in cards: eligible = cards held (by a participant or a person named at the door), the voters of binding rounds. */
  checkIn: { eligible: number; issued: number; revoked: number };
}

/** The connected person's own part. */
export interface LiveMe {
  /** null for moderators and spectators who have not joined as participants. */
  participant: ParticipantSelf | null;
  isModerator: boolean;
  supportedProposalIds: string[];
  /** Rounds this participant has voted in. */
  votedRoundIds: string[];
  /** The participant's open speaker request, if any. */
  speakerRequestId: string | null;
}

export interface LiveSnapshot {
  state: LiveState;
  me: LiveMe;
  moderator: ModeratorState | null;
}
