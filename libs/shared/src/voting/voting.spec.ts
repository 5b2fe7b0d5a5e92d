import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VOTING_TYPES, VotingType } from '../enums/assembly';
import type { RoundDefinition } from './model';
import { readResult } from './reading';
import { ballotProblemText, defineRound, translatesOptionLabels, validateBallot, VOTING_MODEL, votingType } from './registry';

const round = (type: VotingType, extra: Partial<RoundDefinition> = {}): RoundDefinition => ({
  type,
  options: defineRound(type, { options: ['A', 'B', 'C'], maxChoices: 2, points: 5 }).options,
  maxChoices: null,
  points: null,
  budgetCents: null,
  ...extra,
});
const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field);

describe('voting registry', () => {
  it('has one definition for every voting type, registered under its own type', () => {
    expect(Object.keys(VOTING_MODEL).sort()).toEqual([...VOTING_TYPES].sort());
    for (const type of VOTING_TYPES) expect(votingType(type).type).toBe(type);
  });

  it('names every type with its own console text key and a minutes key', () => {
    for (const type of VOTING_TYPES) {
      const definition = votingType(type);
      expect(definition.texts.name).toBe(`live.console.voting.types.${type}`);
      expect(definition.texts.minutes(round(type)).key).toMatch(/^type[A-Z]/);
      expect(definition.texts.hint(round(type)).key).toMatch(/^live\.vote\.hint/);
    }
  });

  it('names texts that exist in the web locale files (German and English)', () => {
    for (const lang of ['de', 'en']) {
      // live.<lang>.json, with the console's texts (console.<lang>.json: { live: { console } }) and the budget
      // result's (budget.<lang>.json: { live: { budget } }) loaded beside it.
      const read = (file: string) =>
        JSON.parse(readFileSync(join(__dirname, `../../../../apps/web/src/locales/${file}.${lang}.json`), 'utf8')) as Record<
          string,
          unknown
        >;
      const live = read('live') as Record<string, Record<string, unknown>>;
      const budget = (read('budget').live as Record<string, Record<string, unknown>>).budget;
      const texts = { ...live, ...(read('console').live as Record<string, unknown>), budget: { ...live.budget, ...budget } };
      const has = (key: string) => {
        const path = key.replace(/^live\./, '').split('.');
        const last = path.pop()!;
        let node: unknown = texts;
        for (const part of path) node = (node as Record<string, unknown> | undefined)?.[part];
        const leaf = node as Record<string, unknown> | undefined;
        return typeof leaf?.[last] === 'string' || typeof leaf?.[`${last}_other`] === 'string';
      };
      for (const type of VOTING_TYPES) {
        const d = votingType(type);
        const r = round(type, { maxChoices: 2, points: 5 });
        const keys = [d.texts.name, d.texts.hint(r).key, `live.results.${d.unit}`, ...d.parameters.map((p) => p.label)];
        for (const problem of d.validateBallot(r, { optionIds: [], points: [] }).problems) if (problem.key) keys.push(problem.key);
        for (const key of keys) expect([lang, key, has(key)]).toEqual([lang, key, true]);
      }
    }
  });

  it('refuses an unknown type instead of guessing', () => {
    expect(() => votingType('ranked' as VotingType)).toThrow('Unknown voting type');
  });

  it('keeps the parameters a type does not take null', () => {
    expect(defineRound(VotingType.SingleChoice, { options: ['A', 'B'], maxChoices: 1, points: 3 }).parameters).toEqual({
      maxChoices: null,
      points: null,
      budgetCents: null,
    });
  });

  it('reads a result per option in the round order, app and hall apart, with the type unit', () => {
    const r = round(VotingType.DotVoting, { points: 5 });
    const reading = readResult(r, [
      { optionId: 'o3', online: 4, hall: 1 },
      { optionId: 'o1', online: 2, hall: 0 },
    ]);
    expect(reading).toEqual({
      unit: 'points',
      options: [
        { optionId: 'o1', label: 'A', online: 2, hall: 0, total: 2 },
        { optionId: 'o2', label: 'B', online: 0, hall: 0, total: 0 },
        { optionId: 'o3', label: 'C', online: 4, hall: 1, total: 5 },
      ],
    });
    expect(readResult(round(VotingType.YesNoAbstain), []).unit).toBe('votes');
  });

  it('gives the web the first problem a person can fix, and nothing for problems only a broken client makes', () => {
    expect(
      ballotProblemText([
        { field: 'optionIds.0', message: 'x' },
        { field: 'points', message: 'y', key: 'k', values: { count: 2 } },
      ]),
    ).toEqual({
      key: 'k',
      values: { count: 2 },
    });
    expect(ballotProblemText([{ field: 'optionIds.0', message: 'x' }])).toBeNull();
  });
});

describe('yes / no / abstain', () => {
  const r = round(VotingType.YesNoAbstain);

  it('has fixed options whatever the moderator sends, translated by clients', () => {
    const defined = defineRound(VotingType.YesNoAbstain, { options: ['x'], maxChoices: 3 });
    expect(defined).toEqual({
      options: [
        { id: 'yes', label: 'Yes' },
        { id: 'no', label: 'No' },
        { id: 'abstain', label: 'Abstain' },
      ],
      parameters: { maxChoices: null, points: null, budgetCents: null },
      problems: [],
    });
    expect(translatesOptionLabels(r)).toBe(true);
    expect(votingType(VotingType.YesNoAbstain).parameters).toEqual([]);
  });

  it('counts exactly one choice as one vote', () => {
    expect(validateBallot(r, { optionIds: ['no'] })).toEqual({ increments: { no: 1 }, problems: [] });
  });

  it('refuses no choice, two choices, unknown options and points', () => {
    const none = validateBallot(r, { optionIds: [] });
    expect(none.problems).toEqual([
      { field: 'optionIds', message: 'optionIds must contain exactly one option', key: 'live.vote.errors.nothingChosen' },
    ]);
    expect(fields(validateBallot(r, { optionIds: ['yes', 'no'] }).problems)).toEqual(['optionIds']);
    expect(ballotProblemText(validateBallot(r, { optionIds: ['yes', 'no'] }).problems)).toBeNull();
    expect(validateBallot(r, { optionIds: ['maybe'] }).problems).toEqual([
      { field: 'optionIds.0', message: 'optionIds must be options of this round' },
    ]);
    expect(fields(validateBallot(r, { optionIds: ['yes'], points: [] }).problems)).toEqual(['points']);
  });

  it('texts: one answer, no parameters in the minutes', () => {
    const d = votingType(VotingType.YesNoAbstain);
    expect(d.texts.hint(r)).toEqual({ key: 'live.vote.hintSingle' });
    expect(d.texts.minutes(r)).toEqual({ key: 'typeYesNoAbstain' });
    expect(d.input).toBe('single');
    expect(d.unit).toBe('votes');
  });
});

describe('single choice', () => {
  it('takes the moderator labels, trimmed, as options o1, o2, …', () => {
    expect(defineRound(VotingType.SingleChoice, { options: [' Park ', 'Platz'] })).toEqual({
      options: [
        { id: 'o1', label: 'Park' },
        { id: 'o2', label: 'Platz' },
      ],
      parameters: { maxChoices: null, points: null, budgetCents: null },
      problems: [],
    });
    expect(translatesOptionLabels(round(VotingType.SingleChoice))).toBe(false);
  });

  it('needs at least two different labels (ignoring case)', () => {
    expect(defineRound(VotingType.SingleChoice, { options: ['Park'] }).problems).toEqual([
      { field: 'options', message: 'options must have at least 2 labels for this type' },
    ]);
    expect(defineRound(VotingType.SingleChoice, {}).problems.map((p) => p.message)).toEqual([
      'options must have at least 2 labels for this type',
    ]);
    expect(defineRound(VotingType.SingleChoice, { options: ['Park', ' park'] }).problems).toEqual([
      { field: 'options', message: 'options must be different from each other' },
    ]);
  });

  it('counts one chosen option and refuses a repeated or missing one', () => {
    const r = round(VotingType.SingleChoice);
    expect(validateBallot(r, { optionIds: ['o2'] })).toEqual({ increments: { o2: 1 }, problems: [] });
    expect(fields(validateBallot(r, { optionIds: ['o1', 'o1'] }).problems)).toEqual(['optionIds', 'optionIds.1']);
    expect(ballotProblemText(validateBallot(r, {}).problems)).toEqual({ key: 'live.vote.errors.nothingChosen', values: undefined });
  });

  it('texts', () => {
    const d = votingType(VotingType.SingleChoice);
    expect(d.texts.minutes(round(VotingType.SingleChoice))).toEqual({ key: 'typeSingleChoice' });
    expect(d.texts.hint(round(VotingType.SingleChoice))).toEqual({ key: 'live.vote.hintSingle' });
  });
});

describe('multiple choice', () => {
  it('takes maxChoices, all options when left out, and refuses one outside 1 … options', () => {
    expect(defineRound(VotingType.MultipleChoice, { options: ['A', 'B', 'C'], maxChoices: 2 }).parameters).toEqual({
      maxChoices: 2,
      points: null,
      budgetCents: null,
    });
    expect(defineRound(VotingType.MultipleChoice, { options: ['A', 'B', 'C'] }).parameters.maxChoices).toBe(3);
    for (const maxChoices of [0, 4])
      expect(defineRound(VotingType.MultipleChoice, { options: ['A', 'B', 'C'], maxChoices }).problems).toEqual([
        { field: 'maxChoices', message: 'maxChoices must be between 1 and the number of options (3)' },
      ]);
    expect(votingType(VotingType.MultipleChoice).parameters.map((p) => [p.name, p.initial, p.min])).toEqual([['maxChoices', 2, 1]]);
  });

  it('reports both option and parameter problems of one round together', () => {
    expect(fields(defineRound(VotingType.MultipleChoice, { options: ['A'], maxChoices: 2 }).problems)).toEqual(['options', 'maxChoices']);
  });

  it('counts each chosen option as one vote, up to maxChoices', () => {
    const r = round(VotingType.MultipleChoice, { maxChoices: 2 });
    expect(validateBallot(r, { optionIds: ['o1', 'o3'] })).toEqual({ increments: { o1: 1, o3: 1 }, problems: [] });
    const over = validateBallot(r, { optionIds: ['o1', 'o2', 'o3'] });
    expect(over.problems).toEqual([
      {
        field: 'optionIds',
        message: 'optionIds must contain between 1 and 2 options',
        key: 'live.vote.errors.tooMany',
        values: { count: 2 },
      },
    ]);
    expect(ballotProblemText(validateBallot(r, { optionIds: [] }).problems)?.key).toBe('live.vote.errors.nothingChosen');
  });

  it('without a stored limit allows every option', () => {
    const r = round(VotingType.MultipleChoice, { maxChoices: null });
    expect(validateBallot(r, { optionIds: ['o1', 'o2', 'o3'] }).problems).toEqual([]);
    expect(votingType(VotingType.MultipleChoice).texts.hint(r)).toEqual({ key: 'live.vote.hintMultiple', values: { count: 3 } });
  });

  it('texts name the limit in the minutes when there is one', () => {
    const d = votingType(VotingType.MultipleChoice);
    expect(d.texts.minutes(round(VotingType.MultipleChoice, { maxChoices: 2 }))).toEqual({ key: 'typeMultipleChoice', values: { max: 2 } });
    expect(d.texts.minutes(round(VotingType.MultipleChoice))).toEqual({ key: 'typeMultipleChoiceNoMax' });
    expect(d.input).toBe('multiple');
  });
});

describe('dot voting', () => {
  const r = round(VotingType.DotVoting, { points: 5 });

  it('needs points per person', () => {
    expect(defineRound(VotingType.DotVoting, { options: ['A', 'B'], points: 4 }).parameters).toEqual({
      maxChoices: null,
      points: 4,
      budgetCents: null,
    });
    expect(defineRound(VotingType.DotVoting, { options: ['A', 'B'] }).problems).toEqual([
      { field: 'points', message: 'points must be given for dot voting' },
    ]);
  });

  it('adds each option points to its counter, leaving out zeros', () => {
    expect(
      validateBallot(r, {
        points: [
          { optionId: 'o1', points: 3 },
          { optionId: 'o2', points: 0 },
          { optionId: 'o3', points: 2 },
        ],
      }),
    ).toEqual({ increments: { o1: 3, o3: 2 }, problems: [] });
  });

  it('refuses more points than the round gives, none at all, repeats, unknown options and optionIds', () => {
    expect(validateBallot(r, { points: [{ optionId: 'o1', points: 6 }] }).problems).toEqual([
      {
        field: 'points',
        message: 'points must add up to at most 5 (they add up to 6)',
        key: 'live.vote.errors.tooManyPoints',
        values: { count: 5 },
      },
    ]);
    expect(ballotProblemText(validateBallot(r, { points: [] }).problems)).toEqual({ key: 'live.vote.errors.noPoints', values: undefined });
    expect(fields(validateBallot(r, { points: [{ optionId: 'o1', points: 0 }] }).problems)).toEqual(['points']);
    expect(
      fields(
        validateBallot(r, {
          points: [
            { optionId: 'o1', points: 1 },
            { optionId: 'o1', points: 1 },
            { optionId: 'zz', points: 1 },
          ],
        }).problems,
      ),
    ).toEqual(['points.1.optionId', 'points.2.optionId']);
    expect(fields(validateBallot(r, { optionIds: ['o1'], points: [{ optionId: 'o1', points: 1 }] }).problems)).toEqual(['optionIds']);
  });

  it('a round without points accepts no point at all', () => {
    expect(fields(validateBallot(round(VotingType.DotVoting), { points: [{ optionId: 'o1', points: 1 }] }).problems)).toEqual(['points']);
  });

  it('texts: the figures are points', () => {
    const d = votingType(VotingType.DotVoting);
    expect(d.unit).toBe('points');
    expect(d.input).toBe('points');
    expect(d.texts.hint(r)).toEqual({ key: 'live.vote.hintDots', values: { count: 5 } });
    expect(d.texts.minutes(r)).toEqual({ key: 'typeDotVoting', values: { points: 5 } });
    expect(d.texts.minutes(round(VotingType.DotVoting))).toEqual({ key: 'typeDotVotingNoPoints' });
  });
});
