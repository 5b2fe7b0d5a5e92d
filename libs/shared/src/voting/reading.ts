/**
 * Reading a round's result: each option's figures, and what the result decides for types that read
 * more (a budget vote ranks its items and funds them while the money lasts). Imported as
 * `@app/shared/voting/reading`, outside the package index: the budget vote's reading runs the fund's
 * allocation rule (funds/allocation.ts), and the index (with the voting registry) is part of every
 * web page's first load, which must not carry it. The web shows the readings the API sends.
 */
import { VotingType } from '../enums/assembly';
import { allocateFund } from '../funds/allocation';
import type { OptionResult } from '../types/assemblies';
import type { BudgetReading } from './budget-reading';
import type { ResultReading, RoundDefinition, TextRef, VotingTypeDefinition } from './model';
import { votingType } from './registry';

/**
 * The ranking and allocation of a budget round's figures by the fund's rule (allocateFund: votes
 * online + hall, ties → smaller amount → earlier submission → id, an item that no longer fits is
 * skipped, no money without votes). Items without a submission time count as submitted in list order.
 */
export function readBudget(
  round: RoundDefinition,
  figures: ReadonlyArray<{ optionId: string; online: number; hall: number }>,
): BudgetReading {
  const byOption = new Map(figures.map((f) => [f.optionId, f]));
  const budgetCents = round.budgetCents ?? 0;
  const result = allocateFund(
    budgetCents,
    round.options.map((o, i) => ({
      id: o.id,
      amountCents: o.amountCents ?? 0,
      votesOnline: byOption.get(o.id)?.online ?? 0,
      votesHall: byOption.get(o.id)?.hall ?? 0,
      submittedAt: o.submittedAt ?? new Date(i).toISOString(),
    })),
  );
  const options = new Map(round.options.map((o) => [o.id, o]));
  return {
    budgetCents,
    allocatedCents: result.allocatedCents,
    remainingCents: result.remainingCents,
    lines: result.lines.map((l) => ({
      optionId: l.id,
      label: options.get(l.id)?.label ?? l.id,
      refId: options.get(l.id)?.refId ?? null,
      amountCents: l.amountCents,
      online: l.votesOnline,
      hall: l.votesHall,
      votes: l.votes,
      rank: l.rank,
      funded: l.funded,
      outcome: l.outcome,
      remainingAfterCents: l.remainingAfterCents,
    })),
    ties: result.ties.map((t) => ({
      aboveId: t.aboveId,
      belowId: t.belowId,
      votes: t.votes,
      decidedBy: t.decidedBy,
      decisive: t.decisive,
    })),
  };
}

/** The budget vote's reading: the allocation, and its outcome in one text. */
const readBudgetResult: NonNullable<VotingTypeDefinition['read']> = (round, options) => {
  const budget = readBudget(round, options);
  const funded = budget.lines.filter((l) => l.funded).length;
  const outcome: TextRef[] = [
    { key: 'live.budget.outcome', values: { funded, items: budget.lines.length, remainingCents: budget.remainingCents } },
  ];
  return { budget, outcome };
};

/** Readings kept out of the type definitions (and so out of the web's first load); a type's own `read` comes first. */
const READINGS: Partial<Record<VotingType, VotingTypeDefinition['read']>> = { [VotingType.Budget]: readBudgetResult };

/** A result as shown: per option (in the round's order) the app's figures, the hall count and their sum. */
export function readResult(
  round: RoundDefinition,
  tallies: ReadonlyArray<{ optionId: string; online: number; hall: number }>,
): ResultReading {
  const byOption = new Map(tallies.map((t) => [t.optionId, t]));
  const options: OptionResult[] = round.options.map((o) => {
    const online = byOption.get(o.id)?.online ?? 0;
    const hall = byOption.get(o.id)?.hall ?? 0;
    return { optionId: o.id, label: o.label, online, hall, total: online + hall };
  });
  const definition = votingType(round.type);
  const read = definition.read ?? READINGS[round.type];
  return { unit: definition.unit, options, ...read?.(round, options) };
}
