import type {
  AgendaItemType,
  AssemblyStatus,
  AssemblyVisibility,
  ConfirmedAllocation,
  Language,
  LiveProposalStatus,
  RoundTranslations,
  VotingOption,
  VotingRoundStatus,
  VotingType,
} from '@app/shared';

/**
 * Everything the minutes are made of, loaded from the database in one go. Plain data: the builder
 * turns it into a document without touching the database, so Markdown and PDF show the same.
 */
export interface MinutesData {
  assembly: {
    id: string;
    title: string;
    place: string;
    startsAt: Date;
    endsAt: Date;
    status: AssemblyStatus;
    visibility: AssemblyVisibility;
  };
  areas: string[];
  moderators: string[];
  agenda: Array<{ id: string; position: number; title: string; type: AgendaItemType }>;
  attendance: { hall: number; online: number; checkedIn: number; total: number };
  proposals: Array<{
    id: string;
    text: string;
    status: LiveProposalStatus;
    supportCount: number;
    /** The participant's display name; null when a moderator entered it on somebody's behalf. */
    author: string | null;
    sourceNote: string | null;
    agendaItemId: string | null;
    createdAt: Date;
  }>;
  rounds: Array<{
    id: string;
    agendaItemId: string | null;
    question: string;
    type: VotingType;
    options: VotingOption[];
    /** The moderator's translations of question and options (the minutes keep the typed original first). */
    translations: RoundTranslations;
    maxChoices: number | null;
    points: number | null;
    /** Budget vote: the money distributed (cents) and the allocation the moderator confirmed (null: not yet). */
    budgetCents: number | null;
    allocation: ConfirmedAllocation | null;
    secret: boolean;
    requireCheckIn: boolean;
    status: VotingRoundStatus;
    hallBallots: number | null;
    hallNote: string | null;
    openedAt: Date | null;
    closedAt: Date | null;
    createdAt: Date;
    /** How many ballots were cast in the app (a count of one-vote receipts, never their contents). */
    ballots: number;
    /** Sums per option from round_tallies. */
    tallies: Array<{ optionId: string; online: number; hall: number }>;
  }>;
  /** Speaker requests that got the floor (the event log refines their times). */
  speakerRequests: Array<{ id: string; participantId: string; name: string; startedAt: Date | null; endedAt: Date | null }>;
  /** The assembly's event log, oldest first. */
  events: Array<{ type: string; data: Record<string, unknown>; createdAt: Date }>;
}

/** Text in the document model is plain text; each renderer escapes it for its format. */
export type MinutesBlock =
  | { kind: 'paragraph'; text: string; emphasis?: boolean }
  | { kind: 'fields'; rows: Array<{ label: string; value: string }> }
  | { kind: 'table'; headers: string[]; rows: string[][]; numeric: boolean[]; caption?: string }
  | { kind: 'subheading'; text: string };

export interface MinutesSection {
  /** Stable id of the section (for tests and anchors); heading is the translated title. */
  id: 'overview' | 'attendance' | 'agenda' | 'proposals' | 'rounds' | 'speakers';
  heading: string;
  blocks: MinutesBlock[];
}

export interface MinutesDocument {
  lang: Language;
  /** "Protokoll: <assembly title>". */
  title: string;
  /** Set while the assembly is not closed ("Vorläufig" / "Provisional"), with its explanation. */
  provisional: { label: string; note: string } | null;
  /** "Erstellt am 25.11.2026, 19:30" — for the header and the PDF footer. */
  generatedAt: string;
  /** "Seite {{n}} von {{total}}" with the placeholders left in, for the PDF footer. */
  pageLabel: string;
  sections: MinutesSection[];
  /** File name without extension: protokoll-2026-11-25-buergerversammlung-mitte. */
  fileBase: string;
}
