import { Role } from '../enums/roles';
import { GuardRule } from '../workflow/guards';
import * as funds from '.';
import {
  allocateFund,
  type AllocationCandidate,
  AllocationOutcome,
  APPLICATION_STATE_INFO,
  APPLICATION_STATES,
  APPLICATION_TRANSITIONS,
  type ApplicationActor,
  applicationDataOnAccountDeletion,
  ApplicationRule,
  ApplicationState,
  type ApplicationSubject,
  ApplicationTransitionId,
  applicationTransitionsFrom,
  centsToEuros,
  checkApplicationTransition,
  euroFormatOptions,
  isCents,
  MAX_CENTS,
  MoneyProblem,
  parseEuroInput,
  TERMINAL_APPLICATION_STATES,
  TIE_BREAK_ORDER,
  TieBreak,
  validateAllocationInput,
} from './index';

const NOW = new Date('2026-11-25T10:00:00Z');
const REASON = 'Die Kosten für die Bühne sind nicht förderfähig.';
const S = ApplicationState;
const T = ApplicationTransitionId;

describe('money', () => {
  it.each([
    ['500', 50000],
    ['500 €', 50000],
    ['500€', 50000],
    ['€ 12,50', 1250],
    ['EUR 3', 300],
    ['3 Euro', 300],
    ['1.234,56', 123456],
    ['1,234.56', 123456],
    ['1234.56', 123456],
    ['1234,5', 123450],
    ['1 234,5', 123450],
    ['1\u00A0234,50\u00A0€', 123450],
    ['1\u202F234.50', 123450],
    ['1.234.567', 123456700],
    ['1,234,567.8', 123456780],
    ['0,05', 5],
    ['0', 0],
    ['-0', 0],
    ['  42  ', 4200],
    ['007', 700],
    ['90.071.992.547.409,91', MAX_CENTS],
  ])('reads %j as %d cents', (text, cents) => {
    expect(parseEuroInput(text)).toEqual({ ok: true, cents });
  });

  it.each([
    ['', MoneyProblem.Empty],
    ['   ', MoneyProblem.Empty],
    ['€', MoneyProblem.Empty],
    ['abc', MoneyProblem.NotANumber],
    ['12a', MoneyProblem.NotANumber],
    ['1e3', MoneyProblem.NotANumber],
    ['+5', MoneyProblem.NotANumber],
    ['.5', MoneyProblem.NotANumber],
    ['500,', MoneyProblem.NotANumber],
    ['12.34.5', MoneyProblem.NotANumber],
    ['1,2,3', MoneyProblem.NotANumber],
    ['1.234,5,6', MoneyProblem.NotANumber],
    ['12 34', MoneyProblem.NotANumber],
    ['1  234', MoneyProblem.NotANumber],
    ['$5', MoneyProblem.NotANumber],
    ['-5', MoneyProblem.Negative],
    ['−1.234,56 €', MoneyProblem.Negative],
    ['1,505', MoneyProblem.Ambiguous],
    ['1.500', MoneyProblem.Ambiguous],
    ['0,125', MoneyProblem.TooManyDecimals],
    ['1234.567', MoneyProblem.TooManyDecimals],
    ['1.234,567', MoneyProblem.TooManyDecimals],
    ['12,3456', MoneyProblem.TooManyDecimals],
    ['90.071.992.547.409,92', MoneyProblem.TooLarge],
    ['99999999999999999999', MoneyProblem.TooLarge],
  ])('refuses %j as %s', (text, problem) => {
    const result = parseEuroInput(text);
    expect(result).toMatchObject({ ok: false, problem });
    expect(result.ok ? '' : result.message).toMatch(/\w/);
  });

  it('explains an ambiguous amount with both readings', () => {
    expect(parseEuroInput('1.500')).toMatchObject({ message: expect.stringContaining('write 1500 for 1500 euros') });
  });

  it('refuses what is not text', () => {
    expect(parseEuroInput(500 as unknown as string)).toMatchObject({ ok: false, problem: MoneyProblem.NotANumber });
  });

  it('isCents accepts safe non-negative integers only', () => {
    for (const good of [0, 1, 500000, MAX_CENTS]) expect(isCents(good)).toBe(true);
    for (const bad of [-1, 0.5, 12.34, NaN, Infinity, MAX_CENTS + 1, '100', null, undefined]) expect(isCents(bad)).toBe(false);
  });

  it('leaves formatting to Intl', () => {
    expect(euroFormatOptions()).toEqual({ style: 'currency', currency: 'EUR', minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(new Intl.NumberFormat('de-DE', euroFormatOptions()).format(centsToEuros(123456))).toBe('1.234,56\u00A0€');
    expect(new Intl.NumberFormat('en-GB', euroFormatOptions(true)).format(centsToEuros(500000))).toBe('€5,000');
  });
});

describe('application states', () => {
  it('has one info per state; only drafts are private; terminal states have no way out', () => {
    expect(Object.keys(APPLICATION_STATE_INFO).sort()).toEqual([...APPLICATION_STATES].sort());
    expect(APPLICATION_STATES.filter((s) => !APPLICATION_STATE_INFO[s].public)).toEqual([S.Draft]);
    expect(TERMINAL_APPLICATION_STATES).toEqual([S.Rejected, S.Closed, S.Withdrawn]);
    for (const s of TERMINAL_APPLICATION_STATES) expect(applicationTransitionsFrom(s)).toEqual([]);
    for (const s of APPLICATION_STATES.filter((x) => !APPLICATION_STATE_INFO[x].terminal)) {
      expect(applicationTransitionsFrom(s).length).toBeGreaterThan(0);
    }
  });

  it('every non-draft state can be reached', () => {
    const reached = new Set(APPLICATION_TRANSITIONS.map((t) => t.to));
    expect(APPLICATION_STATES.filter((s) => s !== S.Draft && !reached.has(s))).toEqual([]);
  });

  it('is exported as @app/shared/funds (not from the index, whose first load it would grow)', () => {
    expect(funds.checkApplicationTransition).toBe(checkApplicationTransition);
    expect(funds.allocateFund).toBe(allocateFund);
    expect(funds.parseEuroInput).toBe(parseEuroInput);
  });
});

describe('application transitions', () => {
  const applicant: ApplicationActor = { role: Role.Citizen, isApplicant: true };
  const citizen: ApplicationActor = { role: Role.Citizen, isApplicant: false };
  const moderator: ApplicationActor = { role: Role.Moderator, isApplicant: false };
  const admin: ApplicationActor = { role: Role.Administrator, isApplicant: false };
  const subject = (state: ApplicationState, extra: Partial<ApplicationSubject> = {}): ApplicationSubject => ({
    state,
    requestedAmountCents: 120000,
    approvedAmountCents: state === S.Approved || state === S.Paid || state === S.ProofSubmitted ? 100000 : null,
    paidAmountCents: state === S.Paid || state === S.ProofSubmitted ? 100000 : null,
    ...extra,
  });
  const check = (state: ApplicationState, actor: ApplicationActor, id: string, input: unknown = {}, extra?: Partial<ApplicationSubject>) =>
    checkApplicationTransition(subject(state, extra), actor, id, input, NOW);

  /** A valid input, the states it starts from and who may make it, per transition. */
  const cases: Record<
    ApplicationTransitionId,
    { input: object; from: ApplicationState[]; allowed: ApplicationActor[]; to: ApplicationState }
  > = {
    [T.Submit]: { input: {}, from: [S.Draft, S.Returned], allowed: [applicant], to: S.Submitted },
    [T.Return]: { input: { reason: REASON }, from: [S.Submitted], allowed: [admin], to: S.Returned },
    [T.Check]: { input: {}, from: [S.Submitted], allowed: [admin], to: S.Checked },
    [T.PutOnAgenda]: { input: {}, from: [S.Checked], allowed: [moderator, admin], to: S.OnAgenda },
    [T.Approve]: {
      input: { approvedAmountCents: 120000, decisionDate: '2026-11-20' },
      from: [S.OnAgenda],
      allowed: [moderator, admin],
      to: S.Approved,
    },
    [T.Reject]: { input: { reason: REASON, decisionDate: '2026-11-20' }, from: [S.OnAgenda], allowed: [moderator, admin], to: S.Rejected },
    [T.Pay]: { input: { paidAmountCents: 100000, paidOn: '2026-11-24' }, from: [S.Approved], allowed: [admin], to: S.Paid },
    [T.SubmitProof]: {
      input: { spentAmountCents: 95050, report: 'Das Straßenfest fand am 12. September statt; 300 Gäste.' },
      from: [S.Paid],
      allowed: [applicant],
      to: S.ProofSubmitted,
    },
    [T.ReturnProof]: {
      input: { reason: 'Die Quittungen für die Getränke fehlen noch.' },
      from: [S.ProofSubmitted],
      allowed: [admin],
      to: S.Paid,
    },
    [T.Close]: { input: {}, from: [S.ProofSubmitted], allowed: [admin], to: S.Closed },
    [T.Withdraw]: { input: {}, from: [S.Submitted, S.Returned, S.Checked, S.OnAgenda, S.Approved], allowed: [applicant], to: S.Withdrawn },
  };
  const everyone = [applicant, citizen, moderator, admin];

  it('covers every transition in this table, and the data agrees with it', () => {
    expect(Object.keys(cases).sort()).toEqual(APPLICATION_TRANSITIONS.map((t) => t.id).sort());
    for (const t of APPLICATION_TRANSITIONS) expect(t.from.map((f) => f.state)).toEqual(cases[t.id].from);
  });

  describe.each(Object.entries(cases) as [ApplicationTransitionId, (typeof cases)[ApplicationTransitionId]][])('%s', (id, c) => {
    it.each(c.from)('from %s: allowed for exactly the listed actors', (state) => {
      for (const actor of everyone) {
        const result = check(state, actor, id, c.input);
        if (c.allowed.includes(actor)) {
          expect(result).toMatchObject({ ok: true, nextState: c.to });
        } else {
          expect(result).toMatchObject({ ok: false, reason: 'role' });
          expect(result.ok ? '' : result.message).toContain(`you act as ${actor.role}`);
        }
      }
    });

    it('is refused in every other state', () => {
      for (const state of APPLICATION_STATES.filter((s) => !c.from.includes(s))) {
        const result = check(state, c.allowed[0], id, c.input);
        expect(result).toMatchObject({ ok: false, reason: 'wrong_state' });
      }
    });
  });

  it('an administrator who is the applicant of a paper application acts as applicant', () => {
    expect(check(S.Draft, { role: Role.Administrator, isApplicant: true }, T.Submit)).toMatchObject({ ok: true });
    expect(check(S.Draft, { role: Role.Moderator, isApplicant: true }, T.Submit)).toMatchObject({ ok: true });
    expect(check(S.Draft, moderator, T.Submit)).toMatchObject({
      ok: false,
      reason: 'role',
      message: expect.stringContaining('Only the applicant'),
    });
  });

  it('refuses unknown transitions and states, and names terminal states', () => {
    expect(check(S.Draft, admin, 'approve_everything')).toMatchObject({ ok: false, reason: 'unknown_transition' });
    expect(check(S.Draft, admin, 'toString')).toMatchObject({ ok: false, reason: 'unknown_transition' });
    expect(checkApplicationTransition({ state: 'lost' as ApplicationState }, admin, T.Check, {}, NOW)).toMatchObject({
      ok: false,
      reason: 'wrong_state',
    });
    expect(check(S.Closed, admin, T.Close)).toMatchObject({ message: expect.stringContaining('nothing can change it any more') });
    expect(check(S.Draft, admin, T.Check)).toMatchObject({ message: expect.stringContaining('only when it is submitted') });
  });

  it('return, reject and return of the proof need a public reason', () => {
    for (const [state, id, extra] of [
      [S.Submitted, T.Return, {}],
      [S.OnAgenda, T.Reject, { decisionDate: '2026-11-20' }],
      [S.ProofSubmitted, T.ReturnProof, {}],
    ] as const) {
      const actor = id === T.Reject ? moderator : admin;
      const none = check(state, actor, id, extra);
      expect(none).toMatchObject({ ok: false, reason: 'missing_fields', missing: [{ field: 'reason', rule: GuardRule.Required }] });
      const short = check(state, actor, id, { ...extra, reason: 'zu teuer' });
      expect(short).toMatchObject({ missing: [{ field: 'reason', rule: GuardRule.MinLength }] });
    }
  });

  it('approve needs an amount and a date that is not in the future', () => {
    const result = check(S.OnAgenda, moderator, T.Approve, { decisionDate: '2026-12-24' });
    expect(result).toMatchObject({
      ok: false,
      reason: 'missing_fields',
      missing: [
        { field: 'approvedAmountCents', rule: GuardRule.Required },
        { field: 'decisionDate', rule: GuardRule.DateNotFuture },
      ],
    });
    for (const bad of [12.5, '1200', -100, 0]) {
      const r = check(S.OnAgenda, moderator, T.Approve, { approvedAmountCents: bad, decisionDate: '2026-11-20' });
      expect(r.ok ? [] : r.missing.map((m) => m.field)).toEqual(['approvedAmountCents']);
    }
  });

  it('approving the full amount needs no reason and returns the normalised values', () => {
    expect(check(S.OnAgenda, moderator, T.Approve, { approvedAmountCents: 120000, decisionDate: ' 2026-11-20 ' })).toEqual({
      ok: true,
      transition: expect.objectContaining({ id: T.Approve }),
      nextState: S.Approved,
      values: { approvedAmountCents: 120000, decisionDate: '2026-11-20' },
    });
  });

  it('a lower amount needs a public reason', () => {
    const input = { approvedAmountCents: 100000, decisionDate: '2026-11-20' };
    const without = check(S.OnAgenda, moderator, T.Approve, input);
    expect(without).toMatchObject({
      ok: false,
      reason: 'missing_fields',
      missing: [{ field: 'reason', rule: ApplicationRule.ReasonForLowerAmount, params: { requested: 120000, actual: 100000 } }],
    });
    expect(without.ok ? '' : without.message).toContain('1000.00 EUR instead of 1200.00 EUR');
    expect(check(S.OnAgenda, moderator, T.Approve, { ...input, reason: 'zu kurz' })).toMatchObject({
      missing: [{ field: 'reason', rule: GuardRule.MinLength }],
    });
    expect(check(S.OnAgenda, moderator, T.Approve, { ...input, reason: REASON })).toMatchObject({
      ok: true,
      values: { approvedAmountCents: 100000, reason: REASON },
    });
  });

  it('an amount above the requested one, the maximum or the remaining money is refused', () => {
    const input = { approvedAmountCents: 120001, decisionDate: '2026-11-20' };
    expect(check(S.OnAgenda, moderator, T.Approve, input)).toMatchObject({
      ok: false,
      missing: [
        { field: 'approvedAmountCents', rule: ApplicationRule.AmountAboveLimit, params: { limit: 'requestedAmountCents', max: 120000 } },
      ],
    });
    const capped = check(S.OnAgenda, moderator, T.Approve, { ...input, approvedAmountCents: 120000 }, { maxPerApplicationCents: 100000 });
    expect(capped).toMatchObject({ missing: [{ params: { limit: 'maxPerApplicationCents', max: 100000, actual: 120000 } }] });
    const late = check(S.OnAgenda, moderator, T.Approve, { ...input, approvedAmountCents: 120000 }, { fundRemainingCents: 50000 });
    expect(late).toMatchObject({ missing: [{ params: { limit: 'fundRemainingCents', max: 50000 } }] });
    expect(late.ok ? '' : late.message).toContain('more than the money remaining in the fund (500.00 EUR)');
  });

  it('approving without a recorded requested amount is blocked by the subject', () => {
    const r = check(
      S.OnAgenda,
      moderator,
      T.Approve,
      { approvedAmountCents: 1000, decisionDate: '2026-11-20' },
      { requestedAmountCents: null },
    );
    expect(r).toMatchObject({ missing: [{ field: 'requestedAmountCents', rule: ApplicationRule.AmountNotRecorded, source: 'subject' }] });
  });

  it('payment and proof of use cannot exceed the approved and paid amounts', () => {
    expect(check(S.Approved, admin, T.Pay, { paidAmountCents: 100001, paidOn: '2026-11-24' })).toMatchObject({
      missing: [{ field: 'paidAmountCents', rule: ApplicationRule.AmountAboveLimit }],
    });
    expect(check(S.Approved, admin, T.Pay, { paidAmountCents: 100000 })).toMatchObject({
      missing: [{ field: 'paidOn', rule: GuardRule.Required }],
    });
    expect(
      check(S.Paid, applicant, T.SubmitProof, { spentAmountCents: 100001, report: 'Alles wurde wie geplant ausgegeben.' }),
    ).toMatchObject({
      missing: [{ field: 'spentAmountCents', params: { limit: 'paidAmountCents' } }],
    });
    expect(check(S.Paid, applicant, T.SubmitProof, { spentAmountCents: 5000, report: 'kurz' })).toMatchObject({
      missing: [{ field: 'report', rule: GuardRule.MinLength }],
    });
  });

  it('withdrawing takes an optional reason', () => {
    expect(check(S.Approved, applicant, T.Withdraw, { reason: 'Wir ziehen um.' })).toMatchObject({
      ok: true,
      values: { reason: 'Wir ziehen um.' },
    });
    expect(check(S.Approved, applicant, T.Withdraw, 'not an object')).toMatchObject({ ok: true, values: {} });
  });
});

describe('allocation', () => {
  const at = (day: number) => `2026-09-${String(day).padStart(2, '0')}T10:00:00Z`;
  const app = (id: string, euros: number, online: number, hall = 0, day = 1): AllocationCandidate => ({
    id,
    amountCents: euros * 100,
    votesOnline: online,
    votesHall: hall,
    submittedAt: at(day),
  });

  it('funds in order of votes (online plus hall) while the money lasts', () => {
    const r = allocateFund(500000, [app('a', 2000, 5, 10), app('b', 1500, 20, 0), app('c', 1000, 3, 1), app('d', 1000, 1, 0)]);
    expect(r.lines.map((l) => [l.id, l.rank, l.votes, l.outcome, l.remainingBeforeCents, l.remainingAfterCents])).toEqual([
      ['b', 1, 20, AllocationOutcome.Funded, 500000, 350000],
      ['a', 2, 15, AllocationOutcome.Funded, 350000, 150000],
      ['c', 3, 4, AllocationOutcome.Funded, 150000, 50000],
      ['d', 4, 1, AllocationOutcome.DoesNotFit, 50000, 50000],
    ]);
    expect(r).toMatchObject({ fundCents: 500000, allocatedCents: 450000, remainingCents: 50000, fundedIds: ['b', 'a', 'c'], ties: [] });
    expect(r.tieBreakOrder).toEqual(TIE_BREAK_ORDER);
  });

  it('skips an application that no longer fits and still funds a cheaper later one', () => {
    const r = allocateFund(500000, [app('big', 3000, 30), app('too-big', 2500, 20), app('small', 1500, 10), app('tiny', 600, 5)]);
    expect(r.lines.map((l) => [l.id, l.outcome])).toEqual([
      ['big', AllocationOutcome.Funded],
      ['too-big', AllocationOutcome.DoesNotFit],
      ['small', AllocationOutcome.Funded],
      ['tiny', AllocationOutcome.DoesNotFit],
    ]);
    expect(r.remainingCents).toBe(50000);
  });

  it('funds a last application that fits exactly and then says the money ran out', () => {
    const r = allocateFund(500000, [app('a', 3000, 9), app('b', 2000, 8), app('c', 1, 7)]);
    expect(r.lines.map((l) => [l.id, l.outcome, l.remainingAfterCents])).toEqual([
      ['a', AllocationOutcome.Funded, 200000],
      ['b', AllocationOutcome.Funded, 0],
      ['c', AllocationOutcome.MoneyRanOut, 0],
    ]);
    expect(r).toMatchObject({ allocatedCents: 500000, remainingCents: 0 });
  });

  it('breaks ties by the smaller amount, then the earlier submission, then the id, and says so', () => {
    const r = allocateFund(300000, [
      app('z-late', 1000, 6, 0, 9),
      app('expensive', 2500, 7, 3, 1),
      app('cheap', 1000, 4, 6, 5),
      app('z-early', 1000, 6, 0, 2),
      app('b-same', 1000, 6, 0, 2),
      app('a-same', 1000, 6, 0, 2),
    ]);
    expect(r.lines.map((l) => l.id)).toEqual(['cheap', 'expensive', 'a-same', 'b-same', 'z-early', 'z-late']);
    expect(r.ties).toEqual([
      { aboveId: 'cheap', belowId: 'expensive', votes: 10, decidedBy: TieBreak.SmallerAmount, decisive: true },
      { aboveId: 'a-same', belowId: 'b-same', votes: 6, decidedBy: TieBreak.Id, decisive: false },
      { aboveId: 'b-same', belowId: 'z-early', votes: 6, decidedBy: TieBreak.Id, decisive: true },
      { aboveId: 'z-early', belowId: 'z-late', votes: 6, decidedBy: TieBreak.EarlierSubmission, decisive: false },
    ]);
    expect(r.lines[0]).toMatchObject({ tiedWith: ['expensive'], funded: true });
    expect(r.lines[1]).toMatchObject({ tiedWith: ['cheap'], outcome: AllocationOutcome.DoesNotFit });
    expect(r.lines[2].tiedWith).toEqual(['b-same', 'z-early', 'z-late']);
  });

  it('gives the same result whatever the input order', () => {
    const apps = [app('a', 1000, 3), app('b', 1000, 3), app('c', 900, 3, 0, 3), app('d', 4000, 8)];
    const first = allocateFund(500000, apps);
    expect(allocateFund(500000, [...apps].reverse())).toEqual(first);
  });

  it('does not fund applications without votes, even with money left', () => {
    const r = allocateFund(500000, [app('none-b', 500, 0, 0, 2), app('voted', 1000, 1), app('none-a', 500, 0, 0, 1)]);
    expect(r.lines.map((l) => [l.id, l.outcome, l.tiedWith])).toEqual([
      ['voted', AllocationOutcome.Funded, []],
      ['none-a', AllocationOutcome.NoVotes, []],
      ['none-b', AllocationOutcome.NoVotes, []],
    ]);
    expect(r).toMatchObject({ allocatedCents: 100000, remainingCents: 400000, ties: [] });
  });

  it('handles an empty list and an empty fund', () => {
    expect(allocateFund(500000, [])).toEqual({
      fundCents: 500000,
      allocatedCents: 0,
      remainingCents: 500000,
      fundedIds: [],
      lines: [],
      ties: [],
      tieBreakOrder: TIE_BREAK_ORDER,
    });
    expect(allocateFund(0, [app('a', 1, 3)]).lines[0].outcome).toBe(AllocationOutcome.MoneyRanOut);
  });

  it('refuses invalid input with named fields', () => {
    const bad = [
      { ...app('a', 10, 1), amountCents: 12.5 },
      { ...app('a', 10, 1), votesHall: -1 },
      { ...app('c', 0, 1) },
      { ...app('d', 10, 1), submittedAt: 'yesterday' },
      { ...app('', 10, 1) },
    ];
    expect(validateAllocationInput(-1, bad).map((p) => p.field)).toEqual([
      'fundCents',
      '0.amountCents',
      '1.id',
      '1.votesHall',
      '2.amountCents',
      '3.submittedAt',
      '4.id',
    ]);
    expect(() => allocateFund(100.5, [])).toThrow(RangeError);
    expect(validateAllocationInput(100, [{ ...app('x', 10, MAX_CENTS), votesHall: 1 }])).toEqual([
      { field: '0.votesHall', message: 'Too many votes.' },
    ]);
  });

  it('never exceeds the fund and follows the rule, over 500 seeded random cases', () => {
    // mulberry32: a small deterministic generator, so a failure can be replayed from its seed.
    let seed = 17;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (max: number) => Math.floor(random() * (max + 1));
    for (let round = 0; round < 500; round++) {
      const fund = int(4) === 0 ? int(1000) : int(800000);
      const candidates: AllocationCandidate[] = Array.from({ length: int(12) }, (_, i) => ({
        id: `app-${round}-${i}`,
        amountCents: 1 + int(int(1) === 0 ? 250000 : 3000),
        votesOnline: int(6),
        votesHall: int(3),
        submittedAt: new Date(Date.UTC(2026, 8, 1 + int(3))),
      }));
      const r = allocateFund(fund, candidates);
      const funded = r.lines.filter((l) => l.funded);
      const sum = funded.reduce((s, l) => s + l.amountCents, 0);
      const context = `seed round ${round}`;
      expect([context, sum <= fund, sum, r.remainingCents]).toEqual([context, true, r.allocatedCents, fund - sum]);
      expect(r.lines).toHaveLength(candidates.length);
      let remaining = fund;
      r.lines.forEach((l, i) => {
        expect(Number.isSafeInteger(l.remainingAfterCents) && l.remainingAfterCents >= 0).toBe(true);
        expect(l.remainingBeforeCents).toBe(remaining);
        if (i > 0) expect(r.lines[i - 1].votes).toBeGreaterThanOrEqual(l.votes);
        const fits = l.votes > 0 && l.amountCents <= remaining;
        expect([context, l.id, l.funded]).toEqual([context, l.id, fits]);
        if (l.funded) remaining -= l.amountCents;
        if (l.outcome === AllocationOutcome.DoesNotFit) expect(remaining).toBeGreaterThan(0);
        if (l.outcome === AllocationOutcome.MoneyRanOut) expect(remaining).toBe(0);
      });
      for (const tie of r.ties) {
        const [a, b] = [candidates.find((c) => c.id === tie.aboveId)!, candidates.find((c) => c.id === tie.belowId)!];
        if (tie.decidedBy === TieBreak.SmallerAmount) expect(a.amountCents).toBeLessThan(b.amountCents);
        else expect(a.amountCents).toBe(b.amountCents);
      }
    }
  });
});

describe('an application when its applicant deletes the account', () => {
  it('deletes a draft, erases what no money was granted for, keeps the grant record', () => {
    const byState = Object.fromEntries(APPLICATION_STATES.map((state) => [state, applicationDataOnAccountDeletion(state)]));
    expect(byState).toEqual({
      [S.Draft]: 'delete',
      [S.Submitted]: 'erase',
      [S.Returned]: 'erase',
      [S.Checked]: 'erase',
      [S.OnAgenda]: 'erase',
      [S.Rejected]: 'erase',
      [S.Withdrawn]: 'erase',
      [S.Approved]: 'keep',
      [S.Paid]: 'keep',
      [S.ProofSubmitted]: 'keep',
      [S.Closed]: 'keep',
    });
  });
});
