import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  Language,
  VotingType,
  type AreaResponse,
  type FieldOfActionResponse,
  type LiveAck,
  type LiveProposal,
  type LiveRound,
} from '@app/shared';
import { ApiProcess, createPostgresData, createSqliteData, type PostgresData, type SqliteData } from '../helpers/process';
import { LiveTestClient } from './helpers/live';
import { createAssembly, Http, joinGuest, loginAdmin, mapLimit, postgresQuery, sqliteQuery, type Query } from './helpers/process-client';

/**
 * No acknowledged write lost, no refused one kept: a mixed workload of everything people write at
 * once (proposals, supports, comments, registrations, ballots into an open round and into one that
 * closes in the middle, speaker requests, supports of live proposals), each write failing or
 * succeeding, against the BUILT API as a child process on the database of this run (SQLite file
 * by default, PostgreSQL when DATABASE_URL is set). Afterwards, straight from the database: every
 * 2xx/ok write is there, every refused one is absent, every stored count equals its rows; then the
 * same after a graceful restart and after kill -9 in the middle of the next burst.
 *
 * The process runs with raised per-address rate limits (test/helpers/process.ts): a few hundred
 * writes from one test address in seconds is not what this measures; the limits have their own tests.
 */
jest.setTimeout(300_000);

const CITIZENS = 8;
const GUESTS = 24;
const PASSWORD = 'Bürger-Passwort-2024';
const LOG_PROBLEMS = /savepoint|SQLITE_BUSY|database is locked|cannot (start|commit) a transaction|QueryFailedError/i;

interface Outcome {
  kind: string;
  ok: boolean;
  status: number | string;
  key: Record<string, string>;
}

const usePostgres = Boolean(process.env.DATABASE_URL);

describe(`durability of acknowledged writes (${usePostgres ? 'PostgreSQL' : 'SQLite'}, built API as a child process)`, () => {
  let data: SqliteData | PostgresData;
  let query: Query;
  let api: ApiProcess;
  let admin: Http;
  let field: FieldOfActionResponse;
  let area: AreaResponse;
  const citizens: Array<{ id: string; http: Http }> = [];
  const sockets: LiveTestClient[] = [];

  beforeAll(async () => {
    data = usePostgres ? await createPostgresData() : createSqliteData('soziale-stadt-durability-');
    query = 'sqlitePath' in data ? sqliteQuery(data.sqlitePath) : postgresQuery(data.url);
    api = await ApiProcess.start({ env: { ...data.env, SEED_DEMO_DATA: 'true' } });
    admin = await loginAdmin(api.baseUrl);
    const anonymous = new Http(api.baseUrl);
    field = (await anonymous.request<FieldOfActionResponse[]>('GET', '/api/fields-of-action'))[0];
    // An Aktionsraum without a support limit, so every support here is refused or kept for the reason under test.
    area = (await anonymous.request<AreaResponse[]>('GET', '/api/areas')).find((a) => a.type === 'action_area' && !a.supportLimit)!;
    expect(area).toBeDefined();
    // Accounts written straight into the database (the mail flow has its own tests); they sign in as anybody does.
    const hash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    for (let i = 0; i < CITIZENS; i++) {
      const id = randomUUID();
      const email = `buerger-${i}-${id.slice(0, 6)}@example.org`;
      await query(
        'INSERT INTO users ("id", "email", "passwordHash", "displayName", "language", "role", "emailVerifiedAt") VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [
          id,
          email,
          hash,
          `Bürgerin ${i}`,
          Language.German,
          'citizen',
          usePostgres ? new Date() : new Date().toISOString().replace('T', ' ').slice(0, 23),
        ],
        { write: true },
      );
      const http = new Http(api.baseUrl);
      await http.request('POST', '/api/auth/login', { email, password: PASSWORD });
      citizens.push({ id, http });
    }
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await api?.stop();
    if (data && 'sqlitePath' in data) data.remove();
    else await data?.drop();
  });

  /** Everything written at once; the moderator closes round B after a third of its ballots were answered. */
  async function burst(label: string, options: { killAfter?: number } = {}): Promise<Outcome[]> {
    const outcomes: Outcome[] = [];
    const record = (kind: string, key: Record<string, string>, ok: boolean, status: number | string) =>
      outcomes.push({ kind, ok, status, key });
    const guard = async (kind: string, key: Record<string, string>, work: () => Promise<{ ok: boolean; status: number | string }>) => {
      try {
        const r = await work();
        record(kind, key, r.ok, r.status);
      } catch {
        record(kind, key, false, 'no answer');
      }
    };

    // Proposals that the burst supports and comments on, and the live setting, prepared first.
    const base = await Promise.all(
      [0, 1].map((i) =>
        citizens[i].http.request<{ id: string }>(
          'POST',
          '/api/proposals',
          {
            title: `${label} Grundlage ${i} für mehr Bänke`,
            body: 'Am Platz fehlen Sitzgelegenheiten für ältere Menschen.',
            fieldOfActionId: field.id,
            areaId: area.id,
          },
          201,
        ),
      ),
    );
    const upcoming = await createAssembly(admin, { registrationEnabled: true, capacity: 3 });
    // Two live assemblies (one open round each): a named round that stays open, a secret one that closes mid-burst.
    const [live, other] = [await createAssembly(admin), await createAssembly(admin)];
    const moderator = await LiveTestClient.connect({ url: api.baseUrl }, { assemblyId: live.id }, { cookie: admin.cookie });
    const closer = await LiveTestClient.connect({ url: api.baseUrl }, { assemblyId: other.id }, { cookie: admin.cookie });
    sockets.push(moderator, closer);
    await moderator.ok('assembly:set-status', { status: 'live' });
    await closer.ok('assembly:set-status', { status: 'live' });
    const named = await moderator.ok<LiveRound>('round:create', {
      question: `${label}: Bänke?`,
      type: VotingType.YesNoAbstain,
      secret: false,
    });
    const closing = await closer.ok<LiveRound>('round:create', {
      question: `${label}: Bäume?`,
      type: VotingType.YesNoAbstain,
      secret: true,
    });
    await moderator.ok('round:open', { roundId: named.id });
    await closer.ok('round:open', { roundId: closing.id });
    const liveProposal = await moderator.ok<LiveProposal>('proposal:on-behalf', {
      text: `${label}: Trinkbrunnen`,
      sourceNote: 'Karte am Eingang',
    });
    const guests = await mapLimit(Array.from({ length: GUESTS }), 8, (_, i) =>
      joinGuest(api.baseUrl, (i % 2 === 0 ? live : other).joinCode, `Gast ${label} ${i}`),
    );
    const guestSockets = await mapLimit(guests, 8, (g, i) =>
      LiveTestClient.connect({ url: api.baseUrl }, { assemblyId: (i % 2 === 0 ? live : other).id, guestToken: g.guestToken }),
    );
    sockets.push(...guestSockets);

    let closedAnswers = 0;
    let closeRound!: () => void;
    const closedRound = new Promise<LiveAck<unknown> | null>((resolve) => {
      closeRound = () => resolve(closer.emit('round:close', { roundId: closing.id }).catch(() => null));
    });
    let answered = 0;
    let killing: Promise<void> | undefined;
    const counted = () => {
      if (options.killAfter && ++answered === options.killAfter) {
        killing = api.kill();
        closeRound();
      }
    };
    const http = (c: Http, method: string, path: string, body?: unknown) => async () => {
      const r = await c.send<{ id?: string; supported?: boolean }>(method, path, body);
      counted();
      return { ok: r.status >= 200 && r.status < 300, status: r.status, body: r.body };
    };
    const ack = (socket: LiveTestClient, event: string, payload: unknown) => async () => {
      const r = (await socket.emit(event, payload, 60_000)) as LiveAck<unknown>;
      counted();
      return { ok: r.ok, status: r.ok ? 'ok' : r.error.code };
    };

    const work: Array<Promise<void>> = [];
    citizens.forEach((c, i) => {
      const title = `${label} Vorschlag ${i} für den Quartiersplatz`;
      work.push(
        guard('proposal', { title, authorId: c.id }, async () => {
          const r = await http(c.http, 'POST', '/api/proposals', {
            title,
            body: 'Mehr Schatten und Wasser am Platz.',
            fieldOfActionId: field.id,
            areaId: area.id,
          })();
          return r;
        }),
      );
      // Refused by validation: an area that does not exist; it must leave nothing behind.
      const refusedTitle = `${label} Abgelehnt ${i} ohne gültiges Gebiet`;
      work.push(
        guard(
          'proposal',
          { title: refusedTitle, authorId: c.id },
          http(c.http, 'POST', '/api/proposals', {
            title: refusedTitle,
            body: 'Dieser Vorschlag nennt ein Gebiet, das es nicht gibt.',
            fieldOfActionId: field.id,
            areaId: randomUUID(),
          }),
        ),
      );
      for (const p of base)
        work.push(guard('support', { proposalId: p.id, userId: c.id }, http(c.http, 'PUT', `/api/proposals/${p.id}/support`)));
      const body = `${label} Kommentar ${i}: gute Idee`;
      work.push(guard('comment', { body, authorId: c.id }, http(c.http, 'POST', `/api/proposals/${base[i % 2].id}/comments`, { body })));
      work.push(
        guard(
          'registration',
          { assemblyId: upcoming.id, userId: c.id },
          http(c.http, 'PUT', `/api/assemblies/${upcoming.id}/registration`),
        ),
      );
    });
    guestSockets.forEach((socket, i) => {
      const participantId = guests[i].participant.id;
      const choice = (round: LiveRound) => round.options[i % round.options.length].id;
      if (i % 2 === 0) {
        work.push(
          guard(
            'named ballot',
            { roundId: named.id, participantId },
            ack(socket, 'ballot:cast', { roundId: named.id, optionIds: [choice(named)], idempotencyKey: randomUUID() }),
          ),
        );
      } else {
        work.push(
          guard('closing ballot', { roundId: closing.id, participantId }, async () => {
            // The first phones vote while the moderator closes the round; the later ones after it closed.
            if (i >= GUESTS / 2) await closedRound;
            const r = await ack(socket, 'ballot:cast', {
              roundId: closing.id,
              optionIds: [choice(closing)],
              idempotencyKey: randomUUID(),
            })();
            if (++closedAnswers === 1) closeRound();
            return r;
          }),
        );
      }
      if (i % 3 === 0)
        work.push(guard('speaker', { assemblyId: (i % 2 === 0 ? live : other).id, participantId }, ack(socket, 'speaker:request', {})));
      if (i % 4 === 0)
        work.push(
          guard(
            'live support',
            { liveProposalId: liveProposal.id, participantId },
            ack(socket, 'proposal:support', { proposalId: liveProposal.id, support: true }),
          ),
        );
    });
    await Promise.all(work);
    if (!options.killAfter) expect(await closedRound).toEqual(expect.objectContaining({ ok: true }));
    await killing;
    guestSockets.forEach((s) => s.close());
    moderator.close();
    closer.close();
    return outcomes;
  }

  /** Every acknowledged write is in the database, every refused one is not; every stored count equals its rows. */
  async function expectDatabaseMatches(outcomes: Outcome[], options: { unanswered: 'absent' | 'either' }) {
    const count = async (sql: string, params: unknown[]) => Number((await query<{ n: number | string }>(sql, params))[0].n);
    const sqlFor: Record<string, string> = {
      proposal: 'SELECT COUNT(*) AS "n" FROM proposals WHERE "title" = $1 AND "authorId" = $2',
      support: 'SELECT COUNT(*) AS "n" FROM proposal_supports WHERE "proposalId" = $1 AND "userId" = $2',
      comment: 'SELECT COUNT(*) AS "n" FROM comments WHERE "body" = $1 AND "authorId" = $2',
      registration: `SELECT COUNT(*) AS "n" FROM assembly_registrations WHERE "assemblyId" = $1 AND "userId" = $2 AND "status" <> 'cancelled'`,
      'named ballot': 'SELECT COUNT(*) AS "n" FROM open_ballots WHERE "roundId" = $1 AND "participantId" = $2',
      'closing ballot': 'SELECT COUNT(*) AS "n" FROM ballot_receipts WHERE "roundId" = $1 AND "participantId" = $2',
      speaker: 'SELECT COUNT(*) AS "n" FROM speaker_requests WHERE "assemblyId" = $1 AND "participantId" = $2',
      'live support': 'SELECT COUNT(*) AS "n" FROM live_proposal_supports WHERE "liveProposalId" = $1 AND "participantId" = $2',
    };
    const wrong: string[] = [];
    for (const o of outcomes) {
      const n = await count(sqlFor[o.kind], Object.values(o.key));
      const answered = o.status !== 'no answer';
      if (o.ok && n !== 1) wrong.push(`acknowledged ${o.kind} ${JSON.stringify(o.key)} found ${n} times`);
      if (!o.ok && answered && n !== 0) wrong.push(`refused ${o.kind} (${o.status}) ${JSON.stringify(o.key)} found ${n} times`);
      if (!answered && options.unanswered === 'absent' && n !== 0) wrong.push(`unanswered ${o.kind} found`);
      if (!answered && n > 1) wrong.push(`unanswered ${o.kind} ${JSON.stringify(o.key)} found ${n} times`);
    }
    expect(wrong).toEqual([]);
    // No server error among the answers: every refusal had a reason a person can act on.
    expect(outcomes.filter((o) => (typeof o.status === 'number' && o.status >= 500) || o.status === ErrorCode.Internal)).toEqual([]);
    await expectCountsEqualRows();
  }

  async function expectCountsEqualRows() {
    const drift = [
      ...(await query(
        'SELECT p."id", p."supportCount", (SELECT COUNT(*) FROM proposal_supports s WHERE s."proposalId" = p."id") AS "rows" FROM proposals p ' +
          'WHERE p."supportCount" <> (SELECT COUNT(*) FROM proposal_supports s WHERE s."proposalId" = p."id")',
        [],
      )),
      ...(await query(
        'SELECT p."id", p."commentCount" FROM proposals p ' +
          'WHERE p."commentCount" <> (SELECT COUNT(*) FROM comments c WHERE c."proposalId" = p."id" AND c."hiddenAt" IS NULL)',
        [],
      )),
      ...(await query(
        'SELECT l."id", l."supportCount" FROM live_proposals l ' +
          'WHERE l."supportCount" <> (SELECT COUNT(*) FROM live_proposal_supports s WHERE s."liveProposalId" = l."id")',
        [],
      )),
      ...(await query(
        // One point per ballot in yes/no rounds: their tally adds up to the number of receipts.
        `SELECT r."id" FROM voting_rounds r WHERE r."type" = '${VotingType.YesNoAbstain}' AND (SELECT COALESCE(SUM(t."online"), 0) FROM round_tallies t WHERE t."roundId" = r."id") <> ` +
          '(SELECT COUNT(*) FROM ballot_receipts b WHERE b."roundId" = r."id")',
        [],
      )),
    ];
    expect(drift).toEqual([]);
  }

  it('keeps every acknowledged write of a mixed burst, refused ones leave nothing, and all of it survives a graceful restart', async () => {
    const outcomes = await burst('Erster');
    const kinds = new Set(outcomes.map((o) => o.kind));
    expect(kinds.size).toBe(8);
    // The experiment has both sides: writes that succeeded and writes that were refused.
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThan(40);
    expect(outcomes.filter((o) => o.kind === 'closing ballot').map((o) => o.status)).toContain(ErrorCode.RoundClosed);
    expect(outcomes.filter((o) => o.status === 422).length).toBe(CITIZENS);
    expect(outcomes.filter((o) => o.status === 'no answer')).toEqual([]);
    await expectDatabaseMatches(outcomes, { unanswered: 'absent' });
    // Capacity 3: three confirmed, the rest on the waiting list — never more.
    const [confirmed] = await query<{ n: number | string }>(
      `SELECT COUNT(*) AS "n" FROM assembly_registrations WHERE "status" = 'confirmed' AND "assemblyId" = (SELECT "assemblyId" FROM assembly_registrations LIMIT 1)`,
      [],
    );
    expect(Number(confirmed.n)).toBe(3);

    await api.stop();
    await api.restart();
    await expectDatabaseMatches(outcomes, { unanswered: 'absent' });
    expect(api.output()).not.toMatch(LOG_PROBLEMS);
  });

  it('keeps every acknowledged write when the server is killed (kill -9) in the middle of a burst', async () => {
    const outcomes = await burst('Zweiter', { killAfter: 40 });
    expect(api.running).toBe(false);
    expect(outcomes.filter((o) => o.ok).length).toBeGreaterThanOrEqual(30);
    // Straight from the database the dead process left behind, before a restart could repair anything.
    await expectDatabaseMatches(outcomes, { unanswered: 'either' });
    await api.restart();
    await expectDatabaseMatches(outcomes, { unanswered: 'either' });
    expect(api.output()).not.toMatch(LOG_PROBLEMS);
  });

  it('repairs stored counts that differ from their rows at start-up and logs each repair', async () => {
    const [p] = await query<{ id: string; supportCount: number | string }>(
      'SELECT "id", "supportCount" FROM proposals WHERE "supportCount" > 0 ORDER BY "createdAt" LIMIT 1',
      [],
    );
    await api.stop();
    await query('UPDATE proposals SET "supportCount" = 0, "commentCount" = 99 WHERE "id" = $1', [p.id], { write: true });
    await api.restart();
    await expectCountsEqualRows();
    expect(api.output()).toContain(`Repaired proposals.supportCount of ${p.id}: stored 0, counted ${Number(p.supportCount)}`);
    expect(api.output()).toContain(`Repaired proposals.commentCount of ${p.id}: stored 99`);
  });
});
