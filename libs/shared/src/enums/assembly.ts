/** Planned → live (the moderator opened it) → closed. */
export enum AssemblyStatus {
  Planned = 'planned',
  Live = 'live',
  Closed = 'closed',
}
export const ASSEMBLY_STATUSES: readonly AssemblyStatus[] = Object.values(AssemblyStatus);

/** Public assemblies are listed; unlisted ones are reached by link or join code only. */
export enum AssemblyVisibility {
  Public = 'public',
  Unlisted = 'unlisted',
}
export const ASSEMBLY_VISIBILITIES: readonly AssemblyVisibility[] = Object.values(AssemblyVisibility);

export enum AgendaItemType {
  Information = 'information',
  ProposalCollection = 'proposal_collection',
  Discussion = 'discussion',
  Vote = 'vote',
}
export const AGENDA_ITEM_TYPES: readonly AgendaItemType[] = Object.values(AgendaItemType);

export enum RegistrationStatus {
  Confirmed = 'confirmed',
  Waitlisted = 'waitlisted',
  Cancelled = 'cancelled',
}

/** Where a participant takes part from: in the hall (checked in at the door) or online. */
export enum Presence {
  Hall = 'hall',
  Online = 'online',
}

export enum LiveProposalStatus {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
}

export enum VotingType {
  YesNoAbstain = 'yes_no_abstain',
  SingleChoice = 'single_choice',
  MultipleChoice = 'multiple_choice',
  DotVoting = 'dot_voting',
  /** Approve items (e.g. applications of a fund) within a budget; funded in ranking order while the money lasts. */
  Budget = 'budget',
}
export const VOTING_TYPES: readonly VotingType[] = Object.values(VotingType);

/** Draft (prepared) → open (ballots accepted) → closed (no more ballots) → published (results for everyone). */
export enum VotingRoundStatus {
  Draft = 'draft',
  Open = 'open',
  Closed = 'closed',
  Published = 'published',
}

export enum SpeakerStatus {
  Waiting = 'waiting',
  Speaking = 'speaking',
  Done = 'done',
  Withdrawn = 'withdrawn',
}

/** Join codes avoid characters people confuse when reading them off a projector (0/O, 1/I/L). */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;
export const LIVE_PROPOSAL_MAX = 500;
export const VOTING_OPTIONS_MAX = 20;
export const GUEST_NAME_MAX = 40;

/** What the assembly's event log records (the minutes are generated from it). */
export enum AssemblyEventType {
  Opened = 'assembly.opened',
  Closed = 'assembly.closed',
  ItemStarted = 'item.started',
  ItemAdded = 'item.added',
  /** The moderator added, changed or removed a translation of an item's title. */
  ItemTranslated = 'item.translated',
  IntakeOpened = 'intake.opened',
  IntakeClosed = 'intake.closed',
  ProposalSubmitted = 'proposal.submitted',
  ProposalApproved = 'proposal.approved',
  ProposalRejected = 'proposal.rejected',
  RoundCreated = 'round.created',
  /** The moderator added, changed or removed a translation of a round's question and options. */
  RoundTranslated = 'round.translated',
  RoundOpened = 'round.opened',
  RoundClosed = 'round.closed',
  RoundPublished = 'round.published',
  /** The moderator puts a published result on the hall screen again. */
  RoundShown = 'round.shown',
  HallTallyEntered = 'round.hall_tally',
  /** The moderator confirmed a closed budget round's allocation. */
  AllocationConfirmed = 'round.allocation_confirmed',
  SpeakerStarted = 'speaker.started',
  SpeakerStopped = 'speaker.stopped',
  ParticipantJoined = 'participant.joined',
}
