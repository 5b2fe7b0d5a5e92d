import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Global, Module, type DynamicModule } from '@nestjs/common';
import {
  AssemblyEventType,
  ErrorCode,
  Role,
  VotingRoundStatus,
  VotingType,
  type AssemblyDetail,
  type ConfirmedAllocation,
  type LiveRound,
  type RoundResult,
} from '@app/shared';
import { DomainError } from '../../apps/api/src/common/errors/domain-error';
import {
  BUDGET_ALLOCATION_HANDLER,
  type BudgetAllocationConfirmed,
  type BudgetAllocationHandler,
} from '../../apps/api/src/modules/live/budget-allocation';
import { VotingRoundEntity } from '../../apps/api/src/modules/live/entities/live.entities';
import { AssemblyEvent } from '../../apps/api/src/modules/assemblies/entities/assembly-event.entity';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { createAssembly, joinAsGuest, LiveTestClient, LiveSockets } from './helpers/live';
import { pdfTextOf } from './helpers/pdf';

jest.setTimeout(180_000);

/** A real provider for the allocation hook: records each call; refuses while `refuse` is set (as the funds module would). */
class RecordingHandler implements BudgetAllocationHandler {
  calls: BudgetAllocationConfirmed[] = [];
  refuse: string | null = null;
  async onAllocationConfirmed(event: BudgetAllocationConfirmed): Promise<void> {
    if (this.refuse) throw new DomainError(ErrorCode.Conflict, this.refuse);
    this.calls.push(event);
  }
}
const handler = new RecordingHandler();

@Global()
@Module({ providers: [{ provide: BUDGET_ALLOCATION_HANDLER, useValue: handler }], exports: [BUDGET_ALLOCATION_HANDLER] })
class RecordingHandlerModule {}
const handlerModule: DynamicModule = { module: RecordingHandlerModule };

const ITEMS = [
  { label: 'Straßenfest Nordmarkt', amountCents: 150_000, refId: 'app-strassenfest', submittedAt: '2026-03-01T10:00:00Z' },
  { label: 'Reparatur-Café', amountCents: 80_000, refId: 'app-repair', submittedAt: '2026-03-02T10:00:00Z' },
  { label: 'Pflanzkübel am Platz', amountCents: 120_000, refId: 'app-plants', submittedAt: '2026-03-03T10:00:00Z' },
  { label: 'Sprachcafé', amountCents: 60_000 },
];

describe('live budget vote: round, ballots within the budget, hall counts, reading, confirmation once, minutes', () => {
  let t: TestApp;
  let moderator: TestUser;
  let citizen: TestUser;
  const sockets = new LiveSockets();
  const { track } = sockets;

  beforeAll(async () => {
    t = await startTestApp({}, { budgetAllocation: handlerModule });
    moderator = await t.createUser({ role: Role.Moderator, displayName: 'Moderatorin Marx' });
    citizen = await t.createUser({ displayName: 'Bürger Böhm' });
  });

  afterAll(async () => {
    sockets.closeAll();
    await t?.close();
  });

  async function liveAssembly() {
    const assembly = await createAssembly(t, moderator.client, { title: 'Projektkonferenz Nordmarkt', requireCheckIn: false });
    const mod = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: moderator.client }));
    await mod.ok('assembly:set-status', { status: 'live' });
    return { assembly, mod };
  }
  async function phone(assembly: AssemblyDetail, name: string) {
    const joined = await joinAsGuest(t, assembly.joinCode, name);
    return track(await LiveTestClient.ready(t, { assemblyId: assembly.id, guestToken: joined.guestToken }));
  }
  const cast = (c: LiveTestClient, roundId: string, optionIds: string[]) =>
    c.emit('ballot:cast', { roundId, optionIds, idempotencyKey: randomUUID() });

  it('refuses bad budget rounds with field details (no budget, fractional amount, item over the budget, too few items)', async () => {
    const { mod } = await liveAssembly();
    const base = { question: 'Welche Anträge fördern wir?', type: VotingType.Budget, secret: true };
    const noBudget = await mod.error('round:create', { ...base, items: ITEMS });
    expectErrorShape(noBudget, 422, ErrorCode.UnprocessableEntity);
    expect(noBudget.details?.map((d) => d.field)).toEqual(['budgetCents']);
    const fractional = await mod.error('round:create', {
      ...base,
      budgetCents: 300_000,
      items: [{ label: 'A', amountCents: 10.5 }, ITEMS[1]],
    });
    expectErrorShape(fractional, 400);
    const overBudget = await mod.error('round:create', { ...base, budgetCents: 100_000, items: ITEMS });
    expect(overBudget.details?.map((d) => d.field)).toEqual(['items.0.amountCents', 'items.2.amountCents']);
    expect(overBudget.details?.[0].messages[0]).toContain('1000.00 EUR');
    const tooFew = await mod.error('round:create', { ...base, budgetCents: 300_000, items: [ITEMS[0]] });
    expect(tooFew.details?.map((d) => d.field)).toEqual(['items']);
    // Citizens cannot create rounds or confirm allocations.
    const { assembly } = await liveAssembly();
    const someone = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: citizen.client }));
    expect((await someone.error('round:create', { ...base, budgetCents: 300_000, items: ITEMS })).statusCode).toBe(403);
    expect((await someone.error('round:confirm-allocation', { roundId: randomUUID() })).statusCode).toBe(403);
  });

  it('three phones and the hall decide; the moderator confirms the allocation once, the hook gets its lines, the minutes show it', async () => {
    const { assembly, mod } = await liveAssembly();
    const projector = track(await LiveTestClient.ready(t, { assemblyId: assembly.id, mode: 'projector' }));
    const phones = [await phone(assembly, 'Ayşe Yılmaz'), await phone(assembly, 'Łukasz Nowak'), await phone(assembly, 'Олена Шевченко')];

    const round = await mod.ok<LiveRound>('round:create', {
      question: 'Welche Anträge fördern wir aus dem Aktionsraumfonds?',
      type: VotingType.Budget,
      budgetCents: 300_000,
      items: ITEMS,
      secret: true,
    });
    expect(round).toMatchObject({ type: VotingType.Budget, budgetCents: 300_000, allocation: null, status: VotingRoundStatus.Draft });
    expect(round.options).toEqual([
      { id: 'o1', label: 'Straßenfest Nordmarkt', amountCents: 150_000, refId: 'app-strassenfest', submittedAt: '2026-03-01T10:00:00Z' },
      { id: 'o2', label: 'Reparatur-Café', amountCents: 80_000, refId: 'app-repair', submittedAt: '2026-03-02T10:00:00Z' },
      { id: 'o3', label: 'Pflanzkübel am Platz', amountCents: 120_000, refId: 'app-plants', submittedAt: '2026-03-03T10:00:00Z' },
      { id: 'o4', label: 'Sprachcafé', amountCents: 60_000, refId: null, submittedAt: null },
    ]);
    // Not confirmable before it closes.
    expect((await mod.error('round:confirm-allocation', { roundId: round.id })).code).toBe(ErrorCode.RoundStateInvalid);
    await mod.ok('round:open', { roundId: round.id });
    await phones[0].until('the open budget round', () => phones[0].state?.round?.status === VotingRoundStatus.Open);
    expect(phones[0].state?.round).toMatchObject({
      budgetCents: 300_000,
      options: expect.arrayContaining([expect.objectContaining({ amountCents: 80_000 })]),
    });

    // Over the budget (1.500 + 800 + 1.200 = 3.500 EUR > 3.000 EUR): refused, naming both; an unknown item and a repeated one too.
    const over = await phones[0].error('ballot:cast', { roundId: round.id, optionIds: ['o1', 'o2', 'o3'], idempotencyKey: randomUUID() });
    expectErrorShape(over, 422, ErrorCode.BallotInvalid);
    expect(over.details).toEqual([
      {
        field: 'optionIds',
        messages: ['The approved items add up to 3500.00 EUR, more than the budget of 3000.00 EUR. Approve fewer items.'],
      },
    ]);
    expect(
      (await phones[0].error('ballot:cast', { roundId: round.id, optionIds: ['o9'], idempotencyKey: randomUUID() })).details?.[0].field,
    ).toBe('optionIds.0');
    expect((await phones[0].error('ballot:cast', { roundId: round.id, optionIds: ['o2', 'o2'], idempotencyKey: randomUUID() })).code).toBe(
      ErrorCode.BallotInvalid,
    );
    expect((await phones[0].error('ballot:cast', { roundId: round.id, optionIds: [], idempotencyKey: randomUUID() })).code).toBe(
      ErrorCode.BallotInvalid,
    );

    // Three phones: o1 2 votes, o2 1, o3 2, o4 2 (each ballot within 3.000 EUR).
    for (const [i, ids] of [
      ['o1', 'o3'],
      ['o1', 'o2', 'o4'],
      ['o3', 'o4'],
    ].entries())
      expect(await cast(phones[i], round.id, ids)).toMatchObject({ ok: true });
    expect((await phones[0].error('ballot:cast', { roundId: round.id, optionIds: ['o2'], idempotencyKey: randomUUID() })).code).toBe(
      ErrorCode.AlreadyVoted,
    );

    // Hall counts per item, like any other round: o1 +3 = 5, o2 +3 = 4, o3 +2 = 4, o4 +0 = 2.
    const hall = await mod.ok<RoundResult>('round:hall-tally', {
      roundId: round.id,
      counts: [
        { optionId: 'o1', count: 3 },
        { optionId: 'o2', count: 3 },
        { optionId: 'o3', count: 2 },
      ],
      ballots: 4,
      note: 'Stimmzettel im Saal',
    });
    expect(hall.budget?.lines.map((l) => [l.optionId, l.online, l.hall, l.votes])).toEqual([
      ['o1', 2, 3, 5],
      ['o2', 1, 3, 4],
      ['o3', 2, 2, 4],
      ['o4', 2, 0, 2],
    ]);
    const closed = await mod.ok<RoundResult>('round:close', { roundId: round.id });
    expect(closed.ballots).toBe(3);
    // 3.000 EUR: o1 (5 votes) 1.500 → o2 (4, smaller than o3) 800 → o3 1.200 no longer fits (700 left) → o4 600 fits → 100 left.
    expect(closed.budget).toMatchObject({ budgetCents: 300_000, allocatedCents: 290_000, remainingCents: 10_000 });
    expect(closed.budget?.lines.map((l) => [l.optionId, l.rank, l.outcome])).toEqual([
      ['o1', 1, 'funded'],
      ['o2', 2, 'funded'],
      ['o3', 3, 'does_not_fit'],
      ['o4', 4, 'funded'],
    ]);
    expect(closed.budget?.ties).toEqual([{ aboveId: 'o2', belowId: 'o3', votes: 4, decidedBy: 'smaller_amount', decisive: true }]);

    // The handler refuses: nothing is stored, the moderator gets its message.
    handler.refuse = 'The fund has only 2.000,00 EUR left.';
    const refused = await mod.error('round:confirm-allocation', { roundId: round.id });
    expectErrorShape(refused, 409, ErrorCode.Conflict);
    expect(refused.message).toBe('The fund has only 2.000,00 EUR left.');
    const db = t.app.get(DataSource);
    expect((await db.getRepository(VotingRoundEntity).findOneByOrFail({ id: round.id })).allocation).toBeNull();
    handler.refuse = null;

    const before = handler.calls.length;
    const confirmed = await mod.ok<ConfirmedAllocation>('round:confirm-allocation', { roundId: round.id });
    expect(confirmed).toMatchObject({ allocatedCents: 290_000, remainingCents: 10_000 });
    expect(confirmed.lines).toEqual([
      { optionId: 'o1', refId: 'app-strassenfest', amountCents: 150_000, votes: 5 },
      { optionId: 'o2', refId: 'app-repair', amountCents: 80_000, votes: 4 },
      { optionId: 'o3', refId: 'app-plants', amountCents: null, votes: 4 },
      { optionId: 'o4', refId: null, amountCents: 60_000, votes: 2 },
    ]);
    expect(handler.calls.length).toBe(before + 1);
    const call = handler.calls[handler.calls.length - 1];
    expect(call).toMatchObject({ assemblyId: assembly.id, roundId: round.id, lines: confirmed.lines, actor: { userId: moderator.id } });
    expect(call.decidedAt.toISOString()).toBe(confirmed.confirmedAt);

    // Once only.
    const again = await mod.error('round:confirm-allocation', { roundId: round.id });
    expectErrorShape(again, 409, ErrorCode.Conflict);
    expect(handler.calls.length).toBe(before + 1);

    // Broadcast: the moderator's rounds carry it; after publishing, the projector and the phones see result and allocation.
    await mod.until(
      'the confirmed allocation',
      () => mod.moderator?.rounds.find((r) => r.id === round.id)?.allocation?.confirmedAt === confirmed.confirmedAt,
    );
    await mod.ok('round:publish', { roundId: round.id });
    await projector.until('the published budget result', () => projector.state?.publishedRounds.some((r) => r.id === round.id) ?? false);
    const shown = projector.state!.publishedRounds.find((r) => r.id === round.id)!;
    expect(shown.allocation?.lines).toEqual(confirmed.lines);
    expect(shown.results?.budget?.remainingCents).toBe(10_000);
    await phones[2].until('the result on the phone', () => phones[2].state?.round?.results?.budget?.lines.length === 4);

    // The minutes (German and English, Markdown and PDF) list items, votes, outcomes, amounts and the remaining money.
    const md = (await moderator.client.get(`/api/assemblies/${assembly.id}/minutes.md`).expect(200)).text;
    expect(md).toContain('Budgetabstimmung (Budget 3.000,00 €)');
    expect(md).toMatch(/\| 1 \| Straßenfest Nordmarkt \| 1\.500,00 € \| 2 \| 3 \| 5 \| gefördert \|/);
    expect(md).toMatch(/\| 3 \| Pflanzkübel am Platz \| 1\.200,00 € \| 2 \| 2 \| 4 \| passt nicht mehr ins Budget \|/);
    expect(md).toContain('Übrig');
    expect(md).toContain('100,00 €');
    expect(md).toContain(
      'Stimmengleichheit (4 je Vorhaben): „Reparatur-Café“ vor „Pflanzkübel am Platz“, entschieden durch den kleineren Betrag.',
    );
    const en = (await moderator.client.get(`/api/assemblies/${assembly.id}/minutes.md?lang=en`).expect(200)).text;
    expect(en).toContain('Budget vote (budget €3,000.00)');
    expect(en).toMatch(/\| 4 \| Sprachcafé \| €600\.00 \| 2 \| 0 \| 2 \| funded \|/);
    const pdf = await moderator.client
      .get(`/api/assemblies/${assembly.id}/minutes.pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const pdfText = pdfTextOf(pdf.body as Buffer).text.replace(/\s+/g, ' ');
    for (const words of ['Budgetabstimmung', 'Zuteilung', 'Straßenfest Nordmarkt', '1.500,00 €', 'passt nicht mehr ins Budget', '100,00 €'])
      expect(pdfText).toContain(words);
    const events = await db
      .getRepository(AssemblyEvent)
      .find({ where: { assemblyId: assembly.id, type: AssemblyEventType.AllocationConfirmed } });
    expect(events).toHaveLength(1);
  });
});
