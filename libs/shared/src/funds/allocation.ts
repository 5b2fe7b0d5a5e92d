import { isCents } from './money';

/**
 * The decision rule of a budget vote (issue 17), as CONSUL's budget results and Decidim's budgets
 * apply it: rank the applications by votes and fund them in that order while the remaining money
 * covers them.
 *
 *  - Votes: online and hall votes are added up per application.
 *  - Ranking: more votes first. Ties are broken deterministically, in this order (TIE_BREAK_ORDER):
 *    the smaller amount first (the same money then funds more projects), then the earlier
 *    submission, then the application id (plain code-unit order). Every pair of neighbours with equal
 *    votes is reported in `ties`, with the criterion that decided it, so the projector and the
 *    minutes can say "tie decided by the smaller amount".
 *  - Funding: walking down the ranking, an application is funded when its amount is at most the
 *    money still remaining. One that no longer fits is skipped, not the end of the walk: later,
 *    cheaper applications are still funded if they fit (CONSUL does the same: it keeps going through
 *    the ranking and marks every investment whose price is inside the remaining heading budget).
 *    Hence a lower-ranked application can be funded while a higher-ranked one is not; its line says
 *    why (`does_not_fit`, or `money_ran_out` when nothing at all was left).
 *  - Zero votes: an application nobody voted for is not funded, even when money is left over
 *    (`no_votes`); it is listed after all voted ones, in tie-break order. Money left over stays in
 *    the fund.
 *  - The allocated sum never exceeds the fund; every amount is a whole number of cents.
 */

export interface AllocationCandidate {
  id: string;
  /** The amount that would be approved, in cents: the requested amount, or the lower one the office found approvable. */
  amountCents: number;
  votesOnline: number;
  /** Paper or card votes counted in the hall and entered by the moderators. */
  votesHall: number;
  /** When it was submitted: an ISO 8601 timestamp, or a Date. */
  submittedAt: string | Date;
}

export enum TieBreak {
  /** The smaller amount ranks first. */
  SmallerAmount = 'smaller_amount',
  /** The earlier submission ranks first. */
  EarlierSubmission = 'earlier_submission',
  /** The id in code-unit order: a last resort that never leaves two lines equal. */
  Id = 'id',
}

export const TIE_BREAK_ORDER: readonly TieBreak[] = [TieBreak.SmallerAmount, TieBreak.EarlierSubmission, TieBreak.Id];

/** Why a line is (not) funded. Stable keys: clients translate `funds.allocation.<outcome>`. */
export enum AllocationOutcome {
  Funded = 'funded',
  /** Money was left, but less than this application's amount. */
  DoesNotFit = 'does_not_fit',
  /** Nothing was left when its turn came. */
  MoneyRanOut = 'money_ran_out',
  NoVotes = 'no_votes',
}

export interface AllocationLine {
  id: string;
  /** 1-based position in the ranking. */
  rank: number;
  amountCents: number;
  votesOnline: number;
  votesHall: number;
  votes: number;
  funded: boolean;
  outcome: AllocationOutcome;
  /** Money remaining before this line's turn and after it (equal when not funded). */
  remainingBeforeCents: number;
  remainingAfterCents: number;
  /** Ids of the other applications with the same (non-zero) number of votes, in ranking order; empty when none. */
  tiedWith: string[];
}

/** Two neighbours in the ranking with equal votes, and what put `aboveId` first. */
export interface TieDecision {
  aboveId: string;
  belowId: string;
  votes: number;
  decidedBy: TieBreak;
  /** The tie decided who got money: one of the two is funded and the other is not. */
  decisive: boolean;
}

export interface AllocationResult {
  fundCents: number;
  allocatedCents: number;
  remainingCents: number;
  fundedIds: string[];
  lines: AllocationLine[];
  ties: TieDecision[];
  tieBreakOrder: readonly TieBreak[];
}

export interface AllocationProblem {
  /** "fundCents", or "<index>.<field>" of a candidate, e.g. "2.amountCents". */
  field: string;
  message: string;
}

function timeOf(value: string | Date): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

/** Everything wrong with the input; empty when allocateFund can run. */
export function validateAllocationInput(fundCents: number, candidates: readonly AllocationCandidate[]): AllocationProblem[] {
  const problems: AllocationProblem[] = [];
  if (!isCents(fundCents)) problems.push({ field: 'fundCents', message: 'The fund must be a whole, non-negative number of cents.' });
  const seen = new Set<string>();
  candidates.forEach((c, i) => {
    if (typeof c.id !== 'string' || c.id === '') problems.push({ field: `${i}.id`, message: 'Every application needs an id.' });
    else if (seen.has(c.id)) problems.push({ field: `${i}.id`, message: `The application "${c.id}" is listed twice.` });
    else seen.add(c.id);
    if (!isCents(c.amountCents) || c.amountCents === 0) {
      problems.push({ field: `${i}.amountCents`, message: 'The amount must be a whole number of cents above 0.' });
    }
    for (const field of ['votesOnline', 'votesHall'] as const) {
      if (!isCents(c[field])) problems.push({ field: `${i}.${field}`, message: 'Votes must be a whole, non-negative number.' });
    }
    if (isCents(c.votesOnline) && isCents(c.votesHall) && !Number.isSafeInteger(c.votesOnline + c.votesHall)) {
      problems.push({ field: `${i}.votesHall`, message: 'Too many votes.' });
    }
    if (!Number.isFinite(timeOf(c.submittedAt))) {
      problems.push({ field: `${i}.submittedAt`, message: 'The submission time must be an ISO 8601 timestamp.' });
    }
  });
  return problems;
}

interface Ranked extends AllocationCandidate {
  votes: number;
  time: number;
}

/** The first tie-break criterion that separates a and b (equal votes), and the comparison under it. */
function tieBreak(a: Ranked, b: Ranked): { by: TieBreak; order: number } {
  if (a.amountCents !== b.amountCents) return { by: TieBreak.SmallerAmount, order: a.amountCents - b.amountCents };
  if (a.time !== b.time) return { by: TieBreak.EarlierSubmission, order: a.time - b.time };
  return { by: TieBreak.Id, order: a.id < b.id ? -1 : a.id > b.id ? 1 : 0 };
}

function compare(a: Ranked, b: Ranked): number {
  if (a.votes !== b.votes) return b.votes - a.votes;
  return tieBreak(a, b).order;
}

/**
 * Ranks the applications and funds them by the rule above. Pure and deterministic: the same input
 * gives the same result whatever its order. Throws a RangeError naming the problems when the input
 * is invalid (check it with validateAllocationInput first to answer 422).
 */
export function allocateFund(fundCents: number, candidates: readonly AllocationCandidate[]): AllocationResult {
  const problems = validateAllocationInput(fundCents, candidates);
  if (problems.length > 0) throw new RangeError(problems.map((p) => `${p.field}: ${p.message}`).join(' '));

  const ranked: Ranked[] = candidates.map((c) => ({ ...c, votes: c.votesOnline + c.votesHall, time: timeOf(c.submittedAt) })).sort(compare);

  let remaining = fundCents;
  const lines: AllocationLine[] = ranked.map((c, i) => {
    const before = remaining;
    let outcome: AllocationOutcome;
    if (c.votes === 0) outcome = AllocationOutcome.NoVotes;
    else if (c.amountCents <= remaining) outcome = AllocationOutcome.Funded;
    else outcome = remaining === 0 ? AllocationOutcome.MoneyRanOut : AllocationOutcome.DoesNotFit;
    if (outcome === AllocationOutcome.Funded) remaining -= c.amountCents;
    return {
      id: c.id,
      rank: i + 1,
      amountCents: c.amountCents,
      votesOnline: c.votesOnline,
      votesHall: c.votesHall,
      votes: c.votes,
      funded: outcome === AllocationOutcome.Funded,
      outcome,
      remainingBeforeCents: before,
      remainingAfterCents: remaining,
      tiedWith: c.votes === 0 ? [] : ranked.filter((o) => o.votes === c.votes && o.id !== c.id).map((o) => o.id),
    };
  });

  const ties: TieDecision[] = [];
  for (let i = 1; i < ranked.length; i++) {
    const [above, below] = [ranked[i - 1], ranked[i]];
    if (above.votes !== below.votes || above.votes === 0) continue;
    ties.push({
      aboveId: above.id,
      belowId: below.id,
      votes: above.votes,
      decidedBy: tieBreak(above, below).by,
      decisive: lines[i - 1].funded !== lines[i].funded,
    });
  }

  return {
    fundCents,
    allocatedCents: fundCents - remaining,
    remainingCents: remaining,
    fundedIds: lines.filter((l) => l.funded).map((l) => l.id),
    lines,
    ties,
    tieBreakOrder: TIE_BREAK_ORDER,
  };
}
