import { DataSource } from 'typeorm';
import { ErrorCode, Role } from '@app/shared';
import type { ApplicationDetail, FundDetail, FundOnlineVote } from '@app/shared/funds';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { apply, areaRefs, openFund, toAgenda } from './helpers/funds';
import { pdfTextOf } from './helpers/pdf';

/**
 * The online budget vote of a fund (issue 17), on SQLite and PostgreSQL: opening over a period on the
 * agenda's snapshot, one ballot per person enforced by the database (account or voting code), the
 * budget, the period, the tally hidden until the end, the confirmation into the fund's decision by
 * the allocation rule (with a tie), secrecy in the schema, and the limit on guessing codes.
 */
describe('Aktionsraumfonds: online vote', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let areaId: string;
  let citizen: TestUser;
  let modHere: TestUser;
  let modElsewhere: TestUser;
  const voters: TestUser[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await t.admin();
    anonymous = await t.client();
    const refs = await areaRefs(t);
    areaId = refs.actionAreas[0].id;
    citizen = await t.createUser({ displayName: 'Antragstellerin' });
    modHere = await t.createUser({ role: Role.Moderator, areaIds: [areaId] });
    modElsewhere = await t.createUser({ role: Role.Moderator, areaIds: [refs.actionAreas[1].id] });
    for (let i = 0; i < 4; i++) voters.push(await t.createUser({ displayName: `Nachbarin ${i}` }));
  });
  afterAll(() => t.close());

  const iso = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
  const HOUR = 3_600_000;
  const votePath = (fundId: string) => `/api/funds/${fundId}/online-vote`;

  async function onAgenda(fundId: string, cents: number, title: string): Promise<ApplicationDetail> {
    const a = await apply(citizen.client, fundId, {
      title,
      costItems: [{ label: 'Material', amountCents: cents }],
      requestedAmountCents: cents,
    });
    await toAgenda(citizen.client, admin, a.id);
    return a;
  }

  /** A fund of 3,000 EUR with three applications on the agenda: A 1,500, B 1,000, C 1,000 EUR. */
  async function fundWithAgenda() {
    const fund = await openFund(admin, areaId, { amountCents: 300_000, maxPerApplicationCents: 200_000 });
    const a = await onAgenda(fund.id, 150_000, 'Gemeinschaftsgarten');
    const b = await onAgenda(fund.id, 100_000, 'Sommerfest');
    const c = await onAgenda(fund.id, 100_000, 'Repaircafé');
    return { fund, a, b, c };
  }

  /** Moves the vote's period (as if time had passed): SQLite compares TypeORM's UTC text. */
  const setPeriod = (fundId: string, startsAt: Date, endsAt: Date) => {
    const stamp = (d: Date) => (t.config.database.type === 'postgres' ? d : d.toISOString().replace('T', ' ').replace('Z', ''));
    return db.query(`UPDATE fund_online_votes SET "startsAt" = $1, "endsAt" = $2 WHERE "fundId" = $3`, [
      stamp(startsAt),
      stamp(endsAt),
      fundId,
    ]);
  };
  const endNow = (fundId: string) => setPeriod(fundId, new Date(Date.now() - 2 * HOUR), new Date(Date.now() - 1000));

  async function codesOf(fundId: string, count: number, client: ApiClient = modHere.client): Promise<string[]> {
    const res = await client
      .post(`${votePath(fundId)}/codes`, { count })
      .buffer(true)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = pdfTextOf(res.body as Buffer);
    return [...text.matchAll(/\b([2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5})\b/g)].map((m) => m[1]);
  }

  it('opens only with a good period, on a fund with an agenda, by the staff of its area, once', async () => {
    const { fund, a, b, c } = await fundWithAgenda();
    const good = { startsAt: iso(-1000), endsAt: iso(HOUR), binding: false };
    const inAnHour = iso(HOUR); // one instant for both ends: two calls to iso() may lie a millisecond apart
    const cases: Array<[Record<string, unknown>, number, RegExp]> = [
      [{ endsAt: iso(-HOUR), startsAt: iso(-2 * HOUR) }, 422, /lies in the past/],
      [{ startsAt: iso(2 * HOUR), endsAt: iso(HOUR) }, 422, /must lie after its start/],
      [{ startsAt: inAnHour, endsAt: inAnHour }, 422, /must lie after its start/],
      [{ startsAt: 'morgen' }, 400, /startsAt must be an ISO date-time/],
      [{ endsAt: '2026-02-30T10:00:00Z' }, 400, /endsAt must be a real date/],
      [{ binding: 'ja' }, 400, /binding/],
    ];
    for (const [over, status, message] of cases) {
      const res = await modHere.client.post(votePath(fund.id), { ...good, ...over });
      expect({ over, status: res.status }).toEqual({ over, status });
      expectErrorShape(res.body, status);
      expect(JSON.stringify(res.body)).toMatch(message);
    }
    expectErrorShape((await citizen.client.post(votePath(fund.id), good).expect(403)).body, 403);
    expectErrorShape((await modElsewhere.client.post(votePath(fund.id), good).expect(403)).body, 403);
    expectErrorShape((await anonymous.post(votePath(fund.id), good).expect(401)).body, 401);
    expectErrorShape((await anonymous.get(votePath(fund.id)).expect(404)).body, 404);

    const vote = (await modHere.client.post(votePath(fund.id), good).expect(201)).body as FundOnlineVote;
    expect(vote).toEqual(
      expect.objectContaining({ status: 'open', binding: false, budgetCents: 300_000, ballotCount: 0, result: null, confirmedAt: null }),
    );
    expect(vote.items.map((i) => [i.applicationId, i.amountCents])).toEqual([
      [a.id, 150_000],
      [b.id, 100_000],
      [c.id, 100_000],
    ]);
    const again = await admin.post(votePath(fund.id), good).expect(409);
    expect(again.body.message).toMatch(/already has an online vote/);

    const empty = await openFund(admin, areaId);
    const none = await modHere.client.post(votePath(empty.id), good).expect(422);
    expect(none.body.message).toMatch(/No application of this fund is on the agenda/);
  });

  it('refuses to open on a decided fund (409)', async () => {
    const { fund, a, b, c } = await fundWithAgenda();
    await admin
      .post(`/api/funds/${fund.id}/decision`, {
        mode: 'jury',
        decisionDate: new Date().toISOString().slice(0, 10),
        lines: [a, b, c].map((x) => ({
          applicationId: x.id,
          approvedAmountCents: 100_000,
          reason: x === a ? 'Weniger Geld, weil die Jury so entschied.' : null,
        })),
      })
      .expect(200);
    const res = await modHere.client.post(votePath(fund.id), { startsAt: iso(0), endsAt: iso(HOUR), binding: false }).expect(409);
    expect(res.body.message).toMatch(/already decided/);
  });

  it('consultative: one ballot per account (also when sent twice at once), the budget and the items checked, tally hidden until the end', async () => {
    const { fund, a, b, c } = await fundWithAgenda();
    await modHere.client.post(votePath(fund.id), { startsAt: iso(-1000), endsAt: iso(HOUR), binding: false }).expect(201);
    const ballots = `${votePath(fund.id)}/ballots`;

    const over = await voters[0].client.post(ballots, { applicationIds: [a.id, b.id, c.id] }).expect(422);
    expect(over.body.message).toMatch(/add up to 3500\.00 EUR, more than the budget of 3000\.00 EUR/);
    expect(over.body.details[0].params).toEqual({ budgetCents: 300_000, sumCents: 350_000 });
    const unknown = await voters[0].client.post(ballots, { applicationIds: [fund.id] }).expect(422);
    expect(unknown.body.message).toMatch(/not one of the items/);
    expect((await voters[0].client.post(ballots, { applicationIds: [a.id, a.id] }).expect(422)).body.message).toMatch(/twice/);
    expectErrorShape((await voters[0].client.post(ballots, { applicationIds: [] }).expect(400)).body, 400);
    expectErrorShape((await anonymous.post(ballots, { applicationIds: [a.id] }).expect(401)).body, 401, ErrorCode.AccountRequired);

    const receipt = await voters[0].client.post(ballots, { applicationIds: [a.id, b.id] }).expect(201);
    expect(receipt.body).toEqual({ ballotCount: 1, sumCents: 250_000 });
    const second = await voters[0].client.post(ballots, { applicationIds: [c.id] }).expect(409);
    expectErrorShape(second.body, 409, ErrorCode.AlreadyVoted);
    expect(second.body.message).toMatch(/already voted/);

    const racing = await Promise.all(Array.from({ length: 5 }, () => voters[1].client.post(ballots, { applicationIds: [c.id] })));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);

    const during = (await voters[0].client.get(votePath(fund.id)).expect(200)).body as FundOnlineVote;
    expect(during).toEqual(expect.objectContaining({ status: 'open', ballotCount: 2, result: null, voted: true }));
    expect(JSON.stringify(during)).not.toMatch(/"votes"/);
    expect(((await voters[2].client.get(votePath(fund.id)).expect(200)).body as FundOnlineVote).voted).toBe(false);

    const early = await modHere.client.post(`${votePath(fund.id)}/confirm`, {}).expect(409);
    expect(early.body.message).toMatch(/still running/);

    await modHere.client.post(`${votePath(fund.id)}/close`).expect(200);
    const late = await voters[2].client.post(ballots, { applicationIds: [c.id] }).expect(409);
    expect(late.body.message).toMatch(/has ended; ballots were taken from .* to /);
    expect((await modHere.client.post(`${votePath(fund.id)}/close`).expect(409)).body.message).toMatch(/already ended/);
    const after = (await anonymous.get(votePath(fund.id)).expect(200)).body as FundOnlineVote;
    // Three ties of one vote: B before C (earlier submission), C before A (smaller amount); A no longer fits.
    expect(after.result?.ties.map((x) => x.decidedBy)).toEqual(['earlier_submission', 'smaller_amount']);
    expect(after.result?.lines.map((l) => [l.applicationId, l.votes, l.funded])).toEqual([
      [b.id, 1, true],
      [c.id, 1, true],
      [a.id, 1, false],
    ]);
  });

  it('refuses ballots before the start, naming the period', async () => {
    const { fund, a } = await fundWithAgenda();
    await modHere.client.post(votePath(fund.id), { startsAt: iso(HOUR), endsAt: iso(2 * HOUR), binding: false }).expect(201);
    const res = await voters[0].client.post(`${votePath(fund.id)}/ballots`, { applicationIds: [a.id] }).expect(409);
    expect(res.body.message).toMatch(/has not started yet; ballots are taken from \d{4}-.* to \d{4}-/);
    expect(((await anonymous.get(votePath(fund.id)).expect(200)).body as FundOnlineVote).status).toBe('upcoming');
  });

  it('binding: ballots only with a voting code from the printed sheet, each code once; confirming decides the fund by the allocation rule with a tie', async () => {
    const { fund, a, b, c } = await fundWithAgenda();
    await admin.post(votePath(fund.id), { startsAt: iso(-1000), endsAt: iso(HOUR), binding: true }).expect(201);
    expectErrorShape((await citizen.client.post(`${votePath(fund.id)}/codes`, { count: 2 }).expect(403)).body, 403);
    expectErrorShape((await modHere.client.post(`${votePath(fund.id)}/codes`, { count: 0 }).expect(400)).body, 400);
    expectErrorShape((await modHere.client.post(`${votePath(fund.id)}/codes`, { count: 301 }).expect(400)).body, 400);
    const codes = await codesOf(fund.id, 5);
    expect(codes).toHaveLength(5);
    expect(new Set(codes).size).toBe(5);
    // Only the hashes are stored.
    const stored = (await db.query(
      `SELECT c."codeHash" FROM fund_online_vote_codes c JOIN fund_online_votes v ON v.id = c."voteId" WHERE v."fundId" = $1`,
      [fund.id],
    )) as Array<{ codeHash: string }>;
    expect(stored).toHaveLength(5);
    for (const code of codes) expect(JSON.stringify(stored)).not.toContain(code.replace('-', ''));
    expect(((await anonymous.get(votePath(fund.id)).expect(200)).body as FundOnlineVote).codeCount).toBe(5);

    const ballots = `${votePath(fund.id)}/ballots`;
    const guest = await t.client();
    expect((await guest.post(ballots, { applicationIds: [a.id] }).expect(422)).body.message).toMatch(/binding: enter the voting code/);
    expect((await guest.post(ballots, { applicationIds: [a.id], code: 'ZZZZZ-ZZZZZ' }).expect(422)).body.message).toMatch(
      /not valid for this vote/,
    );
    // A code of another fund's vote does not count here.
    const other = await fundWithAgenda();
    await admin.post(votePath(other.fund.id), { startsAt: iso(-1000), endsAt: iso(HOUR), binding: true }).expect(201);
    const [foreign] = await codesOf(other.fund.id, 1);
    await guest.post(ballots, { applicationIds: [a.id], code: foreign }).expect(422);

    // Votes: A 2, B 2, C 1 → A and B tie (B ranks first: smaller amount); B (1,000) and A (1,500) fit in 3,000; C no longer fits.
    await guest.post(ballots, { applicationIds: [a.id, b.id], code: codes[0] }).expect(201);
    await (await t.client()).post(ballots, { applicationIds: [a.id, b.id], code: codes[1].toLowerCase() }).expect(201);
    await voters[3].client.post(ballots, { applicationIds: [c.id], code: codes[2].replace('-', ' ') }).expect(201);
    const reused = await voters[3].client.post(ballots, { applicationIds: [c.id], code: codes[0] }).expect(409);
    expect(reused.body.message).toMatch(/already been used/);

    await endNow(fund.id);
    expect((await modHere.client.post(`${votePath(fund.id)}/codes`, { count: 1 }).expect(409)).body.message).toMatch(/has ended/);
    const view = (await anonymous.get(votePath(fund.id)).expect(200)).body as FundOnlineVote;
    expect(view.ballotCount).toBe(3);
    expect(view.result?.lines.map((l) => [l.applicationId, l.votes, l.outcome])).toEqual([
      [b.id, 2, 'funded'],
      [a.id, 2, 'funded'],
      [c.id, 1, 'does_not_fit'],
    ]);
    expect(view.result?.ties).toEqual([{ aboveId: b.id, belowId: a.id, votes: 2, decidedBy: 'smaller_amount', decisive: false }]);
    expect(view.result?.remainingCents).toBe(50_000);

    expectErrorShape((await modElsewhere.client.post(`${votePath(fund.id)}/confirm`, {}).expect(403)).body, 403);
    const decided = (await modHere.client.post(`${votePath(fund.id)}/confirm`, {}).expect(200)).body as FundDetail;
    expect(decided.decided).toBe(true);
    expect(decided.decision).toEqual(expect.objectContaining({ mode: 'online' }));
    expect(decided.decision?.note).toMatch(/3 Stimmzettel/);
    expect(decided.balance.approvedCents).toBe(250_000);
    const state = (id: string) => decided.applications.find((x) => x.id === id)?.state;
    expect([state(a.id), state(b.id), state(c.id)]).toEqual(['approved', 'approved', 'rejected']);
    const rejected = (await anonymous.get(`/api/applications/${c.id}`).expect(200)).body as ApplicationDetail;
    expect(rejected.timeline.at(-1)?.reason).toMatch(/reichte das übrige Geld/);
    const twice = await modHere.client.post(`${votePath(fund.id)}/confirm`, {}).expect(409);
    expect(twice.body.message).toMatch(/already been confirmed/);
    expect(((await anonymous.get(votePath(fund.id)).expect(200)).body as FundOnlineVote).confirmedAt).not.toBeNull();
  });

  it('keeps who voted apart from what was voted: no column links a ballot to its voter', async () => {
    const columns = async (table: string): Promise<string[]> =>
      t.config.database.type === 'postgres'
        ? (
            (await db.query(`SELECT column_name AS name FROM information_schema.columns WHERE table_name = $1`, [table])) as Array<{
              name: string;
            }>
          ).map((r) => r.name)
        : ((await db.query(`PRAGMA table_info("${table}")`)) as Array<{ name: string }>).map((r) => r.name);
    expect((await columns('fund_online_vote_voters')).sort()).toEqual(['id', 'voteId', 'voterKey']);
    expect((await columns('fund_online_vote_tallies')).sort()).toEqual(['applicationId', 'voteId', 'votes']);
    // No table of ballots: what a person chose exists only as added counters.
    const tables = Array.from(db.entityMetadatas, (m) => m.tableName).filter((n) => n.startsWith('fund_online_vote'));
    expect(tables.sort()).toEqual(['fund_online_vote_codes', 'fund_online_vote_tallies', 'fund_online_vote_voters', 'fund_online_votes']);
  });

  // Last: it blocks this app's one client address for wrong codes.
  it('limits guessing voting codes per address (429 with Retry-After), the right code too while blocked', async () => {
    const { fund, a } = await fundWithAgenda();
    await admin.post(votePath(fund.id), { startsAt: iso(-1000), endsAt: iso(HOUR), binding: true }).expect(201);
    const [right] = await codesOf(fund.id, 1);
    const guesser = await t.client();
    let wrong = 0;
    for (;;) {
      const res = await guesser.post(`${votePath(fund.id)}/ballots`, {
        applicationIds: [a.id],
        code: `2345678${String(wrong).padStart(3, '2')}`,
      });
      if (res.status === 429) break;
      expect(res.status).toBe(422);
      wrong++;
      if (wrong > 250) throw new Error('no limit after 250 wrong codes');
    }
    expect(wrong).toBeGreaterThanOrEqual(195);
    const refused = await guesser.post(`${votePath(fund.id)}/ballots`, { applicationIds: [a.id], code: right }).expect(429);
    expectErrorShape(refused.body, 429, ErrorCode.RateLimited);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
