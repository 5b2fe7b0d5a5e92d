import { randomBytes, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Language, Role, type Page, type ProposalDetail, type ProposalSummary, type SimilarProposal } from '@app/shared';
import * as argon2 from 'argon2';
import { ProposalSupport } from '../../apps/api/src/modules/proposals/proposal-support.entity';
import { Proposal } from '../../apps/api/src/modules/proposals/proposal.entity';
import { User } from '../../apps/api/src/modules/users/user.entity';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, PASSWORD, startTestApp, uniqueEmail, type TestApp, type TestUser } from './helpers/app';

/**
 * Citizen proposals (Vorschläge): submitting, entering on behalf, editing, withdrawing,
 * supporting, the public list and the similar-proposal hints, over HTTP against the real app.
 */

interface AreaRow {
  id: string;
  type: string;
  name: string;
  parentId: string | null;
  validTo: string | null;
}
interface FieldRow {
  id: string;
  code: string;
}
type Body = Record<string, unknown>;

const fieldsOf = (body: { details?: Array<{ field: string }> }) => (body.details ?? []).map((d) => d.field).sort();
const ids = (items: Array<{ id: string }>) => items.map((i) => i.id);

describe('proposals', () => {
  let t: TestApp;
  let admin: ApiClient;
  let anonymous: ApiClient;
  /** Current Aktionsräume, a Quartier under Nordmarkt (made here), a Stadtbezirk, a retired and a future area. */
  const area = {} as Record<'nordmarkt' | 'hafen' | 'quartier' | 'district' | 'wickede' | 'future', string>;
  const field = {} as Record<'AB' | 'EK' | 'SZ' | 'inactive', string>;
  let author: TestUser;
  let other: TestUser;
  let third: TestUser;

  const valid = (over: Body = {}): Body => ({
    title: 'Mehr Sitzbänke am Nordmarkt',
    body: 'Am Nordmarkt fehlen Sitzgelegenheiten, besonders für ältere Menschen und Eltern mit Kindern.',
    fieldOfActionId: field.SZ,
    areaId: area.nordmarkt,
    ...over,
  });

  async function propose(user: TestUser | ApiClient, over: Body = {}): Promise<ProposalDetail> {
    const client = 'client' in user ? user.client : user;
    const res = await client.post('/api/proposals', valid(over));
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    return res.body as ProposalDetail;
  }

  const detail = async (client: ApiClient, id: string) => (await client.get(`/api/proposals/${id}`).expect(200)).body as ProposalDetail;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    anonymous = await t.client();

    const actionAreas = (await anonymous.get('/api/areas?type=action_area').expect(200)).body as AreaRow[];
    const byName = (rows: AreaRow[], name: string) => {
      const row = rows.find((a) => a.name === name);
      if (!row) throw new Error(`seed data: no area ${name}`);
      return row;
    };
    area.nordmarkt = byName(actionAreas, 'Nordmarkt').id;
    area.hafen = byName(actionAreas, 'Hafen').id;
    const allActionAreas = (await anonymous.get('/api/areas?type=action_area&include=all').expect(200)).body as AreaRow[];
    const wickede = byName(allActionAreas, 'Wickede');
    expect(wickede.validTo).toBe('2016-12-31');
    area.wickede = wickede.id;
    const districts = (await anonymous.get('/api/areas?type=district').expect(200)).body as AreaRow[];
    area.district = byName(districts, 'Innenstadt-Nord').id;
    const suffix = randomBytes(3).toString('hex');
    area.quartier = (
      await admin
        .post('/api/areas', {
          type: 'neighbourhood',
          code: `q-testquartier-${suffix}`,
          name: 'Testquartier am Nordmarkt',
          parentId: area.nordmarkt,
          validFrom: '2020-01-01',
        })
        .expect(201)
    ).body.id;
    area.future = (
      await admin
        .post('/api/areas', {
          type: 'action_area',
          code: `ar-zukunft-${suffix}`,
          name: 'Künftiger Aktionsraum',
          parentId: area.district,
          validFrom: '2099-01-01',
        })
        .expect(201)
    ).body.id;

    const fields = (await anonymous.get('/api/fields-of-action').expect(200)).body as FieldRow[];
    for (const code of ['AB', 'EK', 'SZ'] as const) field[code] = fields.find((f) => f.code === code)!.id;
    field.inactive = (
      await admin
        .post('/api/fields-of-action', {
          code: `ALT${suffix.toUpperCase()}`,
          name: { de: 'Altes Handlungsfeld', en: 'Old field of action' },
          description: { de: 'Nicht mehr aktiv', en: 'No longer active' },
          active: false,
        })
        .expect(201)
    ).body.id;

    author = await t.createUser({ displayName: 'Autorin A' });
    other = await t.createUser({ displayName: 'Nachbar B' });
    third = await t.createUser({ displayName: 'Nachbarin C', language: Language.English });
  });
  afterAll(() => t.close());

  describe('submitting', () => {
    it('creates a proposal: 201 with the detail, status submitted, history [submitted], the caller as author', async () => {
      const res = await author.client
        .post('/api/proposals', valid({ latitude: 51.5226, longitude: 7.4589, address: 'Nordmarkt, Ecke Mallinckrodtstraße' }))
        .expect(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const p = res.body as ProposalDetail;
      expect(p).toStrictEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        title: 'Mehr Sitzbänke am Nordmarkt',
        excerpt: 'Am Nordmarkt fehlen Sitzgelegenheiten, besonders für ältere Menschen und Eltern mit Kindern.',
        body: 'Am Nordmarkt fehlen Sitzgelegenheiten, besonders für ältere Menschen und Eltern mit Kindern.',
        status: 'submitted',
        fieldOfAction: { id: field.SZ, code: 'SZ', name: { de: expect.any(String), en: expect.any(String) } },
        area: { id: area.nordmarkt, name: 'Nordmarkt', type: 'action_area' },
        author: { id: author.id, displayName: 'Autorin A' },
        submittedOnBehalf: false,
        supportCount: 0,
        commentCount: 0,
        createdAt: expect.any(String),
        language: 'de',
        location: { latitude: 51.5226, longitude: 7.4589, address: 'Nordmarkt, Ecke Mallinckrodtstraße' },
        sourceNote: null,
        editedAt: null,
        statusHistory: [{ status: 'submitted', explanation: null, note: null, actorRole: 'citizen', at: expect.any(String) }],
        mergedInto: null,
        project: null,
        attachments: [],
        supportLimit: null,
        viewer: {
          isAuthor: true,
          supported: false,
          canEdit: true,
          canWithdraw: true,
          canSupport: false,
          canAttach: true,
          supportsLeft: null,
        },
      });
      expect(Math.abs(Date.parse(p.createdAt) - Date.now())).toBeLessThan(60_000);

      // Read back: the same record for everybody, with the viewer flags of the reader.
      const again = await detail(author.client, p.id);
      expect(again).toStrictEqual(p);
      const forAnonymous = await detail(anonymous, p.id);
      expect(forAnonymous).toStrictEqual({
        ...p,
        viewer: {
          isAuthor: false,
          supported: false,
          canEdit: false,
          canWithdraw: false,
          canSupport: false,
          canAttach: false,
          supportsLeft: null,
        },
      });
      const forOther = await detail(other.client, p.id);
      expect(forOther.viewer).toStrictEqual({
        isAuthor: false,
        supported: false,
        canEdit: false,
        canWithdraw: false,
        canSupport: true,
        canAttach: false,
        supportsLeft: null,
      });
    });

    it('takes the language from the request, else from the account; no location means location null', async () => {
      const own = await propose(third);
      expect(own.language).toBe('en');
      expect(own.location).toBeNull();
      expect((await propose(third, { language: 'de' })).language).toBe('de');
      const trimmed = await propose(author, { title: '   Bänke am Hafen   ', areaId: area.hafen });
      expect(trimmed.title).toBe('Bänke am Hafen');
    });

    it('accepts the limits exactly: title 5 and 140, body 20 and 5000, address 200, latitude ±90, longitude ±180', async () => {
      const long = await propose(author, {
        title: 'T'.repeat(140),
        body: 'b'.repeat(5000),
        address: 'a'.repeat(200),
        latitude: 90,
        longitude: -180,
      });
      expect([long.title.length, long.body.length, long.location?.address?.length]).toEqual([140, 5000, 200]);
      expect(long.location).toEqual(expect.objectContaining({ latitude: 90, longitude: -180 }));
      const short = await propose(author, { title: 'Tisch', body: 'x'.repeat(20), latitude: -90, longitude: 180 });
      expect([short.title, short.body]).toEqual(['Tisch', 'x'.repeat(20)]);
      expect(short.location).toEqual({ latitude: -90, longitude: 180, address: null });
    });

    it.each<[string, Body, string[]]>([
      ['no title', { title: undefined }, ['title']],
      ['a title of 4 characters', { title: 'Bank' }, ['title']],
      ['a title of 141 characters', { title: 'T'.repeat(141) }, ['title']],
      ['a title of 4 characters between spaces', { title: '    Bank    ' }, ['title']],
      ['a title that is a number', { title: 12345 }, ['title']],
      ['a null title', { title: null }, ['title']],
      ['a title with a control character', { title: 'Bänke\u0007 am Markt' }, ['title']],
      ['no body', { body: undefined }, ['body']],
      ['a body of 19 characters', { body: 'x'.repeat(19) }, ['body']],
      ['a body of 5001 characters', { body: 'x'.repeat(5001) }, ['body']],
      ['a field of action that is no uuid', { fieldOfActionId: 'SZ' }, ['fieldOfActionId']],
      ['no field of action', { fieldOfActionId: undefined }, ['fieldOfActionId']],
      ['an area that is no uuid', { areaId: 'Nordmarkt' }, ['areaId']],
      ['no area', { areaId: undefined }, ['areaId']],
      ['latitude 90.0001', { latitude: 90.0001 }, ['latitude']],
      ['latitude -91', { latitude: -91 }, ['latitude']],
      ['longitude 180.5', { longitude: 180.5 }, ['longitude']],
      ['longitude -181', { longitude: -181 }, ['longitude']],
      ['an address of 201 characters', { address: 'a'.repeat(201) }, ['address']],
      ['an unknown language', { language: 'xx' }, ['language']],
      ['an unknown field', { role: 'administrator' }, ['role']],
      ['several problems at once', { title: 'abc', body: 'kurz', latitude: 100 }, ['body', 'latitude', 'title']],
    ])('refuses %s with 400 VALIDATION_FAILED naming the field', async (_label, over, expected) => {
      const body = valid(over);
      for (const key of Object.keys(over)) if (over[key] === undefined) delete body[key];
      const res = await author.client.post('/api/proposals', body).expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toEqual(expected);
    });

    it('takes coordinates only as JSON numbers: a string, a boolean or an object is refused with 400, never converted or a 500', async () => {
      const problems: string[] = [];
      for (const name of ['latitude', 'longitude'])
        for (const value of ['51.5', true, { toString: 'x' }, [51.5]]) {
          const res = await author.client.post('/api/proposals', valid({ [name]: value }));
          if (res.status !== 400 || !fieldsOf(res.body).includes(name))
            problems.push(`${name}=${JSON.stringify(value)} → ${res.status} ${JSON.stringify(res.body?.location ?? res.body?.code)}`);
        }
      expect(problems).toEqual([]);
    });

    it.each<[string, 'fieldOfActionId' | 'areaId', () => string]>([
      ['an unknown field of action', 'fieldOfActionId', () => randomUUID()],
      ['an inactive field of action', 'fieldOfActionId', () => field.inactive],
      ['a Stadtbezirk', 'areaId', () => area.district],
      ['a retired Aktionsraum (Wickede, valid to 2016-12-31)', 'areaId', () => area.wickede],
      ['an Aktionsraum valid only from 2099', 'areaId', () => area.future],
      ['an unknown area', 'areaId', () => randomUUID()],
    ])('refuses %s with 422 REFERENCE_INVALID naming the field', async (_label, name, value) => {
      const res = await author.client.post('/api/proposals', valid({ [name]: value() })).expect(422);
      expectErrorShape(res.body, 422, 'REFERENCE_INVALID');
      expect(fieldsOf(res.body)).toEqual([name]);
    });

    it('accepts a current Quartier', async () => {
      const p = await propose(author, { areaId: area.quartier });
      expect(p.area).toEqual({ id: area.quartier, name: 'Testquartier am Nordmarkt', type: 'neighbourhood' });
    });

    it('refuses anonymous callers with 401, and stores nothing', async () => {
      const title = `Anonym ${randomBytes(4).toString('hex')}`;
      const res = await anonymous.post('/api/proposals', valid({ title })).expect(401);
      expectErrorShape(res.body, 401, 'UNAUTHENTICATED');
      expect((await anonymous.get(`/api/proposals?q=${encodeURIComponent(title)}`).expect(200)).body.total).toBe(0);
    });
  });

  describe('text is data: markup is stored and returned exactly, as JSON', () => {
    const TITLE = '<script>alert(1)</script> Bänke';
    const BODY =
      'Bitte <img src=x onerror=alert(1)> prüfen.\n\n- <a href="javascript:alert(1)">Link</a>\n- [klick](javascript:alert(document.cookie))\n"Zitat" & \'Apostroph\' </textarea>';
    const ADDRESS = '<svg onload=alert(1)> javascript:alert(1)//';

    it('returns title, body and address unchanged in every answer, with a JSON content type', async () => {
      const created = await author.client.post('/api/proposals', valid({ title: TITLE, body: BODY, address: ADDRESS })).expect(201);
      const id = created.body.id as string;
      const answers = [
        created,
        await anonymous.get(`/api/proposals/${id}`).set('Accept', 'text/html').expect(200),
        await author.client.get(`/api/proposals/${id}`).expect(200),
      ];
      for (const res of answers) {
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.text.trimStart().startsWith('{')).toBe(true);
        expect(res.body).toEqual(
          expect.objectContaining({ title: TITLE, body: BODY, location: expect.objectContaining({ address: ADDRESS }) }),
        );
      }

      const list = await anonymous
        .get(`/api/proposals?q=${encodeURIComponent('onerror=alert(1)')}`)
        .set('Accept', 'text/html')
        .expect(200);
      expect(list.headers['content-type']).toMatch(/^application\/json/);
      const item = (list.body as Page<ProposalSummary>).items.find((i) => i.id === id);
      expect(item?.title).toBe(TITLE);
      expect(item?.excerpt).toBe(BODY.replace(/\s+/g, ' '));

      const mine = await author.client.get('/api/me/proposals').expect(200);
      expect((mine.body as ProposalSummary[]).find((i) => i.id === id)?.title).toBe(TITLE);

      const similar = await anonymous.get(`/api/proposals/similar?text=${encodeURIComponent(TITLE)}`).expect(200);
      expect(similar.headers['content-type']).toMatch(/^application\/json/);
      expect((similar.body as SimilarProposal[]).find((s) => s.id === id)?.title).toBe(TITLE);
    });

    it('answers errors about markup as JSON too', async () => {
      for (const res of [
        await anonymous.get('/api/proposals/%3Cscript%3Ealert(1)%3C%2Fscript%3E').set('Accept', 'text/html'),
        await anonymous.get(`/api/proposals?sort=${encodeURIComponent('<script>alert(1)</script>')}`).set('Accept', 'text/html'),
      ]) {
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      }
    });
  });

  describe('entering input on behalf of participants', () => {
    let modNordmarkt: TestUser;
    let modHafen: TestUser;
    let modQuartier: TestUser;
    let modEverywhere: TestUser;
    const onBehalf = (over: Body = {}) => valid({ sourceNote: 'Karte aus der Bürgerversammlung Nordmarkt, 12.03.2026', ...over });

    beforeAll(async () => {
      modNordmarkt = await t.createUser({ role: Role.Moderator, areaIds: [area.nordmarkt], displayName: 'Moderation Nordmarkt' });
      modHafen = await t.createUser({ role: Role.Moderator, areaIds: [area.hafen], displayName: 'Moderation Hafen' });
      modQuartier = await t.createUser({ role: Role.Moderator, areaIds: [area.quartier], displayName: 'Moderation Quartier' });
      modEverywhere = await t.createUser({ role: Role.Moderator, displayName: 'Moderation überall' });
    });

    it('a moderator of the Aktionsraum enters a card: no author, submittedOnBehalf, the source shown', async () => {
      const res = await modNordmarkt.client.post('/api/proposals/on-behalf', onBehalf()).expect(201);
      const p = res.body as ProposalDetail;
      expect(p).toEqual(
        expect.objectContaining({
          status: 'submitted',
          author: null,
          submittedOnBehalf: true,
          sourceNote: 'Karte aus der Bürgerversammlung Nordmarkt, 12.03.2026',
          area: expect.objectContaining({ id: area.nordmarkt }),
        }),
      );
      expect(p.statusHistory).toEqual([expect.objectContaining({ status: 'submitted', actorRole: 'moderator' })]);
      expect(p.viewer).toEqual(expect.objectContaining({ isAuthor: false, canEdit: false, canWithdraw: false }));
      const read = await detail(anonymous, p.id);
      expect(read).toEqual(expect.objectContaining({ author: null, submittedOnBehalf: true, sourceNote: p.sourceNote }));
      expect(JSON.stringify(read)).not.toContain(modNordmarkt.id);
      // Nobody's own proposal: it is in no one's list.
      expect(ids((await modNordmarkt.client.get('/api/me/proposals').expect(200)).body)).not.toContain(p.id);
    });

    it('a moderator of the Aktionsraum may also enter input for its Quartiere', async () => {
      const p = (await modNordmarkt.client.post('/api/proposals/on-behalf', onBehalf({ areaId: area.quartier })).expect(201))
        .body as ProposalDetail;
      expect(p.area.id).toBe(area.quartier);
      expect(p.author).toBeNull();
    });

    it('unscoped moderators and administrators may enter input for any area', async () => {
      for (const client of [modEverywhere.client, admin]) {
        const p = (await client.post('/api/proposals/on-behalf', onBehalf({ areaId: area.hafen })).expect(201)).body as ProposalDetail;
        expect(p).toEqual(expect.objectContaining({ author: null, submittedOnBehalf: true }));
      }
    });

    it('a moderator scoped to another area is refused with 403, and nothing is stored', async () => {
      const note = `Karte ${randomBytes(4).toString('hex')}`;
      for (const [who, client, areaId] of [
        ['Hafen → Nordmarkt', modHafen.client, area.nordmarkt],
        ['Hafen → Quartier of Nordmarkt', modHafen.client, area.quartier],
        ['Quartier → its parent Nordmarkt', modQuartier.client, area.nordmarkt],
      ] as const) {
        const res = await client.post('/api/proposals/on-behalf', onBehalf({ areaId, title: `Fremdes Gebiet ${note}` }));
        expect({ who, status: res.status }).toEqual({ who, status: 403 });
        expectErrorShape(res.body, 403, 'FORBIDDEN');
      }
      expect((await anonymous.get(`/api/proposals?q=${encodeURIComponent(note)}`).expect(200)).body.total).toBe(0);
    });

    it('a citizen is refused with 403 and an anonymous caller with 401', async () => {
      expectErrorShape((await author.client.post('/api/proposals/on-behalf', onBehalf()).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await anonymous.post('/api/proposals/on-behalf', onBehalf()).expect(401)).body, 401, 'UNAUTHENTICATED');
    });

    it('needs a source note and valid references', async () => {
      const noNote = valid();
      const missing = await modNordmarkt.client.post('/api/proposals/on-behalf', noNote).expect(400);
      expect(fieldsOf(missing.body)).toEqual(['sourceNote']);
      const short = await modNordmarkt.client.post('/api/proposals/on-behalf', onBehalf({ sourceNote: 'ab' })).expect(400);
      expect(fieldsOf(short.body)).toEqual(['sourceNote']);
      const district = await modEverywhere.client.post('/api/proposals/on-behalf', onBehalf({ areaId: area.district })).expect(422);
      expectErrorShape(district.body, 422, 'REFERENCE_INVALID');
    });
  });

  describe('editing', () => {
    it('the author edits while submitted, unsupported and within the window; editedAt is set', async () => {
      const p = await propose(author);
      const res = await author.client
        .patch(`/api/proposals/${p.id}`, { title: 'Mehr und bessere Sitzbänke', address: 'Nordmarkt 1', areaId: area.quartier })
        .expect(200);
      const edited = res.body as ProposalDetail;
      expect(edited).toEqual(
        expect.objectContaining({
          id: p.id,
          title: 'Mehr und bessere Sitzbänke',
          body: p.body,
          area: expect.objectContaining({ id: area.quartier }),
          location: { latitude: null, longitude: null, address: 'Nordmarkt 1' },
          status: 'submitted',
          editedAt: expect.any(String),
          statusHistory: p.statusHistory,
        }),
      );
      expect(Date.parse(edited.editedAt!)).toBeGreaterThanOrEqual(Date.parse(p.createdAt));
      expect(edited.viewer.canEdit).toBe(true);
      expect(await detail(anonymous, p.id)).toEqual(
        expect.objectContaining({ title: 'Mehr und bessere Sitzbänke', editedAt: edited.editedAt }),
      );
      // A nullable field may be cleared.
      const cleared = (await author.client.patch(`/api/proposals/${p.id}`, { address: null }).expect(200)).body as ProposalDetail;
      expect(cleared.location).toBeNull();
    });

    it('refuses null and invalid values with 400, and invalid references with 422, changing nothing', async () => {
      const p = await propose(author);
      for (const [body, expected] of [
        [{ title: null }, ['title']],
        [{ body: null }, ['body']],
        [{ fieldOfActionId: null }, ['fieldOfActionId']],
        [{ areaId: null }, ['areaId']],
        [{ title: 'abc' }, ['title']],
        [{ latitude: 95 }, ['latitude']],
        [{ language: 'en' }, ['language']],
        [{ status: 'accepted' }, ['status']],
        [{ supportCount: 100 }, ['supportCount']],
        [{ authorId: other.id }, ['authorId']],
      ] as Array<[Body, string[]]>) {
        const res = await author.client.patch(`/api/proposals/${p.id}`, body);
        expect({ body, status: res.status, fields: fieldsOf(res.body) }).toEqual({ body, status: 400, fields: expected });
        expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      }
      for (const body of [{ areaId: area.district }, { areaId: area.wickede }, { fieldOfActionId: field.inactive }]) {
        const res = await author.client.patch(`/api/proposals/${p.id}`, body);
        expect({ body, status: res.status }).toEqual({ body, status: 422 });
        expectErrorShape(res.body, 422, 'REFERENCE_INVALID');
      }
      const now = await detail(author.client, p.id);
      expect({ ...now, viewer: p.viewer }).toStrictEqual(p);
    });

    it('nobody but the author may edit: 403 for another citizen, a moderator and an administrator; 401 anonymous', async () => {
      const p = await propose(author);
      const mod = await t.createUser({ role: Role.Moderator });
      for (const [who, client] of [
        ['another citizen', other.client],
        ['an unscoped moderator', mod.client],
        ['the administrator', admin],
      ] as const) {
        const res = await client.patch(`/api/proposals/${p.id}`, { title: 'Übernommen von jemand anderem' });
        expect({ who, status: res.status }).toEqual({ who, status: 403 });
        expectErrorShape(res.body, 403, 'FORBIDDEN');
      }
      expectErrorShape(
        (await anonymous.patch(`/api/proposals/${p.id}`, { title: 'Anonym geändert' }).expect(401)).body,
        401,
        'UNAUTHENTICATED',
      );
      expect((await detail(anonymous, p.id)).title).toBe(p.title);
      const unknown = await author.client.patch(`/api/proposals/${randomUUID()}`, { title: 'Gibt es nicht' }).expect(404);
      expectErrorShape(unknown.body, 404, 'NOT_FOUND');
      expectErrorShape((await author.client.patch('/api/proposals/not-an-id', { title: 'Gibt es nicht' }).expect(400)).body, 400);
    });

    it('after the first support the proposal can no longer be edited: 409 PROPOSAL_NOT_EDITABLE', async () => {
      const p = await propose(author);
      await other.client.request('put', `/api/proposals/${p.id}/support`).expect(200);
      const res = await author.client.patch(`/api/proposals/${p.id}`, { title: 'Nachträglich geändert' }).expect(409);
      expectErrorShape(res.body, 409, 'PROPOSAL_NOT_EDITABLE');
      const now = await detail(author.client, p.id);
      expect(now).toEqual(expect.objectContaining({ title: p.title, editedAt: null, supportCount: 1 }));
      expect(now.viewer).toEqual(expect.objectContaining({ canEdit: false, canWithdraw: true }));
    });

    it('a withdrawn proposal can no longer be edited: 409 PROPOSAL_NOT_EDITABLE', async () => {
      const p = await propose(author);
      await author.client.post(`/api/proposals/${p.id}/withdraw`, {}).expect(200);
      const res = await author.client.patch(`/api/proposals/${p.id}`, { title: 'Nach dem Rückzug' }).expect(409);
      expectErrorShape(res.body, 409, 'PROPOSAL_NOT_EDITABLE');
    });
  });

  describe('withdrawing', () => {
    it('the author withdraws with a public reason; the proposal stays readable with its history', async () => {
      const p = await propose(author);
      const res = await author.client.post(`/api/proposals/${p.id}/withdraw`, { reason: '  Hat sich erledigt, die Stadt baut schon.  ' });
      expect(res.status).toBe(200);
      const w = res.body as ProposalDetail;
      expect(w.status).toBe('withdrawn');
      expect(w.statusHistory).toEqual([
        expect.objectContaining({ status: 'submitted', explanation: null, actorRole: 'citizen' }),
        {
          status: 'withdrawn',
          explanation: 'Hat sich erledigt, die Stadt baut schon.',
          note: null,
          actorRole: 'citizen',
          at: expect.any(String),
        },
      ]);
      expect(Date.parse(w.statusHistory[1].at)).toBeGreaterThanOrEqual(Date.parse(w.statusHistory[0].at));
      expect(w.viewer).toEqual({
        isAuthor: true,
        supported: false,
        canEdit: false,
        canWithdraw: false,
        canSupport: false,
        canAttach: false,
        supportsLeft: null,
      });
      const read = await detail(anonymous, p.id);
      expect(read).toEqual(expect.objectContaining({ status: 'withdrawn', statusHistory: w.statusHistory }));
      expect((await detail(other.client, p.id)).viewer.canSupport).toBe(false);
    });

    it('a second withdrawal is refused with 409 PROPOSAL_CLOSED and adds no history', async () => {
      const p = await propose(author);
      const first = (await author.client.post(`/api/proposals/${p.id}/withdraw`, {}).expect(200)).body as ProposalDetail;
      expect(first.statusHistory.map((e) => [e.status, e.explanation])).toEqual([
        ['submitted', null],
        ['withdrawn', null],
      ]);
      const again = await author.client.post(`/api/proposals/${p.id}/withdraw`, { reason: 'Noch einmal' }).expect(409);
      expectErrorShape(again.body, 409, 'PROPOSAL_CLOSED');
      expect((await detail(anonymous, p.id)).statusHistory).toHaveLength(2);
    });

    it('nobody else may withdraw: 403 (citizen, moderator, administrator), 401 anonymous; reasons are validated', async () => {
      const p = await propose(author);
      const mod = await t.createUser({ role: Role.Moderator });
      for (const client of [other.client, mod.client, admin]) {
        expectErrorShape((await client.post(`/api/proposals/${p.id}/withdraw`, { reason: 'Fremd' }).expect(403)).body, 403, 'FORBIDDEN');
      }
      expectErrorShape((await anonymous.post(`/api/proposals/${p.id}/withdraw`, {}).expect(401)).body, 401, 'UNAUTHENTICATED');
      const tooLong = await author.client.post(`/api/proposals/${p.id}/withdraw`, { reason: 'x'.repeat(1001) }).expect(400);
      expect(fieldsOf(tooLong.body)).toEqual(['reason']);
      const notText = await author.client.post(`/api/proposals/${p.id}/withdraw`, { reason: 42 }).expect(400);
      expect(fieldsOf(notText.body)).toEqual(['reason']);
      expect((await detail(anonymous, p.id)).status).toBe('submitted');
    });

    it('a withdrawn proposal takes no supports: 409 PROPOSAL_CLOSED', async () => {
      const p = await propose(author);
      await author.client.post(`/api/proposals/${p.id}/withdraw`, { reason: 'Zurückgezogen' }).expect(200);
      const res = await other.client.request('put', `/api/proposals/${p.id}/support`).expect(409);
      expectErrorShape(res.body, 409, 'PROPOSAL_CLOSED');
      expect((await detail(other.client, p.id)).supportCount).toBe(0);
    });
  });

  describe('supporting', () => {
    const support = (c: ApiClient, id: string) => c.request('put', `/api/proposals/${id}/support`);
    const unsupport = (c: ApiClient, id: string) => c.request('delete', `/api/proposals/${id}/support`);

    it('counts one support per person: PUT twice → 1, DELETE → 0, DELETE again → 0', async () => {
      const p = await propose(author);
      expect((await support(other.client, p.id).expect(200)).body).toStrictEqual({ supported: true, supportCount: 1, supportsLeft: null });
      expect((await support(other.client, p.id).expect(200)).body).toStrictEqual({ supported: true, supportCount: 1, supportsLeft: null });
      const seen = await detail(other.client, p.id);
      expect(seen.supportCount).toBe(1);
      expect(seen.viewer).toEqual(expect.objectContaining({ supported: true, canSupport: true }));
      expect((await detail(third.client, p.id)).viewer.supported).toBe(false);
      expect((await support(third.client, p.id).expect(200)).body).toStrictEqual({ supported: true, supportCount: 2, supportsLeft: null });
      expect((await unsupport(other.client, p.id).expect(200)).body).toStrictEqual({
        supported: false,
        supportCount: 1,
        supportsLeft: null,
      });
      expect((await unsupport(other.client, p.id).expect(200)).body).toStrictEqual({
        supported: false,
        supportCount: 1,
        supportsLeft: null,
      });
      expect((await unsupport(third.client, p.id).expect(200)).body).toStrictEqual({
        supported: false,
        supportCount: 0,
        supportsLeft: null,
      });
      const after = await detail(other.client, p.id);
      expect(after.supportCount).toBe(0);
      expect(after.viewer.supported).toBe(false);
    });

    it('refuses supporting one’s own proposal (409), anonymous callers (401), unknown (404) and malformed ids (400)', async () => {
      const p = await propose(author);
      expectErrorShape((await support(author.client, p.id).expect(409)).body, 409, 'CONFLICT');
      expectErrorShape((await support(anonymous, p.id).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await unsupport(anonymous, p.id).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await support(other.client, randomUUID()).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await unsupport(other.client, randomUUID()).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await support(other.client, 'abc').expect(400)).body, 400, 'VALIDATION_FAILED');
      expect((await detail(anonymous, p.id)).supportCount).toBe(0);
    });

    describe('under concurrency', () => {
      /**
       * Many accounts, fast. Registering costs two full argon2id runs per person (about 0.2 s of
       * CPU each here, so 200 sign-ups plus logins would take over a minute on two cores). The
       * accounts are inserted directly instead: verified, with one argon2id hash computed once
       * with small cost parameters. argon2 reads the parameters from the stored hash, so the real
       * login verifies it in a few milliseconds and every client holds a genuine session.
       */
      async function crowd(n: number): Promise<ApiClient[]> {
        const users = t.app.get(DataSource).getRepository(User);
        const passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id, memoryCost: 1024, timeCost: 1, parallelism: 1 });
        const emails = Array.from({ length: n }, (_, i) => uniqueEmail(`crowd${i}`));
        for (let i = 0; i < n; i += 50) {
          await users.insert(
            emails.slice(i, i + 50).map((email, j) => ({
              email,
              passwordHash,
              displayName: `Unterstützer ${i + j}`,
              language: Language.German,
              role: Role.Citizen,
              emailVerifiedAt: new Date(),
            })),
          );
        }
        const clients: ApiClient[] = [];
        for (let i = 0; i < n; i += 25) clients.push(...(await Promise.all(emails.slice(i, i + 25).map((e) => t.login(e, PASSWORD)))));
        return clients;
      }

      /** The support rows themselves, to tell a wrong stored count from a wrong number of rows. */
      const rowsOf = (proposalId: string) => t.app.get(DataSource).getRepository(ProposalSupport).countBy({ proposalId });

      it('50 parallel PUTs of one person count exactly one support', async () => {
        const p = await propose(author);
        const answers = await Promise.all(Array.from({ length: 50 }, () => support(other.client, p.id)));
        expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200));
        expect(new Set(answers.map((r) => JSON.stringify(r.body)))).toEqual(
          new Set([JSON.stringify({ supported: true, supportCount: 1, supportsLeft: null })]),
        );
        expect({ shown: (await detail(other.client, p.id)).supportCount, rows: await rowsOf(p.id) }).toEqual({ shown: 1, rows: 1 });
        expect((await unsupport(other.client, p.id).expect(200)).body).toStrictEqual({
          supported: false,
          supportCount: 0,
          supportsLeft: null,
        });
        expect({ shown: (await detail(anonymous, p.id)).supportCount, rows: await rowsOf(p.id) }).toEqual({ shown: 0, rows: 0 });
      });

      /**
       * Lost updates show up only now and then, so each scenario runs several rounds with the same
       * 200 people (one to four seconds per round) and every round's outcome is compared at the end.
       */
      const ROUNDS = 6;
      let people: ApiClient[];
      beforeAll(async () => {
        people = await crowd(200);
      });
      const refused = (answers: Array<{ status: number; body: unknown }>) =>
        answers.filter((r) => r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`);

      /**
       * Runs the parallel requests while PostgreSQL is busy with other work, as on a live server:
       * the interleavings that lose updates need statements to be delayed between taking their
       * snapshot and writing, which an idle test machine seldom does. (SQLite runs one statement
       * at a time; there the requests simply run.)
       */
      async function underLoad<T>(work: () => Promise<T>): Promise<T> {
        const url = t.db.env.DATABASE_URL;
        if (!url) return work();
        let done = false;
        const busy = Array.from({ length: 2 }, async () => {
          const c = new Client({ connectionString: url });
          await c.connect();
          try {
            while (!done) await c.query('SELECT count(*) FROM generate_series(1, 300000)');
          } finally {
            await c.end();
          }
        });
        try {
          return await work();
        } finally {
          done = true;
          await Promise.all(busy);
        }
      }

      it(`200 people supporting in parallel count exactly 200, and withdrawing in parallel exactly 0 (${ROUNDS} rounds)`, async () => {
        const p = await propose(author);
        const outcome: string[] = [];
        const expected: string[] = [];
        for (let round = 1; round <= ROUNDS; round++) {
          const added = await underLoad(() => Promise.all(people.map((c) => support(c, p.id))));
          expect(refused(added)).toEqual([]);
          const best = Math.max(...added.map((r) => r.body.supportCount as number));
          const afterAdd = `shown ${(await detail(anonymous, p.id)).supportCount}, rows ${await rowsOf(p.id)}, highest answer ${best}`;
          const removed = await underLoad(() => Promise.all(people.map((c) => unsupport(c, p.id))));
          expect(refused(removed)).toEqual([]);
          const afterRemove = `shown ${(await detail(anonymous, p.id)).supportCount}, rows ${await rowsOf(p.id)}`;
          outcome.push(`round ${round}: +200 → ${afterAdd}; −200 → ${afterRemove}`);
          expected.push(`round ${round}: +200 → shown 200, rows 200, highest answer 200; −200 → shown 0, rows 0`);
        }
        expect(outcome).toEqual(expected);
      }, 120_000);

      it(`the list shows the final count right after parallel supports, even when read meanwhile (${ROUNDS} rounds)`, async () => {
        const marker = `Zaehlmarke${randomBytes(4).toString('hex')}`;
        const p = await propose(author, { title: `Zählprobe ${marker}` });
        const url = `/api/proposals?q=${marker}`;
        /** Runs the requests while four readers keep loading the list (and so refilling its cache). */
        const whileReading = async (send: (c: ApiClient) => Promise<{ status: number; body: unknown }>) => {
          let done = false;
          const readers = Array.from({ length: 4 }, async () => {
            while (!done) await anonymous.get(url);
          });
          const answers = await underLoad(() => Promise.all(people.map(send)));
          done = true;
          await Promise.all(readers);
          expect(refused(answers)).toEqual([]);
          const listed = ((await anonymous.get(url).expect(200)).body as Page<ProposalSummary>).items.map((i) => i.supportCount);
          return `listed ${JSON.stringify(listed)}, shown ${(await detail(anonymous, p.id)).supportCount}, rows ${await rowsOf(p.id)}`;
        };
        const outcome: string[] = [];
        const expected: string[] = [];
        for (let round = 1; round <= ROUNDS; round++) {
          const afterAdd = await whileReading((c) => support(c, p.id));
          const afterRemove = await whileReading((c) => unsupport(c, p.id));
          outcome.push(`round ${round}: +200 → ${afterAdd}; −200 → ${afterRemove}`);
          expected.push(`round ${round}: +200 → listed [200], shown 200, rows 200; −200 → listed [0], shown 0, rows 0`);
        }
        expect(outcome).toEqual(expected);
      }, 120_000);
    });
  });

  describe('the public list', () => {
    const marker = `Listenmarke${randomBytes(4).toString('hex')}`;
    const P = {} as Record<'p1' | 'p2' | 'p3' | 'p4' | 'p5' | 'p6' | 'p7' | 'p8', string>;
    /** In creation order (oldest first). */
    const created: string[] = [];

    const list = async (query: string) => {
      const res = await anonymous.get(`/api/proposals?${query}`);
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
      return res.body as Page<ProposalSummary>;
    };
    const q = (extra = '') => `q=${encodeURIComponent(marker)}${extra}`;
    const all = async (query: string) => ids((await list(`${query}&pageSize=100`)).items);

    beforeAll(async () => {
      const rows: Array<[keyof typeof P, string, string, string, string]> = [
        ['p1', 'Überdachte Fahrradständer', `Wetterfeste Stellplätze ${marker} vor dem Stadtteilzentrum.`, area.nordmarkt, field.SZ],
        ['p2', 'Rabatt 100% im Quartier', `Ermäßigung für Familien im Quartier ${marker}.`, area.quartier, field.SZ],
        ['p3', 'Rabatt 1000 Euro', `Ein Zuschuss für Vereine am Hafen ${marker}.`, area.hafen, field.EK],
        ['p4', 'Spiel_platz erneuern', `Die Geräte sind alt ${marker}.`, area.hafen, field.AB],
        ['p5', 'Spielxplatz anlegen', `Eine freie Fläche nutzen ${marker}.`, area.nordmarkt, field.EK],
        ['p6', 'Lesepaten gesucht', `Vorlesen in der Bibliothek ${marker}.`, area.nordmarkt, field.AB],
        ['p7', 'Hausaufgabenhilfe', `Nachmittags im Quartier ${marker}.`, area.quartier, field.EK],
        ['p8', 'Nachbarschaftsfest', `Einmal im Jahr ${marker} feiern.`, area.hafen, field.SZ],
      ];
      for (const [key, title, body, areaId, fieldOfActionId] of rows) {
        P[key] = (await propose(author, { title, body, areaId, fieldOfActionId })).id;
        created.push(P[key]);
        await sleep(5); // distinct creation times, so "newest" has one right answer
      }
      await author.client.post(`/api/proposals/${P.p4}/withdraw`, { reason: 'Erledigt' }).expect(200);
      for (const c of [other.client, third.client]) await c.request('put', `/api/proposals/${P.p3}/support`).expect(200);
      await other.client.request('put', `/api/proposals/${P.p6}/support`).expect(200);
      // No comments exist yet: the count the "discussed" order reads is set in the database.
      const proposals = t.app.get(DataSource).getRepository(Proposal);
      await proposals.update({ id: P.p7 }, { commentCount: 4 });
      await proposals.update({ id: P.p1 }, { commentCount: 2 });
    });

    const newestFirst = () => [...created].reverse();

    it("names each proposal's language and filters by it (the author chose it; by default the account's)", async () => {
      const mark = `Sprachmarke${randomBytes(4).toString('hex')}`;
      const turkish = await propose(author, {
        title: 'Çocuk parkına gölgelik',
        body: `Yazın oyun alanında gölge yok ${mark}.`,
        language: Language.Turkish,
      });
      const german = await propose(author, { title: 'Schatten am Spielplatz', body: `Im Sommer gibt es keinen Schatten ${mark}.` });
      expect([turkish.language, german.language]).toEqual([Language.Turkish, Language.German]);
      const byLanguage = async (language: string) => (await list(`q=${mark}${language ? `&language=${language}` : ''}`)).items;
      expect((await byLanguage('')).map((item) => [item.id, item.language])).toEqual([
        [german.id, 'de'],
        [turkish.id, 'tr'],
      ]);
      expect(ids(await byLanguage('tr'))).toEqual([turkish.id]);
      expect(ids(await byLanguage('de'))).toEqual([german.id]);
      expect(ids(await byLanguage('ar'))).toEqual([]);
      const wrong = await anonymous.get(`/api/proposals?language=fr`).expect(400);
      expectErrorShape(wrong.body, 400, 'VALIDATION_FAILED');
      expect(wrong.body.details).toEqual([
        { field: 'language', messages: [expect.stringContaining('de, de-x-ls, en, tr, ar')], rules: ['isIn'] },
      ]);
    });

    it('lists newest first by default, with total, page and pageSize', async () => {
      const page = await list(q());
      expect(page).toEqual({ items: expect.any(Array), total: 8, page: 1, pageSize: 20 });
      expect(ids(page.items)).toEqual(newestFirst());
      expect(page.items.find((i) => i.id === P.p4)?.status).toBe('withdrawn');
      expect(await all(q('&sort=newest'))).toEqual(newestFirst());
    });

    it('revalidates with the ETag: 304 while unchanged, a new ETag and the new count after a support', async () => {
      const first = await anonymous.get(`/api/proposals?${q('&sort=supported')}`).expect(200);
      const etag = first.headers.etag as string;
      expect(etag).toEqual(expect.any(String));
      expect(first.headers['content-type']).toMatch(/^application\/json/);
      const unchanged = await anonymous.get(`/api/proposals?${q('&sort=supported')}`).set('If-None-Match', etag);
      expect(unchanged.status).toBe(304);
      const supporter = await t.createUser();
      await supporter.client.request('put', `/api/proposals/${P.p8}/support`).expect(200);
      const changed = await anonymous
        .get(`/api/proposals?${q('&sort=supported')}`)
        .set('If-None-Match', etag)
        .expect(200);
      expect(changed.headers.etag).not.toBe(etag);
      expect((changed.body as Page<ProposalSummary>).items.find((i) => i.id === P.p8)?.supportCount).toBe(1);
      await supporter.client.request('delete', `/api/proposals/${P.p8}/support`).expect(200);
      const back = await anonymous.get(`/api/proposals?${q('&sort=supported')}`).expect(200);
      expect((back.body as Page<ProposalSummary>).items.find((i) => i.id === P.p8)?.supportCount).toBe(0);
    });

    it('answers a repeated URL from the cache with the same bytes, but never caches a refused query and empties on a write', async () => {
      const own = `Cachemarke${randomBytes(4).toString('hex')}`;
      const url = `/api/proposals?q=${own}&sort=newest&pageSize=5`;
      const first = await anonymous.get(url).expect(200);
      expect((first.body as Page<ProposalSummary>).total).toBe(0);
      const again = await anonymous.get(url).expect(200);
      expect(again.text).toBe(first.text);
      expect(again.headers.etag).toBe(first.headers.etag);
      // A query that fails validation is refused every time (it is never stored under its URL).
      for (let i = 0; i < 3; i++) expectErrorShape((await anonymous.get(`${url}&pageSize=0`).expect(400)).body, 400, 'VALIDATION_FAILED');
      // A new proposal is in the very next answer for the same URL.
      const fresh = await propose(author, { title: `Neu ${own}` });
      const after = (await anonymous.get(url).expect(200)).body as Page<ProposalSummary>;
      expect({ total: after.total, first: after.items[0]?.id }).toEqual({ total: 1, first: fresh.id });
    });

    it('after a support every cached page shows the new count at once, and the order by supports follows it', async () => {
      // A support keeps which proposals a page lists (the cache's costly part) but never the counts on
      // the cards, and it changes the order by supports: each read below comes right after a write.
      const own = `Stuetzmarke${randomBytes(4).toString('hex')}`;
      const older = await propose(author, { title: `Älter ${own}` });
      await sleep(5);
      const newer = await propose(author, { title: `Neuer ${own}` });
      const view = async () => {
        const [newest, supported, filtered] = await Promise.all([
          list(`q=${own}`),
          list(`q=${own}&sort=supported`),
          list(`q=${own}&status=submitted&sort=newest`),
        ]);
        const show = (page: Page<ProposalSummary>) =>
          page.items.map((i) => `${i.id === older.id ? 'older' : 'newer'} ${i.supportCount}`).join(', ') + ` (total ${page.total})`;
        return { newest: show(newest), supported: show(supported), filtered: show(filtered) };
      };
      const both = {
        newest: 'newer 0, older 0 (total 2)',
        supported: 'newer 0, older 0 (total 2)',
        filtered: 'newer 0, older 0 (total 2)',
      };
      expect(await view()).toEqual(both);
      expect(await view()).toEqual(both); // now from the cache
      await other.client.request('put', `/api/proposals/${older.id}/support`).expect(200);
      expect(await view()).toEqual({
        newest: 'newer 0, older 1 (total 2)',
        supported: 'older 1, newer 0 (total 2)',
        filtered: 'newer 0, older 1 (total 2)',
      });
      await other.client.request('delete', `/api/proposals/${older.id}/support`).expect(200);
      // Many readers of one URL at once right after a change: one loads the page, the others wait for that load.
      const together = await Promise.all(Array.from({ length: 20 }, () => anonymous.get(`/api/proposals?q=${own}`)));
      expect(new Set(together.map((res) => `${res.status} ${res.text}`)).size).toBe(1);
      expect((together[0].body as Page<ProposalSummary>).items.map((i) => i.supportCount)).toEqual([0, 0]);
      expect(await view()).toEqual(both);
      // Anything else that changes the list (here a withdrawal) is in the very next answer as well.
      await author.client.post(`/api/proposals/${newer.id}/withdraw`, { reason: 'Erledigt' }).expect(200);
      expect((await view()).filtered).toBe('older 0 (total 1)');
    });

    it('pages: pageSize 3 gives 3 + 3 + 2, beyond the end an empty page, the total always 8', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((n) => list(q(`&pageSize=3&page=${n}`))));
      expect(pages.map((p) => [p.items.length, p.total, p.page, p.pageSize])).toEqual([
        [3, 8, 1, 3],
        [3, 8, 2, 3],
        [2, 8, 3, 3],
        [0, 8, 4, 3],
      ]);
      expect(pages.flatMap((p) => ids(p.items))).toEqual(newestFirst());
    });

    it('filters by area: an Aktionsraum includes its Quartiere, a Quartier only itself', async () => {
      expect((await all(q(`&areaId=${area.nordmarkt}`))).sort()).toEqual([P.p1, P.p2, P.p5, P.p6, P.p7].sort());
      expect((await all(q(`&areaId=${area.quartier}`))).sort()).toEqual([P.p2, P.p7].sort());
      expect((await all(q(`&areaId=${area.hafen}`))).sort()).toEqual([P.p3, P.p4, P.p8].sort());
      expect((await list(q(`&areaId=${area.nordmarkt}`))).total).toBe(5);
    });

    it('filters by a Stadtbezirk either completely (its Aktionsräume and their Quartiere) or not at all', async () => {
      // All eight lie in Innenstadt-Nord: Nordmarkt and Hafen are its Aktionsräume, the Quartier is Nordmarkt's.
      const found = (await all(q(`&areaId=${area.district}`))).sort();
      expect([[], [...created].sort()]).toContainEqual(found);
    });

    it('filters by field of action and by status, combined with the area', async () => {
      expect((await all(q(`&fieldOfActionId=${field.EK}`))).sort()).toEqual([P.p3, P.p5, P.p7].sort());
      expect(await all(q('&status=withdrawn'))).toEqual([P.p4]);
      expect((await list(q('&status=submitted'))).total).toBe(7);
      expect(await all(q('&status=accepted'))).toEqual([]);
      expect((await all(q(`&areaId=${area.nordmarkt}&fieldOfActionId=${field.EK}`))).sort()).toEqual([P.p5, P.p7].sort());
    });

    it('searches words in title or text, all words, case-insensitively', async () => {
      expect((await list(`q=${marker.toUpperCase()}`)).total).toBe(8);
      expect(await all(q('%20bibliothek'))).toEqual([P.p6]);
      expect(await all(q('%20LESEPATEN'))).toEqual([P.p6]);
      expect(await all(q('%20rabatt%20hafen'))).toEqual([P.p3]);
      expect((await all(q('%20rabatt'))).sort()).toEqual([P.p2, P.p3].sort());
      expect(await all(q('%20wortgibtesnicht'))).toEqual([]);
    });

    it('searches case-insensitively also with umlauts (Ü/ü)', async () => {
      expect(await all(q('%20überdachte'))).toEqual([P.p1]);
      expect(await all(q(`%20${encodeURIComponent('ÜBERDACHTE')}`))).toEqual([P.p1]);
      expect(await all(q(`%20${encodeURIComponent('STELLPLÄTZE')}`))).toEqual([P.p1]);
    });

    it('takes % and _ literally', async () => {
      expect(await all(q(`%20${encodeURIComponent('100%')}`))).toEqual([P.p2]);
      expect(await all(q('%20spiel_platz'))).toEqual([P.p4]);
      expect(await all(q(`%20${encodeURIComponent('%')}`))).toEqual([P.p2]);
      expect(await all(q('%20_'))).toEqual([P.p4]);
      expect(await all(q(`%20${encodeURIComponent('\\')}`))).toEqual([]);
    });

    it('sorts by supports, then newest', async () => {
      const order = await all(q('&sort=supported'));
      expect(order.slice(0, 2)).toEqual([P.p3, P.p6]);
      expect(order.slice(2)).toEqual(newestFirst().filter((id) => id !== P.p3 && id !== P.p6));
      const page = await list(q('&sort=supported&pageSize=2'));
      expect(page.items.map((i) => i.supportCount)).toEqual([2, 1]);
    });

    it('sorts by comments, then newest', async () => {
      const order = await all(q('&sort=discussed'));
      expect(order.slice(0, 2)).toEqual([P.p7, P.p1]);
      expect(order.slice(2)).toEqual(newestFirst().filter((id) => id !== P.p7 && id !== P.p1));
    });

    it('random order with a seed: stable across pages and calls, another seed another order, pages complete and disjoint', async () => {
      const pagesOf = async (seed: number) =>
        (await Promise.all([1, 2, 3].map((n) => list(q(`&sort=random&seed=${seed}&pageSize=3&page=${n}`))))).map((p) => ids(p.items));
      const a = await pagesOf(42);
      expect(a.map((p) => p.length)).toEqual([3, 3, 2]);
      const flat = a.flat();
      expect(new Set(flat).size).toBe(8);
      expect([...flat].sort()).toEqual([...created].sort());
      expect(await pagesOf(42)).toEqual(a);
      expect(await all(q('&sort=random&seed=42'))).toEqual(flat);
      expect((await list(q('&sort=random&seed=42&pageSize=3&page=4'))).items).toEqual([]);
      // Another seed: another order (8! orders; two seeds agreeing on all three tries would be a fault).
      const others = await Promise.all([7, 1234, 2147483647].map(async (s) => (await pagesOf(s)).flat()));
      for (const o of others) expect([...o].sort()).toEqual([...created].sort());
      expect(others.some((o) => JSON.stringify(o) !== JSON.stringify(flat))).toBe(true);
      expect(others.filter((o) => JSON.stringify(o) === JSON.stringify(flat)).length).toBeLessThan(2);
      // Not just the newest order in disguise.
      expect([flat, ...others].some((o) => JSON.stringify(o) !== JSON.stringify(newestFirst()))).toBe(true);
    });

    it.each<[string, string]>([
      ['page=0', 'page'],
      ['page=-1', 'page'],
      ['page=1.5', 'page'],
      ['page=abc', 'page'],
      ['pageSize=0', 'pageSize'],
      ['pageSize=101', 'pageSize'],
      ['sort=popular', 'sort'],
      ['status=open', 'status'],
      ['areaId=nordmarkt', 'areaId'],
      ['fieldOfActionId=1', 'fieldOfActionId'],
      ['seed=-1', 'seed'],
      ['seed=abc', 'seed'],
      ['seed=2147483648', 'seed'],
      [`q=${'x'.repeat(101)}`, 'q'],
      ['unknown=1', 'unknown'],
    ])('refuses %s with 400 naming the parameter', async (query, name) => {
      const res = await anonymous.get(`/api/proposals?${query}`).expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(fieldsOf(res.body)).toContain(name);
    });
  });

  describe('similar proposals', () => {
    let playground: ProposalDetail;
    let playgroundNordmarkt: ProposalDetail;
    let withdrawn: ProposalDetail;
    const similar = async (text: string, extra = '') => {
      const res = await anonymous.get(`/api/proposals/similar?text=${encodeURIComponent(text)}${extra}`);
      expect({ text, status: res.status }).toEqual({ text, status: 200 });
      return res.body as SimilarProposal[];
    };

    beforeAll(async () => {
      playground = await propose(author, {
        title: 'Neuer Spielplatz im Hafen',
        body: 'Die Kinder im Hafenviertel brauchen einen Ort zum Klettern und Toben.',
        areaId: area.hafen,
        fieldOfActionId: field.EK,
      });
      playgroundNordmarkt = await propose(other, {
        title: 'Spielplatz sanieren am Nordmarkt',
        body: 'Die Schaukeln sind kaputt, der Sand muss getauscht werden.',
        fieldOfActionId: field.EK,
      });
      withdrawn = await propose(author, {
        title: 'Trinkbrunnen am Borsigplatz aufstellen',
        body: 'Im Sommer fehlt frisches Wasser für alle, die unterwegs sind.',
      });
      await author.client.post(`/api/proposals/${withdrawn.id}/withdraw`, {}).expect(200);
    });

    const expectRanked = (found: SimilarProposal[]) => {
      for (const s of found) {
        expect(s).toStrictEqual({
          id: expect.any(String),
          title: expect.any(String),
          status: expect.any(String),
          supportCount: expect.any(Number),
          score: expect.any(Number),
        });
        expect(s.score).toBeGreaterThan(0);
        expect(s.score).toBeLessThanOrEqual(1);
      }
      const scores = found.map((s) => s.score);
      expect(scores).toEqual([...scores].sort((x, y) => y - x));
    };

    it.each([
      ['the same title', 'Neuer Spielplatz im Hafen'],
      ['an inflected form', 'Spielplätze für den Hafen'],
      ['reordered words', 'im Hafen ein neuer Spielplatz'],
      ['typos', 'Neur Spielpaltz im Hafn'],
      ['other case and punctuation', 'NEUER SPIELPLATZ, IM HAFEN!'],
    ])('finds an open proposal by %s, best first, scores 0..1', async (_label, text) => {
      const found = await similar(text);
      expectRanked(found);
      expect(found[0]).toEqual(
        expect.objectContaining({ id: playground.id, title: playground.title, status: 'submitted', supportCount: 0 }),
      );
    });

    it('ranks the closer title higher and rates the same title 1', async () => {
      const found = await similar('Neuer Spielplatz im Hafen');
      expect(found[0]).toEqual(expect.objectContaining({ id: playground.id, score: 1 }));
      const nordmarkt = found.find((s) => s.id === playgroundNordmarkt.id);
      if (nordmarkt) expect(nordmarkt.score).toBeLessThan(1);
      const other = await similar('Spielplatz am Nordmarkt sanieren');
      expectRanked(other);
      expect(other[0].id).toBe(playgroundNordmarkt.id);
      expect(other.length).toBeLessThanOrEqual(5);
    });

    it('filters by area and field of action', async () => {
      expect(ids(await similar('Spielplatz', `&areaId=${area.nordmarkt}`))).not.toContain(playground.id);
      expect(ids(await similar('Spielplatz', `&fieldOfActionId=${field.EK}`))).toEqual(
        expect.arrayContaining([playground.id, playgroundNordmarkt.id]),
      );
      expect(ids(await similar('Spielplatz', `&fieldOfActionId=${field.AB}`))).not.toContain(playground.id);
    });

    it('does not offer withdrawn proposals', async () => {
      expect(ids(await similar('Trinkbrunnen am Borsigplatz aufstellen'))).not.toContain(withdrawn.id);
    });

    it('returns [] for unrelated text', async () => {
      expect(await similar('Quizshow mit Xylophon')).toEqual([]);
    });

    it('refuses text shorter than 3 characters (also after trimming), missing text and bad filters with 400', async () => {
      for (const query of [
        'text=ab',
        `text=${encodeURIComponent('  ab  ')}`,
        '',
        'text=',
        `text=${'x'.repeat(301)}`,
        'text=Spielplatz&areaId=x',
      ]) {
        const res = await anonymous.get(`/api/proposals/similar?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      }
      expect((await anonymous.get('/api/proposals/similar?text=abc').expect(200)).body).toEqual(expect.any(Array));
    });
  });

  describe('my proposals, the export and account deletion', () => {
    it('GET /api/me/proposals lists only the caller’s own, newest first, withdrawn ones included', async () => {
      const me = await t.createUser({ displayName: 'Nur ich' });
      const first = await propose(me, { title: 'Mein erster Vorschlag' });
      await sleep(5);
      const second = await propose(me, { title: 'Mein zweiter Vorschlag' });
      await me.client.post(`/api/proposals/${first.id}/withdraw`, {}).expect(200);
      await propose(other, { title: 'Nicht meiner' });
      const mine = (await me.client.get('/api/me/proposals').expect(200)).body as ProposalSummary[];
      expect(ids(mine)).toEqual([second.id, first.id]);
      expect(mine.map((p) => p.status)).toEqual(['submitted', 'withdrawn']);
      const others = (await other.client.get('/api/me/proposals').expect(200)).body as ProposalSummary[];
      expect(others.length).toBeGreaterThan(0);
      expect(others.every((p) => p.author?.id === other.id)).toBe(true);
      expectErrorShape((await anonymous.get('/api/me/proposals').expect(401)).body, 401, 'UNAUTHENTICATED');
    });

    it('the DSGVO export contains the caller’s proposals and supports, and nobody else’s', async () => {
      const me = await t.createUser({ displayName: 'Exportierende' });
      const own = await propose(me, { title: 'Vorschlag für den Export', body: 'Dieser Text gehört in meine Datenauskunft.' });
      const supported = await propose(other, { title: 'Von mir unterstützt' });
      const notMine = await propose(third, { title: 'Weder meiner noch unterstützt' });
      await me.client.request('put', `/api/proposals/${supported.id}/support`).expect(200);
      const res = await me.client.get('/api/me/export').expect(200);
      const text = JSON.stringify(res.body);
      expect({
        ownId: text.includes(own.id),
        ownTitle: text.includes('Vorschlag für den Export'),
        ownBody: text.includes('Dieser Text gehört in meine Datenauskunft.'),
        supportedId: text.includes(supported.id),
      }).toEqual({ ownId: true, ownTitle: true, ownBody: true, supportedId: true });
      expect(text).not.toContain(notMine.id);
      expect(text).not.toContain(other.email);
    });

    it('after the author deletes the account, the proposal stays and shows no name', async () => {
      const gone = await t.createUser({ displayName: 'Bald gelöscht' });
      const p = await propose(gone, { title: 'Bleibt nach dem Löschen' });
      await gone.client.delete('/api/me', { password: PASSWORD }).expect(204);
      const read = await detail(anonymous, p.id);
      expect(read).toEqual(expect.objectContaining({ title: 'Bleibt nach dem Löschen', body: p.body, status: 'submitted' }));
      expect(read.author?.displayName ?? null).toBeNull();
      expect(JSON.stringify(read)).not.toContain('Bald gelöscht');
      const listed = (await anonymous.get(`/api/proposals?q=${encodeURIComponent('Bleibt nach dem Löschen')}`).expect(200))
        .body as Page<ProposalSummary>;
      expect(listed.items.map((i) => [i.id, i.author?.displayName ?? null])).toEqual([[p.id, null]]);
      // It can still be supported; nobody can edit or withdraw it any more.
      expect((await other.client.request('put', `/api/proposals/${p.id}/support`).expect(200)).body.supportCount).toBe(1);
    });
  });
});

describe('proposals: the edit window', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PROPOSAL_EDIT_WINDOW_MINUTES: '0' });
  });
  afterAll(() => t.close());

  it('after the window the author can no longer edit (409 PROPOSAL_NOT_EDITABLE), but can still withdraw', async () => {
    const author = await t.createUser({ displayName: 'Zu spät' });
    const anonymous = await t.client();
    const areaId = (await anonymous.get('/api/areas?type=action_area').expect(200)).body[0].id as string;
    const fieldOfActionId = (await anonymous.get('/api/fields-of-action').expect(200)).body[0].id as string;
    const created = await author.client
      .post('/api/proposals', {
        title: 'Vorschlag mit kurzer Frist',
        body: 'Dieser Vorschlag kann nach der Frist nicht mehr geändert werden.',
        fieldOfActionId,
        areaId,
      })
      .expect(201);
    await sleep(20);
    const res = await author.client.patch(`/api/proposals/${created.body.id}`, { title: 'Zu spät geändert' }).expect(409);
    expectErrorShape(res.body, 409, 'PROPOSAL_NOT_EDITABLE');
    const now = (await author.client.get(`/api/proposals/${created.body.id}`).expect(200)).body as ProposalDetail;
    expect(now).toEqual(expect.objectContaining({ title: 'Vorschlag mit kurzer Frist', editedAt: null }));
    expect(now.viewer).toEqual(expect.objectContaining({ isAuthor: true, canEdit: false, canWithdraw: true }));
    expect((await author.client.post(`/api/proposals/${created.body.id}/withdraw`, {}).expect(200)).body.status).toBe('withdrawn');
  });
});
