import { Role, ROLES } from '../enums/roles';
import {
  availableTransitions,
  calendarDate,
  checkEvaluation,
  checkRunStarted,
  checkTransition,
  EvaluationOutcome,
  getTransition,
  nextMainStep,
  GuardFieldType,
  GuardRule,
  isCalendarDate,
  type MissingField,
  PARKABLE_STATES,
  PROJECT_MAIN_PATH,
  PROJECT_STATE_INFO,
  PROJECT_STATES,
  ProjectState,
  type ProjectRunFacts,
  PUBLIC_REASON_MAX,
  PUBLIC_REASON_MIN,
  stateLabelKey,
  TERMINAL_PROJECT_STATES,
  TRANSITION_IDS,
  TransitionId,
  TRANSITIONS,
  transitionsFrom,
  type WorkflowSubject,
} from './index';
import * as shared from '../index';

const NOW = new Date('2026-11-25T10:00:00Z');
const { Idea, SingleProject, ProjectType, RegularOperation, Rejected, Parked, Ended } = ProjectState;
const { Citizen, Moderator, Administrator } = Role;

const REASON = 'Der Träger hat sich zurückgezogen; neue Suche im Frühjahr.';
const SINGLE_PROJECT_INPUT = {
  operatorName: 'Grünbau gGmbH',
  areaId: 'area-hoerde',
  startDate: '2026-04-01',
  endDate: '2026-12-31',
  fundingSource: 'Aktionsraumfonds',
  fundingAmountCents: 500000,
};
const PATTERN = 'Homework help run by volunteers in the neighbourhood school, two afternoons a week, with a paid coordinator.';
const REGULAR_OPERATION_INPUT = {
  responsibleDepartment: 'Jugendamt',
  budgetLine: '1.06.03.01',
  decisionBody: 'Rat der Stadt',
  decisionNumber: 'Drucksache 12345-26',
  decisionDate: '2026-03-10',
};
const VALID_INPUT: Record<TransitionId, Record<string, unknown>> = {
  [TransitionId.PromoteToSingleProject]: SINGLE_PROJECT_INPUT,
  [TransitionId.PromoteToProjectType]: { patternDescription: PATTERN },
  [TransitionId.EnterRegularOperation]: REGULAR_OPERATION_INPUT,
  [TransitionId.CreateInstanceFromType]: SINGLE_PROJECT_INPUT,
  [TransitionId.Reject]: { reason: REASON },
  [TransitionId.Park]: { reason: REASON },
  [TransitionId.Resume]: { reason: REASON },
  [TransitionId.End]: { reason: REASON },
};

const GOOD_EVALUATION = {
  outcome: EvaluationOutcome.Successful,
  evidence: '42 children took part every week; 30 of them improved their German grade by at least one step.',
  indicatorKeys: ['german_school_entry', 'gymnasium_transition'],
};
const EVALUATED_RUN: ProjectRunFacts = { id: 'r1', areaId: 'area-nordmarkt', finished: true, evaluation: GOOD_EVALUATION };

/** Every situation a project can be in: each state, parked from each parkable state, and parked without a record. */
const SITUATIONS: WorkflowSubject[] = [
  ...PROJECT_STATES.filter((s) => s !== Parked).map((state) => ({ state })),
  ...PARKABLE_STATES.map((parkedFrom) => ({ state: Parked, parkedFrom })),
  { state: Parked, parkedFrom: null },
];
const withFacts = (s: WorkflowSubject): WorkflowSubject => ({ ...s, runs: [EVALUATED_RUN] });
const describeSituation = (s: WorkflowSubject) => (s.state === Parked ? `parked(from ${s.parkedFrom ?? 'nothing'})` : s.state);

const A = [Administrator];
const MA = [Moderator, Administrator];
/** The expected workflow, written out by hand: [transition, state, parkedFrom, roles, next state]. */
const EXPECTED: Array<[TransitionId, ProjectState, ProjectState | null, Role[], ProjectState]> = [
  [TransitionId.PromoteToSingleProject, Idea, null, A, SingleProject],
  [TransitionId.PromoteToProjectType, SingleProject, null, A, ProjectType],
  [TransitionId.EnterRegularOperation, ProjectType, null, A, RegularOperation],
  [TransitionId.CreateInstanceFromType, ProjectType, null, A, ProjectType],
  [TransitionId.CreateInstanceFromType, RegularOperation, null, A, RegularOperation],
  [TransitionId.Reject, Idea, null, MA, Rejected],
  [TransitionId.Reject, Parked, Idea, MA, Rejected],
  [TransitionId.Park, Idea, null, MA, Parked],
  [TransitionId.Park, SingleProject, null, A, Parked],
  [TransitionId.Park, ProjectType, null, A, Parked],
  [TransitionId.Resume, Parked, Idea, MA, Idea],
  [TransitionId.Resume, Parked, SingleProject, A, SingleProject],
  [TransitionId.Resume, Parked, ProjectType, A, ProjectType],
  [TransitionId.End, SingleProject, null, A, Ended],
  [TransitionId.End, ProjectType, null, A, Ended],
  [TransitionId.End, RegularOperation, null, A, Ended],
  [TransitionId.End, Parked, SingleProject, A, Ended],
  [TransitionId.End, Parked, ProjectType, A, Ended],
];
const expectedFor = (id: TransitionId, s: WorkflowSubject) =>
  EXPECTED.find(([t, state, parkedFrom]) => t === id && state === s.state && (state !== Parked || parkedFrom === s.parkedFrom));

const pick = (missing: MissingField[]) => missing.map(({ field, rule }) => ({ field, rule }));
const admin = { role: Administrator };

describe('workflow states', () => {
  it('has the seven states, the main path in order and rejected/ended as the only terminal states', () => {
    expect(PROJECT_STATES).toEqual(['idea', 'single_project', 'project_type', 'regular_operation', 'rejected', 'parked', 'ended']);
    expect(PROJECT_MAIN_PATH).toEqual([Idea, SingleProject, ProjectType, RegularOperation]);
    expect(TERMINAL_PROJECT_STATES).toEqual([Rejected, Ended]);
  });

  it.each(PROJECT_STATES)('%s has workflow.states.* label keys and an English description', (state) => {
    const info = PROJECT_STATE_INFO[state];
    expect(info.labelKey).toBe(`workflow.states.${state}`);
    expect(stateLabelKey(state)).toBe(info.labelKey);
    expect(info.descriptionKey).toBe(`workflow.states.${state}_description`);
    expect(info.description.length).toBeGreaterThan(10);
    expect(info.sideExit).toBe([Rejected, Parked, Ended].includes(state));
    expect(info.current).toBe([SingleProject, ProjectType, RegularOperation].includes(state));
  });

  it('is exported from @app/shared', () => {
    expect(shared.ProjectState.Idea).toBe('idea');
    expect(shared.TRANSITIONS).toBe(TRANSITIONS);
    expect(typeof shared.checkTransition).toBe('function');
  });
});

describe('workflow definition (data)', () => {
  it('defines each transition id exactly once, with a workflow.transitions.* label key', () => {
    expect(TRANSITIONS.map((t) => t.id).sort()).toEqual([...TRANSITION_IDS].sort());
    expect(TRANSITIONS).toHaveLength(TRANSITION_IDS.length);
    for (const t of TRANSITIONS) {
      expect(t.labelKey).toBe(`workflow.transitions.${t.id}`);
      expect(getTransition(t.id)).toBe(t);
    }
  });

  it('uses parkedFrom only on parked sources, never two sources for the same situation, and only known roles', () => {
    for (const t of TRANSITIONS) {
      for (const source of t.from) {
        expect(source.parkedFrom === undefined).toBe(source.state !== Parked);
        expect(source.roles.length).toBeGreaterThan(0);
        expect(source.roles.every((r) => ROLES.includes(r))).toBe(true);
        expect(source.roles).not.toContain(Citizen);
      }
      const situations = t.from.flatMap((s) => (s.parkedFrom ?? [null]).map((p) => `${s.state}/${p}`));
      expect(new Set(situations).size).toBe(situations.length);
      expect(new Set(t.fields.map((f) => f.field)).size).toBe(t.fields.length);
    }
  });

  it('matches the hand-written table: nothing more, nothing less', () => {
    const actual = TRANSITIONS.flatMap((t) =>
      t.from.flatMap((s) => (s.parkedFrom ?? [null]).map((p) => `${t.id} ${s.state} ${p} ${[...s.roles].join('+')}`)),
    ).sort();
    const expected = EXPECTED.map(([t, state, p, roles]) => `${t} ${state} ${p} ${roles.join('+')}`).sort();
    expect(actual).toEqual(expected);
  });

  it('requires a public reason on every side exit and on resume', () => {
    for (const id of [TransitionId.Reject, TransitionId.Park, TransitionId.End, TransitionId.Resume]) {
      const reason = getTransition(id)?.fields.find((f) => f.field === 'reason');
      expect(reason).toMatchObject({
        required: true,
        type: GuardFieldType.Text,
        minLength: PUBLIC_REASON_MIN,
        maxLength: PUBLIC_REASON_MAX,
      });
    }
  });
});

describe('transition matrix: every transition × every situation × every role', () => {
  const cases = TRANSITION_IDS.flatMap((id) => SITUATIONS.flatMap((s) => ROLES.map((role) => [id, s, role] as const)));

  it.each(cases.map(([id, s, role]) => [id, describeSituation(s), role, s] as const))('%s from %s as %s', (id, _label, role, situation) => {
    const subject = withFacts(situation);
    const result = checkTransition(subject, id, VALID_INPUT[id], { role }, NOW);
    const expected = expectedFor(id, situation);
    if (!expected) {
      expect(result).toMatchObject({ ok: false, reason: 'wrong_state', missing: [] });
    } else if (!expected[3].includes(role)) {
      expect(result).toMatchObject({ ok: false, reason: 'role', missing: [] });
      if (!result.ok) expect(result.message).toContain(`you act as ${role}`);
    } else {
      expect(result).toMatchObject({ ok: true, nextState: expected[4] });
      if (result.ok) expect(result.transition.id).toBe(id);
    }
  });

  it.each(SITUATIONS.map((s) => [describeSituation(s), s] as const))(
    'transitionsFrom(%s) lists exactly the expected transitions',
    (_label, s) => {
      const ids = transitionsFrom(s.state, s.parkedFrom).map((t) => t.id);
      const expected = TRANSITION_IDS.filter((id) => expectedFor(id, s));
      expect(ids).toEqual(expected);
    },
  );

  it('citizens can make no transition at all', () => {
    for (const s of SITUATIONS) {
      expect(availableTransitions(withFacts(s), { role: Citizen }, { now: NOW }).every((a) => !a.allowedForRole && !a.possible)).toBe(true);
    }
  });

  it('moderators may only reject, park and resume ideas', () => {
    const moderatorMoves = TRANSITIONS.flatMap((t) =>
      t.from.filter((s) => s.roles.includes(Moderator)).flatMap((s) => (s.parkedFrom ?? [null]).map((p) => `${t.id} ${s.state} ${p}`)),
    );
    expect(moderatorMoves).toEqual(['reject idea null', 'reject parked idea', 'park idea null', 'resume parked idea']);
  });
});

describe('terminal states and side exits', () => {
  it.each(TERMINAL_PROJECT_STATES)('%s has no way out', (state) => {
    expect(transitionsFrom(state)).toEqual([]);
    expect(availableTransitions({ state }, admin, { now: NOW })).toEqual([]);
    for (const id of TRANSITION_IDS) {
      const result = checkTransition({ state }, id, VALID_INPUT[id], admin, NOW);
      expect(result).toMatchObject({ ok: false, reason: 'wrong_state' });
      if (!result.ok) expect(result.message).toContain('nothing can change it any more');
    }
  });

  it('regular operation can only be ended or run in another area', () => {
    expect(transitionsFrom(RegularOperation).map((t) => t.id)).toEqual([TransitionId.CreateInstanceFromType, TransitionId.End]);
  });

  it('a parked project without a recorded parked-from state cannot move and says why', () => {
    expect(transitionsFrom(Parked)).toEqual([]);
    const result = checkTransition({ state: Parked }, TransitionId.Resume, { reason: REASON }, admin, NOW);
    expect(result).toMatchObject({
      ok: false,
      reason: 'wrong_state',
      message: 'The project is parked, but the state it was parked from is not recorded.',
    });
  });

  it('names the states a transition starts from when the state is wrong', () => {
    const result = checkTransition({ state: Idea }, TransitionId.End, { reason: REASON }, admin, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toBe(
        'Cannot end a project that is project idea: this works only from single project, project type, regular operation, parked (from single project or project type).',
      );
    }
  });
});

describe('parking and resuming', () => {
  it.each(PARKABLE_STATES)('parking a %s and resuming returns to it', (state) => {
    const park = checkTransition({ state }, TransitionId.Park, { reason: REASON }, admin, NOW);
    expect(park).toMatchObject({ ok: true, nextState: Parked });
    const parked: WorkflowSubject = { state: Parked, parkedFrom: state };
    const resume = checkTransition(parked, TransitionId.Resume, { reason: REASON }, admin, NOW);
    expect(resume).toMatchObject({ ok: true, nextState: state });
    const options = availableTransitions(parked, admin, { now: NOW });
    expect(options.find((o) => o.transition.id === TransitionId.Resume)?.nextState).toBe(state);
  });

  it('a moderator may resume a parked idea but not a parked project', () => {
    expect(
      checkTransition({ state: Parked, parkedFrom: Idea }, TransitionId.Resume, { reason: REASON }, { role: Moderator }, NOW),
    ).toMatchObject({
      ok: true,
      nextState: Idea,
    });
    expect(
      checkTransition({ state: Parked, parkedFrom: SingleProject }, TransitionId.Resume, { reason: REASON }, { role: Moderator }, NOW),
    ).toMatchObject({ ok: false, reason: 'role', message: 'Only an administrator may resume here (you act as moderator).' });
  });

  it('a parked idea is rejected, a parked project is ended, never the other way round', () => {
    expect(checkTransition({ state: Parked, parkedFrom: Idea }, TransitionId.End, { reason: REASON }, admin, NOW)).toMatchObject({
      reason: 'wrong_state',
    });
    expect(checkTransition({ state: Parked, parkedFrom: ProjectType }, TransitionId.Reject, { reason: REASON }, admin, NOW)).toMatchObject({
      reason: 'wrong_state',
    });
  });

  it('cannot park a parked project or a project in regular operation', () => {
    expect(checkTransition({ state: Parked, parkedFrom: Idea }, TransitionId.Park, { reason: REASON }, admin, NOW)).toMatchObject({
      reason: 'wrong_state',
    });
    expect(checkTransition({ state: RegularOperation }, TransitionId.Park, { reason: REASON }, admin, NOW)).toMatchObject({
      reason: 'wrong_state',
    });
  });
});

type GuardCase = [string, Record<string, unknown>, Array<{ field: string; rule: GuardRule }>];
const guardCases = (id: TransitionId, cases: GuardCase[]) => cases.map(([name, patch, expected]) => [id, name, patch, expected] as const);
const without = (key: string) => ({ [key]: undefined });

const SINGLE_PROJECT_CASES: GuardCase[] = [
  ['Träger missing', without('operatorName'), [{ field: 'operatorName', rule: GuardRule.Required }]],
  ['Träger blank', { operatorName: '   ' }, [{ field: 'operatorName', rule: GuardRule.Required }]],
  ['Träger too short', { operatorName: 'X' }, [{ field: 'operatorName', rule: GuardRule.MinLength }]],
  ['Träger too long', { operatorName: 'x'.repeat(201) }, [{ field: 'operatorName', rule: GuardRule.MaxLength }]],
  ['Träger not text', { operatorName: 42 }, [{ field: 'operatorName', rule: GuardRule.Type }]],
  ['Aktionsraum missing', without('areaId'), [{ field: 'areaId', rule: GuardRule.Required }]],
  ['Aktionsraum null', { areaId: null }, [{ field: 'areaId', rule: GuardRule.Required }]],
  ['Aktionsraum not an id', { areaId: 7 }, [{ field: 'areaId', rule: GuardRule.Type }]],
  ['start date missing', without('startDate'), [{ field: 'startDate', rule: GuardRule.Required }]],
  ['start date not a date', { startDate: '01.04.2026' }, [{ field: 'startDate', rule: GuardRule.DateFormat }]],
  ['start date impossible', { startDate: '2026-02-30' }, [{ field: 'startDate', rule: GuardRule.DateFormat }]],
  ['end date before start', { endDate: '2026-03-31' }, [{ field: 'endDate', rule: GuardRule.DateOrder }]],
  ['end date malformed', { endDate: '2026-13-01' }, [{ field: 'endDate', rule: GuardRule.DateFormat }]],
  ['funding source missing', without('fundingSource'), [{ field: 'fundingSource', rule: GuardRule.Required }]],
  ['funding amount missing', without('fundingAmountCents'), [{ field: 'fundingAmountCents', rule: GuardRule.Required }]],
  ['funding amount zero', { fundingAmountCents: 0 }, [{ field: 'fundingAmountCents', rule: GuardRule.Positive }]],
  ['funding amount negative', { fundingAmountCents: -100 }, [{ field: 'fundingAmountCents', rule: GuardRule.Positive }]],
  ['funding amount with fractions of a cent', { fundingAmountCents: 10.5 }, [{ field: 'fundingAmountCents', rule: GuardRule.MoneyFormat }]],
  ['funding amount as text', { fundingAmountCents: '5000' }, [{ field: 'fundingAmountCents', rule: GuardRule.MoneyFormat }]],
  [
    'everything missing',
    {
      operatorName: undefined,
      areaId: undefined,
      startDate: undefined,
      endDate: undefined,
      fundingSource: undefined,
      fundingAmountCents: undefined,
    },
    [
      { field: 'operatorName', rule: GuardRule.Required },
      { field: 'areaId', rule: GuardRule.Required },
      { field: 'startDate', rule: GuardRule.Required },
      { field: 'fundingSource', rule: GuardRule.Required },
      { field: 'fundingAmountCents', rule: GuardRule.Required },
    ],
  ],
];

const REASON_CASES: GuardCase[] = [
  ['reason missing', { reason: undefined }, [{ field: 'reason', rule: GuardRule.Required }]],
  ['reason blank', { reason: ' \n ' }, [{ field: 'reason', rule: GuardRule.Required }]],
  ['reason too short', { reason: 'Kein Geld.' }, [{ field: 'reason', rule: GuardRule.MinLength }]],
  ['reason too long', { reason: 'x'.repeat(PUBLIC_REASON_MAX + 1) }, [{ field: 'reason', rule: GuardRule.MaxLength }]],
  ['reason not text', { reason: ['a'] }, [{ field: 'reason', rule: GuardRule.Type }]],
];

/** A subject from which each transition starts. */
const START: Record<TransitionId, WorkflowSubject> = {
  [TransitionId.PromoteToSingleProject]: { state: Idea },
  [TransitionId.PromoteToProjectType]: { state: SingleProject, runs: [EVALUATED_RUN] },
  [TransitionId.EnterRegularOperation]: { state: ProjectType, runs: [EVALUATED_RUN] },
  [TransitionId.CreateInstanceFromType]: { state: ProjectType, runs: [EVALUATED_RUN] },
  [TransitionId.Reject]: { state: Idea },
  [TransitionId.Park]: { state: Idea },
  [TransitionId.Resume]: { state: Parked, parkedFrom: Idea },
  [TransitionId.End]: { state: SingleProject },
};

describe('input guards: each missing or invalid field is named precisely', () => {
  const cases = [
    ...guardCases(TransitionId.PromoteToSingleProject, SINGLE_PROJECT_CASES),
    ...guardCases(TransitionId.CreateInstanceFromType, SINGLE_PROJECT_CASES),
    ...guardCases(TransitionId.PromoteToProjectType, [
      ['pattern description missing', { patternDescription: undefined }, [{ field: 'patternDescription', rule: GuardRule.Required }]],
      [
        'pattern description too short',
        { patternDescription: 'Hausaufgabenhilfe.' },
        [{ field: 'patternDescription', rule: GuardRule.MinLength }],
      ],
      [
        'pattern description too long',
        { patternDescription: 'x'.repeat(5001) },
        [{ field: 'patternDescription', rule: GuardRule.MaxLength }],
      ],
    ]),
    ...guardCases(TransitionId.EnterRegularOperation, [
      ['department missing', without('responsibleDepartment'), [{ field: 'responsibleDepartment', rule: GuardRule.Required }]],
      ['budget line missing', without('budgetLine'), [{ field: 'budgetLine', rule: GuardRule.Required }]],
      ['decision body missing', without('decisionBody'), [{ field: 'decisionBody', rule: GuardRule.Required }]],
      ['decision number missing', without('decisionNumber'), [{ field: 'decisionNumber', rule: GuardRule.Required }]],
      ['decision date missing', without('decisionDate'), [{ field: 'decisionDate', rule: GuardRule.Required }]],
      ['decision date malformed', { decisionDate: '10.03.2026' }, [{ field: 'decisionDate', rule: GuardRule.DateFormat }]],
      ['decision date in the future', { decisionDate: '2026-11-26' }, [{ field: 'decisionDate', rule: GuardRule.DateNotFuture }]],
      [
        'budget line and decision number missing',
        { budgetLine: '', decisionNumber: null },
        [
          { field: 'budgetLine', rule: GuardRule.Required },
          { field: 'decisionNumber', rule: GuardRule.Required },
        ],
      ],
    ]),
    ...[TransitionId.Reject, TransitionId.Park, TransitionId.Resume, TransitionId.End].flatMap((id) => guardCases(id, REASON_CASES)),
  ];

  it.each(cases)('%s: %s', (id, _name, patch, expected) => {
    const result = checkTransition(START[id], id, { ...VALID_INPUT[id], ...patch }, admin, NOW);
    expect(result).toMatchObject({ ok: false, reason: 'missing_fields' });
    if (!result.ok) {
      expect(pick(result.missing)).toEqual(expected);
      for (const m of result.missing) {
        expect(m.source).toBe('input');
        expect(m.message).toMatch(/^[A-Z].*\.$/);
        expect(result.message).toContain(m.message);
      }
    }
  });

  it.each(TRANSITION_IDS)('%s passes with the valid input and returns normalised values', (id) => {
    const result = checkTransition(START[id], id, VALID_INPUT[id], admin, NOW);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(Object.keys(result.values).sort()).toEqual(Object.keys(VALID_INPUT[id]).sort());
    }
  });

  it('trims text, drops unknown input fields and leaves out an absent optional end date', () => {
    const result = checkTransition(
      { state: Idea },
      TransitionId.PromoteToSingleProject,
      { ...SINGLE_PROJECT_INPUT, operatorName: '  Grünbau gGmbH ', endDate: null, state: 'regular_operation' },
      admin,
      NOW,
    );
    expect(result).toMatchObject({ ok: true, nextState: SingleProject, createdState: null });
    if (result.ok) {
      expect(result.values).toEqual({
        operatorName: 'Grünbau gGmbH',
        areaId: 'area-hoerde',
        startDate: '2026-04-01',
        fundingSource: 'Aktionsraumfonds',
        fundingAmountCents: 500000,
      });
    }
  });

  it('allows an end date on the start date and a decision taken today in Berlin', () => {
    expect(
      checkTransition({ state: Idea }, TransitionId.PromoteToSingleProject, { ...SINGLE_PROJECT_INPUT, endDate: '2026-04-01' }, admin, NOW)
        .ok,
    ).toBe(true);
    // 23:30 UTC on 25 Nov is already 26 Nov in Berlin.
    const lateEvening = new Date('2026-11-25T23:30:00Z');
    const input = { ...REGULAR_OPERATION_INPUT, decisionDate: '2026-11-26' };
    expect(checkTransition({ state: ProjectType }, TransitionId.EnterRegularOperation, input, admin, lateEvening).ok).toBe(true);
  });

  it('treats a missing or non-object input as empty', () => {
    for (const input of [undefined, null, 'reason', ['reason']]) {
      const result = checkTransition({ state: Idea }, TransitionId.Reject, input, admin, NOW);
      expect(result).toMatchObject({ ok: false, reason: 'missing_fields', missing: [{ field: 'reason', rule: GuardRule.Required }] });
    }
  });

  it('gives messages a person can act on, with params for translations', () => {
    const result = checkTransition({ state: Idea }, TransitionId.Reject, { reason: 'Kein Geld.' }, admin, NOW);
    expect(result).toEqual({
      ok: false,
      reason: 'missing_fields',
      missing: [
        {
          field: 'reason',
          rule: GuardRule.MinLength,
          message: `The public reason needs at least ${PUBLIC_REASON_MIN} characters (it has 10).`,
          source: 'input',
          params: { min: PUBLIC_REASON_MIN, actual: 10 },
        },
      ],
      message: `Cannot reject yet: The public reason needs at least ${PUBLIC_REASON_MIN} characters (it has 10).`,
    });
  });
});

describe('fact guards', () => {
  const promote = (runs: ProjectRunFacts[]) =>
    checkTransition({ state: SingleProject, runs }, TransitionId.PromoteToProjectType, { patternDescription: PATTERN }, admin, NOW);
  const run = (patch: Partial<ProjectRunFacts>, evaluation: Record<string, unknown> | null = GOOD_EVALUATION): ProjectRunFacts => ({
    ...EVALUATED_RUN,
    evaluation: evaluation as ProjectRunFacts['evaluation'],
    ...patch,
  });

  const cases: Array<[string, ProjectRunFacts[], Array<{ field: string; rule: GuardRule }>]> = [
    ['no runs at all', [], [{ field: 'runs', rule: GuardRule.FinishedRun }]],
    ['the run has not finished', [run({ finished: false })], [{ field: 'runs', rule: GuardRule.FinishedRun }]],
    ['finished without evaluation', [run({}, null)], [{ field: 'runs.r1.evaluation', rule: GuardRule.Required }]],
    [
      'evaluation without outcome',
      [run({}, { ...GOOD_EVALUATION, outcome: undefined })],
      [{ field: 'runs.r1.evaluation.outcome', rule: GuardRule.Required }],
    ],
    [
      'unknown outcome',
      [run({}, { ...GOOD_EVALUATION, outcome: 'great' })],
      [{ field: 'runs.r1.evaluation.outcome', rule: GuardRule.Choice }],
    ],
    [
      'not successful',
      [run({}, { ...GOOD_EVALUATION, outcome: EvaluationOutcome.NotSuccessful })],
      [{ field: 'runs.r1.evaluation.outcome', rule: GuardRule.PositiveOutcome }],
    ],
    [
      'evidence missing',
      [run({}, { ...GOOD_EVALUATION, evidence: '' })],
      [{ field: 'runs.r1.evaluation.evidence', rule: GuardRule.Required }],
    ],
    [
      'evidence too thin',
      [run({}, { ...GOOD_EVALUATION, evidence: 'It went well.' })],
      [{ field: 'runs.r1.evaluation.evidence', rule: GuardRule.MinLength }],
    ],
    [
      'no indicators',
      [run({}, { ...GOOD_EVALUATION, indicatorKeys: [] })],
      [{ field: 'runs.r1.evaluation.indicatorKeys', rule: GuardRule.Required }],
    ],
    [
      'only blank indicators',
      [run({}, { ...GOOD_EVALUATION, indicatorKeys: [' ', ''] })],
      [{ field: 'runs.r1.evaluation.indicatorKeys', rule: GuardRule.MinItems }],
    ],
    [
      'indicators not a list of keys',
      [run({}, { ...GOOD_EVALUATION, indicatorKeys: 'german_school_entry' })],
      [{ field: 'runs.r1.evaluation.indicatorKeys', rule: GuardRule.Type }],
    ],
    [
      'two finished runs, both incomplete: both are named',
      [run({}, null), run({ id: 'r2' }, { ...GOOD_EVALUATION, outcome: EvaluationOutcome.NotSuccessful })],
      [
        { field: 'runs.r1.evaluation', rule: GuardRule.Required },
        { field: 'runs.r2.evaluation.outcome', rule: GuardRule.PositiveOutcome },
      ],
    ],
  ];

  it.each(cases)('promote to project type: %s', (_name, runs, expected) => {
    const result = promote(runs);
    expect(result).toMatchObject({ ok: false, reason: 'missing_fields' });
    if (!result.ok) {
      expect(pick(result.missing)).toEqual(expected);
      expect(result.missing.every((m) => m.source === 'subject')).toBe(true);
    }
  });

  it('one good run among unfinished and failed ones is enough, partly successful counts', () => {
    const runs = [
      run({ id: 'r0', finished: false }, null),
      run({ id: 'r1' }, { ...GOOD_EVALUATION, outcome: EvaluationOutcome.NotSuccessful }),
      run({ id: 'r2' }, { ...GOOD_EVALUATION, outcome: EvaluationOutcome.PartlySuccessful }),
    ];
    expect(promote(runs)).toMatchObject({ ok: true, nextState: ProjectType });
  });

  it('names both a missing pattern description and a missing evaluation', () => {
    const result = checkTransition({ state: SingleProject, runs: [run({}, null)] }, TransitionId.PromoteToProjectType, {}, admin, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(pick(result.missing)).toEqual([
        { field: 'patternDescription', rule: GuardRule.Required },
        { field: 'runs.r1.evaluation', rule: GuardRule.Required },
      ]);
    }
  });

  it('checkEvaluation accepts a complete evaluation and can be used on its own', () => {
    expect(checkEvaluation(GOOD_EVALUATION, NOW)).toEqual([]);
    expect(checkEvaluation({ ...GOOD_EVALUATION, outcome: EvaluationOutcome.NotSuccessful }, NOW)).toEqual([]);
    expect(pick(checkEvaluation({}, NOW))).toEqual([
      { field: 'evaluation.outcome', rule: GuardRule.Required },
      { field: 'evaluation.evidence', rule: GuardRule.Required },
      { field: 'evaluation.indicatorKeys', rule: GuardRule.Required },
    ]);
  });

  describe('create instance from type', () => {
    const type = (runs: ProjectRunFacts[]): WorkflowSubject => ({ state: ProjectType, runs });
    const create = (subject: WorkflowSubject, areaId: string) =>
      checkTransition(subject, TransitionId.CreateInstanceFromType, { ...SINGLE_PROJECT_INPUT, areaId }, admin, NOW);

    it('creates a single project and leaves the type where it is', () => {
      expect(create(type([EVALUATED_RUN]), 'area-hoerde')).toMatchObject({ ok: true, nextState: ProjectType, createdState: SingleProject });
      expect(create({ state: RegularOperation }, 'area-hoerde')).toMatchObject({
        ok: true,
        nextState: RegularOperation,
        createdState: SingleProject,
      });
    });

    it('refuses an area where a run is still going on, naming the run', () => {
      const result = create(type([EVALUATED_RUN, { id: 'r7', areaId: 'area-hoerde', finished: false, evaluation: null }]), 'area-hoerde');
      expect(result).toMatchObject({
        ok: false,
        reason: 'missing_fields',
        missing: [{ field: 'areaId', rule: GuardRule.AreaHasRun, source: 'input', params: { runId: 'r7' } }],
      });
    });

    it('allows an area whose earlier run has finished', () => {
      expect(create(type([{ ...EVALUATED_RUN, areaId: 'area-hoerde' }]), 'area-hoerde').ok).toBe(true);
    });
  });
});

describe('next main step (the Vorhabenliste\'s "next step")', () => {
  it('names the transition to the following main-path state, and nothing at the end or in a side exit', () => {
    expect(PROJECT_STATES.map((state) => [state, nextMainStep(state)])).toEqual([
      [Idea, TransitionId.PromoteToSingleProject],
      [SingleProject, TransitionId.PromoteToProjectType],
      [ProjectType, TransitionId.EnterRegularOperation],
      [RegularOperation, null],
      [Rejected, null],
      [Parked, null],
      [Ended, null],
    ]);
  });

  it('is a real transition of the table from that state', () => {
    for (const state of PROJECT_MAIN_PATH) {
      const step = nextMainStep(state);
      if (step === null) continue;
      expect(transitionsFrom(state).map((t) => t.id)).toContain(step);
      expect(getTransition(step)?.to).toBe(PROJECT_MAIN_PATH[PROJECT_MAIN_PATH.indexOf(state) + 1]);
    }
  });
});

describe('availableTransitions', () => {
  it('tells a moderator on an idea what they may do and what the form needs', () => {
    const options = availableTransitions({ state: Idea }, { role: Moderator }, { now: NOW });
    expect(options.map((o) => [o.transition.id, o.allowedForRole, o.nextState])).toEqual([
      [TransitionId.PromoteToSingleProject, false, SingleProject],
      [TransitionId.Reject, true, Rejected],
      [TransitionId.Park, true, Parked],
    ]);
    const promote = options[0];
    expect(promote.allowedRoles).toEqual([Administrator]);
    expect(promote.possible).toBe(false);
    expect(promote.blocked).toBe(false);
    expect(pick(promote.missing).map((m) => m.field)).toEqual([
      'operatorName',
      'areaId',
      'startDate',
      'fundingSource',
      'fundingAmountCents',
    ]);
  });

  it('explains a fact blocker before the form is filled in, and clears input problems with a draft', () => {
    const subject: WorkflowSubject = { state: SingleProject, runs: [{ ...EVALUATED_RUN, finished: false }] };
    const [option] = availableTransitions(subject, admin, {
      now: NOW,
      inputs: { [TransitionId.PromoteToProjectType]: { patternDescription: PATTERN } },
    }).filter((o) => o.transition.id === TransitionId.PromoteToProjectType);
    expect(option.blocked).toBe(true);
    expect(option.possible).toBe(false);
    expect(pick(option.missing)).toEqual([{ field: 'runs', rule: GuardRule.FinishedRun }]);
  });

  it('marks a transition possible when role, input and facts all fit', () => {
    const options = availableTransitions({ state: Parked, parkedFrom: SingleProject }, admin, {
      now: NOW,
      inputs: { [TransitionId.Resume]: { reason: REASON } },
    });
    expect(options.map((o) => [o.transition.id, o.possible, o.nextState])).toEqual([
      [TransitionId.Resume, true, SingleProject],
      [TransitionId.End, false, Ended],
    ]);
  });
});

describe('refusals outside the table', () => {
  it('refuses an unknown transition id, including inherited property names', () => {
    for (const id of ['promote', 'toString', '__proto__']) {
      expect(checkTransition({ state: Idea }, id, {}, admin, NOW)).toMatchObject({ ok: false, reason: 'unknown_transition', missing: [] });
    }
  });

  it('refuses a subject in an unknown state', () => {
    const subject = { state: 'archived' } as unknown as WorkflowSubject;
    expect(checkTransition(subject, TransitionId.End, { reason: REASON }, admin, NOW)).toMatchObject({ ok: false, reason: 'wrong_state' });
    expect(availableTransitions(subject, admin, { now: NOW })).toEqual([]);
  });

  it('checks state before role and role before the guards', () => {
    expect(checkTransition({ state: Ended }, TransitionId.Reject, {}, { role: Citizen }, NOW)).toMatchObject({ reason: 'wrong_state' });
    expect(checkTransition({ state: Idea }, TransitionId.PromoteToSingleProject, {}, { role: Moderator }, NOW)).toMatchObject({
      reason: 'role',
      missing: [],
      message: 'Only an administrator may promote to single project here (you act as moderator).',
    });
  });
});

describe('dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2026-02-29', false],
    ['2026-04-31', false],
    ['2026-4-1', false],
    ['2026-04-01T00:00:00Z', false],
    ['', false],
  ])('isCalendarDate(%s) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it('takes today in Berlin, including summer time', () => {
    expect(calendarDate(new Date('2026-11-25T22:59:59Z'))).toBe('2026-11-25');
    expect(calendarDate(new Date('2026-11-25T23:00:00Z'))).toBe('2026-11-26');
    expect(calendarDate(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
    expect(calendarDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});

describe('a run is completed and evaluated on or after its start date', () => {
  it('refuses before the start date (Europe/Berlin), naming the date; allows from that day on and without a date', () => {
    expect(checkRunStarted('2026-11-26', NOW)).toEqual([
      expect.objectContaining({
        field: 'startDate',
        rule: GuardRule.RunNotStarted,
        source: 'subject',
        params: { startDate: '2026-11-26', today: '2026-11-25' },
        message: expect.stringContaining('starts on 2026-11-26'),
      }),
    ]);
    expect(checkRunStarted('2026-11-25', NOW)).toEqual([]);
    expect(checkRunStarted('2026-01-01', NOW)).toEqual([]);
    expect(checkRunStarted(null, NOW)).toEqual([]);
    // 23:30 UTC on the 25th is already the 26th in Berlin: a run starting on the 26th may be evaluated then.
    expect(checkRunStarted('2026-11-26', new Date('2026-11-25T23:30:00Z'))).toEqual([]);
  });
});
