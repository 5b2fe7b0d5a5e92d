import { VotingType } from '../enums/assembly';
import { BUDGET_MAX_CENTS, budgetSum } from './budget';
import type { RoundDefinition } from './model';
import { normalizePreparedVote } from './prepared';
import { readResult } from './reading';
import { ballotProblemText, defineRound, validateBallot, votingType } from './registry';

// The voting model's budget vote (voting.spec.ts holds the other types; split for the file size).
const items = [
  { label: 'Straßenfest Nordmarkt', amountCents: 150_000, refId: 'app-1', submittedAt: '2026-03-01T10:00:00Z' },
  { label: 'Reparatur-Café', amountCents: 80_000, refId: 'app-2', submittedAt: '2026-03-02T10:00:00Z' },
  { label: 'Pflanzkübel', amountCents: 120_000, refId: 'app-3', submittedAt: '2026-03-03T10:00:00Z' },
  { label: 'Sprachcafé', amountCents: 60_000, refId: null },
];
const budgetRound = (budgetCents = 300_000): RoundDefinition => {
  const defined = defineRound(VotingType.Budget, { budgetCents, items });
  expect(defined.problems).toEqual([]);
  return { type: VotingType.Budget, options: defined.options, ...defined.parameters };
};
const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field);

describe('budget vote: the round', () => {
  it('turns the items into options with amounts, references and submission times, and keeps the budget', () => {
    const defined = defineRound(VotingType.Budget, { budgetCents: 300_000, items, options: ['ignored'], points: 3 });
    expect(defined.problems).toEqual([]);
    expect(defined.parameters).toEqual({ maxChoices: null, points: null, budgetCents: 300_000 });
    expect(defined.options[0]).toEqual({
      id: 'o1',
      label: 'Straßenfest Nordmarkt',
      amountCents: 150_000,
      refId: 'app-1',
      submittedAt: '2026-03-01T10:00:00Z',
    });
    expect(defined.options[3]).toEqual({ id: 'o4', label: 'Sprachcafé', amountCents: 60_000, refId: null, submittedAt: null });
    expect(votingType(VotingType.Budget).input).toBe('budget');
  });

  it('refuses a missing, fractional, zero or too large budget', () => {
    for (const budgetCents of [undefined, null, 0, -100, 12.5, BUDGET_MAX_CENTS + 1])
      expect([budgetCents, fields(defineRound(VotingType.Budget, { budgetCents, items }).problems)]).toEqual([
        budgetCents,
        ['budgetCents'],
      ]);
  });

  it('refuses bad items: too few, empty or repeated labels, bad amounts, repeated refs, bad times, an item over the whole budget', () => {
    expect(fields(defineRound(VotingType.Budget, { budgetCents: 1000, items: [items[1]] }).problems)).toContain('items');
    expect(
      fields(
        defineRound(VotingType.Budget, {
          budgetCents: 100_000,
          items: [
            { label: ' ', amountCents: 100 },
            { label: 'A', amountCents: 0 },
            { label: 'a', amountCents: 10.5, refId: 'x' },
            { label: 'B', amountCents: 100, refId: 'x', submittedAt: 'yesterday' },
            { label: 'C', amountCents: 100_001 },
          ],
        }).problems,
      ),
    ).toEqual([
      'items.0.label',
      'items.1.amountCents',
      'items.2.label',
      'items.2.amountCents',
      'items.3.refId',
      'items.3.submittedAt',
      'items.4.amountCents',
    ]);
  });

  it('is created in the console, never prepared on the agenda', () => {
    const { problems } = normalizePreparedVote({
      question: 'Q',
      type: VotingType.Budget,
      options: [],
      maxChoices: null,
      points: null,
      secret: true,
      requireCheckIn: false,
    });
    expect(fields(problems)).toContain('type');
  });
});

describe('budget vote: the ballot', () => {
  const r = budgetRound(300_000);

  it('counts each approved item once when they fit the budget (exactly the budget too)', () => {
    expect(validateBallot(r, { optionIds: ['o1', 'o2'] })).toEqual({ increments: { o1: 1, o2: 1 }, problems: [] });
    expect(budgetSum(r, ['o1', 'o3'])).toBe(270_000);
    const exact = { ...r, budgetCents: 270_000 };
    expect(validateBallot(exact, { optionIds: ['o1', 'o3'] }).problems).toEqual([]);
  });

  it('refuses a ballot over the budget, naming the budget and the sum', () => {
    const { problems } = validateBallot(r, { optionIds: ['o1', 'o2', 'o3'] });
    expect(problems).toEqual([
      {
        field: 'optionIds',
        message: 'The approved items add up to 3500.00 EUR, more than the budget of 3000.00 EUR. Approve fewer items.',
        key: 'live.vote.errors.overBudget',
        values: { budgetCents: 300_000, sumCents: 350_000 },
      },
    ]);
    expect(ballotProblemText(problems)).toEqual({
      key: 'live.vote.errors.overBudget',
      values: { budgetCents: 300_000, sumCents: 350_000 },
    });
  });

  it('refuses an unknown item and an item approved twice (the sum counts each item once)', () => {
    expect(fields(validateBallot(r, { optionIds: ['o1', 'zz'] }).problems)).toEqual(['optionIds.1']);
    expect(fields(validateBallot(r, { optionIds: ['o1', 'o1'] }).problems)).toEqual(['optionIds.1']);
  });

  it('refuses an empty ballot (approving nothing is not voting) and points', () => {
    const empty = validateBallot(r, { optionIds: [] });
    expect(ballotProblemText(empty.problems)).toEqual({ key: 'live.vote.errors.nothingChosen', values: undefined });
    expect(fields(validateBallot(r, { optionIds: ['o1'], points: [{ optionId: 'o1', points: 1 }] }).problems)).toEqual(['points']);
  });
});

describe('budget vote: the reading', () => {
  it('ranks by votes online + hall, breaks a tie by the smaller amount, skips an item that no longer fits, funds none without votes', () => {
    const r = budgetRound(300_000);
    const reading = readResult(r, [
      { optionId: 'o1', online: 3, hall: 2 }, // 5 votes, 1.500 EUR
      { optionId: 'o3', online: 2, hall: 1 }, // 3 votes, 1.200 EUR → tie with o2, the smaller amount (o2) first
      { optionId: 'o2', online: 1, hall: 2 }, // 3 votes, 800 EUR
    ]);
    const budget = reading.budget!;
    expect(budget.lines.map((l) => [l.optionId, l.rank, l.votes, l.outcome, l.remainingAfterCents])).toEqual([
      ['o1', 1, 5, 'funded', 150_000],
      ['o2', 2, 3, 'funded', 70_000],
      ['o3', 3, 3, 'does_not_fit', 70_000],
      ['o4', 4, 0, 'no_votes', 70_000],
    ]);
    expect(budget).toMatchObject({ budgetCents: 300_000, allocatedCents: 230_000, remainingCents: 70_000 });
    expect(budget.lines[0]).toMatchObject({ label: 'Straßenfest Nordmarkt', refId: 'app-1', online: 3, hall: 2, funded: true });
    expect(budget.ties).toEqual([{ aboveId: 'o2', belowId: 'o3', votes: 3, decidedBy: 'smaller_amount', decisive: true }]);
    expect(reading.outcome).toEqual([{ key: 'live.budget.outcome', values: { funded: 2, items: 4, remainingCents: 70_000 } }]);
    expect(reading.options.map((o) => o.total)).toEqual([5, 3, 3, 0]);
  });

  it('funds a cheaper item further down when a dearer one no longer fits, and breaks equal amounts by the earlier submission', () => {
    const r = budgetRound(210_000);
    const sameAmount = { ...r, options: r.options.map((o) => (o.id === 'o3' ? { ...o, amountCents: 80_000 } : o)) };
    const budget = readResult(sameAmount, [
      { optionId: 'o1', online: 4, hall: 0 },
      { optionId: 'o2', online: 2, hall: 0 },
      { optionId: 'o3', online: 2, hall: 0 },
      { optionId: 'o4', online: 1, hall: 0 },
    ]).budget!;
    expect(budget.lines.map((l) => [l.optionId, l.outcome])).toEqual([
      ['o1', 'funded'],
      ['o2', 'does_not_fit'],
      ['o3', 'does_not_fit'],
      ['o4', 'funded'],
    ]);
    expect(budget.ties).toEqual([{ aboveId: 'o2', belowId: 'o3', votes: 2, decidedBy: 'earlier_submission', decisive: false }]);
    expect(budget).toMatchObject({ allocatedCents: 210_000, remainingCents: 0 });
  });

  it('texts: votes, the budget in the hint and the minutes', () => {
    const d = votingType(VotingType.Budget);
    const r = budgetRound(300_000);
    expect(d.unit).toBe('votes');
    expect(d.texts.hint(r)).toEqual({ key: 'live.vote.hintBudget', values: { budgetCents: 300_000 } });
    expect(d.texts.minutes(r)).toEqual({ key: 'typeBudget', values: { budgetCents: 300_000 } });
  });
});
