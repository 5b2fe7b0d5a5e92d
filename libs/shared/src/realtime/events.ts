import type { ApiErrorBody } from '../types/errors';
import type { Language } from '../enums/languages';
import type { AgendaItemType } from '../enums/assembly';
import type { VotingType } from '../enums/assembly';
import type { RoundTranslationInput } from '../voting/translations';
import type { BudgetItemInput } from '../voting/model';
import type { ConfirmedAllocation } from '../voting/budget-reading';
import type { LiveProposal, LiveRound, LiveSnapshot, LiveSpeaker, LiveState, ModeratorState, RoundResult } from '../types/assemblies';

/** The socket.io namespace of live assemblies. */
export const LIVE_NAMESPACE = '/live';

/**
 * Sent in the handshake: `io('/live', { auth: LiveHandshake, withCredentials: true })`. Accounts are
 * recognised by the session cookie; guests send their device credential.
 */
export interface LiveHandshake {
  assemblyId: string;
  guestToken?: string;
  /** projector: a read-only view (no participant is created or needed). */
  mode?: 'participant' | 'projector';
}

/** Every client→server event is acknowledged with this. */
export type LiveAck<T = undefined> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };

export interface CastBallotPayload {
  roundId: string;
  /** Chosen options (yes/no/abstain, single and multiple choice). */
  optionIds?: string[];
  /** Dot voting: points per option, summing to at most the round's points. */
  points?: Array<{ optionId: string; points: number }>;
  /** A fresh random id per ballot (e.g. crypto.randomUUID()); a retry with the same key returns the first answer. */
  idempotencyKey: string;
}

export interface CastBallotResult {
  roundId: string;
  /** false when this was a retry of a ballot already counted (same idempotency key). */
  created: boolean;
}

export interface CreateRoundPayload {
  agendaItemId?: string | null;
  question: string;
  type: VotingType;
  /** Labels; ignored for yes/no/abstain (the options are fixed and translated by clients). */
  options?: string[];
  maxChoices?: number | null;
  points?: number | null;
  /** Budget vote: the money to distribute, in cents. */
  budgetCents?: number | null;
  /** Budget vote: the items to fund (instead of option labels). */
  items?: BudgetItemInput[];
  secret: boolean;
  requireCheckIn?: boolean;
  /** The moderator's translations entered with the round (more can be added until it closes: round:translation). */
  translations?: RoundTranslationInput[];
}

/** Adds or replaces (translation) or removes (null) a round's translation into one language, until the round closes. */
export interface RoundTranslationPayload {
  roundId: string;
  language: Language;
  translation: { question: string; options?: string[] } | null;
}

/** Adds or replaces (title) or removes (null) an agenda item's title in one language. */
export interface ItemTranslationPayload {
  agendaItemId: string;
  language: Language;
  title: string | null;
}

/**
 * A proposal from the room. `language`: what it is written in, chosen on the phone (its interface
 * language suggested); without it, the account's language, else the phone's Accept-Language, else German.
 */
export interface SubmitLiveProposalPayload {
  text: string;
  agendaItemId?: string | null;
  language?: Language;
}

/** A paper card typed in by a moderator; `language` as on the card (without it, the moderator's account language). */
export interface LiveProposalOnBehalfPayload {
  text: string;
  sourceNote: string;
  language?: Language;
}

export interface HallTallyPayload {
  roundId: string;
  counts: Array<{ optionId: string; count: number }>;
  /** Number of people who voted in the hall (e.g. ballots counted). */
  ballots?: number | null;
  note?: string | null;
}

/** client → server events, with their payloads and what the acknowledgement carries. */
export interface LiveClientEvents {
  /** The full current state (also sent right after connecting). */
  'live:sync': (payload: Record<string, never>, ack: (r: LiveAck<LiveSnapshot>) => void) => void;
  'proposal:submit': (payload: SubmitLiveProposalPayload, ack: (r: LiveAck<LiveProposal>) => void) => void;
  'proposal:support': (payload: { proposalId: string; support: boolean }, ack: (r: LiveAck<{ supportCount: number }>) => void) => void;
  'ballot:cast': (payload: CastBallotPayload, ack: (r: LiveAck<CastBallotResult>) => void) => void;
  'speaker:request': (payload: Record<string, never>, ack: (r: LiveAck<LiveSpeaker>) => void) => void;
  'speaker:withdraw': (payload: Record<string, never>, ack: (r: LiveAck<undefined>) => void) => void;
  // moderators only
  'assembly:set-status': (payload: { status: 'live' | 'closed' }, ack: (r: LiveAck<undefined>) => void) => void;
  'item:set': (payload: { agendaItemId: string | null }, ack: (r: LiveAck<undefined>) => void) => void;
  'item:add': (payload: { title: string; type: AgendaItemType; description?: string | null }, ack: (r: LiveAck<undefined>) => void) => void;
  'intake:set': (payload: { open: boolean }, ack: (r: LiveAck<undefined>) => void) => void;
  'proposal:moderate': (payload: { proposalId: string; decision: 'approve' | 'reject' }, ack: (r: LiveAck<LiveProposal>) => void) => void;
  'proposal:on-behalf': (payload: LiveProposalOnBehalfPayload, ack: (r: LiveAck<LiveProposal>) => void) => void;
  'item:translation': (payload: ItemTranslationPayload, ack: (r: LiveAck<undefined>) => void) => void;
  /** The hall screen's second language (null: none). */
  'projector:language': (payload: { language: Language | null }, ack: (r: LiveAck<undefined>) => void) => void;
  'round:create': (payload: CreateRoundPayload, ack: (r: LiveAck<LiveRound>) => void) => void;
  'round:translation': (payload: RoundTranslationPayload, ack: (r: LiveAck<LiveRound>) => void) => void;
  'round:open': (payload: { roundId: string }, ack: (r: LiveAck<undefined>) => void) => void;
  /** Creates and opens a round from the agenda item's prepared vote in one step. */
  'round:start-prepared': (payload: { agendaItemId: string }, ack: (r: LiveAck<LiveRound>) => void) => void;
  'round:close': (payload: { roundId: string }, ack: (r: LiveAck<RoundResult>) => void) => void;
  'round:publish': (payload: { roundId: string }, ack: (r: LiveAck<RoundResult>) => void) => void;
  'round:hall-tally': (payload: HallTallyPayload, ack: (r: LiveAck<RoundResult>) => void) => void;
  /** Budget vote: confirms the allocation of a closed (or published) round, once; a second confirm is 409. */
  'round:confirm-allocation': (payload: { roundId: string }, ack: (r: LiveAck<ConfirmedAllocation>) => void) => void;
  /** Puts a published result on the hall screen again (after an item or a speaker replaced it). */
  'round:show': (payload: { roundId: string }, ack: (r: LiveAck<undefined>) => void) => void;
  'speaker:start': (payload: { speakerId: string }, ack: (r: LiveAck<undefined>) => void) => void;
  'speaker:stop': (payload: Record<string, never>, ack: (r: LiveAck<undefined>) => void) => void;
  'speaker:order': (payload: { speakerIds: string[] }, ack: (r: LiveAck<undefined>) => void) => void;
  'speaker:time-limit': (payload: { seconds: number | null }, ack: (r: LiveAck<undefined>) => void) => void;
}

/** server → client events. */
export interface LiveServerEvents {
  /** The room's state after a change (coalesced; newer `version` wins). */
  'live:state': (state: LiveState) => void;
  /** Moderators only: their extra state, with live tallies. */
  'live:moderator': (state: ModeratorState) => void;
  /** The person's own part changed outside this connection (check-in card claimed elsewhere, revoked): fetch it with live:sync. */
  'live:me-changed': () => void;
  /** The connection was refused or ended (e.g. the guest credential no longer valid). */
  'live:error': (error: ApiErrorBody) => void;
}

export type LiveClientEventName = keyof LiveClientEvents;
/** Events only moderators (of this assembly) and administrators may send. */
export const MODERATOR_EVENTS: readonly LiveClientEventName[] = [
  'assembly:set-status',
  'item:set',
  'item:add',
  'item:translation',
  'projector:language',
  'intake:set',
  'proposal:moderate',
  'proposal:on-behalf',
  'round:create',
  'round:translation',
  'round:open',
  'round:start-prepared',
  'round:close',
  'round:publish',
  'round:hall-tally',
  'round:confirm-allocation',
  'round:show',
  'speaker:start',
  'speaker:stop',
  'speaker:order',
  'speaker:time-limit',
];
