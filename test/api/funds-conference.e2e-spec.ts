import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ErrorCode, Role, VotingRoundStatus, VotingType, type ConfirmedAllocation, type LiveRound, type RoundResult } from '@app/shared';
import type { AgendaApplication, ApplicationDetail, FundDetail } from '@app/shared/funds';
import { VotingRoundEntity } from '../../apps/api/src/modules/live/entities/live.entities';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { apply, applicationBody, areaRefs, day, openFund, REASON, toAgenda } from './helpers/funds';
import { createAssembly, joinAsGuest, LiveTestClient, LiveSockets } from './helpers/live';

jest.setTimeout(180_000);

/**
 * The project conference decides the Aktionsraumfonds (issue 17), with the app as a city runs it (no
 * test hook): a budget round built from the fund's agenda, three phones and the hall's counts, the
 * moderator's confirmation deciding the fund in the same transaction, or nothing at all when the fund
 * refuses. On SQLite and PostgreSQL.
 */
describe('Aktionsraumfonds: the project conference decides the fund with the live budget vote', () => {
  let t: TestApp;
  let admin: ApiClient;
  let areaId: string;
  let citizen: TestUser;
  let moderator: TestUser;
  const sockets = new LiveSockets();
  const { track } = sockets;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    areaId = (await areaRefs(t)).actionAreas[0].id;
    citizen = await t.createUser({ displayName: 'Antragstellerin Aydın' });
    moderator = await t.createUser({ role: Role.Moderator, areaIds: [areaId], displayName: 'Moderatorin Marx' });
  });
  afterAll(async () => {
    sockets.closeAll();
    await t?.close();
  });

  async function onAgenda(fundId: string, title: string, cents: number): Promise<ApplicationDetail> {
    const a = await apply(citizen.client, fundId, {
      title,
      costItems: [{ label: 'Kosten', amountCents: cents }],
      requestedAmountCents: cents,
    });
    await toAgenda(citizen.client, admin, a.id);
    return a;
  }
  const fundOf = async (id: string) => (await (await t.client()).get(`/api/funds/${id}`).expect(200)).body as FundDetail;
  const application = async (id: string) => (await admin.get(`/api/applications/${id}`).expect(200)).body as ApplicationDetail;

  async function conference() {
    const assembly = await createAssembly(t, moderator.client, { title: 'Projektkonferenz', areaIds: [areaId], requireCheckIn: false });
    const mod = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: moderator.client }));
    await mod.ok('assembly:set-status', { status: 'live' });
    const phones: LiveTestClient[] = [];
    for (const name of ['Ayşe Yılmaz', 'Łukasz Nowak', 'Олена Шевченко']) {
      const joined = await joinAsGuest(t, assembly.joinCode, name);
      phones.push(track(await LiveTestClient.ready(t, { assemblyId: assembly.id, guestToken: joined.guestToken })));
    }
    const projector = track(await LiveTestClient.ready(t, { assemblyId: assembly.id, mode: 'projector' }));
    return { assembly, mod, phones, projector };
  }

  it('builds the round from the agenda, counts phones and hall, and approves and rejects the applications on confirmation', async () => {
    const fund = await openFund(admin, areaId, { amountCents: 300_000, maxPerApplicationCents: 150_000 });
    const fest = await onAgenda(fund.id, 'Straßenfest Nordmarkt', 150_000);
    const repair = await onAgenda(fund.id, 'Reparatur-Café', 80_000);
    const plants = await onAgenda(fund.id, 'Pflanzkübel am Platz', 120_000);
    const language = await onAgenda(fund.id, 'Sprachcafé', 60_000);

    // The agenda is the moderator's; citizens do not see it.
    await citizen.client.get(`/api/funds/${fund.id}/agenda`).expect(403);
    const agenda = (await moderator.client.get(`/api/funds/${fund.id}/agenda`).expect(200)).body as AgendaApplication[];
    expect(agenda.map((a) => a.id).sort()).toEqual([fest.id, repair.id, plants.id, language.id].sort());

    const { assembly, mod, phones, projector } = await conference();
    const round = await mod.ok<LiveRound>('round:create', {
      question: 'Welche Anträge fördern wir aus dem Aktionsraumfonds?',
      type: VotingType.Budget,
      secret: true,
      budgetCents: (await fundOf(fund.id)).balance.remainingCents,
      items: agenda.map((a) => ({ label: a.title, amountCents: a.requestedAmountCents, refId: a.id, submittedAt: a.submittedAt })),
    });
    const option = (applicationId: string) => round.options.find((o) => o.refId === applicationId)!.id;
    await mod.ok('round:open', { roundId: round.id });
    await phones[2].until('the open round', () => phones[2].state?.round?.status === VotingRoundStatus.Open);
    for (const [i, ids] of [
      [fest.id, plants.id],
      [fest.id, repair.id, language.id],
      [plants.id, language.id],
    ].entries())
      expect(
        await phones[i].emit('ballot:cast', { roundId: round.id, optionIds: ids.map(option), idempotencyKey: randomUUID() }),
      ).toMatchObject({
        ok: true,
      });
    // Paper ballots in the hall: Straßenfest 2+3, Reparatur-Café 1+3, Pflanzkübel 2+2, Sprachcafé 2+0.
    await mod.ok<RoundResult>('round:hall-tally', {
      roundId: round.id,
      counts: [
        { optionId: option(fest.id), count: 3 },
        { optionId: option(repair.id), count: 3 },
        { optionId: option(plants.id), count: 2 },
      ],
      ballots: 4,
      note: 'Stimmzettel im Saal',
    });
    const closed = await mod.ok<RoundResult>('round:close', { roundId: round.id });
    // 3,000 EUR: Straßenfest (5) 1,500 → Reparatur-Café (4, the smaller of two with 4) 800 → Pflanzkübel 1,200 no longer fits → Sprachcafé 600 → 100 left.
    expect(closed.budget?.lines.map((l) => [l.refId, l.outcome])).toEqual([
      [fest.id, 'funded'],
      [repair.id, 'funded'],
      [plants.id, 'does_not_fit'],
      [language.id, 'funded'],
    ]);

    // The fund refuses (its amount was lowered meanwhile): nothing is stored, neither the allocation nor a decision.
    await admin.patch(`/api/funds/${fund.id}`, { amountCents: 250_000 }).expect(200);
    const refused = await mod.error('round:confirm-allocation', { roundId: round.id });
    expectErrorShape(refused, 409, ErrorCode.Conflict);
    expect(refused.message).toContain('2500.00 EUR');
    expect((await t.app.get(DataSource).getRepository(VotingRoundEntity).findOneByOrFail({ id: round.id })).allocation).toBeNull();
    expect((await fundOf(fund.id)).decision).toBeNull();
    expect((await application(fest.id)).state).toBe('on_agenda');
    await admin.patch(`/api/funds/${fund.id}`, { amountCents: 300_000 }).expect(200);

    const confirmed = await mod.ok<ConfirmedAllocation>('round:confirm-allocation', { roundId: round.id });
    expect(confirmed.allocatedCents).toBe(290_000);
    const decided = await fundOf(fund.id);
    expect(decided.decision).toMatchObject({ mode: 'conference', roundId: round.id, assemblyId: assembly.id, decisionDate: day(0) });
    expect(decided.balance).toMatchObject({ amountCents: 300_000, approvedCents: 290_000, remainingCents: 10_000 });
    for (const [a, cents] of [
      [fest, 150_000],
      [repair, 80_000],
      [language, 60_000],
    ] as const)
      expect(await application(a.id)).toMatchObject({ state: 'approved', approvedAmountCents: cents });
    const notFunded = await application(plants.id);
    expect(notFunded.state).toBe('rejected');
    expect(notFunded.timeline.at(-1)).toMatchObject({
      kind: 'reject',
      actorRole: Role.Moderator,
      data: expect.objectContaining({ mode: 'conference' }),
    });
    expect(notFunded.timeline.at(-1)?.reason).toContain('Budgetabstimmung');

    // Decided once: neither a second confirmation nor a jury decision changes it.
    expectErrorShape(await mod.error('round:confirm-allocation', { roundId: round.id }), 409, ErrorCode.Conflict);
    const jury = await admin.post(`/api/funds/${fund.id}/decision`, {
      mode: 'jury',
      decisionDate: day(0),
      lines: [{ applicationId: plants.id, approvedAmountCents: null, reason: REASON }],
    });
    expectErrorShape(jury.body, 409, ErrorCode.Conflict);

    // A decided fund takes no more applications, though its period still runs: they could never be decided.
    expect(decided.open).toBe(false);
    const late = await citizen.client.post(`/api/funds/${fund.id}/applications`, applicationBody({ title: 'Zu spät für die Konferenz' }));
    expectErrorShape(late.body, 409, ErrorCode.Conflict);
    expect(late.body.message).toContain('takes no more applications');

    // The projector shows the published result with its allocation.
    await mod.ok('round:publish', { roundId: round.id });
    await projector.until('the published allocation', () =>
      Boolean(projector.state?.publishedRounds.find((r) => r.id === round.id)?.allocation?.confirmedAt),
    );
  });

  it('leaves a budget vote on other items alone, and refuses one that mixes a fund’s applications with other items', async () => {
    const fund = await openFund(admin, areaId, { amountCents: 300_000 });
    const a = await onAgenda(fund.id, 'Hausaufgabenecke', 50_000);
    const { mod, phones } = await conference();
    const run = async (items: Array<{ label: string; amountCents: number; refId?: string }>) => {
      const round = await mod.ok<LiveRound>('round:create', {
        question: 'Was fördern wir?',
        type: VotingType.Budget,
        secret: true,
        budgetCents: 100_000,
        items,
      });
      await mod.ok('round:open', { roundId: round.id });
      await phones[0].until(
        'the open round',
        () => phones[0].state?.round?.id === round.id && phones[0].state.round.status === VotingRoundStatus.Open,
      );
      expect(await phones[0].emit('ballot:cast', { roundId: round.id, optionIds: ['o1'], idempotencyKey: randomUUID() })).toMatchObject({
        ok: true,
      });
      await mod.ok('round:close', { roundId: round.id });
      return round;
    };
    const plain = await run([
      { label: 'Bänke', amountCents: 40_000 },
      { label: 'Blumen', amountCents: 30_000 },
    ]);
    expect((await mod.ok<ConfirmedAllocation>('round:confirm-allocation', { roundId: plain.id })).allocatedCents).toBe(40_000);
    await mod.ok('round:publish', { roundId: plain.id });

    const mixed = await run([
      { label: 'Hausaufgabenecke', amountCents: 50_000, refId: a.id },
      { label: 'Blumen', amountCents: 30_000 },
    ]);
    const refused = await mod.error('round:confirm-allocation', { roundId: mixed.id });
    expectErrorShape(refused, 422, ErrorCode.UnprocessableEntity);
    expect(refused.message).toContain('not all applications of one Aktionsraumfonds');
    expect((await fundOf(fund.id)).decision).toBeNull();
    expect((await application(a.id)).state).toBe('on_agenda');
  });
});
