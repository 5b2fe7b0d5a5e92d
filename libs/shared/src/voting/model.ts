/**
 * The voting model: each voting type is data plus pure functions, one file per type (like the
 * project workflow in ../workflow). API (round creation, ballot check, tallies), moderator console,
 * participant ballot, projector and minutes all read a type from the registry (./registry.ts) and
 * never switch on the type themselves.
 *
 * Adding a type: one file here exporting a VotingTypeDefinition, its line in the VotingType enum and
 * in the registry, its ballot input on the web (keyed by `input`) and its texts in the locale files
 * and minutes texts (keys named in `texts`).
 */
import type { VotingType } from '../enums/assembly';
import type { CastBallotPayload } from '../realtime/events';
import type { OptionResult, VotingOption } from '../types/assemblies';
import type { BudgetReading } from './budget-reading';

/** The round's type-specific numbers (each one a column of the round). */
export interface RoundParameters {
  /** Multiple choice: at most this many options per ballot. */
  maxChoices: number | null;
  /** Dot voting: points each participant distributes. */
  points: number | null;
  /** Budget vote: the money to distribute, in cents. */
  budgetCents: number | null;
}
/** The parameters the console sets as plain number fields (ParameterSpec); the budget has its own euro field. */
export type RoundParameterName = Exclude<keyof RoundParameters, 'budgetCents'>;

/** What a type needs to know of its round (the stored round, the live round or the minutes' copy). */
export interface RoundDefinition extends RoundParameters {
  type: VotingType;
  options: VotingOption[];
}

/** What the moderator sends to create a round (the type-specific part of CreateRoundPayload). */
export interface RoundInput {
  options?: string[];
  maxChoices?: number | null;
  points?: number | null;
  /** Budget vote: the money to distribute, in cents. */
  budgetCents?: number | null;
  /** Budget vote: the items to fund (they become the options). */
  items?: BudgetItemInput[];
}

/** A budget vote's item as the moderator enters it. */
export interface BudgetItemInput {
  label: string;
  /** Whole cents above 0, at most the budget. */
  amountCents: number;
  /** An external reference, e.g. an application id. */
  refId?: string | null;
  /** ISO 8601; ties are broken by the earlier submission (without it: the earlier item in the list). */
  submittedAt?: string | null;
}

/** The content of a ballot (CastBallotPayload without round and idempotency key). */
export type BallotContent = Pick<CastBallotPayload, 'optionIds' | 'points'>;

/**
 * One reason a ballot or round definition does not fit. `field` and `message` (English) go into the
 * API's 422 details unchanged; `key`/`values` (when set) is the web's i18n text for the same problem.
 */
export interface VotingProblem {
  field: string;
  message: string;
  key?: string;
  values?: Record<string, number>;
}

/** How the options of a round come about: fixed by the type (translated by clients), or the moderator's labels. */
export type OptionsRule =
  | { kind: 'fixed'; options: readonly VotingOption[] }
  | { kind: 'labels'; min: number }
  /** Items with amounts (RoundInput.items), read by `itemOptions`. */
  | { kind: 'items'; min: number; itemOptions: (items: RoundInput['items']) => { options: VotingOption[]; problems: VotingProblem[] } };

/** A number the moderator sets when creating a round (a form field in the console). */
export interface ParameterSpec {
  name: RoundParameterName;
  /** The console's starting value. */
  initial: number;
  min: number;
  /** The console's i18n label key. */
  label: string;
}

/** A text with its i18n key and the values it is filled with. */
export interface TextRef {
  key: string;
  values?: Record<string, number>;
}

/** Which ballot input the web shows (one component per kind in features/live). */
export type BallotInputKind = 'single' | 'multiple' | 'points' | 'budget';

export interface VotingTypeDefinition {
  type: VotingType;
  options: OptionsRule;
  /** The numbers this type takes; the other round parameters stay null. */
  parameters: readonly ParameterSpec[];
  /** Checks the type's parameters once the options are known (the options rule is checked before). */
  checkParameters(input: RoundInput, options: readonly VotingOption[]): { parameters: Partial<RoundParameters>; problems: VotingProblem[] };
  input: BallotInputKind;
  /**
   * Checks a ballot against the round and says how it adds to the tally: option id → votes (or
   * points) added to that option's counter. Problems come in the order a person should fix them.
   */
  validateBallot(round: RoundDefinition, ballot: BallotContent): { increments: Record<string, number>; problems: VotingProblem[] };
  /** What a result's figures count (web `live.results.<unit>`, minutes `votesAre…`). */
  unit: 'votes' | 'points';
  /**
   * How a result is read beyond its per-option figures (e.g. a budget vote ranks the items and funds
   * them in order while the money lasts). Without it a result is the options' figures as they are.
   * A reading that needs heavy code (the budget vote's allocation rule) is attached in ./reading.ts
   * instead, which the web's first load does not carry.
   */
  read?: (round: RoundDefinition, options: OptionResult[]) => Pick<ResultReading, 'outcome' | 'budget'>;
  texts: {
    /** Web: the type's name (console, round card). */
    name: string;
    /** Web: the instruction above the ballot. */
    hint: (round: RoundDefinition) => TextRef;
    /** Minutes (apps/api minutes.i18n.ts): the type with its parameters. */
    minutes: (round: RoundDefinition) => TextRef;
  };
  /** Fixed option labels are translated by clients (`live.vote.fixed.<label>`); labels typed by moderators are not. */
  translatesOptionLabels: boolean;
}

/** A round's result as shown: each option's figures in the round's option order, and the unit. */
export interface ResultReading {
  unit: VotingTypeDefinition['unit'];
  options: OptionResult[];
  /** What the result decides, in texts (only types with `read`). */
  outcome?: TextRef[];
  /** Budget vote: the ranking and the allocation. */
  budget?: BudgetReading;
}
