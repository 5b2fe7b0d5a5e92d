import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  ErrorCode,
  VotingRoundStatus,
  VotingType,
  type CastBallotResult,
  type LiveAck,
  type LiveRound,
  type ModeratorState,
  type RoundResult,
} from '@app/shared';
import {
  ApiProcess,
  createPostgresData,
  createSqliteData,
  DEFAULT_REDIS_URL,
  type PostgresData,
  type SqliteData,
} from '../helpers/process';
import { LiveTestClient } from './helpers/live';
import { createAssembly, joinGuest, loginAdmin, mapLimit, postgresQuery, sqliteQuery, type Query } from './helpers/process-client';

/**
 * Resilience of the live gateway, against the BUILT API started as real child processes
 * (`npm run build -w apps/api` first):
 *  - kill -9 in the middle of a burst of ballots, restart on the same database (a SQLite file, and
 *    PostgreSQL): every acknowledged ballot is there, none twice, and the unanswered ones can be
 *    retried safely with their idempotency key;
 *  - scale-out: two processes on one PostgreSQL database and Redis; a vote cast on one reaches
 *    the moderator's live tally on the other.
 */
jest.setTimeout(300_000);

async function ballotsInDatabase(query: Query, roundId: string): Promise<{ receipts: string[]; tallySum: number }> {
  const receipts = await query<{ participantId: string }>('SELECT "participantId" FROM ballot_receipts WHERE "roundId" = $1', [roundId]);
  const [tally] = await query<{ total: number | string | null }>('SELECT SUM(online) AS total FROM round_tallies WHERE "roundId" = $1', [
    roundId,
  ]);
  return { receipts: receipts.map((r) => r.participantId), tallySum: Number(tally?.total ?? 0) };
}

const onlineSum = (result: RoundResult | null | undefined) => (result?.options ?? []).reduce((sum, o) => sum + o.online, 0);
const roundIn = (moderator: ModeratorState | null, roundId: string): LiveRound | undefined =>
  moderator?.rounds.find((r) => r.id === roundId);

describe('live gateway resilience (built API as child processes)', () => {
  // On SQLite (a file in a temp folder) always; on PostgreSQL too (it always runs here and in CI).
  describe.each([
    ['SQLite', async () => createSqliteData('soziale-stadt-kill9-')],
    ['PostgreSQL', async () => createPostgresData()],
  ] as const)('kill -9 during a burst of ballots (%s)', (_name, create) => {
    const GUESTS = 200;
    let data: SqliteData | PostgresData;
    let query: Query;
    let api: ApiProcess | undefined;
    const sockets: LiveTestClient[] = [];

    beforeAll(async () => {
      data = await create();
      query = 'sqlitePath' in data ? sqliteQuery(data.sqlitePath) : postgresQuery(data.url);
    });

    afterAll(async () => {
      sockets.forEach((s) => s.close());
      await api?.stop();
      if ('sqlitePath' in data) data.remove();
      else await data.drop();
    });

    it('keeps every acknowledged ballot exactly once, and retries with the same key count once', async () => {
      api = await ApiProcess.start({ env: data.env });
      const admin = await loginAdmin(api.baseUrl);
      const assembly = await createAssembly(admin);

      const moderator = await LiveTestClient.connect({ url: api.baseUrl }, { assemblyId: assembly.id }, { cookie: admin.cookie });
      sockets.push(moderator);
      await moderator.ok('assembly:set-status', { status: 'live' });
      const round = await moderator.ok<LiveRound>('round:create', {
        question: 'Soll der Platz vor dem Bürgerhaus begrünt werden?',
        type: VotingType.YesNoAbstain,
        secret: true,
      });
      expect(round.options).toHaveLength(3);
      await moderator.ok('round:open', { roundId: round.id });

      const guests = await mapLimit(Array.from({ length: GUESTS }), 16, (_, i) =>
        joinGuest(api!.baseUrl, assembly.joinCode, `Gast ${i + 1}`),
      );
      const guestSockets = await mapLimit(guests, 16, (g) =>
        LiveTestClient.connect({ url: api!.baseUrl }, { assemblyId: assembly.id, guestToken: g.guestToken }),
      );
      sockets.push(...guestSockets);

      // The burst: the guests cast one after another, 3 ms apart (a hall voting at once reaches the server as a
      // stream; a single volley could be committed and answered in one or two group commits before the kill lands,
      // leaving nothing in flight). The process is killed once an eighth has been answered; a guest who has not sent
      // by then sends nothing now (everyone retries below).
      const keys = guests.map(() => randomUUID());
      const choice = (i: number) => round.options[i % round.options.length].id;
      const firstAnswers: Array<LiveAck<CastBallotResult> | null> = new Array(GUESTS).fill(null);
      const sent: boolean[] = new Array(GUESTS).fill(false);
      let answeredOk = 0;
      let killing: Promise<void> | undefined;
      await Promise.all(
        guestSockets.map(async (socket, i) => {
          await sleep(i * 3);
          if (killing) return;
          sent[i] = true;
          try {
            const ack = await socket.emit<CastBallotResult>(
              'ballot:cast',
              { roundId: round.id, optionIds: [choice(i)], idempotencyKey: keys[i] },
              60_000,
            );
            firstAnswers[i] = ack;
            if (ack.ok && ++answeredOk === GUESTS / 8) killing = api!.kill();
          } catch {
            // no answer: the process died with the ballot in flight
          }
        }),
      );
      await killing;
      expect(api.running).toBe(false);
      guestSockets.forEach((s) => s.close());
      moderator.close();

      const acknowledged = guests.filter((_, i) => firstAnswers[i]?.ok).map((g) => g.participant.id);
      const inFlight = guests.filter((_, i) => sent[i] && firstAnswers[i] === null);
      const notSent = sent.filter((wasSent) => !wasSent).length;
      // Sanity of the experiment itself: the kill really happened mid-burst (ballots still coming in).
      expect(acknowledged.length).toBeGreaterThanOrEqual(GUESTS / 8);
      expect(inFlight.length + notSent).toBeGreaterThan(0);
      // Nothing but ok answers before the kill (no ballot was refused for a wrong reason).
      expect(firstAnswers.filter((a) => a !== null && !a.ok)).toEqual([]);

      await api.restart();

      // 1. In the database: every acknowledged ballot has its receipt; no one twice; sums match.
      const afterCrash = await ballotsInDatabase(query, round.id);
      expect(new Set(afterCrash.receipts).size).toBe(afterCrash.receipts.length);
      expect(afterCrash.receipts.length).toBeLessThanOrEqual(GUESTS);
      expect(afterCrash.receipts).toEqual(expect.arrayContaining(acknowledged));
      expect(afterCrash.tallySum).toBe(afterCrash.receipts.length);

      // 2. Through the restarted API: the round is still open and the moderator's tally matches.
      const admin2 = admin.on(api.baseUrl);
      const moderator2 = await LiveTestClient.connect({ url: api.baseUrl }, { assemblyId: assembly.id }, { cookie: admin2.cookie });
      sockets.push(moderator2);
      const modSnapshot = await moderator2.sync();
      const liveRound = roundIn(modSnapshot.moderator, round.id);
      expect(liveRound?.status).toBe(VotingRoundStatus.Open);
      expect(liveRound?.ballotsCast).toBe(afterCrash.receipts.length);
      // A secret round shows its moderators the count only while it is open.
      expect(liveRound?.results).toBeNull();

      // 3. Every guest reconnects with its credential: its own state says whether it has voted.
      const voted = new Set(afterCrash.receipts);
      const again = await mapLimit(guests, 16, (g) =>
        LiveTestClient.connect({ url: api!.baseUrl }, { assemblyId: assembly.id, guestToken: g.guestToken }),
      );
      sockets.push(...again);
      const snapshots = await mapLimit(again, 16, (s) => s.sync());
      snapshots.forEach((snapshot, i) => {
        expect(snapshot.me.participant?.id).toBe(guests[i].participant.id);
        expect(snapshot.me.votedRoundIds.includes(round.id)).toBe(voted.has(guests[i].participant.id));
      });

      // 4. Every guest retries with the same key (a client that got no answer does exactly this):
      //    each gets ok; only ballots that never reached the database are created now.
      const retries = await Promise.all(
        again.map((s, i) =>
          s.emit<CastBallotResult>('ballot:cast', { roundId: round.id, optionIds: [choice(i)], idempotencyKey: keys[i] }),
        ),
      );
      retries.forEach((ack, i) => {
        expect(ack).toEqual({ ok: true, data: { roundId: round.id, created: !voted.has(guests[i].participant.id) } });
      });
      const createdOnRetry = retries.filter((a) => a.ok && a.data.created).length;
      expect(afterCrash.receipts.length + createdOnRetry).toBe(GUESTS);

      // A second ballot with a new key is refused: one ballot per participant, by the database.
      const second = await again[0].emit('ballot:cast', { roundId: round.id, optionIds: [choice(1)], idempotencyKey: randomUUID() });
      expect(second).toEqual({ ok: false, error: expect.objectContaining({ code: ErrorCode.AlreadyVoted }) });

      const final = await ballotsInDatabase(query, round.id);
      expect(final.receipts).toHaveLength(GUESTS);
      expect(new Set(final.receipts).size).toBe(GUESTS);
      expect(final.tallySum).toBe(GUESTS);

      // 5. Closing and publishing shows everybody exactly GUESTS ballots, split as they were cast.
      const closed = await moderator2.ok<RoundResult>('round:close', { roundId: round.id });
      expect(closed.ballots).toBe(GUESTS);
      expect(onlineSum(closed)).toBe(GUESTS);
      const published = await moderator2.ok<RoundResult>('round:publish', { roundId: round.id });
      const expectedPerOption = round.options.map((o, k) => guests.filter((_, i) => i % round.options.length === k).length);
      expect(published.options.map((o) => o.online)).toEqual(expectedPerOption);
      await again[GUESTS - 1].until(
        'the published result at a guest',
        () => again[GUESTS - 1].state?.round?.id === round.id && again[GUESTS - 1].state?.round?.status === VotingRoundStatus.Published,
      );
      expect(again[GUESTS - 1].state?.round?.results?.ballots).toBe(GUESTS);
    });
  });

  describe('scale-out: two processes on one PostgreSQL database with the Redis adapter', () => {
    let pg: PostgresData;
    const processes: ApiProcess[] = [];
    const sockets: LiveTestClient[] = [];

    beforeAll(async () => {
      // PostgreSQL and Redis always run here and in CI; without DATABASE_URL the local server is used.
      pg = await createPostgresData();
    });

    afterAll(async () => {
      sockets.forEach((s) => s.close());
      await Promise.all(processes.map((p) => p.stop()));
      await pg?.drop();
    });

    it('a vote cast on process A reaches the live tally and the state the moderator sees on process B', async () => {
      const env = { ...pg.env, REDIS_URL: DEFAULT_REDIS_URL, REDIS_KEY_PREFIX: `res-${randomBytes(4).toString('hex')}:` };
      // One after the other: the first runs the migrations.
      const a = await ApiProcess.start({ env });
      processes.push(a);
      const b = await ApiProcess.start({ env });
      processes.push(b);
      expect(a.port).not.toBe(b.port);

      const adminA = await loginAdmin(a.baseUrl);
      const assembly = await createAssembly(adminA);
      const adminB = adminA.on(b.baseUrl);

      // The moderator runs the assembly on B.
      const moderator = await LiveTestClient.connect({ url: b.baseUrl }, { assemblyId: assembly.id }, { cookie: adminB.cookie });
      sockets.push(moderator);
      await moderator.ok('assembly:set-status', { status: 'live' });
      const round = await moderator.ok<LiveRound>('round:create', {
        question: 'Soll die Bibliothek sonntags öffnen?',
        type: VotingType.YesNoAbstain,
        secret: false,
      });
      await moderator.ok('round:open', { roundId: round.id });

      // Voters on A; one more guest watching on B; one watching on A.
      const onA = await joinGuest(a.baseUrl, assembly.joinCode, 'Ayşe auf A');
      const onA2 = await joinGuest(a.baseUrl, assembly.joinCode, 'Anton auf A');
      const onB = await joinGuest(b.baseUrl, assembly.joinCode, 'Berta auf B');
      const voterA = await LiveTestClient.connect({ url: a.baseUrl }, { assemblyId: assembly.id, guestToken: onA.guestToken });
      const voterA2 = await LiveTestClient.connect({ url: a.baseUrl }, { assemblyId: assembly.id, guestToken: onA2.guestToken });
      const watcherB = await LiveTestClient.connect({ url: b.baseUrl }, { assemblyId: assembly.id, guestToken: onB.guestToken });
      sockets.push(voterA, voterA2, watcherB);
      // Berta's second phone, on the other process: the moderator's count of connected people asks
      // both processes and counts her once.
      const bertaOnA = await LiveTestClient.connect({ url: a.baseUrl }, { assemblyId: assembly.id, guestToken: onB.guestToken });
      sockets.push(bertaOnA);
      await moderator.until('three people connected over both processes', () => moderator.moderator?.attendance.connected === 3);
      await sleep(1100); // past the count's reuse time: counted afresh
      expect((await moderator.sync()).moderator!.attendance.connected).toBe(3);

      const modBefore = (await moderator.sync()).moderator!;
      const stateBefore = (await watcherB.sync()).state;
      expect(roundIn(modBefore, round.id)?.ballotsCast).toBe(0);
      expect(stateBefore.round?.status).toBe(VotingRoundStatus.Open);

      // A vote on A …
      const yes = round.options[0].id;
      const cast = await voterA.emit<CastBallotResult>('ballot:cast', {
        roundId: round.id,
        optionIds: [yes],
        idempotencyKey: randomUUID(),
      });
      expect(cast).toEqual({ ok: true, data: { roundId: round.id, created: true } });

      // … reaches the moderator's live tally on B (pushed, not fetched), with a newer version …
      await moderator.until(
        "the vote from A in the moderator's tally on B",
        () => roundIn(moderator.moderator, round.id)?.results?.options.find((o) => o.optionId === yes)?.online === 1,
      );
      expect(moderator.moderator!.version).toBeGreaterThan(modBefore.version);
      expect(roundIn(moderator.moderator, round.id)?.ballotsCast).toBe(1);
      // … and the room's state on B (ballots cast so far, newer version).
      await watcherB.until('the ballot count from A in the state on B', () => watcherB.state?.round?.ballotsCast === 1);
      expect(watcherB.state!.version).toBeGreaterThan(stateBefore.version);

      // The other way round: a vote on B reaches clients on A; both counted once.
      const no = round.options[1].id;
      const castB = await watcherB.emit<CastBallotResult>('ballot:cast', {
        roundId: round.id,
        optionIds: [no],
        idempotencyKey: randomUUID(),
      });
      expect(castB.ok).toBe(true);
      await voterA2.until('the second ballot in the state on A', () => voterA2.state?.round?.ballotsCast === 2);
      await moderator.until("the vote from B in the moderator's tally", () => roundIn(moderator.moderator, round.id)?.ballotsCast === 2);

      // The same idempotency key on the other process returns the first answer, not a second vote.
      const repeatKey = randomUUID();
      const first = await voterA2.emit<CastBallotResult>('ballot:cast', { roundId: round.id, optionIds: [no], idempotencyKey: repeatKey });
      expect(first).toEqual({ ok: true, data: { roundId: round.id, created: true } });
      const onOtherProcess = await LiveTestClient.connect({ url: b.baseUrl }, { assemblyId: assembly.id, guestToken: onA2.guestToken });
      sockets.push(onOtherProcess);
      const repeated = await onOtherProcess.emit<CastBallotResult>('ballot:cast', {
        roundId: round.id,
        optionIds: [no],
        idempotencyKey: repeatKey,
      });
      expect(repeated).toEqual({ ok: true, data: { roundId: round.id, created: false } });

      // Publishing on B shows the result to the voter on A.
      await moderator.ok('round:close', { roundId: round.id });
      const published = await moderator.ok<RoundResult>('round:publish', { roundId: round.id });
      expect(published.ballots).toBe(3);
      await voterA.until(
        'the published result on A',
        () => voterA.state?.round?.id === round.id && voterA.state.round.status === VotingRoundStatus.Published,
      );
      expect(voterA.state!.round!.results!.options.map((o) => o.online)).toEqual([1, 2, 0]);
    });
  });
});
