import { randomBytes, randomUUID } from 'node:crypto';
import { toString as qrSvg } from 'qrcode';
import { DataSource } from 'typeorm';
import {
  AgendaItemType,
  AssemblyEventType,
  AssemblyStatus,
  ErrorCode,
  JOIN_CODE_ALPHABET,
  Language,
  Presence,
  RegistrationStatus,
  Role,
  VotingRoundStatus,
  VotingType,
  type AssemblyDetail,
  type LiveRound,
  type AssemblySummary,
} from '@app/shared';
import { Assembly } from '../../apps/api/src/modules/assemblies/entities/assembly.entity';
import { BallotReceipt, LiveProposalEntity, OpenBallot, VotingRoundEntity } from '../../apps/api/src/modules/live/entities/live.entities';
import { AssemblyEvent } from '../../apps/api/src/modules/assemblies/entities/assembly-event.entity';
import { Participant } from '../../apps/api/src/modules/live/entities/participant.entity';
import { RegistrationsService } from '../../apps/api/src/modules/assemblies/registrations.service';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { joinAsGuest, LiveTestClient } from './helpers/live';
import type { ReceivedMail } from '../helpers/smtp';

interface AreaRef {
  id: string;
  name: string;
  type: string;
}

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** A whole minute, so that the iCal file (seconds precision) and the API agree exactly. */
const at = (offsetMs: number) => new Date(Math.floor((Date.now() + offsetMs) / 60_000) * 60_000).toISOString();
const icsTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const codePattern = new RegExp(`^[${JOIN_CODE_ALPHABET}]{6}$`);
const icsAttachment = (mail: ReceivedMail) => mail.raw.attachments.find((a) => a.contentType.startsWith('text/calendar'));

describe('assemblies (REST): planning, registration with waiting list, mails, calendar, QR', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let areas: AreaRef[];
  const area = (name: string, type = 'action_area') => areas.find((a) => a.name === name && a.type === type)!;
  let citizen: TestUser;
  /** Scoped to Nordmarkt; the other scoped to Hafen; one without a scope. */
  let nordmarktModerator: TestUser;
  let hafenModerator: TestUser;
  let freeModerator: TestUser;

  const valid = (overrides: Record<string, unknown> = {}) => ({
    title: 'Bürgerversammlung Nordmarkt',
    place: 'Nachbarschaftstreff, Mallinckrodtstraße 1',
    startsAt: at(3 * DAY),
    endsAt: at(3 * DAY + 2 * HOUR),
    areaIds: [area('Nordmarkt').id],
    ...overrides,
  });

  const create = async (client: ApiClient, overrides: Record<string, unknown> = {}) =>
    (await client.post('/api/assemblies', valid(overrides)).expect(201)).body as AssemblyDetail;

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    admin = await t.admin();
    anonymous = await t.client();
    areas = (await anonymous.get('/api/areas?include=all').expect(200)).body;
    citizen = await t.createUser({ displayName: 'Bürgerin Berger' });
    nordmarktModerator = await t.createUser({ role: Role.Moderator, areaIds: [area('Nordmarkt').id], displayName: 'Moderatorin Nord' });
    hafenModerator = await t.createUser({ role: Role.Moderator, areaIds: [area('Hafen').id], displayName: 'Moderator Hafen' });
    freeModerator = await t.createUser({ role: Role.Moderator, displayName: 'Moderatorin ohne Bereich' });
  });
  afterAll(() => t.close());

  describe('demo data', () => {
    it('seeds one upcoming public assembly in Nordmarkt (4 agenda items of the 4 types) and one closed one in Hörde, marked illustrative', async () => {
      const upcoming = (await anonymous.get(`/api/assemblies?areaId=${area('Nordmarkt').id}`).expect(200)).body.items as AssemblySummary[];
      const nord = upcoming.find((a) => a.title.includes('Nordmarkt'))!;
      expect(nord).toEqual(expect.objectContaining({ status: AssemblyStatus.Planned, visibility: 'public' }));
      expect(new Date(nord.startsAt).getTime()).toBeGreaterThan(Date.now());
      const detail = (await anonymous.get(`/api/assemblies/${nord.id}`).expect(200)).body as AssemblyDetail;
      expect(detail.agenda.map((i) => i.type)).toEqual([
        AgendaItemType.Information,
        AgendaItemType.ProposalCollection,
        AgendaItemType.Discussion,
        AgendaItemType.Vote,
      ]);
      expect(detail.agenda.map((i) => i.position)).toEqual([1, 2, 3, 4]);
      expect(detail.description).toMatch(/Demodaten.*illustrativ/);
      expect(detail.registration).toEqual({ enabled: true, capacity: 80, confirmed: 0, waitlisted: 0 });

      const past = (await anonymous.get(`/api/assemblies?when=past&areaId=${area('Hörde').id}`).expect(200)).body
        .items as AssemblySummary[];
      expect(past).toHaveLength(1);
      expect(past[0]).toEqual(expect.objectContaining({ status: AssemblyStatus.Closed, areas: [{ id: area('Hörde').id, name: 'Hörde' }] }));
      expect(new Date(past[0].endsAt).getTime()).toBeLessThan(Date.now());
      expect(((await anonymous.get(`/api/assemblies/${past[0].id}`).expect(200)).body as AssemblyDetail).description).toMatch(
        /illustrativ/,
      );
    });
  });

  describe('planning', () => {
    it('creates an assembly with agenda, codes and moderators; the check-in code only for its moderators', async () => {
      const res = await nordmarktModerator.client
        .post(
          '/api/assemblies',
          valid({
            title: '  Versammlung mit Tagesordnung  ',
            description: 'Wir sprechen über den Platz.\nBitte kommen Sie zahlreich.',
            visibility: 'public',
            requireAccount: true,
            requireCheckIn: true,
            registrationEnabled: true,
            capacity: 50,
            moderatorIds: [freeModerator.id],
            agenda: [
              { title: 'Begrüßung', type: AgendaItemType.Information },
              { title: 'Ideen sammeln', type: AgendaItemType.ProposalCollection, description: 'Karten und Handy' },
              { title: 'Abstimmung', type: AgendaItemType.Vote, description: null },
            ],
          }),
        )
        .expect(201);
      const a = res.body as AssemblyDetail;
      expect(a).toEqual(
        expect.objectContaining({
          title: 'Versammlung mit Tagesordnung',
          status: AssemblyStatus.Planned,
          requireAccount: true,
          requireCheckIn: true,
          registration: { enabled: true, capacity: 50, confirmed: 0, waitlisted: 0 },
          areas: [{ id: area('Nordmarkt').id, name: 'Nordmarkt' }],
          moderators: [{ id: freeModerator.id, displayName: 'Moderatorin ohne Bereich' }],
        }),
      );
      expect(a.agenda).toEqual([
        expect.objectContaining({ position: 1, title: 'Begrüßung', type: AgendaItemType.Information, description: null }),
        expect.objectContaining({
          position: 2,
          title: 'Ideen sammeln',
          type: AgendaItemType.ProposalCollection,
          description: 'Karten und Handy',
        }),
        expect.objectContaining({ position: 3, title: 'Abstimmung', type: AgendaItemType.Vote }),
      ]);
      expect(a.joinCode).toMatch(codePattern);
      expect(a.viewer).toEqual({
        isModerator: true,
        registration: null,
        waitlistPosition: null,
        canRegister: true,
      });

      for (const [who, client] of [
        ['anonymous', anonymous],
        ['citizen', citizen.client],
        ['moderator of another area', hafenModerator.client],
      ] as const) {
        const seen = (await client.get(`/api/assemblies/${a.id}`).expect(200)).body as AssemblyDetail;
        expect({ who, isModerator: seen.viewer.isModerator, joinCode: seen.joinCode }).toEqual({
          who,
          isModerator: false,
          joinCode: a.joinCode,
        });
        // Check-in cards (what admits to binding votes) are the moderators' alone.
        expect({ who, status: (await client.get(`/api/assemblies/${a.id}/check-in-cards`)).status }).toEqual({
          who,
          status: who === 'anonymous' ? 401 : 403,
        });
      }
      const named = (await freeModerator.client.get(`/api/assemblies/${a.id}`).expect(200)).body as AssemblyDetail;
      expect(named.viewer.isModerator).toBe(true);
      await freeModerator.client.get(`/api/assemblies/${a.id}/check-in-cards`).expect(200);

      const codes = new Set<string>([a.joinCode]);
      for (let i = 0; i < 5; i++) codes.add((await create(admin)).joinCode);
      expect(codes.size).toBe(6);

      const audit = await admin.get(`/api/admin/audit?entityType=assembly&entityId=${a.id}`).expect(200);
      expect(audit.body.items).toEqual([
        expect.objectContaining({ action: 'assembly.created', actorId: nordmarktModerator.id, entityId: a.id }),
      ]);
      expect(await ds.getRepository(AssemblyEvent).count({ where: { assemblyId: a.id } })).toBe(0);
    });

    it('refuses invalid input with 400 and the fields named', async () => {
      const res = await admin
        .post('/api/assemblies', {
          title: 'ab',
          place: 'x',
          startsAt: 'next tuesday',
          endsAt: '2026-03-12T18:00:00',
          areaIds: [],
          visibility: 'secret',
          capacity: 0,
          moderatorIds: ['not-a-uuid'],
          agenda: [{ title: 'ok title', type: 'party' }],
        })
        .expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      const fields = (res.body.details as Array<{ field: string }>).map((d) => d.field);
      for (const field of ['title', 'place', 'startsAt', 'endsAt', 'areaIds', 'visibility', 'capacity', 'moderatorIds', 'agenda.0.type'])
        expect({ field, named: fields.includes(field) }).toEqual({ field, named: true });

      const cases: Array<[string, Record<string, unknown>, string]> = [
        ['title too long', { title: 'x'.repeat(201) }, 'title'],
        ['place too long', { place: 'x'.repeat(301) }, 'place'],
        ['end before start', { startsAt: at(3 * DAY), endsAt: at(3 * DAY - HOUR) }, 'endsAt'],
        ['end equal to start', { startsAt: at(3 * DAY), endsAt: at(3 * DAY) }, 'endsAt'],
        ['impossible date', { startsAt: '2026-02-30T18:00:00Z' }, 'startsAt'],
        ['11 areas', { areaIds: areas.slice(0, 11).map((a) => a.id) }, 'areaIds'],
        ['capacity above 100000', { capacity: 100001 }, 'capacity'],
        ['capacity not whole', { capacity: 2.5 }, 'capacity'],
        ['51 agenda items', { agenda: Array.from({ length: 51 }, (_, i) => ({ title: `Punkt ${i}`, type: 'discussion' })) }, 'agenda'],
        ['agenda item without title', { agenda: [{ type: 'vote' }] }, 'agenda.0.title'],
        ['unknown field', { status: 'live' }, 'status'],
      ];
      for (const [label, override, field] of cases) {
        const r = await admin.post('/api/assemblies', valid(override));
        expect({ label, status: r.status }).toEqual({ label, status: 400 });
        expectErrorShape(r.body, 400, 'VALIDATION_FAILED');
        expect({ label, fields: r.body.details.map((d: { field: string }) => d.field) }).toEqual({
          label,
          fields: expect.arrayContaining([field]),
        });
      }
      // 50 items are fine.
      await admin
        .post('/api/assemblies', valid({ agenda: Array.from({ length: 50 }, (_, i) => ({ title: `Punkt ${i}`, type: 'discussion' })) }))
        .expect(201);
    });

    it('refuses unknown or retired areas and moderators who are not moderators (422 with the field)', async () => {
      const unknown = await admin.post('/api/assemblies', valid({ areaIds: ['00000000-0000-4000-8000-000000000000'] })).expect(422);
      expectErrorShape(unknown.body, 422, 'REFERENCE_INVALID');
      expect(unknown.body.details).toEqual([expect.objectContaining({ field: 'areaIds' })]);
      const retired = await admin.post('/api/assemblies', valid({ areaIds: [area('Wickede').id] })).expect(422);
      expect(retired.body.message).toContain('Wickede');
      expect(retired.body.details).toEqual([expect.objectContaining({ field: 'areaIds' })]);
      const notModerator = await admin.post('/api/assemblies', valid({ moderatorIds: [citizen.id] })).expect(422);
      expectErrorShape(notModerator.body, 422, 'REFERENCE_INVALID');
      expect(notModerator.body.details).toEqual([expect.objectContaining({ field: 'moderatorIds' })]);
      // Districts and several areas at once are fine.
      const wide = await create(admin, { areaIds: [area('Innenstadt-Nord', 'district').id, area('Hafen').id] });
      expect(wide.areas.map((a) => a.name)).toEqual(['Hafen', 'Innenstadt-Nord']);
    });

    it('lets only moderators plan, scoped moderators only in their areas', async () => {
      expectErrorShape((await anonymous.post('/api/assemblies', valid()).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await citizen.client.post('/api/assemblies', valid()).expect(403)).body, 403, 'FORBIDDEN');
      const foreign = await nordmarktModerator.client.post('/api/assemblies', valid({ areaIds: [area('Hafen').id] })).expect(403);
      expectErrorShape(foreign.body, 403, 'FORBIDDEN');
      expect(foreign.body.message).toContain('Hafen');
      const mixed = await nordmarktModerator.client.post('/api/assemblies', valid({ areaIds: [area('Nordmarkt').id, area('Hafen').id] }));
      expect(mixed.status).toBe(403);
      await create(nordmarktModerator.client);
      await create(hafenModerator.client, { areaIds: [area('Hafen').id] });
      await create(freeModerator.client, { areaIds: [area('Hörde').id] });
      await create(admin, { areaIds: [area('Hörde').id] });
    });

    it('lets its moderators (and nobody else) change it; a scoped moderator cannot move it to a foreign area', async () => {
      const a = await create(nordmarktModerator.client, { moderatorIds: [] });
      const patch = { title: 'Neuer Titel der Versammlung' };
      expectErrorShape((await anonymous.patch(`/api/assemblies/${a.id}`, patch).expect(401)).body, 401);
      expectErrorShape((await citizen.client.patch(`/api/assemblies/${a.id}`, patch).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await hafenModerator.client.patch(`/api/assemblies/${a.id}`, patch).expect(403)).body, 403, 'FORBIDDEN');
      await freeModerator.client.patch(`/api/assemblies/${a.id}`, patch).expect(200);
      await admin.patch(`/api/assemblies/${a.id}`, patch).expect(200);
      const moved = await nordmarktModerator.client.patch(`/api/assemblies/${a.id}`, { areaIds: [area('Hafen').id] }).expect(403);
      expectErrorShape(moved.body, 403, 'FORBIDDEN');
      // Named as a moderator, the Hafen moderator may act on this Nordmarkt assembly.
      await nordmarktModerator.client.patch(`/api/assemblies/${a.id}`, { moderatorIds: [hafenModerator.id] }).expect(200);
      const changed = await hafenModerator.client
        .patch(`/api/assemblies/${a.id}`, {
          place: 'Anderer Ort',
          endsAt: at(3 * DAY + 3 * HOUR),
          visibility: 'unlisted',
          description: null,
        })
        .expect(200);
      expect(changed.body).toEqual(
        expect.objectContaining({
          title: patch.title,
          place: 'Anderer Ort',
          visibility: 'unlisted',
          description: null,
          endsAt: at(3 * DAY + 3 * HOUR),
        }),
      );
      const backwards = await hafenModerator.client.patch(`/api/assemblies/${a.id}`, { startsAt: at(4 * DAY) }).expect(400);
      expect(backwards.body.details).toEqual([expect.objectContaining({ field: 'endsAt' })]);
      const nulls = await hafenModerator.client.patch(`/api/assemblies/${a.id}`, { title: null, areaIds: null }).expect(400);
      expect(nulls.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['title', 'areaIds']));
      expectErrorShape(
        (await admin.patch('/api/assemblies/00000000-0000-4000-8000-000000000000', patch).expect(404)).body,
        404,
        'NOT_FOUND',
      );

      const audit = await admin.get(`/api/admin/audit?entityType=assembly&entityId=${a.id}&pageSize=100`).expect(200);
      const updates = audit.body.items.filter((e: { action: string }) => e.action === 'assembly.updated');
      expect(updates).toHaveLength(4);
      expect(updates.map((e: { actorId: string }) => e.actorId)).toEqual(
        expect.arrayContaining([freeModerator.id, hafenModerator.id, nordmarktModerator.id]),
      );
      expect(updates.find((e: { actorId: string }) => e.actorId === hafenModerator.id).details.changes).toEqual(
        expect.objectContaining({ place: 'Anderer Ort' }),
      );
    });

    it('replaces the agenda: kept ids updated, new items added, missing ones removed — unless rounds or live proposals use them', async () => {
      const a = await create(admin, {
        agenda: [
          { title: 'Eins', type: 'information' },
          { title: 'Zwei', type: 'discussion' },
          { title: 'Drei', type: 'vote' },
        ],
      });
      const [one, two, three] = a.agenda;
      const res = await admin
        .patch(`/api/assemblies/${a.id}`, {
          agenda: [
            { id: two.id, title: 'Zwei (neu)', type: 'vote', description: 'geändert' },
            { title: 'Neu', type: 'proposal_collection' },
            { id: one.id, title: 'Eins', type: 'information' },
          ],
        })
        .expect(200);
      expect(res.body.agenda).toEqual([
        { id: two.id, position: 1, title: 'Zwei (neu)', type: 'vote', description: 'geändert', vote: null },
        { id: expect.any(String), position: 2, title: 'Neu', type: 'proposal_collection', description: null, vote: null },
        { id: one.id, position: 3, title: 'Eins', type: 'information', description: null, vote: null },
      ]);
      expect(res.body.agenda.map((i: { id: string }) => i.id)).not.toContain(three.id);

      // Ids of another assembly's items, or twice the same id, are refused.
      const other = await create(admin, { agenda: [{ title: 'Fremd', type: 'vote' }] });
      const foreign = await admin
        .patch(`/api/assemblies/${a.id}`, { agenda: [{ id: other.agenda[0].id, title: 'Fremd', type: 'vote' }] })
        .expect(422);
      expect(foreign.body.details).toEqual([expect.objectContaining({ field: 'agenda.0.id' })]);
      const twice = await admin
        .patch(`/api/assemblies/${a.id}`, {
          agenda: [
            { id: one.id, title: 'Eins', type: 'information' },
            { id: one.id, title: 'Eins', type: 'information' },
          ],
        })
        .expect(400);
      expect(twice.body.details).toEqual([expect.objectContaining({ field: 'agenda.1.id' })]);

      // A voting round under "Zwei (neu)", a live proposal under "Eins".
      await ds.getRepository(VotingRoundEntity).insert({
        assemblyId: a.id,
        agendaItemId: two.id,
        question: 'Welche Idee zuerst?',
        type: VotingType.YesNoAbstain,
        options: [{ id: 'yes', label: 'Ja' }],
      });
      await ds.getRepository(LiveProposalEntity).insert({ assemblyId: a.id, agendaItemId: one.id, text: 'Mehr Bänke' });
      const [keptTwo, keepNew, keptOne] = (res.body.agenda as AssemblyDetail['agenda']).map(({ id, title, type, description }) => ({
        id,
        title,
        type,
        description,
      }));
      const withRound = await admin.patch(`/api/assemblies/${a.id}`, { agenda: [keepNew, keptOne] }).expect(409);
      expectErrorShape(withRound.body, 409, 'CONFLICT');
      expect(withRound.body.message).toMatch(/"Zwei \(neu\)" cannot be removed because voting rounds belong to it/);
      const withProposal = await admin.patch(`/api/assemblies/${a.id}`, { agenda: [keptTwo, keepNew] }).expect(409);
      expect(withProposal.body.message).toMatch(/"Eins" cannot be removed because proposals were made under it/);
      // Nothing changed by the refused requests.
      const after = (await admin.get(`/api/assemblies/${a.id}`).expect(200)).body as AssemblyDetail;
      expect(after.agenda.map((i) => i.title)).toEqual(['Zwei (neu)', 'Neu', 'Eins']);
      // Removing the unused item is fine.
      const removed = await admin.patch(`/api/assemblies/${a.id}`, { agenda: [keptTwo, keptOne] }).expect(200);
      expect(removed.body.agenda.map((i: { title: string; position: number }) => [i.position, i.title])).toEqual([
        [1, 'Zwei (neu)'],
        [2, 'Eins'],
      ]);
    });

    it('refuses changes and registrations once the assembly is closed (409)', async () => {
      const a = await create(admin, { registrationEnabled: true });
      await ds.getRepository(Assembly).update({ id: a.id }, { status: AssemblyStatus.Closed });
      const res = await admin.patch(`/api/assemblies/${a.id}`, { title: 'Zu spät geändert' }).expect(409);
      expectErrorShape(res.body, 409, 'ASSEMBLY_CLOSED');
      const reg = await citizen.client.put(`/api/assemblies/${a.id}/registration`).expect(409);
      expectErrorShape(reg.body, 409, 'REGISTRATION_CLOSED');
      expect(((await citizen.client.get(`/api/assemblies/${a.id}`).expect(200)).body as AssemblyDetail).viewer.canRegister).toBe(false);
    });
  });

  describe('list', () => {
    let district: string;
    let actionArea: string;
    let quartier: string;
    const titles = (items: AssemblySummary[]) => items.map((a) => a.title);

    beforeAll(async () => {
      const suffix = randomBytes(3).toString('hex');
      const mk = async (body: Record<string, unknown>) =>
        (await admin.post('/api/areas', { validFrom: '2020-01-01', ...body }).expect(201)).body.id as string;
      district = await mk({ type: 'district', code: `sb-test-${suffix}`, name: `Testbezirk ${suffix}` });
      actionArea = await mk({ type: 'action_area', code: `ar-test-${suffix}`, name: `Testraum ${suffix}`, parentId: district });
      quartier = await mk({ type: 'neighbourhood', code: `q-test-${suffix}`, name: `Testquartier ${suffix}`, parentId: actionArea });
      await create(admin, { title: 'L2 später im Quartier', areaIds: [quartier], startsAt: at(10 * DAY), endsAt: at(10 * DAY + HOUR) });
      await create(admin, { title: 'L1 bald im Aktionsraum', areaIds: [actionArea], startsAt: at(2 * DAY), endsAt: at(2 * DAY + HOUR) });
      await create(admin, { title: 'L3 vorbei', areaIds: [actionArea], startsAt: at(-5 * DAY), endsAt: at(-5 * DAY + HOUR) });
      await create(admin, { title: 'L4 länger vorbei', areaIds: [quartier], startsAt: at(-9 * DAY), endsAt: at(-9 * DAY + HOUR) });
      await create(admin, { title: 'L5 nicht gelistet', areaIds: [actionArea], visibility: 'unlisted' });
      await create(admin, { title: 'L6 im Bezirk', areaIds: [district], startsAt: at(5 * DAY), endsAt: at(5 * DAY + HOUR) });
      // Running now: still upcoming until it ends.
      await create(admin, { title: 'L7 läuft gerade', areaIds: [actionArea], startsAt: at(-HOUR), endsAt: at(HOUR) });
      const closedEarly = await create(admin, {
        title: 'L8 vorzeitig geschlossen',
        areaIds: [actionArea],
        startsAt: at(-HOUR),
        endsAt: at(HOUR),
      });
      await ds.getRepository(Assembly).update({ id: closedEarly.id }, { status: AssemblyStatus.Closed });
    });

    it('lists upcoming (soonest first) and past (latest first) per area, including sub-areas, never unlisted ones', async () => {
      const upcoming = (await anonymous.get(`/api/assemblies?areaId=${district}`).expect(200)).body;
      expect(titles(upcoming.items)).toEqual(['L7 läuft gerade', 'L1 bald im Aktionsraum', 'L6 im Bezirk', 'L2 später im Quartier']);
      expect(upcoming.total).toBe(4);
      expect(titles((await anonymous.get(`/api/assemblies?when=upcoming&areaId=${actionArea}`).expect(200)).body.items)).toEqual([
        'L7 läuft gerade',
        'L1 bald im Aktionsraum',
        'L2 später im Quartier',
      ]);
      expect(titles((await anonymous.get(`/api/assemblies?areaId=${quartier}`).expect(200)).body.items)).toEqual(['L2 später im Quartier']);
      expect(titles((await anonymous.get(`/api/assemblies?when=past&areaId=${district}`).expect(200)).body.items)).toEqual([
        'L8 vorzeitig geschlossen',
        'L3 vorbei',
        'L4 länger vorbei',
      ]);
      expect(titles((await anonymous.get(`/api/assemblies?when=past&areaId=${quartier}`).expect(200)).body.items)).toEqual([
        'L4 länger vorbei',
      ]);

      const everything = [
        ...(await anonymous.get('/api/assemblies?pageSize=100').expect(200)).body.items,
        ...(await anonymous.get('/api/assemblies?when=past&pageSize=100').expect(200)).body.items,
      ] as AssemblySummary[];
      expect(everything.length).toBeGreaterThan(8);
      expect(everything.filter((a) => a.visibility !== 'public')).toEqual([]);
      expect(titles(everything)).not.toContain('L5 nicht gelistet');
      const unlisted = (await admin.get(`/api/assemblies?areaId=${actionArea}`).expect(200)).body.items as AssemblySummary[];
      expect(titles(unlisted)).not.toContain('L5 nicht gelistet');
    });

    it('pages, and refuses bad filters', async () => {
      const first = (await anonymous.get(`/api/assemblies?areaId=${district}&pageSize=3`).expect(200)).body;
      const second = (await anonymous.get(`/api/assemblies?areaId=${district}&pageSize=3&page=2`).expect(200)).body;
      expect({ total: first.total, page: first.page, pageSize: first.pageSize, n: first.items.length }).toEqual({
        total: 4,
        page: 1,
        pageSize: 3,
        n: 3,
      });
      expect(titles(second.items)).toEqual(['L2 später im Quartier']);
      for (const q of ['when=soon', 'areaId=nope', 'pageSize=101', 'page=0', 'extra=1'])
        expectErrorShape((await anonymous.get(`/api/assemblies?${q}`).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await anonymous.get('/api/assemblies/not-a-uuid').expect(400)).body, 400);
      expectErrorShape((await anonymous.get('/api/assemblies/00000000-0000-4000-8000-000000000000').expect(404)).body, 404, 'NOT_FOUND');
    });
  });

  describe('registration', () => {
    it('needs an account and an assembly that takes registrations', async () => {
      const open = await create(admin, { registrationEnabled: true });
      const noRegistration = await create(admin);
      expectErrorShape((await anonymous.put(`/api/assemblies/${open.id}/registration`).expect(401)).body, 401, 'UNAUTHENTICATED');
      const refused = await citizen.client.put(`/api/assemblies/${noRegistration.id}/registration`).expect(409);
      expectErrorShape(refused.body, 409, 'REGISTRATION_CLOSED');
      expect(
        ((await citizen.client.get(`/api/assemblies/${noRegistration.id}`).expect(200)).body as AssemblyDetail).viewer.canRegister,
      ).toBe(false);
      const past = await create(admin, { registrationEnabled: true, startsAt: at(-3 * HOUR), endsAt: at(-HOUR) });
      expectErrorShape((await citizen.client.put(`/api/assemblies/${past.id}/registration`).expect(409)).body, 409, 'REGISTRATION_CLOSED');
      expectErrorShape(
        (await citizen.client.put('/api/assemblies/00000000-0000-4000-8000-000000000000/registration').expect(404)).body,
        404,
        'NOT_FOUND',
      );
      // Without a limit everybody is confirmed; registering again changes nothing and sends no second mail.
      const first = await citizen.client.put(`/api/assemblies/${open.id}/registration`).expect(200);
      expect(first.body).toEqual({ status: RegistrationStatus.Confirmed, waitlistPosition: null });
      await t.smtp.waitFor(citizen.email, (m) => m.subject.includes('Anmeldung bestätigt'));
      const mailsBefore = t.smtp.countTo(citizen.email);
      expect((await citizen.client.put(`/api/assemblies/${open.id}/registration`).expect(200)).body.status).toBe(
        RegistrationStatus.Confirmed,
      );
      const seen = (await citizen.client.get(`/api/assemblies/${open.id}`).expect(200)).body as AssemblyDetail;
      expect(seen.viewer).toEqual(expect.objectContaining({ registration: RegistrationStatus.Confirmed, canRegister: false }));
      expect(seen.registration.confirmed).toBe(1);
      // Cancelling twice is harmless; the second sends nothing.
      expect((await citizen.client.delete(`/api/assemblies/${open.id}/registration`).expect(200)).body).toEqual({
        status: RegistrationStatus.Cancelled,
        waitlistPosition: null,
      });
      await citizen.client.delete(`/api/assemblies/${open.id}/registration`).expect(200);
      await t.smtp.waitFor(citizen.email, (m) => m.subject.includes('Abmeldung bestätigt'));
      expect(t.smtp.countTo(citizen.email)).toBe(mailsBefore + 1);
      const after = (await citizen.client.get(`/api/assemblies/${open.id}`).expect(200)).body as AssemblyDetail;
      expect(after.viewer).toEqual(expect.objectContaining({ registration: RegistrationStatus.Cancelled, canRegister: true }));
      expect(after.registration.confirmed).toBe(0);
    });

    // Thirty accounts at production hashing cost (about 1.5 s each on a busy 2-core machine) come first: a longer timeout.
    it('30 people at once for 10 places: exactly 10 confirmed, 20 waitlisted in order; cancelling promotes the first, with mails in each language', async () => {
      const a = await create(admin, { title: 'Versammlung mit Kapazität, 10 Plätze', registrationEnabled: true, capacity: 10 });
      const people: TestUser[] = [];
      for (let i = 0; i < 30; i++)
        people.push(await t.createUser({ displayName: `Person ${i}`, language: i % 2 ? Language.English : Language.German }));
      const language = (p: TestUser) => (people.indexOf(p) % 2 ? Language.English : Language.German);
      const answers = await Promise.all(people.map((p) => p.client.put(`/api/assemblies/${a.id}/registration`)));
      expect(answers.map((r) => r.status)).toEqual(Array(30).fill(200));
      const confirmed = people.filter((_, i) => answers[i].body.status === RegistrationStatus.Confirmed);
      const waitlisted = people.filter((_, i) => answers[i].body.status === RegistrationStatus.Waitlisted);
      expect({ confirmed: confirmed.length, waitlisted: waitlisted.length }).toEqual({ confirmed: 10, waitlisted: 20 });
      const positionOf = (p: TestUser) => answers[people.indexOf(p)].body.waitlistPosition as number;
      expect(waitlisted.map(positionOf).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      expect(confirmed.map(positionOf)).toEqual(Array(10).fill(null));
      const byPosition = [...waitlisted].sort((x, y) => positionOf(x) - positionOf(y));
      const detail = (await anonymous.get(`/api/assemblies/${a.id}`).expect(200)).body as AssemblyDetail;
      expect(detail.registration).toEqual({ enabled: true, capacity: 10, confirmed: 10, waitlisted: 20 });

      // Confirmation mails (with the calendar entry and the link) and waiting-list mails, each in the person's language;
      // the links open the assembly in that language (?lang=, none for German).
      for (const p of confirmed) {
        const english = language(p) === Language.English;
        const link = `${t.url}/assemblies/${a.id}${english ? '?lang=en' : ''}`;
        const mail = await t.smtp.waitFor(p.email, (m) => m.subject.includes(english ? 'Registration confirmed' : 'Anmeldung bestätigt'));
        expect(mail.text).toContain(link);
        expect(mail.text).toContain(english ? 'Where: ' : 'Wo: ');
        expect(mail.html).toContain(`href="${link}"`);
        const ics = icsAttachment(mail);
        expect(ics).toBeDefined();
        // Unfolded (RFC 5545 folds lines at 75 octets).
        const text = ics!.content.toString('utf8').replace(/\r?\n[ \t]/g, '');
        expect(text).toContain('BEGIN:VEVENT');
        expect(text).toContain(`DTSTART:${icsTime(a.startsAt)}`);
        expect(text).toContain(`URL:${link}`);
      }
      for (const p of waitlisted) {
        const english = language(p) === Language.English;
        const mail = await t.smtp.waitFor(p.email, (m) => m.subject.includes(english ? 'Waiting list' : 'Warteliste'));
        expect(mail.text).toContain(english ? `number ${positionOf(p)} on the waiting list` : `Platz ${positionOf(p)} der Warteliste`);
        expect(icsAttachment(mail)).toBeUndefined();
      }

      // Asking again tells the same place.
      const again = await byPosition[1].client.put(`/api/assemblies/${a.id}/registration`).expect(200);
      expect(again.body).toEqual({ status: RegistrationStatus.Waitlisted, waitlistPosition: 2 });
      // The detail page tells the place too (after a reload, without registering again).
      const seenLater = (await byPosition[1].client.get(`/api/assemblies/${a.id}`).expect(200)).body as AssemblyDetail;
      expect(seenLater.viewer).toEqual(expect.objectContaining({ registration: RegistrationStatus.Waitlisted, waitlistPosition: 2 }));

      // A confirmed person cancels: the first on the waiting list moves up and is mailed.
      const leaving = confirmed[0];
      await leaving.client.delete(`/api/assemblies/${a.id}/registration`).expect(200);
      const cancelMail = await t.smtp.waitFor(leaving.email, (m) => /Abmeldung bestätigt|Registration cancelled/.test(m.subject));
      expect(cancelMail.subject).toContain(language(leaving) === Language.English ? 'Registration cancelled' : 'Abmeldung bestätigt');
      const promoted = byPosition[0];
      const promotedMail = await t.smtp.waitFor(promoted.email, (m) =>
        /Ein Platz ist frei geworden|A place has become free/.test(m.subject),
      );
      expect(promotedMail.subject).toContain(
        language(promoted) === Language.English ? 'A place has become free' : 'Ein Platz ist frei geworden',
      );
      expect(icsAttachment(promotedMail)).toBeDefined();
      expect(((await promoted.client.get(`/api/assemblies/${a.id}`).expect(200)).body as AssemblyDetail).viewer.registration).toBe(
        RegistrationStatus.Confirmed,
      );
      expect((await byPosition[1].client.put(`/api/assemblies/${a.id}/registration`).expect(200)).body).toEqual({
        status: RegistrationStatus.Waitlisted,
        waitlistPosition: 1,
      });
      expect(((await anonymous.get(`/api/assemblies/${a.id}`).expect(200)).body as AssemblyDetail).registration).toEqual(
        expect.objectContaining({ confirmed: 10, waitlisted: 19 }),
      );

      // Someone on the waiting list leaving frees no place: nobody is promoted.
      await byPosition[5].client.delete(`/api/assemblies/${a.id}/registration`).expect(200);
      expect(((await anonymous.get(`/api/assemblies/${a.id}`).expect(200)).body as AssemblyDetail).registration).toEqual(
        expect.objectContaining({ confirmed: 10, waitlisted: 18 }),
      );
      expect((await byPosition[1].client.put(`/api/assemblies/${a.id}/registration`).expect(200)).body.waitlistPosition).toBe(1);
      expect((await byPosition[6].client.put(`/api/assemblies/${a.id}/registration`).expect(200)).body.waitlistPosition).toBe(5);

      // Re-registering after cancelling goes to the end of the waiting list.
      expect((await leaving.client.put(`/api/assemblies/${a.id}/registration`).expect(200)).body).toEqual({
        status: RegistrationStatus.Waitlisted,
        waitlistPosition: 19,
      });

      // More places: the next two move up, in order, and are mailed.
      await admin.patch(`/api/assemblies/${a.id}`, { capacity: 12 }).expect(200);
      for (const p of [byPosition[1], byPosition[2]]) {
        await t.smtp.waitFor(p.email, (m) => /Ein Platz ist frei geworden|A place has become free/.test(m.subject));
        expect(((await p.client.get(`/api/assemblies/${a.id}`).expect(200)).body as AssemblyDetail).viewer.registration).toBe(
          RegistrationStatus.Confirmed,
        );
      }
      expect((await byPosition[3].client.put(`/api/assemblies/${a.id}/registration`).expect(200)).body.waitlistPosition).toBe(1);
      expect(((await anonymous.get(`/api/assemblies/${a.id}`).expect(200)).body as AssemblyDetail).registration).toEqual(
        expect.objectContaining({ capacity: 12, confirmed: 12, waitlisted: 17 }),
      );
    }, 240_000);

    it('sends the reminder about 24 hours before the start, once per registration even when two runs race', async () => {
      const reminders = t.app.get(RegistrationsService);
      // Later than every other assembly here, so the runs below find this one's registrations only.
      const a = await create(admin, {
        title: 'Versammlung mit Erinnerung',
        registrationEnabled: true,
        capacity: 2,
        startsAt: at(30 * DAY),
        endsAt: at(30 * DAY + 2 * HOUR),
      });
      const de = await t.createUser({ displayName: 'Erinnerte Person', language: Language.German });
      const en = await t.createUser({ displayName: 'Reminded person', language: Language.English });
      const waiting = await t.createUser({ displayName: 'Wartende Person' });
      const gone = await t.createUser({ displayName: 'Abgemeldete Person' });
      await gone.client.put(`/api/assemblies/${a.id}/registration`).expect(200);
      for (const p of [de, en, waiting]) await p.client.put(`/api/assemblies/${a.id}/registration`).expect(200);
      await gone.client.delete(`/api/assemblies/${a.id}/registration`).expect(200);
      // Two places: "gone" cancelled, so "en" moved up and "waiting" stays on the waiting list, as does the last one.
      const last = await t.createUser({ displayName: 'Letzte Person' });
      expect((await last.client.put(`/api/assemblies/${a.id}/registration`).expect(200)).body.status).toBe(RegistrationStatus.Waitlisted);
      const reminderMails = (email: string) =>
        t.smtp.mails.filter((m) => m.to.includes(email) && /^(Erinnerung|Reminder):/.test(m.subject) && m.text.includes(a.id));

      // A month ahead: nothing is due yet.
      await reminders.sendDueReminders();
      for (const p of [de, en, waiting, gone, last]) expect(reminderMails(p.email)).toHaveLength(0);

      // 23 hours before the start, two runs (as two processes would) race: each reminder goes out once.
      const dueAt = new Date(new Date(a.startsAt).getTime() - 23 * HOUR);
      const [x, y] = await Promise.all([reminders.sendDueReminders(dueAt), reminders.sendDueReminders(dueAt)]);
      expect(x + y).toBe(2);
      expect(await reminders.sendDueReminders(dueAt)).toBe(0);
      const deMail = await t.smtp.waitFor(de.email, (m) => m.subject.startsWith('Erinnerung'));
      expect(deMail.subject).toBe('Erinnerung: „Versammlung mit Erinnerung“ beginnt bald');
      expect(deMail.text).toContain(`${t.url}/assemblies/${a.id}`);
      expect(icsAttachment(deMail)).toBeDefined();
      const enMail = await t.smtp.waitFor(en.email, (m) => m.subject.startsWith('Reminder'));
      expect(enMail.subject).toBe('Reminder: "Versammlung mit Erinnerung" starts soon');
      for (const p of [de, en]) expect(reminderMails(p.email)).toHaveLength(1);
      for (const p of [waiting, gone, last]) expect(reminderMails(p.email)).toHaveLength(0);
      // After the start nothing more is sent.
      expect(await reminders.sendDueReminders(new Date(new Date(a.startsAt).getTime() + HOUR))).toBe(0);
    });
  });

  describe('prepared votes on the agenda', () => {
    const vote = (overrides: Record<string, unknown> = {}) => ({
      question: 'Wofür soll der Aktionsraumfonds 2027 reichen?',
      type: VotingType.MultipleChoice,
      options: [' Spielplatz ', 'Bänke', 'Bäume'],
      maxChoices: 2,
      points: null,
      secret: false,
      requireCheckIn: false,
      ...overrides,
    });
    const agendaWith = (prepared: Record<string, unknown> | null, type = AgendaItemType.Vote) => [
      { title: 'Begrüßung', type: AgendaItemType.Information },
      { title: 'Abstimmung über den Fonds', type, vote: prepared },
    ];

    it('saves a valid prepared vote (moderators see it), refuses an invalid one with 400 and its fields, keeps it on a PATCH without it', async () => {
      const client = freeModerator.client;
      const assembly = await create(client, { agenda: agendaWith(vote()) });
      expect(assembly.agenda[1].vote).toEqual({ ...vote(), options: ['Spielplatz', 'Bänke', 'Bäume'] });
      expect(assembly.agenda[0].vote).toBeNull();
      // Everybody else sees the agenda without it.
      const seen = (await anonymous.get(`/api/assemblies/${assembly.id}`).expect(200)).body as AssemblyDetail;
      expect(seen.agenda[1]).not.toHaveProperty('vote');

      // The voting model's rules, as for a round created in the console: 400 with the fields.
      const bad = await client
        .post('/api/assemblies', valid({ agenda: agendaWith(vote({ options: ['Nur eine'], maxChoices: 5 })) }))
        .expect(400);
      expectErrorShape(bad.body, 400, ErrorCode.ValidationFailed);
      const fields = (bad.body.details as Array<{ field: string }>).map((d) => d.field);
      expect(fields).toEqual(expect.arrayContaining(['agenda.1.vote.options', 'agenda.1.vote.maxChoices']));
      const dots = await client.post(
        '/api/assemblies',
        valid({ agenda: agendaWith(vote({ type: VotingType.DotVoting, maxChoices: null })) }),
      );
      expect(dots.status).toBe(400);
      expect(dots.body.details).toEqual([{ field: 'agenda.1.vote.points', messages: [expect.any(String)] }]);
      const shape = await client.post('/api/assemblies', valid({ agenda: agendaWith(vote({ type: 'ranked', secret: 'ja' })) })).expect(400);
      expect((shape.body.details as Array<{ field: string }>).map((d) => d.field).sort()).toEqual([
        'agenda.1.vote.secret',
        'agenda.1.vote.type',
      ]);
      const notVote = await client.post('/api/assemblies', valid({ agenda: agendaWith(vote(), AgendaItemType.Discussion) })).expect(400);
      expect(notVote.body.details).toEqual([{ field: 'agenda.1.vote', messages: [expect.any(String)] }]);

      // A PATCH that leaves the vote out keeps it; one that sends it changes it; null removes it.
      const items = assembly.agenda.map(({ id, title, type }) => ({ id, title, type }));
      let patched = (await client.patch(`/api/assemblies/${assembly.id}`, { agenda: items }).expect(200)).body as AssemblyDetail;
      expect(patched.agenda[1].vote?.question).toBe(vote().question);
      items[1] = { ...items[1], vote: vote({ type: VotingType.YesNoAbstain, options: ['x'], maxChoices: 3 }) } as (typeof items)[1];
      patched = (await client.patch(`/api/assemblies/${assembly.id}`, { agenda: items }).expect(200)).body as AssemblyDetail;
      expect(patched.agenda[1].vote).toEqual({ ...vote(), type: VotingType.YesNoAbstain, options: [], maxChoices: null });
      items[1] = { ...items[1], vote: null } as (typeof items)[1];
      patched = (await client.patch(`/api/assemblies/${assembly.id}`, { agenda: items }).expect(200)).body as AssemblyDetail;
      expect(patched.agenda[1].vote).toBeNull();
    });

    it('starts a prepared vote with one action: the round opens with its definition and takes ballots; a second start is 409', async () => {
      const assembly = await create(freeModerator.client, { agenda: agendaWith(vote({ secret: true })) });
      const [plain, item] = assembly.agenda;
      const mod = await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: freeModerator.client });
      try {
        await mod.until('the prepared vote in the moderator state', () => (mod.moderator?.preparedVotes.length ?? 0) === 1);
        expect(mod.moderator!.preparedVotes[0]).toEqual({ agendaItemId: item.id, vote: item.vote });
        // Not while the assembly is planned; not on an item without a prepared vote.
        expect((await mod.error('round:start-prepared', { agendaItemId: item.id })).statusCode).toBe(409);
        await mod.ok('assembly:set-status', { status: 'live' });
        const none = await mod.error('round:start-prepared', { agendaItemId: plain.id });
        expect(none).toMatchObject({ statusCode: 422, details: [{ field: 'agendaItemId', messages: [expect.any(String)] }] });

        const round = await mod.ok<LiveRound>('round:start-prepared', { agendaItemId: item.id });
        expect(round).toMatchObject({
          agendaItemId: item.id,
          question: vote().question,
          type: VotingType.MultipleChoice,
          options: [
            { id: 'o1', label: 'Spielplatz' },
            { id: 'o2', label: 'Bänke' },
            { id: 'o3', label: 'Bäume' },
          ],
          maxChoices: 2,
          points: null,
          secret: true,
          requireCheckIn: false,
          status: VotingRoundStatus.Open,
        });
        const again = await mod.error('round:start-prepared', { agendaItemId: item.id });
        expectErrorShape(again, 409, ErrorCode.RoundStateInvalid);

        // Ballots are accepted by the rules of the prepared definition.
        const joined = await joinAsGuest(t, assembly.joinCode, 'Gast Gül');
        const voter = await LiveTestClient.ready(t, { assemblyId: assembly.id, guestToken: joined.guestToken });
        try {
          const tooMany = await voter.error('ballot:cast', {
            roundId: round.id,
            optionIds: ['o1', 'o2', 'o3'],
            idempotencyKey: randomUUID(),
          });
          expect(tooMany.code).toBe(ErrorCode.BallotInvalid);
          await voter.ok('ballot:cast', { roundId: round.id, optionIds: ['o1', 'o3'], idempotencyKey: randomUUID() });
          await mod.until('the ballot in the tally', () => mod.moderator?.rounds.find((r) => r.id === round.id)?.ballotsCast === 1);
        } finally {
          voter.close();
        }
        // Closed, the prepared vote can be started again (a second round of the item).
        await mod.ok('round:close', { roundId: round.id });
        const second = await mod.ok<LiveRound>('round:start-prepared', { agendaItemId: item.id });
        expect(second.id).not.toBe(round.id);
        const events = await ds.getRepository(AssemblyEvent).find({ where: { assemblyId: assembly.id } });
        const ofRound = events.filter((e) => e.data.roundId === second.id).map((e) => e.type);
        expect(ofRound.sort()).toEqual([AssemblyEventType.RoundCreated, AssemblyEventType.RoundOpened].sort());
      } finally {
        mod.close();
      }
    });
  });

  describe('calendar file and QR code', () => {
    it('serves the assembly as an iCalendar event with UTC times, title, place, description and URL', async () => {
      const a = await create(admin, {
        title: 'Kalender, Test; Versammlung',
        place: 'Saal 3, Rathaus',
        description: 'Wir sprechen über den Nordmarkt.',
      });
      const res = await anonymous.get(`/api/assemblies/${a.id}/calendar.ics`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/calendar/);
      const text = res.text.replace(/\r\n[ \t]/g, '');
      expect(text).toMatch(/^BEGIN:VCALENDAR/);
      expect(text).toContain('BEGIN:VEVENT');
      expect(text).toContain(`DTSTART:${icsTime(a.startsAt)}`);
      expect(text).toContain(`DTEND:${icsTime(a.endsAt)}`);
      expect(text).toMatch(/DTSTART:\d{8}T\d{6}Z/);
      expect(text).toContain('SUMMARY:Kalender\\, Test\\; Versammlung');
      expect(text).toContain('LOCATION:Saal 3\\, Rathaus');
      expect(text).toContain('DESCRIPTION:Wir sprechen über den Nordmarkt.');
      expect(text).toContain(`URL:${t.url}/assemblies/${a.id}`);
      expect(text).toContain(`UID:assembly-${a.id}@`);
      expectErrorShape((await anonymous.get('/api/assemblies/00000000-0000-4000-8000-000000000000/calendar.ics').expect(404)).body, 404);
    });

    it('serves the QR code of the join link as SVG under a strict CSP', async () => {
      const a = await create(admin, { visibility: 'unlisted' });
      const res = await anonymous
        .get(`/api/assemblies/${a.id}/qr.svg`)
        .buffer(true)
        .parse((r, cb) => {
          let data = '';
          r.setEncoding('utf8');
          r.on('data', (chunk: string) => (data += chunk));
          r.on('end', () => cb(null, data));
        });
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/^image\/svg\+xml/);
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-security-policy']).toContain('sandbox');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      const svg = res.body as string;
      expect(svg).toMatch(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
      expect(svg).not.toMatch(/<script|on\w+=/i);
      // The same URL encoded by the same library gives the same picture: the code holds /join/<code>.
      expect(svg).toBe(await qrSvg(`${t.url}/join/${a.joinCode}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
      expect(svg).not.toBe(await qrSvg(`${t.url}/join/XXXXXX`, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));
      expectErrorShape((await anonymous.get('/api/assemblies/00000000-0000-4000-8000-000000000000/qr.svg').expect(404)).body, 404);
    });
  });

  describe('DSGVO export', () => {
    it('contains the person’s registrations and participations, never what they voted', async () => {
      const person = await t.createUser({ displayName: 'Exportierende Person' });
      const a = await create(admin, { title: 'Versammlung für den Export', registrationEnabled: true });
      await person.client.put(`/api/assemblies/${a.id}/registration`).expect(200);
      const participant = await ds
        .getRepository(Participant)
        .save(
          ds
            .getRepository(Participant)
            .create({ assemblyId: a.id, userId: person.id, presence: Presence.Hall, checkedIn: true, joinedAt: new Date() }),
        );
      const round = await ds.getRepository(VotingRoundEntity).save(
        ds.getRepository(VotingRoundEntity).create({
          assemblyId: a.id,
          question: 'Geheime Frage zur Prüfung',
          type: VotingType.SingleChoice,
          options: [{ id: 'option-geheim', label: 'Geheime Option' }],
        }),
      );
      await ds.getRepository(BallotReceipt).insert({ roundId: round.id, participantId: participant.id, idempotencyKey: 'key-123456' });
      await ds.getRepository(OpenBallot).insert({ roundId: round.id, participantId: participant.id, choices: { 'option-geheim': 1 } });

      const res = await person.client.get('/api/me/export').expect(200);
      expect(res.body.assemblyRegistrations).toEqual([
        expect.objectContaining({ assemblyId: a.id, assemblyTitle: 'Versammlung für den Export', status: RegistrationStatus.Confirmed }),
      ]);
      expect(res.body.assemblyParticipations).toEqual([
        {
          assemblyId: a.id,
          assemblyTitle: 'Versammlung für den Export',
          displayName: 'Exportierende Person',
          presence: Presence.Hall,
          checkedIn: true,
          joinedAt: expect.any(String),
        },
      ]);
      const text = JSON.stringify(res.body);
      for (const secret of [round.id, 'option-geheim', 'Geheime', 'key-123456', 'choices'])
        expect({ secret, found: text.includes(secret) }).toEqual({ secret, found: false });
      const other = await citizen.client.get('/api/me/export').expect(200);
      expect(JSON.stringify(other.body)).not.toContain('Versammlung für den Export');
    });
  });
});
