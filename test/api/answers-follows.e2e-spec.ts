import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CITIZEN_TEXT_LICENCE,
  Language,
  OPEN_DATA_LICENCE,
  OPEN_DATA_LICENCE_URL,
  ProposalStatus,
  Role,
  type ProposalDetail,
} from '@app/shared';
import { AuditEntry } from '../../apps/api/src/modules/audit/audit-entry.entity';
import { Proposal } from '../../apps/api/src/modules/proposals/proposal.entity';
import { User } from '../../apps/api/src/modules/users/user.entity';
import { linkFrom, type ReceivedMail } from '../helpers/smtp';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';

/**
 * Official answers, merging duplicates, following with notification mails (over the real SMTP
 * listener, in the recipient's language, unsubscribable without signing in) and the open data exports.
 */

type Body = Record<string, unknown>;
interface AreaRow {
  id: string;
  name: string;
}

/** RFC 4180: quoted fields, doubled quotes, CRLF or LF records, line breaks inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe('answers, merges, follows and open data', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: ApiClient;
  let anonymous: ApiClient;
  const area = {} as Record<'nordmarkt' | 'hafen', string>;
  let fieldId: string;
  let authorDe: TestUser;
  let authorEn: TestUser;
  let followerEn: TestUser;
  let followerDe: TestUser;
  let citizen: TestUser;
  let modNord: TestUser;
  let modHafen: TestUser;
  const suffix = randomBytes(3).toString('hex');
  let n = 0;

  async function propose(user: TestUser, over: Body = {}): Promise<ProposalDetail> {
    n++;
    const res = await user.client.post('/api/proposals', {
      title: `Vorschlag ${n} ${suffix}`,
      body: 'Am Nordmarkt fehlen Sitzgelegenheiten, besonders für ältere Menschen und Eltern mit Kindern.',
      fieldOfActionId: fieldId,
      areaId: area.nordmarkt,
      ...over,
    });
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    return res.body as ProposalDetail;
  }

  const detail = async (id: string) => (await anonymous.get(`/api/proposals/${id}`).expect(200)).body as ProposalDetail;
  const answer = (client: ApiClient, id: string, status: string, explanation = 'Die Verwaltung prüft den Vorschlag sorgfältig.') =>
    client.post(`/api/proposals/${id}/answer`, { status, explanation });
  const mailsTo = (user: TestUser) => t.smtp.mails.filter((m) => m.to.includes(user.email.toLowerCase()));
  const mailsAbout = (user: TestUser, title: string) => mailsTo(user).filter((m) => m.subject.includes(title));
  const unsubscribeToken = (mail: ReceivedMail) => linkFrom(mail, '/unsubscribe').searchParams.get('token')!;

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    admin = await t.admin();
    anonymous = await t.client();
    const areas = (await anonymous.get('/api/areas?type=action_area').expect(200)).body as AreaRow[];
    area.nordmarkt = areas.find((a) => a.name === 'Nordmarkt')!.id;
    area.hafen = areas.find((a) => a.name === 'Hafen')!.id;
    const fields = (await anonymous.get('/api/fields-of-action').expect(200)).body as Array<{ id: string; code: string }>;
    fieldId = fields.find((f) => f.code === 'SZ')!.id;
    authorDe = await t.createUser({ displayName: `Autorin Geheim ${suffix}`, language: Language.German });
    authorEn = await t.createUser({ displayName: `Author Secret ${suffix}`, language: Language.English });
    followerEn = await t.createUser({ displayName: 'Follower EN', language: Language.English });
    followerDe = await t.createUser({ displayName: 'Folgerin DE', language: Language.German });
    citizen = await t.createUser({ displayName: 'Bürger' });
    modNord = await t.createUser({ role: Role.Moderator, areaIds: [area.nordmarkt], displayName: 'Moderation Nordmarkt' });
    modHafen = await t.createUser({ role: Role.Moderator, areaIds: [area.hafen], displayName: 'Moderation Hafen' });
  });
  afterAll(() => t.close());

  describe('official answers', () => {
    it('is for moderators of the area and administrators only, with a valid body', async () => {
      const p = await propose(authorDe);
      expectErrorShape((await answer(anonymous, p.id, 'evaluating').expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await answer(citizen.client, p.id, 'evaluating').expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await answer(authorDe.client, p.id, 'evaluating').expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await answer(modHafen.client, p.id, 'evaluating').expect(403)).body, 403, 'FORBIDDEN');
      for (const body of [
        { status: 'withdrawn', explanation: 'Eine ausreichend lange Begründung.' },
        { status: 'merged', explanation: 'Eine ausreichend lange Begründung.' },
        { status: 'accepted', explanation: 'zu kurz' },
        { status: 'accepted', explanation: 'x'.repeat(4001) },
        { status: 'accepted' },
        { status: 'accepted', explanation: 'Mit Steuerzeichen \u0007 darin.' },
        { status: 'accepted', explanation: 'Eine ausreichend lange Begründung.', extra: 1 },
      ]) {
        const res = await modNord.client.post(`/api/proposals/${p.id}/answer`, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      }
      expectErrorShape((await answer(modNord.client, 'not-a-uuid', 'evaluating').expect(400)).body, 400);
      expectErrorShape((await answer(modNord.client, randomUUID(), 'evaluating').expect(404)).body, 404, 'NOT_FOUND');
      expect((await detail(p.id)).status).toBe(ProposalStatus.Submitted);
    });

    it('moves submitted → evaluating → final, records the public explanation and an audit entry', async () => {
      const p = await propose(authorDe);
      const res = await answer(modNord.client, p.id, 'evaluating', 'Das Tiefbauamt prüft, ob Bänke möglich sind.').expect(200);
      expect((res.body as ProposalDetail).status).toBe(ProposalStatus.Evaluating);
      expectErrorShape((await answer(modNord.client, p.id, 'evaluating').expect(409)).body, 409, 'PROPOSAL_CLOSED');
      await answer(admin, p.id, 'accepted', 'Zwei Bänke werden im Frühjahr aufgestellt.').expect(200);
      const d = await detail(p.id);
      expect(d.status).toBe(ProposalStatus.Accepted);
      expect(d.statusHistory.map((e) => [e.status, e.explanation])).toEqual([
        [ProposalStatus.Submitted, null],
        [ProposalStatus.Evaluating, 'Das Tiefbauamt prüft, ob Bänke möglich sind.'],
        [ProposalStatus.Accepted, 'Zwei Bänke werden im Frühjahr aufgestellt.'],
      ]);
      for (const status of ['rejected', 'evaluating', 'in_project_idea'])
        expectErrorShape((await answer(modNord.client, p.id, status).expect(409)).body, 409, 'PROPOSAL_CLOSED');
      const audit = await ds.getRepository(AuditEntry).find({ where: { entityId: p.id, action: 'proposal.answer' } });
      expect(audit.map((a) => a.details)).toEqual(
        expect.arrayContaining([
          { from: 'submitted', to: 'evaluating' },
          { from: 'evaluating', to: 'accepted' },
        ]),
      );
      expect(audit.find((a) => a.details?.to === 'evaluating')!.actorId).toBe(modNord.id);
    });

    it('cannot answer a withdrawn proposal', async () => {
      const p = await propose(authorDe);
      await authorDe.client.post(`/api/proposals/${p.id}/withdraw`, {}).expect(200);
      expectErrorShape((await answer(modNord.client, p.id, 'rejected').expect(409)).body, 409, 'PROPOSAL_CLOSED');
    });
  });

  describe('follows and notification mails', () => {
    it('follows and unfollows (signed in only), idempotently', async () => {
      const p = await propose(authorDe);
      expectErrorShape((await anonymous.request('put', `/api/proposals/${p.id}/follow`).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await anonymous.delete(`/api/proposals/${p.id}/follow`).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await followerEn.client.request('put', '/api/proposals/nope/follow').expect(400)).body, 400);
      expectErrorShape((await followerEn.client.request('put', `/api/proposals/${randomUUID()}/follow`).expect(404)).body, 404);
      expect((await followerEn.client.get(`/api/proposals/${p.id}/follow`).expect(200)).body).toEqual({ following: false });
      expect((await followerEn.client.request('put', `/api/proposals/${p.id}/follow`).expect(200)).body).toEqual({ following: true });
      expect((await followerEn.client.request('put', `/api/proposals/${p.id}/follow`).expect(200)).body).toEqual({ following: true });
      expect((await followerEn.client.get(`/api/proposals/${p.id}/follow`).expect(200)).body).toEqual({ following: true });
      expect((await followerEn.client.delete(`/api/proposals/${p.id}/follow`).expect(200)).body).toEqual({ following: false });
      expect((await followerEn.client.get(`/api/proposals/${p.id}/follow`).expect(200)).body).toEqual({ following: false });
      // The author hears about their proposal without following it.
      expect((await authorDe.client.get(`/api/proposals/${p.id}/follow`).expect(200)).body).toEqual({ following: true });
    });

    it('mails author and followers once per answer, each in their language, with explanation and links', async () => {
      const p = await propose(authorDe);
      await followerEn.client.request('put', `/api/proposals/${p.id}/follow`).expect(200);
      await followerDe.client.request('put', `/api/proposals/${p.id}/follow`).expect(200);
      // The author following explicitly as well must not double the mail.
      await authorDe.client.request('put', `/api/proposals/${p.id}/follow`).expect(200);
      const explanation = 'Das Grünflächenamt prüft <Standorte> & Kosten bis Ende März.';
      await answer(modNord.client, p.id, 'evaluating', explanation).expect(200);

      const de = await t.smtp.waitFor(authorDe.email, (m) => m.subject.includes(p.title));
      expect(mailsAbout(authorDe, p.title)).toHaveLength(1);
      expect(de.subject).toBe(`Neuigkeiten zu „${p.title}“: wird geprüft`);
      expect(de.text).toContain('Hallo Autorin Geheim');
      expect(de.text).toContain(explanation);
      expect(de.text).toContain(`${t.url}/proposals/${p.id}`);
      expect(de.html).toContain('&lt;Standorte&gt; &amp; Kosten');
      expect(de.html).not.toContain('<Standorte>');
      expect(linkFrom(de, '/unsubscribe').origin).toBe(t.url);

      const en = await t.smtp.waitFor(followerEn.email, (m) => m.subject.includes(p.title));
      expect(mailsAbout(followerEn, p.title)).toHaveLength(1);
      expect(en.subject).toBe(`News about "${p.title}": being evaluated`);
      expect(en.text).toContain('Hello Follower EN');
      expect(en.text).toContain(explanation);
      const de2 = await t.smtp.waitFor(followerDe.email, (m) => m.subject.includes(p.title));
      expect(de2.subject).toContain('wird geprüft');
      expect(mailsAbout(followerDe, p.title)).toHaveLength(1);
      // Neither the acting moderator nor anybody else got one.
      expect(mailsAbout(modNord, p.title)).toHaveLength(0);
      expect(mailsAbout(citizen, p.title)).toHaveLength(0);
      expect(t.smtp.mails.filter((m) => m.subject.includes(p.title))).toHaveLength(3);

      await answer(modNord.client, p.id, 'rejected', 'Leider fehlt der Platz auf dem Gehweg.').expect(200);
      const rejected = await t.smtp.waitFor(followerEn.email, (m) => m.subject.includes(': rejected'));
      expect(rejected.text).toContain('Leider fehlt der Platz auf dem Gehweg.');
      // Each recipient's mail is delivered on its own: wait for the author's too before counting.
      await t.smtp.waitFor(authorDe.email, (m) => m.subject.includes(p.title) && m.text.includes('Leider fehlt'));
      expect(mailsAbout(followerEn, p.title)).toHaveLength(2);
      expect(mailsAbout(authorDe, p.title)).toHaveLength(2);
    });

    it('unsubscribes by the mailed link without signing in, and no further mails arrive', async () => {
      const p = await propose(authorEn);
      await followerDe.client.request('put', `/api/proposals/${p.id}/follow`).expect(200);
      await followerEn.client.request('put', `/api/proposals/${p.id}/follow`).expect(200);
      await answer(modNord.client, p.id, 'evaluating').expect(200);
      const toAuthor = await t.smtp.waitFor(authorEn.email, (m) => m.subject.includes(p.title));
      expect(toAuthor.subject).toContain('being evaluated');
      const toFollower = await t.smtp.waitFor(followerDe.email, (m) => m.subject.includes(p.title));

      const stranger = await t.client();
      for (const mail of [toAuthor, toFollower]) {
        const token = unsubscribeToken(mail);
        expect((await stranger.post('/api/follows/unsubscribe', { token }).expect(200)).body).toEqual({ following: false });
        // Clicking twice is fine.
        expect((await stranger.post('/api/follows/unsubscribe', { token }).expect(200)).body).toEqual({ following: false });
      }
      expectErrorShape((await stranger.post('/api/follows/unsubscribe', { token: 'x'.repeat(43) }).expect(400)).body, 400, 'TOKEN_INVALID');
      expectErrorShape(
        (await stranger.post('/api/follows/unsubscribe', { token: 'bad token!' }).expect(400)).body,
        400,
        'VALIDATION_FAILED',
      );
      expectErrorShape((await stranger.post('/api/follows/unsubscribe', {}).expect(400)).body, 400, 'VALIDATION_FAILED');
      expect((await authorEn.client.get(`/api/proposals/${p.id}/follow`).expect(200)).body).toEqual({ following: false });
      expect((await followerDe.client.get(`/api/proposals/${p.id}/follow`).expect(200)).body).toEqual({ following: false });

      await answer(modNord.client, p.id, 'accepted', 'Wird im nächsten Haushaltsjahr umgesetzt.').expect(200);
      // The remaining follower still gets it: proof that mail went out for this event at all.
      await t.smtp.waitFor(followerEn.email, (m) => m.subject.includes(p.title) && m.subject.includes('accepted'));
      expect(mailsAbout(authorEn, p.title)).toHaveLength(1);
      expect(mailsAbout(followerDe, p.title)).toHaveLength(1);
      expect(mailsAbout(followerEn, p.title)).toHaveLength(2);
    });

    it('sends nothing to deleted accounts', async () => {
      const gone = await t.createUser({ displayName: 'Bald weg' });
      const p = await propose(gone);
      await followerEn.client.request('put', `/api/proposals/${p.id}/follow`).expect(200);
      await ds.getRepository(User).update({ id: gone.id }, { email: null, displayName: null, deletedAt: new Date() });
      const before = t.smtp.mails.length;
      await answer(modNord.client, p.id, 'rejected', 'Das liegt nicht in der Zuständigkeit der Stadt.').expect(200);
      await t.smtp.waitFor(followerEn.email, (m) => m.subject.includes(p.title));
      expect(t.smtp.mails.slice(before).filter((m) => m.subject.includes(p.title))).toHaveLength(1);
      expect(mailsAbout(gone, p.title)).toHaveLength(0);
    });
  });

  describe('merging duplicates', () => {
    it('moves supports without counting anyone twice, moves followers and notifies the duplicate’s people', async () => {
      const a = await propose(authorDe);
      const b = await propose(authorEn);
      const both = await t.createUser({ displayName: 'Unterstützt beide' });
      const onlyB = await t.createUser({ displayName: 'Unterstützt B' });
      for (const u of [both, onlyB, authorDe]) await u.client.request('put', `/api/proposals/${b.id}/support`).expect(200);
      await both.client.request('put', `/api/proposals/${a.id}/support`).expect(200);
      await followerDe.client.request('put', `/api/proposals/${b.id}/follow`).expect(200);
      expect((await detail(a.id)).supportCount).toBe(1);
      expect((await detail(b.id)).supportCount).toBe(3);

      const url = `/api/proposals/${b.id}/merge`;
      expectErrorShape((await anonymous.post(url, { intoId: a.id }).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await citizen.client.post(url, { intoId: a.id }).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await modHafen.client.post(url, { intoId: a.id }).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await modNord.client.post(url, { intoId: 'nope' }).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await modNord.client.post(url, {}).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await modNord.client.post(url, { intoId: randomUUID() }).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await modNord.client.post(url, { intoId: b.id }).expect(422)).body, 422, 'MERGE_INVALID');
      // Scope is checked first: another area's moderator learns nothing about the proposal.
      expectErrorShape((await modHafen.client.post(url, { intoId: b.id }).expect(403)).body, 403, 'FORBIDDEN');

      const res = await modNord.client.post(url, { intoId: a.id, explanation: 'Gleiches Anliegen, gleicher Ort.' }).expect(200);
      const merged = res.body as ProposalDetail;
      expect(merged.status).toBe(ProposalStatus.Merged);
      expect(merged.mergedInto).toEqual({ id: a.id, title: a.title });
      expect(merged.supportCount).toBe(0);
      expect(merged.statusHistory.at(-1)).toEqual(
        expect.objectContaining({
          status: ProposalStatus.Merged,
          explanation: 'Gleiches Anliegen, gleicher Ort.',
        }),
      );
      const target = await detail(a.id);
      // both (once) + onlyB; A's own author is not added as a supporter of A.
      expect(target.supportCount).toBe(2);
      expect(target.status).toBe(ProposalStatus.Submitted);
      expect((await both.client.get(`/api/proposals/${a.id}`).expect(200)).body.viewer.supported).toBe(true);
      expect((await onlyB.client.get(`/api/proposals/${a.id}`).expect(200)).body.viewer.supported).toBe(true);
      expect((await authorDe.client.get(`/api/proposals/${a.id}`).expect(200)).body.viewer.supported).toBe(false);
      const row = await ds.getRepository(Proposal).findOneByOrFail({ id: b.id });
      expect(row.mergedIntoId).toBe(a.id);

      // The duplicate's author (English) and follower (German) get one mail each; A's author none.
      const toAuthorB = await t.smtp.waitFor(authorEn.email, (m) => m.subject === `"${b.title}" has been merged`);
      expect(toAuthorB.text).toContain(a.title);
      expect(toAuthorB.text).toContain('Gleiches Anliegen, gleicher Ort.');
      expect(toAuthorB.text).toContain(`${t.url}/proposals/${a.id}`);
      const toFollower = await t.smtp.waitFor(followerDe.email, (m) => m.subject === `„${b.title}“ wurde zusammengeführt`);
      expect(mailsAbout(authorEn, b.title)).toHaveLength(1);
      expect(mailsAbout(followerDe, b.title)).toHaveLength(1);
      expect(mailsAbout(authorDe, b.title)).toHaveLength(0);
      const audit = await ds.getRepository(AuditEntry).findOneByOrFail({ entityId: b.id, action: 'proposal.merge' });
      expect(audit.actorId).toBe(modNord.id);

      // Both now follow A and hear about its answer; A's author too, once.
      for (const u of [followerDe, authorEn])
        expect((await u.client.get(`/api/proposals/${a.id}/follow`).expect(200)).body).toEqual({ following: true });
      await answer(modNord.client, a.id, 'evaluating', 'Wird gemeinsam mit dem Duplikat geprüft.').expect(200);
      await t.smtp.waitFor(followerDe.email, (m) => m.subject.includes(a.title));
      await t.smtp.waitFor(authorEn.email, (m) => m.subject.includes(a.title));
      await t.smtp.waitFor(authorDe.email, (m) => m.subject.includes(a.title));
      expect(mailsAbout(authorDe, a.title)).toHaveLength(1);

      // The link in the merge mail still works after a newer mail (one token per mail) and stops mails about A.
      await anonymous.post('/api/follows/unsubscribe', { token: unsubscribeToken(toFollower) }).expect(200);
      expect((await followerDe.client.get(`/api/proposals/${a.id}/follow`).expect(200)).body).toEqual({ following: false });
    });

    it('refuses merging a merged or withdrawn proposal, into one, and chains', async () => {
      const a = await propose(authorDe);
      const b = await propose(authorDe);
      const c = await propose(authorDe);
      const w = await propose(authorDe);
      await authorDe.client.post(`/api/proposals/${w.id}/withdraw`, {}).expect(200);
      await modNord.client.post(`/api/proposals/${b.id}/merge`, { intoId: a.id }).expect(200);
      const cases: Array<[string, string]> = [
        [b.id, c.id], // already merged
        [c.id, b.id], // into a merged one
        [w.id, a.id], // withdrawn
        [c.id, w.id], // into a withdrawn one
        [a.id, c.id], // a chain: b → a → c
      ];
      for (const [from, into] of cases) {
        const res = await admin.post(`/api/proposals/${from}/merge`, { intoId: into });
        expect({ from, into, status: res.status }).toEqual({ from, into, status: 422 });
        expectErrorShape(res.body, 422, 'MERGE_INVALID');
      }
    });

    it('needs the moderator to moderate both areas', async () => {
      const a = await propose(authorDe, { areaId: area.hafen });
      const b = await propose(authorDe);
      expectErrorShape((await modNord.client.post(`/api/proposals/${b.id}/merge`, { intoId: a.id }).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await modHafen.client.post(`/api/proposals/${b.id}/merge`, { intoId: a.id }).expect(403)).body, 403, 'FORBIDDEN');
      await admin.post(`/api/proposals/${b.id}/merge`, { intoId: a.id }).expect(200);
    });
  });

  describe('open data exports', () => {
    let tricky: ProposalDetail;
    let hidden: ProposalDetail;
    const note = `Karte Bürgerversammlung Geheimnotiz ${suffix}`;

    beforeAll(async () => {
      tricky = await propose(authorDe, {
        title: `Komma, "Zitat" ${suffix}`,
        body: '=1+1 am Anfang, dann "Anführungszeichen", Kommas\nund eine zweite Zeile mit Umlauten: äöü ß.',
      });
      await answer(modNord.client, tricky.id, 'evaluating', 'Öffentliche Begründung, mit Komma.').expect(200);
      hidden = await propose(authorEn, { title: `Versteckt ${suffix}` });
      await ds.getRepository(Proposal).update({ id: hidden.id }, { hiddenAt: new Date(), hiddenReason: 'Beleidigung' });
      await modNord.client
        .post('/api/proposals/on-behalf', {
          title: `Auf Papier ${suffix}`,
          body: 'Eingereicht auf einer Karte bei der Bürgerversammlung am Nordmarkt.',
          fieldOfActionId: fieldId,
          areaId: area.nordmarkt,
          sourceNote: note,
        })
        .expect(201);
    });

    const personal = () => [authorDe.email, authorEn.email, authorDe.id, authorEn.id, `Geheim ${suffix}`, `Secret ${suffix}`, note];

    it('publishes JSON with licence and timestamp, without personal data or hidden proposals', async () => {
      const started = Date.now();
      const res = await anonymous.get('/api/proposals/export.json').expect(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="vorschlaege-\d{4}-\d{2}-\d{2}\.json"$/);
      const { meta, proposals } = res.body as { meta: Record<string, unknown>; proposals: Array<Record<string, unknown>> };
      expect(meta).toEqual({
        licence: OPEN_DATA_LICENCE,
        licenceUrl: OPEN_DATA_LICENCE_URL,
        contentLicence: expect.objectContaining({ licence: CITIZEN_TEXT_LICENCE, columns: ['title', 'body'] }),
        generatedAt: expect.any(String),
        count: proposals.length,
      });
      expect(Date.parse(meta.generatedAt as string)).toBeGreaterThanOrEqual(started - 1000);
      const row = proposals.find((p) => p.id === tricky.id)!;
      expect(row).toEqual({
        id: tricky.id,
        title: tricky.title,
        body: expect.stringContaining('=1+1 am Anfang'),
        status: 'evaluating',
        fieldOfActionCode: 'SZ',
        areaCode: expect.any(String),
        areaName: 'Nordmarkt',
        supportCount: 0,
        commentCount: 0,
        createdAt: tricky.createdAt,
        statusExplanation: 'Öffentliche Begründung, mit Komma.',
      });
      expect(proposals.some((p) => p.id === hidden.id)).toBe(false);
      expect(proposals.find((p) => p.title === `Auf Papier ${suffix}`)!.statusExplanation).toBeNull();
      const text = JSON.stringify(res.body);
      for (const secret of personal()) expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
    });

    it('publishes CSV that parses back, with licence and timestamp, without personal data', async () => {
      const res = await anonymous.get('/api/proposals/export.csv').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="vorschlaege-\d{4}-\d{2}-\d{2}\.csv"$/);
      expect(res.headers.link).toBe(`<${OPEN_DATA_LICENCE_URL}>; rel="license"`);
      for (const secret of personal()) expect({ secret, found: res.text.includes(secret) }).toEqual({ secret, found: false });
      const [header, ...rows] = parseCsv(res.text);
      expect(header).toEqual([
        'id',
        'title',
        'body',
        'status',
        'fieldOfActionCode',
        'areaCode',
        'areaName',
        'supportCount',
        'commentCount',
        'createdAt',
        'statusExplanation',
        'licence',
        'licenceUrl',
        'generatedAt',
        'textLicence',
        'textLicenceUrl',
        'textAttribution',
      ]);
      const json = (await anonymous.get('/api/proposals/export.json').expect(200)).body as { proposals: unknown[] };
      expect(rows).toHaveLength(json.proposals.length);
      for (const r of rows) expect(r).toHaveLength(header.length);
      const byId = new Map(rows.map((r) => [r[0], Object.fromEntries(header.map((h, i) => [h, r[i]]))]));
      const row = byId.get(tricky.id)!;
      expect(row.title).toBe(tricky.title);
      // Formula-like cells are defused for spreadsheets; everything else is verbatim, line breaks included.
      expect(row.body).toBe(`'${tricky.body}`);
      expect(row.statusExplanation).toBe('Öffentliche Begründung, mit Komma.');
      expect(row.licence).toBe(OPEN_DATA_LICENCE);
      expect(row.licenceUrl).toBe(OPEN_DATA_LICENCE_URL);
      // Titles and bodies are the citizens' works: the file names their licence too.
      expect(row.textLicence).toBe(CITIZEN_TEXT_LICENCE);
      expect(Number.isNaN(Date.parse(row.generatedAt))).toBe(false);
      expect(byId.has(hidden.id)).toBe(false);
    });

    it('gives administrators pseudonym, on-behalf flag and source note; nobody else', async () => {
      for (const path of ['/api/admin/proposals/export.json', '/api/admin/proposals/export.csv']) {
        expectErrorShape((await anonymous.get(path).expect(401)).body, 401, 'UNAUTHENTICATED');
        expectErrorShape((await citizen.client.get(path).expect(403)).body, 403, 'FORBIDDEN');
        expectErrorShape((await modNord.client.get(path).expect(403)).body, 403, 'FORBIDDEN');
      }
      const json = (await admin.get('/api/admin/proposals/export.json').expect(200)).body as {
        meta: { licence: string };
        proposals: Array<Record<string, unknown>>;
      };
      expect(json.meta.licence).toBe(OPEN_DATA_LICENCE);
      expect(json.proposals.find((p) => p.id === tricky.id)).toEqual(
        expect.objectContaining({ authorPseudonym: `Autorin Geheim ${suffix}`, submittedOnBehalf: false, sourceNote: null }),
      );
      expect(json.proposals.find((p) => p.title === `Auf Papier ${suffix}`)).toEqual(
        expect.objectContaining({ authorPseudonym: null, submittedOnBehalf: true, sourceNote: note }),
      );
      expect(JSON.stringify(json)).not.toContain(authorDe.email);
      const csv = await admin.get('/api/admin/proposals/export.csv').expect(200);
      const [header, ...rows] = parseCsv(csv.text);
      expect(header).toEqual(expect.arrayContaining(['authorPseudonym', 'submittedOnBehalf', 'sourceNote', 'licence', 'generatedAt']));
      const paper = rows.find((r) => r[1] === `Auf Papier ${suffix}`)!;
      expect(paper[header.indexOf('sourceNote')]).toBe(note);
      expect(paper[header.indexOf('submittedOnBehalf')]).toBe('true');
    });

    it('does not let the export paths fall through to GET /api/proposals/:id', async () => {
      for (const path of ['/api/proposals/export.csv', '/api/proposals/export.json']) {
        const res = await citizen.client.get(path);
        expect({ path, status: res.status }).toEqual({ path, status: 200 });
      }
    });
  });
});
