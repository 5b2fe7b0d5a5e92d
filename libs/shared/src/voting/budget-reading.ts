/**
 * The shapes a budget vote's result travels in (RoundResult.budget, LiveRound.allocation): types only,
 * so the shared types can name them without loading the allocation rule.
 */
import type { AllocationOutcome, TieBreak } from '../funds/allocation';

/** One item of a budget round in the ranking: its figures, its place and whether the money reached it. */
export interface BudgetLine {
  optionId: string;
  label: string;
  /** The item's external reference (e.g. an application id); null: none. */
  refId: string | null;
  amountCents: number;
  online: number;
  hall: number;
  votes: number;
  /** 1-based place in the ranking. */
  rank: number;
  funded: boolean;
  /** Why (not) funded: funded, does_not_fit (money left, but less), money_ran_out, no_votes. */
  outcome: `${AllocationOutcome}`;
  /** The money left after this line's turn. */
  remainingAfterCents: number;
}

/** Two neighbours in the ranking with equal votes, and the rule that put `aboveId` first. */
export interface BudgetTie {
  aboveId: string;
  belowId: string;
  votes: number;
  decidedBy: `${TieBreak}`;
  /** One of the two got money and the other did not. */
  decisive: boolean;
}

/** A budget round's result read by the allocation rule (libs/shared/src/funds/allocation.ts). */
export interface BudgetReading {
  budgetCents: number;
  allocatedCents: number;
  remainingCents: number;
  /** In ranking order. */
  lines: BudgetLine[];
  ties: BudgetTie[];
}

/** One item of a confirmed allocation: amountCents null when it got no money. */
export interface AllocationConfirmationLine {
  optionId: string;
  refId: string | null;
  amountCents: number | null;
  votes: number;
}

/** The allocation a moderator confirmed for a closed budget round (stored once). */
export interface ConfirmedAllocation {
  /** ISO 8601. */
  confirmedAt: string;
  allocatedCents: number;
  remainingCents: number;
  lines: AllocationConfirmationLine[];
}
