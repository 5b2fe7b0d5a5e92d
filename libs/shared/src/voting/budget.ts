import { VotingType } from '../enums/assembly';
import type { VotingOption } from '../types/assemblies';
import type { RoundDefinition, RoundInput, VotingProblem, VotingTypeDefinition } from './model';
import { choiceBallot } from './options';

/** The largest budget a round takes: the integer column's limit (21 million euros, far above any fund). */
export const BUDGET_MAX_CENTS = 2_147_483_647;
/** An item's external reference: at most this many characters. */
export const BUDGET_REF_MAX = 100;

/** A whole, non-negative number of cents (as isCents in funds/money.ts, which stays out of the web's first load). */
const isCents = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Cents as plain English euros for the API's messages (clients format with Intl). */
const euros = (cents: number) => `${(cents / 100).toFixed(2)} EUR`;

/** The items become the options o1, o2, … with their amounts, references and submission times. */
export function budgetItemOptions(items: RoundInput['items']): { options: VotingOption[]; problems: VotingProblem[] } {
  const problems: VotingProblem[] = [];
  const list = items ?? [];
  if (list.length < 2) problems.push({ field: 'items', message: 'a budget vote needs at least 2 items' });
  const labels = new Set<string>();
  const refs = new Set<string>();
  const options = list.map((item, i): VotingOption => {
    const label = typeof item.label === 'string' ? item.label.trim() : '';
    if (!label) problems.push({ field: `items.${i}.label`, message: 'label must not be empty' });
    else if (labels.has(label.toLowerCase())) problems.push({ field: `items.${i}.label`, message: 'labels must differ' });
    labels.add(label.toLowerCase());
    if (!isCents(item.amountCents) || item.amountCents === 0)
      problems.push({ field: `items.${i}.amountCents`, message: 'amountCents must be whole cents above 0' });
    const refId = item.refId == null || item.refId === '' ? null : String(item.refId).trim();
    if (refId !== null && (refId.length === 0 || refId.length > BUDGET_REF_MAX))
      problems.push({ field: `items.${i}.refId`, message: `refId: 1 to ${BUDGET_REF_MAX} characters` });
    else if (refId !== null && refs.has(refId)) problems.push({ field: `items.${i}.refId`, message: 'refId given twice' });
    if (refId) refs.add(refId);
    const submittedAt = item.submittedAt ?? null;
    if (submittedAt !== null && !Number.isFinite(Date.parse(submittedAt)))
      problems.push({ field: `items.${i}.submittedAt`, message: 'submittedAt: ISO 8601 expected' });
    return { id: `o${i + 1}`, label, amountCents: item.amountCents, refId, submittedAt };
  });
  return { options, problems };
}

/** The approved items' sum (unknown and repeated ids left out). */
export function budgetSum(round: Pick<RoundDefinition, 'options'>, optionIds: readonly string[]): number {
  const chosen = new Set(optionIds);
  return round.options.filter((o) => chosen.has(o.id)).reduce((sum, o) => sum + (o.amountCents ?? 0), 0);
}

/**
 * Budget vote (issue 17): each participant approves items whose amounts add up to at most the
 * round's budget; each approved item gets one vote. An empty ballot is refused like in the other
 * choice types (whoever approves nothing does not vote). The result funds the items in ranking order
 * while the money lasts: its reading (readBudget) is in ./reading.ts, outside the package index.
 */
export const budgetVote: VotingTypeDefinition = {
  type: VotingType.Budget,
  options: { kind: 'items', min: 2, itemOptions: budgetItemOptions },
  // The budget is entered in euros by the console's own field, not as a plain number parameter.
  parameters: [],
  checkParameters: (input, options) => {
    const budgetCents = input.budgetCents ?? null;
    const problems: VotingProblem[] = [];
    if (budgetCents === null || !isCents(budgetCents) || budgetCents === 0 || budgetCents > BUDGET_MAX_CENTS)
      problems.push({ field: 'budgetCents', message: `budgetCents: whole cents, 1 to ${BUDGET_MAX_CENTS}` });
    else
      options.forEach((o, i) => {
        if ((o.amountCents ?? 0) > budgetCents)
          problems.push({
            field: `items.${i}.amountCents`,
            message: `the item costs ${euros(o.amountCents ?? 0)}, more than the whole budget of ${euros(budgetCents)}`,
          });
      });
    return { parameters: { budgetCents }, problems };
  },
  input: 'budget',
  validateBallot: (round, ballot) => {
    const { increments, problems } = choiceBallot(round, ballot, {
      min: 1,
      max: round.options.length,
      countMessage: `optionIds must approve between 1 and ${round.options.length} items`,
    });
    const budgetCents = round.budgetCents ?? 0;
    const sumCents = budgetSum(round, Object.keys(increments));
    if (sumCents > budgetCents)
      problems.push({
        field: 'optionIds',
        message: `The approved items add up to ${euros(sumCents)}, more than the budget of ${euros(budgetCents)}. Approve fewer items.`,
        key: 'live.vote.errors.overBudget',
        values: { budgetCents, sumCents },
      });
    return { increments, problems };
  },
  unit: 'votes',
  texts: {
    name: 'live.console.voting.types.budget',
    hint: (round) => ({ key: 'live.vote.hintBudget', values: { budgetCents: round.budgetCents ?? 0 } }),
    minutes: (round) => ({ key: 'typeBudget', values: { budgetCents: round.budgetCents ?? 0 } }),
  },
  translatesOptionLabels: false,
};
