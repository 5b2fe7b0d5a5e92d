import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Language, Role, VotingType, type LiveProposal, type LiveRound, type LiveSpeaker, type ProposalDetail } from '@app/shared';
import { TransactionRunner } from '../../apps/api/src/database/transactions';
import { RetentionService } from '../../apps/api/src/modules/retention/retention.service';
import { startTestApp, uniqueEmail, type TestApp, type TestUser } from './helpers/app';
import { tinyPng } from './helpers/files';
import { apply, areaRefs, day, move, openFund, REASON, toAgenda } from './helpers/funds';
import { createAssembly, joinAsGuest, LiveTestClient } from './helpers/live';

jest.setTimeout(180_000);

const DAY = 24 * 3600_000;
const ago = (ms: number) => new Date(Date.now() - ms);

/**
 * The scheduled clean-up (RetentionService), called directly with the real clock; what should count
 * as old is made old by moving its timestamps back in the database. Each case builds rows just past
 * and just short of their period and checks that exactly the expired ones go, while votes, tallies
 * and counts stay as they were.
 */
describe('retention: the scheduled clean-up of personal data', () => {
  let t: TestApp;
  let ds: DataSource;
  let retention: RetentionService;
  let moderator: TestUser;
  let citizen: TestUser;
  const sockets: LiveTestClient[] = [];

  /** Runs a statement with $1… placeholders on either database (SQLite takes them as well). */
  const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => ds.query(query, params) as Promise<T[]>;
  /** A timestamp as the column stores it (SQLite compares TypeORM's UTC text). */
  const stamp = (date: Date) => (t.config.database.type === 'postgres' ? date : date.toISOString().replace('T', ' ').replace('Z', ''));

  beforeAll(async () => {
    t = await startTestApp({ RETENTION_INTERVAL_MINUTES: '0' });
    ds = t.app.get(DataSource);
    retention = t.app.get(RetentionService);
    moderator = await t.createUser({ role: Role.Moderator, displayName: 'Moderatorin Marx' });
    citizen = await t.createUser({ displayName: 'Bürgerin Böhm' });
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.close();
  });

  it('serves the periods in force, with the documented defaults', async () => {
    const res = await (await t.client()).get('/api/privacy/retention').expect(200);
    expect(res.body).toEqual({
      guestDays: 30,
      unverifiedAccountDays: 7,
      tokenDays: 1,
      unsubscribeTokenDays: 180,
      sentMailDays: 14,
      sessionHours: 336,
      fundContactYears: 5,
    });
  });

  describe('guests of closed assemblies', () => {
    /** Runs a whole assembly: two guests and an account propose, support, vote and speak; then it closes. */
    async function closedAssembly(prefix: string) {
      const assembly = await createAssembly(t, moderator.client, { title: `Versammlung ${prefix}` });
      const mod = await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: moderator.client });
      sockets.push(mod);
      await mod.ok('assembly:set-status', { status: 'live' });
      const guests = [];
      for (const name of [`${prefix} Anna Gast`, `${prefix} Ben Gast`]) {
        const joined = await joinAsGuest(t, assembly.joinCode, name);
        const socket = await LiveTestClient.ready(t, { assemblyId: assembly.id, guestToken: joined.guestToken });
        sockets.push(socket);
        guests.push({ joined, socket });
      }
      await citizen.client.post('/api/assemblies/join', { code: assembly.joinCode }).expect(200);
      const carla = await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: citizen.client });
      sockets.push(carla);
      const [anna, ben] = guests;

      await mod.ok('item:set', { agendaItemId: assembly.agenda[1].id });
      await mod.ok('intake:set', { open: true });
      const proposal = await anna.socket.ok<LiveProposal>('proposal:submit', { text: `${prefix}: Mehr Bänke am Platz` });
      await mod.ok('proposal:moderate', { proposalId: proposal.id, decision: 'approve' });
      await ben.socket.ok('proposal:support', { proposalId: proposal.id, support: true });
      await carla.ok('proposal:support', { proposalId: proposal.id, support: true });
      await mod.ok('intake:set', { open: false });

      await mod.ok('item:set', { agendaItemId: assembly.agenda[2].id });
      const open = await mod.ok<LiveRound>('round:create', { question: 'Begrünen?', type: VotingType.YesNoAbstain, secret: false });
      await mod.ok('round:open', { roundId: open.id });
      for (const [c, option] of [
        [anna.socket, 'yes'],
        [ben.socket, 'no'],
        [carla, 'yes'],
      ] as const) {
        await c.ok('ballot:cast', { roundId: open.id, optionIds: [option], idempotencyKey: randomUUID() });
      }
      await mod.ok('round:close', { roundId: open.id });
      await mod.ok('round:publish', { roundId: open.id });
      const secret = await mod.ok<LiveRound>('round:create', { question: 'Geheim?', type: VotingType.YesNoAbstain, secret: true });
      await mod.ok('round:open', { roundId: secret.id });
      await anna.socket.ok('ballot:cast', { roundId: secret.id, optionIds: ['no'], idempotencyKey: randomUUID() });
      await ben.socket.ok('ballot:cast', { roundId: secret.id, optionIds: ['no'], idempotencyKey: randomUUID() });
      await mod.ok('round:close', { roundId: secret.id });
      await mod.ok('round:publish', { roundId: secret.id });

      const speaker = await anna.socket.ok<LiveSpeaker>('speaker:request');
      await mod.ok('speaker:start', { speakerId: speaker.id });
      await mod.ok('speaker:stop');
      await mod.ok('assembly:set-status', { status: 'closed' });
      return { assembly, anna, ben, proposal };
    }

    /** Everything the results and the minutes count, per assembly. */
    async function counts(assemblyId: string) {
      const [tallies, receipts, openBallots, supports, proposals, participants, speakers] = await Promise.all([
        sql(
          `SELECT t."roundId", t."optionId", t."online", t."hall" FROM "round_tallies" t JOIN "voting_rounds" r ON r."id" = t."roundId"
           WHERE r."assemblyId" = $1 ORDER BY t."roundId", t."optionId"`,
          [assemblyId],
        ),
        sql(`SELECT COUNT(*) AS n FROM "ballot_receipts" b JOIN "voting_rounds" r ON r."id" = b."roundId" WHERE r."assemblyId" = $1`, [
          assemblyId,
        ]),
        sql(
          `SELECT o."choices" FROM "open_ballots" o JOIN "voting_rounds" r ON r."id" = o."roundId" WHERE r."assemblyId" = $1 ORDER BY o."choices"`,
          [assemblyId],
        ),
        sql(
          `SELECT COUNT(*) AS n FROM "live_proposal_supports" s JOIN "live_proposals" p ON p."id" = s."liveProposalId" WHERE p."assemblyId" = $1`,
          [assemblyId],
        ),
        sql(`SELECT "text", "supportCount", "status" FROM "live_proposals" WHERE "assemblyId" = $1 ORDER BY "text"`, [assemblyId]),
        sql(`SELECT "presence", "checkedIn" FROM "assembly_participants" WHERE "assemblyId" = $1 ORDER BY "joinedAt"`, [assemblyId]),
        sql(`SELECT "status", "startedAt", "endedAt" FROM "speaker_requests" WHERE "assemblyId" = $1`, [assemblyId]),
      ]);
      return JSON.parse(JSON.stringify({ tallies, receipts, openBallots, supports, proposals, participants, speakers }));
    }

    it('removes names and device credentials after the period, keeps every vote, tally and count', async () => {
      const old = await closedAssembly('Alt');
      const recent = await closedAssembly('Neu');
      // The old one closed 31 days ago, the recent one 29 days ago (the period is 30 days).
      await sql(`UPDATE "assemblies" SET "updatedAt" = $1 WHERE "id" = $2`, [stamp(ago(31 * DAY)), old.assembly.id]);
      await sql(`UPDATE "assemblies" SET "updatedAt" = $1 WHERE "id" = $2`, [stamp(ago(29 * DAY)), recent.assembly.id]);
      const before = { old: await counts(old.assembly.id), recent: await counts(recent.assembly.id) };
      const minutesBefore = (await (await t.client()).get(`/api/assemblies/${old.assembly.id}/minutes.md`).expect(200)).text;
      expect(minutesBefore).toContain('Alt Anna Gast');

      const report = await retention.run();
      expect(report).toMatchObject({ guestsAnonymised: 2 });

      const people = (assemblyId: string) =>
        sql<{ guestName: string | null; guestTokenHash: string | null; userId: string | null }>(
          `SELECT "guestName", "guestTokenHash", "userId" FROM "assembly_participants" WHERE "assemblyId" = $1 ORDER BY "joinedAt"`,
          [assemblyId],
        );
      const oldPeople = await people(old.assembly.id);
      expect(oldPeople.map((p) => [p.guestName, p.guestTokenHash, p.userId])).toEqual([
        [null, null, null],
        [null, null, null],
        [null, null, citizen.id],
      ]);
      const recentPeople = await people(recent.assembly.id);
      expect(recentPeople.map((p) => p.guestName)).toEqual(['Neu Anna Gast', 'Neu Ben Gast', null]);
      expect(recentPeople.filter((p) => p.guestTokenHash).length).toBe(2);

      // Votes, tallies, supports, proposals, attendance and speaking times: unchanged in both.
      expect({ old: await counts(old.assembly.id), recent: await counts(recent.assembly.id) }).toEqual(before);
      expect(Number(before.old.receipts[0].n)).toBe(5);
      expect(before.old.tallies.filter((x: { online: number }) => x.online > 0).length).toBeGreaterThan(0);

      // No copy of a name in the log or the minutes; the results are still there.
      const log = await sql<{ data: string }>(`SELECT "data" FROM "assembly_events" WHERE "assemblyId" = $1`, [old.assembly.id]);
      expect(log.map((e) => e.data).join('\n')).not.toMatch(/Anna Gast|Ben Gast/);
      const recentLog = await sql<{ data: string }>(`SELECT "data" FROM "assembly_events" WHERE "assemblyId" = $1`, [recent.assembly.id]);
      expect(recentLog.map((e) => e.data).join('\n')).toContain('Neu Anna Gast');
      const minutes = (await (await t.client()).get(`/api/assemblies/${old.assembly.id}/minutes.md`).expect(200)).text;
      expect(minutes).not.toMatch(/Anna Gast|Ben Gast/);
      expect(minutes).toContain('Alt: Mehr Bänke am Platz');
      expect(minutes).toContain('Begrünen?');

      // The device credential no longer gets the guest back in; the recent one still does.
      const anon = await t.client();
      const gone = await anon.post('/api/assemblies/join', { assemblyId: old.assembly.id, guestToken: old.anna.joined.guestToken });
      expect(gone.status).toBeGreaterThanOrEqual(400);
      expect(gone.status).toBeLessThan(500);
      await anon.post('/api/assemblies/join', { assemblyId: recent.assembly.id, guestToken: recent.anna.joined.guestToken }).expect(200);

      // A second run finds nothing more to do.
      expect((await retention.run())?.guestsAnonymised).toBe(0);
    });
  });

  it('deletes expired sessions only', async () => {
    const user = await t.createUser();
    const second = await t.login(user.email, user.password);
    const rows = await sql<{ id: string }>(`SELECT "id" FROM "sessions" WHERE "userId" = $1 ORDER BY "createdAt"`, [user.id]);
    expect(rows).toHaveLength(2);
    await sql(`UPDATE "sessions" SET "expiresAt" = $1 WHERE "id" = $2`, [stamp(ago(60_000)), rows[1].id]);
    const report = await retention.run();
    expect(report?.sessionsDeleted).toBe(1);
    expect((await sql(`SELECT "id" FROM "sessions" WHERE "userId" = $1`, [user.id])).map((r) => r.id)).toEqual([rows[0].id]);
    await user.client.get('/api/me').expect(200);
    await second.get('/api/me').expect(401);
  });

  it('deletes used and expired one-time links a day later, keeps the others', async () => {
    const user = await t.createUser();
    const insert = async (label: string, expiresAt: Date, usedAt: Date | null) => {
      await sql(
        `INSERT INTO "user_tokens" ("id", "userId", "purpose", "tokenHash", "expiresAt", "usedAt") VALUES ($1, $2, 'reset_password', $3, $4, $5)`,
        [randomUUID(), user.id, `${label}-${randomBytes(16).toString('hex')}`.slice(0, 64), stamp(expiresAt), usedAt && stamp(usedAt)],
      );
    };
    await insert('used-long-ago', new Date(Date.now() + DAY), ago(DAY + 60_000));
    await insert('expired-long-ago', ago(DAY + 60_000), null);
    await insert('used-recently', new Date(Date.now() + DAY), ago(3600_000));
    await insert('expired-recently', ago(3600_000), null);
    await insert('valid', new Date(Date.now() + 3600_000), null);
    const report = await retention.run();
    expect(report?.tokensDeleted).toBe(2);
    const left = await sql<{ tokenHash: string }>(`SELECT "tokenHash" FROM "user_tokens" WHERE "userId" = $1`, [user.id]);
    const labels = left.filter((r) => r.tokenHash.includes('-')).map((r) => r.tokenHash.replace(/-[0-9a-f]+$/, ''));
    expect(labels.sort()).toEqual(['expired-recently', 'used-recently', 'valid']);
  });

  it('deletes registrations never confirmed after the period, keeps confirmed and recent ones', async () => {
    const register = async () => {
      const email = uniqueEmail('unconfirmed');
      const res = await (
        await t.client()
      ).post('/api/auth/register', {
        email,
        password: 'correct horse battery',
        displayName: 'Noch Offen',
        language: Language.German,
      });
      expect(res.status).toBeLessThan(300);
      const [row] = await sql<{ id: string }>(`SELECT "id" FROM "users" WHERE "email" = $1`, [email]);
      return row.id;
    };
    const old = await register();
    const recent = await register();
    const confirmed = await t.createUser();
    for (const id of [old, confirmed.id]) {
      await sql(`UPDATE "users" SET "createdAt" = $1, "updatedAt" = $1 WHERE "id" = $2`, [stamp(ago(8 * DAY)), id]);
      await sql(`UPDATE "user_tokens" SET "expiresAt" = $1 WHERE "userId" = $2`, [stamp(ago(6 * DAY)), id]);
    }
    const report = await retention.run();
    expect(report?.unverifiedAccountsDeleted).toBe(1);
    const ids = (await sql(`SELECT "id" FROM "users" WHERE "id" IN ($1, $2, $3)`, [old, recent, confirmed.id])).map((r) => r.id);
    expect(ids.sort()).toEqual([recent, confirmed.id].sort());
    await confirmed.client.get('/api/me').expect(200);
  });

  it('deletes sent mails 14 days after sending, keeps newer ones and those given up on', async () => {
    const insert = async (state: string, sentAt: Date | null, createdAt: Date) => {
      const id = randomUUID();
      await sql(
        `INSERT INTO "outbox_mails" ("id", "to", "subject", "text", "html", "template", "language", "state", "attempts", "nextAttemptAt", "sentAt", "createdAt")
         VALUES ($1, 'someone@example.org', 'Betreff', 'Text', '<p>Text</p>', 'retention-test', 'de', $2, 1, $3, $4, $3)`,
        [id, state, stamp(createdAt), sentAt && stamp(sentAt)],
      );
      return id;
    };
    const oldSent = await insert('sent', ago(15 * DAY), ago(15 * DAY));
    const recentSent = await insert('sent', ago(13 * DAY), ago(13 * DAY));
    const failed = await insert('failed', null, ago(40 * DAY));
    const report = await retention.run();
    expect(report?.sentMailsDeleted).toBe(1);
    const left = await sql<{ id: string }>(`SELECT "id" FROM "outbox_mails" WHERE "template" = 'retention-test'`);
    expect(left.map((r) => r.id).sort()).toEqual([recentSent, failed].sort());
    expect(left.map((r) => r.id)).not.toContain(oldSent);
  });

  describe('with a proposal', () => {
    let author: TestUser;
    let proposal: ProposalDetail;

    beforeAll(async () => {
      author = await t.createUser();
      const admin = await t.admin();
      const fieldId = (await admin.get('/api/fields-of-action').expect(200)).body[0].id as string;
      const areaId = (await admin.get('/api/areas?type=action_area').expect(200)).body[0].id as string;
      proposal = (
        await author.client
          .post('/api/proposals', {
            title: 'Ein Vorschlag mit Bild',
            body: 'Ein Vorschlag mit einem Bild, und genug Text, damit die Prüfung ihn annimmt.',
            fieldOfActionId: fieldId,
            areaId,
          })
          .expect(201)
      ).body as ProposalDetail;
    });

    it('deletes unsubscribe links older than 180 days', async () => {
      const insert = async (hash: string, createdAt: Date) =>
        sql(`INSERT INTO "proposal_unsubscribe_tokens" ("tokenHash", "proposalId", "userId", "createdAt") VALUES ($1, $2, $3, $4)`, [
          hash,
          proposal.id,
          author.id,
          stamp(createdAt),
        ]);
      const oldHash = randomBytes(32).toString('hex');
      const newHash = randomBytes(32).toString('hex');
      await insert(oldHash, ago(181 * DAY));
      await insert(newHash, ago(179 * DAY));
      const report = await retention.run();
      expect(report?.unsubscribeTokensDeleted).toBe(1);
      const left = await sql<{ tokenHash: string }>(`SELECT "tokenHash" FROM "proposal_unsubscribe_tokens" WHERE "tokenHash" IN ($1, $2)`, [
        oldHash,
        newHash,
      ]);
      expect(left.map((r) => r.tokenHash)).toEqual([newHash]);
    });

    it('removes upload files without an attachment once they are a day old, nothing else', async () => {
      const uploaded = await author.client.upload(`/api/proposals/${proposal.id}/attachments`, {
        file: { data: await tinyPng(), name: 'bild.png' },
      });
      expect(uploaded.status).toBe(201);
      const id = uploaded.body.id as string;
      const dir = t.config.uploadDir;
      const fileOf = (name: string) => join(dir, name.slice(0, 2), name);
      const age = (path: string, ms: number) => utimesSync(path, ago(ms), ago(ms));
      const write = (name: string, ms: number) => {
        mkdirSync(join(dir, name.slice(0, 2)), { recursive: true });
        writeFileSync(fileOf(name), 'x');
        age(fileOf(name), ms);
        return fileOf(name);
      };
      // The attachment's own files, old: kept.
      age(fileOf(id), 2 * DAY);
      age(fileOf(`${id}.thumb.webp`), 2 * DAY);
      const orphan = randomUUID();
      const removed = [
        write(orphan, 25 * 3600_000),
        write(`${orphan}.thumb.webp`, 25 * 3600_000),
        write(`${randomUUID()}.${randomUUID()}.tmp`, 25 * 3600_000),
      ];
      // An application's attachment to an Aktionsraumfonds shares the folder: its old files are kept too.
      const admin = await t.admin();
      const areaId = (await admin.get('/api/areas?type=action_area').expect(200)).body[0].id as string;
      const fund = await admin
        .post('/api/funds', {
          areaId,
          year: 2077,
          amountCents: 100_000,
          maxPerApplicationCents: 50_000,
          applicationStart: '2000-01-01',
          applicationEnd: '2100-12-31',
        })
        .expect(201);
      const application = await author.client
        .post(`/api/funds/${fund.body.id}/applications`, {
          title: 'Antrag mit Anhang',
          purpose: 'Ein Antrag, dessen Anhang die Aufräumarbeit nicht löschen darf.',
          costItems: [{ label: 'Material', amountCents: 10_000 }],
          requestedAmountCents: 10_000,
          applicantKind: 'person',
          applicantName: 'Autorin',
          contact: { name: 'Autorin', email: null, phone: null, address: null },
        })
        .expect(201);
      const applicationFile = (
        await author.client
          .upload(`/api/applications/${application.body.id}/attachments`, { file: { data: await tinyPng(), name: 'plan.png' } })
          .expect(201)
      ).body.id as string;
      age(fileOf(applicationFile), 2 * DAY);
      // In flight (23 hours is within the grace period) and foreign files: kept.
      const kept = [write(randomUUID(), 23 * 3600_000), fileOf(id), fileOf(`${id}.thumb.webp`), fileOf(applicationFile)];
      const foreign = join(dir, 'LIESMICH.txt');
      writeFileSync(foreign, 'keep');
      utimesSync(foreign, ago(30 * DAY), ago(30 * DAY));

      const report = await retention.run();
      expect(report?.orphanUploadsDeleted).toBe(3);
      expect(removed.filter((p) => existsSync(p))).toEqual([]);
      expect([...kept, foreign].filter((p) => !existsSync(p))).toEqual([]);
      await author.client.get(`/api/proposals/${proposal.id}/attachments/${id}`).expect(200);
    });
  });

  it('erases the contact data of fund applications five years after they ended, and a private applicant’s name', async () => {
    const admin = await t.admin();
    const areaId = (await areaRefs(t)).actionAreas[0].id;
    const fund = await openFund(admin, areaId);
    const person = { applicantKind: 'person', applicantName: 'Jana Beispiel' };
    const decide = async (over: Record<string, unknown>, transition: 'reject' | 'approve' | 'withdraw') => {
      const a = await apply(citizen.client, fund.id, over);
      await toAgenda(citizen.client, admin, a.id);
      if (transition === 'withdraw') await move(citizen.client, a.id, 'withdraw', { reason: 'Wir machen es anders.' }).expect(200);
      else await move(admin, a.id, transition, { reason: REASON, decisionDate: day(0), approvedAmountCents: 50_000 }).expect(200);
      return a.id;
    };
    const yearsAgo = (years: number, plusDays: number) => {
      const at = new Date();
      at.setUTCFullYear(at.getUTCFullYear() - years);
      return new Date(at.getTime() - plusDays * DAY);
    };
    const endedLongAgo = { group: await decide({ title: 'Gruppe, abgelehnt' }, 'reject'), person: await decide(person, 'withdraw') };
    const endedRecently = await decide(person, 'reject');
    const stillRunning = await decide(person, 'approve');
    const age = (id: string, at: Date) => sql(`UPDATE "fund_applications" SET "updatedAt" = $1 WHERE "id" = $2`, [stamp(at), id]);
    await age(endedLongAgo.group, yearsAgo(5, 1));
    await age(endedLongAgo.person, yearsAgo(5, 1));
    await age(endedRecently, yearsAgo(5, -1));
    await age(stillRunning, yearsAgo(10, 0));

    const report = await retention.run();
    expect(report?.fundContactsErased).toBe(2);
    const rows = await sql<Record<string, string | null>>(
      `SELECT "id", "applicantName", "contactName", "contactEmail", "contactPhone", "contactAddress" FROM "fund_applications" WHERE "fundId" = $1`,
      [fund.id],
    );
    const byId = new Map(rows.map(({ id, ...rest }) => [id, rest]));
    const erased = { contactName: '', contactEmail: null, contactPhone: null, contactAddress: null };
    const kept = {
      contactName: 'Ayşe Beispiel',
      contactEmail: 'ayse@example.org',
      contactPhone: '0231 123456',
      contactAddress: 'Platzstraße 1, 44137 Dortmund',
    };
    expect(byId.get(endedLongAgo.group)).toEqual({ applicantName: 'Initiative Platzfest', ...erased });
    expect(byId.get(endedLongAgo.person)).toEqual({ applicantName: '', ...erased });
    expect(byId.get(endedRecently)).toEqual({ applicantName: 'Jana Beispiel', ...kept });
    expect(byId.get(stillRunning)).toEqual({ applicantName: 'Jana Beispiel', ...kept });
    // What the public and the project office see of an erased one.
    const shown = (await admin.get(`/api/applications/${endedLongAgo.person}`).expect(200)).body;
    expect({ name: shown.applicantName, contact: shown.contact, state: shown.state }).toEqual({
      name: null,
      contact: null,
      state: 'withdrawn',
    });
    expect((await retention.run())?.fundContactsErased).toBe(0);
  });

  it('is safe when several processes clean up at once', async () => {
    const user = await t.createUser();
    for (let i = 0; i < 3; i++) await t.login(user.email, user.password);
    await sql(`UPDATE "sessions" SET "expiresAt" = $1 WHERE "userId" = $2`, [stamp(ago(60_000)), user.id]);
    // A second service on the same database, as a second API process would have.
    const other = new RetentionService(ds, t.app.get(TransactionRunner), t.config);
    const reports = new Set(await Promise.all([retention.run(), other.run(), retention.run()]));
    const deleted = [...reports].reduce((sum, r) => sum + (r?.sessionsDeleted ?? 0), 0);
    expect(deleted).toBe(4);
    expect(await sql(`SELECT "id" FROM "sessions" WHERE "userId" = $1`, [user.id])).toEqual([]);
  });
});
