import { DataSource } from 'typeorm';
import {
  AssemblyStatus,
  AssemblyVisibility,
  Presence,
  ProjectState,
  Role,
  type AreaProfileResponse,
  type CityOverviewResponse,
  type ParticipationStatsResponse,
} from '@app/shared';
import { Assembly } from '../../apps/api/src/modules/assemblies/entities/assembly.entity';
import { Participant } from '../../apps/api/src/modules/live/entities/participant.entity';
import { Project, ProjectArea } from '../../apps/api/src/modules/projects/project.entities';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';

/** Current Aktionsräume of the demo data (DOMAIN.md): the original 13 minus the two retired, plus the two added. */
const CURRENT_ACTION_AREAS = 13;

describe('social report: area profile, city overview, participation statistics', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let citizen: TestUser;
  let areas: Record<string, { id: string; code: string; name: string }>;
  let fieldId: string;
  let fieldCode: string;

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    admin = await t.admin();
    anonymous = await t.client();
    citizen = await t.createUser({ displayName: 'Nachbarin Statistik' });
    const list = (await anonymous.get('/api/areas?include=all').expect(200)).body as Array<{ id: string; code: string; name: string }>;
    areas = Object.fromEntries(list.map((a) => [a.code, a]));
    const field = (await anonymous.get('/api/fields-of-action').expect(200)).body[1];
    fieldId = field.id;
    fieldCode = field.code;
  });
  afterAll(() => t.close());

  const profile = async (key: string, query = '') =>
    (await anonymous.get(`/api/social-report/areas/${key}${query}`).expect(200)).body as AreaProfileResponse;
  const overview = async (query = '') =>
    (await anonymous.get(`/api/social-report/overview${query}`).expect(200)).body as CityOverviewResponse;
  const participation = async (query = '') =>
    (await anonymous.get(`/api/social-report/participation${query}`).expect(200)).body as ParticipationStatsResponse;
  const cityValues = async (key: string) =>
    new Map(
      ((await anonymous.get(`/api/indicators/${key}/values?areaId=city`).expect(200)).body as Array<{ year: number; value: number }>).map(
        (v) => [v.year, v.value],
      ),
    );

  async function propose(area: string, title: string): Promise<string> {
    return (
      await citizen.client
        .post('/api/proposals', {
          title,
          body: 'Ein Vorschlag für die Statistik mit genug Text darin.',
          fieldOfActionId: fieldId,
          areaId: areas[area].id,
        })
        .expect(201)
    ).body.id;
  }

  async function assembly(area: string, visibility: AssemblyVisibility, title: string): Promise<string> {
    const startsAt = new Date(Date.now() + 60 * 60 * 1000);
    return (
      await admin
        .post('/api/assemblies', {
          title,
          place: 'Stadtteilzentrum',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 2 * 60 * 60 * 1000).toISOString(),
          areaIds: [areas[area].id],
          visibility,
        })
        .expect(201)
    ).body.id;
  }

  async function participants(assemblyId: string, list: Array<{ checkedIn: boolean; presence: Presence }>): Promise<void> {
    const repo = ds.getRepository(Participant);
    for (const [i, p] of list.entries()) {
      await repo.save(
        repo.create({ assemblyId, guestName: `Gast ${i}`, presence: p.presence, checkedIn: p.checkedIn, joinedAt: new Date() }),
      );
    }
  }

  describe('area profile', () => {
    it('shows every indicator over time with the city value beside it, the latest value and the distance to the target', async () => {
      const p = await profile('ar-nordmarkt');
      expect(p.area).toEqual(
        expect.objectContaining({
          id: areas['ar-nordmarkt'].id,
          code: 'ar-nordmarkt',
          name: 'Nordmarkt',
          type: 'action_area',
          current: true,
          parent: expect.objectContaining({ code: 'sb-innenstadt-nord' }),
        }),
      );
      expect(p.years).toEqual({ from: 2012, to: 2024 });
      expect(p.indicators.map((s) => s.indicator.key)).toEqual([
        'arbeitslosenrate',
        'sgb2_quote',
        'kinder_sgb2',
        'uebergang_gymnasium',
        'sprachkompetenz',
        'normalgewicht',
        'hilfen_zur_erziehung',
        'einkommensindex',
      ]);
      const unemployment = p.indicators[0];
      expect(unemployment.points.map((pt) => pt.year)).toEqual(Array.from({ length: 13 }, (_, i) => 2012 + i));
      const city = await cityValues('arbeitslosenrate');
      expect(unemployment.points.map((pt) => pt.cityValue)).toEqual(unemployment.points.map((pt) => city.get(pt.year)));
      expect(unemployment.points.find((pt) => pt.year === 2013)!.cityValue).toBe(13.2);
      const own = (await anonymous.get(`/api/indicators/arbeitslosenrate/values?areaId=${areas['ar-nordmarkt'].id}`).expect(200))
        .body as Array<{
        year: number;
        value: number;
      }>;
      expect(unemployment.points.map((pt) => pt.value)).toEqual(own.map((v) => v.value));
      for (const pt of unemployment.points) {
        expect(pt.value).toBeGreaterThanOrEqual(15);
        expect(pt.value).toBeLessThanOrEqual(28);
      }
      expect(unemployment.latest).toEqual({ year: 2024, value: own[own.length - 1].value });
      expect(unemployment.cityValueSameYear).toBe(city.get(2024));
      expect(unemployment.differenceToCity).toBeCloseTo(unemployment.latest!.value - city.get(2024)!, 6);
      expect(unemployment.worseThanCity).toBe(true);
      // The city-wide target "below 10 %" as benchmark: not met, the distance in percentage points.
      expect(unemployment.targets).toEqual([
        expect.objectContaining({
          scope: 'city',
          target: expect.objectContaining({ comparator: 'below', value: 10, areaCode: 'stadt', dueYear: 2030 }),
          latestYear: 2024,
          latestValue: unemployment.latest!.value,
          met: false,
          overdue: false,
        }),
      ]);
      expect(unemployment.targets[0].distance).toBeCloseTo(unemployment.latest!.value - 10, 6);
      // Higher is better: an Aktionsraum below the city is worse.
      const gymnasium = p.indicators.find((s) => s.indicator.key === 'uebergang_gymnasium')!;
      expect(gymnasium.worseThanCity).toBe(true);
      expect(gymnasium.differenceToCity!).toBeLessThan(0);
    });

    it('shows an area-specific target before the city-wide one, and narrows the years on request', async () => {
      const target = await admin
        .post('/api/indicator-targets', {
          indicatorKey: 'arbeitslosenrate',
          areaId: areas['ar-hafen'].id,
          comparator: 'below',
          value: 99,
          dueYear: 2020,
        })
        .expect(201);
      const p = await profile(areas['ar-hafen'].id, '?from=2020&to=2022');
      expect(p.years).toEqual({ from: 2020, to: 2022 });
      const unemployment = p.indicators[0];
      expect(unemployment.points.map((pt) => pt.year)).toEqual([2020, 2021, 2022]);
      expect(unemployment.latest!.year).toBe(2022);
      expect(unemployment.targets.map((x) => [x.scope, x.target.value, x.met, x.overdue])).toEqual([
        ['area', 99, true, false],
        ['city', 10, false, false],
      ]);
      await admin.delete(`/api/indicator-targets/${target.body.id}`).expect(204);
    });

    it('counts projects by state and field, public assemblies only and visible proposals', async () => {
      const before = await profile('ar-borsigplatz');
      const project = await admin
        .post('/api/projects', {
          title: 'Projektidee für das Gebietsprofil',
          description: 'Eine Projektidee, die das Gebietsprofil zählen soll.',
          fieldOfActionId: fieldId,
          areaIds: [areas['ar-borsigplatz'].id],
        })
        .expect(201);
      const publicId = await assembly('ar-borsigplatz', AssemblyVisibility.Public, 'Öffentliche Versammlung Borsigplatz');
      const unlistedId = await assembly('ar-borsigplatz', AssemblyVisibility.Unlisted, 'Nicht gelistete Versammlung Borsigplatz');
      await propose('ar-borsigplatz', 'Sichtbarer Vorschlag am Borsigplatz');
      const hidden = await propose('ar-borsigplatz', 'Versteckter Vorschlag am Borsigplatz');
      const moderator = await t.createUser({ role: Role.Moderator, areaIds: [areas['ar-borsigplatz'].id] });
      await moderator.client.post(`/api/moderation/proposals/${hidden}/hide`, { reason: 'Enthält persönliche Daten.' }).expect(200);

      const after = await profile('ar-borsigplatz');
      expect(after.projects.total).toBe(before.projects.total + 1);
      expect(after.projects.items).toContainEqual({
        id: project.body.id,
        title: 'Projektidee für das Gebietsprofil',
        state: 'idea',
        fieldOfActionCode: fieldCode,
      });
      const count = (r: AreaProfileResponse, state: ProjectState) => r.projects.byState.find((s) => s.state === state)!.count;
      expect(after.projects.byState.map((s) => s.state)).toEqual(Object.values(ProjectState));
      expect(count(after, ProjectState.Idea)).toBe(count(before, ProjectState.Idea) + 1);
      const cell = (r: AreaProfileResponse) =>
        r.projects.byStateAndField.find((c) => c.state === ProjectState.Idea && c.fieldOfActionCode === fieldCode)?.count ?? 0;
      expect(cell(after)).toBe(cell(before) + 1);
      expect(after.projects.byStateAndField.reduce((n, c) => n + c.count, 0)).toBe(after.projects.total);

      expect(after.assemblies.map((a) => a.id)).toContain(publicId);
      expect(after.assemblies.map((a) => a.id)).not.toContain(unlistedId);
      expect(after.assemblies.find((a) => a.id === publicId)).toEqual(expect.objectContaining({ status: 'planned', attendance: null }));

      expect(after.proposals.total).toBe(before.proposals.total + 1);
      const submitted = (r: AreaProfileResponse) => r.proposals.byStatus.find((s) => s.status === 'submitted')!.count;
      expect(submitted(after)).toBe(submitted(before) + 1);
      expect(after.proposals.byField.reduce((n, f) => n + f.count, 0)).toBe(after.proposals.total);
    });

    it('works for districts (children included) and retired areas; refuses bad keys and years', async () => {
      const district = await profile('sb-innenstadt-nord');
      expect(district.area.children.map((c) => c.code).sort()).toEqual(['ar-borsigplatz', 'ar-hafen', 'ar-nordmarkt']);
      expect(district.indicators[0].latest).toBeNull();
      expect(district.indicators[0].points.length).toBe(13); // city values only

      const retired = await profile('ar-alt-scharnhorst');
      expect(retired.area.current).toBe(false);
      expect(retired.indicators[0].latest!.year).toBe(2016);

      expectErrorShape((await anonymous.get('/api/social-report/areas/ar-gibts-nicht').expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await anonymous.get('/api/social-report/areas/00000000-0000-4000-8000-000000000000').expect(404)).body, 404);
      expectErrorShape((await anonymous.get('/api/social-report/areas/a%20b').expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await anonymous.get('/api/social-report/areas/ar-hafen?from=2022&to=2020').expect(400)).body, 400);
      expectErrorShape((await anonymous.get('/api/social-report/areas/ar-hafen?from=abc').expect(400)).body, 400);
      expectErrorShape((await anonymous.get('/api/social-report/areas/ar-hafen?x=1').expect(400)).body, 400);
    });
  });

  describe('city overview', () => {
    it('ranks every current Aktionsraum against the city value (lower is better)', async () => {
      const o = await overview();
      expect(o.indicator.key).toBe('arbeitslosenrate');
      expect(o.year).toBe(2024);
      expect(o.availableYears).toEqual(Array.from({ length: 13 }, (_, i) => 2012 + i));
      expect(o.cityValue).toBe((await cityValues('arbeitslosenrate')).get(2024));
      expect(o.rows).toHaveLength(CURRENT_ACTION_AREAS);
      expect(o.rows.map((r) => r.area.code)).not.toContain('ar-wickede');
      expect(o.rows.map((r) => r.area.code)).toContain('ar-dorstfeld');
      const values = o.rows.map((r) => r.value!);
      expect(values).toEqual([...values].sort((a, b) => b - a)); // rank 1 = highest unemployment
      expect(o.rows[0].needRank).toBe(1);
      for (const [i, row] of o.rows.entries()) {
        expect(row.needRank).toBe(values.indexOf(row.value!) + 1); // ties share the rank
        expect(row.differenceToCity).toBeCloseTo(row.value! - o.cityValue!, 6);
        expect(row.worseThanCity).toBe(true);
        expect(row.area.parentName).toEqual(expect.any(String));
        expect(i === 0 || row.needRank! >= o.rows[i - 1].needRank!).toBe(true);
      }
      expect(o.actionAreaMean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 3);
      expect(o.targets).toEqual([expect.objectContaining({ scope: 'city', latestYear: 2024, latestValue: o.cityValue, met: false })]);
    });

    it('ranks higher-is-better indicators the other way round, for a chosen year', async () => {
      const o = await overview('?indicator=uebergang_gymnasium&year=2013');
      expect(o.year).toBe(2013);
      const values = o.rows.filter((r) => r.value !== null).map((r) => r.value!);
      expect(values).toEqual([...values].sort((a, b) => a - b)); // rank 1 = fewest to Gymnasium
      // Dorstfeld and Bövinghausen/Westrich only exist since the 2017 revision: no value, no rank, listed last.
      const late = o.rows
        .filter((r) => r.value === null)
        .map((r) => r.area.code)
        .sort();
      expect(late).toEqual(['ar-boevinghausen-westrich', 'ar-dorstfeld']);
      expect(o.rows.slice(-2).every((r) => r.needRank === null && r.differenceToCity === null)).toBe(true);
    });

    it('counts current projects per Aktionsraum (ideas do not count)', async () => {
      const before = (await overview()).rows.find((r) => r.area.code === 'ar-hafen')!.currentProjects;
      const projects = ds.getRepository(Project);
      const links = ds.getRepository(ProjectArea);
      const running = await projects.save(
        projects.create({
          title: 'Laufendes Projekt im Hafen',
          description: 'Für die Übersicht.',
          fieldOfActionId: fieldId,
          state: ProjectState.SingleProject,
        }),
      );
      await links.save({ projectId: running.id, areaId: areas['ar-hafen'].id });
      const idea = await projects.save(
        projects.create({
          title: 'Nur eine Idee im Hafen',
          description: 'Zählt nicht.',
          fieldOfActionId: fieldId,
          state: ProjectState.Idea,
        }),
      );
      await links.save({ projectId: idea.id, areaId: areas['ar-hafen'].id });
      const after = (await overview()).rows.find((r) => r.area.code === 'ar-hafen')!.currentProjects;
      expect(after).toBe(before + 1);
    });

    it('has empty rows for a year without values; 404 for an unknown indicator; 400 for bad input', async () => {
      const o = await overview('?indicator=arbeitslosenrate&year=1995');
      expect(o).toEqual(expect.objectContaining({ year: 1995, cityValue: null, actionAreaMean: null }));
      expect(o.rows.every((r) => r.value === null && r.needRank === null)).toBe(true);
      expectErrorShape((await anonymous.get('/api/social-report/overview?indicator=gibts_nicht').expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await anonymous.get('/api/social-report/overview?indicator=Bad%20Key').expect(400)).body, 400);
      expectErrorShape((await anonymous.get('/api/social-report/overview?year=20x4').expect(400)).body, 400);
      expectErrorShape((await anonymous.get('/api/social-report/overview?year=1000').expect(400)).body, 400);
    });
  });

  describe('participation statistics', () => {
    it('counts proposals, supports, comments, public assemblies and attendance per area and month', async () => {
      const month = new Date().toISOString().slice(0, 7);
      const area = areas['ar-marten'];
      const before = await participation(`?areaId=${area.id}`);
      const cellOf = (s: ParticipationStatsResponse) =>
        s.rows.find((r) => r.area.id === area.id && r.month === month) ?? {
          proposals: 0,
          supports: 0,
          comments: 0,
          assemblies: 0,
          attendance: 0,
          checkedIn: 0,
        };

      const p1 = await propose('ar-marten', 'Erster Vorschlag in Marten');
      await propose('ar-marten', 'Zweiter Vorschlag in Marten');
      const supporter = await t.createUser();
      await supporter.client.put(`/api/proposals/${p1}/support`).expect(200);
      await supporter.client.post(`/api/proposals/${p1}/comments`, { body: 'Gute Idee, bin dabei.' }).expect(201);
      await citizen.client.post(`/api/proposals/${p1}/comments`, { body: 'Danke für die Unterstützung!' }).expect(201);
      const publicAssembly = await assembly('ar-marten', AssemblyVisibility.Public, 'Bürgerversammlung Marten');
      await participants(publicAssembly, [
        { presence: Presence.Hall, checkedIn: true },
        { presence: Presence.Hall, checkedIn: false },
        { presence: Presence.Online, checkedIn: false },
      ]);
      const unlisted = await assembly('ar-marten', AssemblyVisibility.Unlisted, 'Interne Runde Marten');
      await participants(unlisted, [{ presence: Presence.Hall, checkedIn: true }]);

      // A planned assembly has not happened: neither it nor anybody on its list counts yet.
      const planned = cellOf(await participation(`?areaId=${area.id}`));
      expect({
        assemblies: planned.assemblies - cellOf(before).assemblies,
        attendance: planned.attendance - cellOf(before).attendance,
      }).toEqual({
        assemblies: 0,
        attendance: 0,
      });
      // Held (closed here, as after the evening): now it counts, the unlisted one still does not.
      await ds.getRepository(Assembly).update({ id: publicAssembly }, { status: AssemblyStatus.Closed });
      await ds.getRepository(Assembly).update({ id: unlisted }, { status: AssemblyStatus.Closed });

      const after = await participation(`?areaId=${area.id}`);
      const b = cellOf(before);
      const a = cellOf(after);
      expect({
        proposals: a.proposals - b.proposals,
        supports: a.supports - b.supports,
        comments: a.comments - b.comments,
        assemblies: a.assemblies - b.assemblies,
        attendance: a.attendance - b.attendance,
        checkedIn: a.checkedIn - b.checkedIn,
      }).toEqual({ proposals: 2, supports: 1, comments: 2, assemblies: 1, attendance: 3, checkedIn: 1 });
      expect(after.rows.every((r) => r.area.id === area.id)).toBe(true);
      expect(after.months).toHaveLength(12);
      expect(after.to).toBe(month);
      expect(after.byMonth.map((m) => m.month)).toEqual(after.months);
      expect(after.totals.proposals).toBe(after.rows.reduce((n, r) => n + r.proposals, 0));
      expect(after.byArea).toEqual([
        expect.objectContaining({ area: expect.objectContaining({ code: 'ar-marten' }), attendance: after.totals.attendance }),
      ]);

      const all = await participation(`?from=${month}&to=${month}`);
      expect(all.months).toEqual([month]);
      expect(all.rows.find((r) => r.area.code === 'ar-marten')).toEqual(
        expect.objectContaining({ proposals: a.proposals, attendance: a.attendance }),
      );
      // No persons in the statistics.
      expect(JSON.stringify(all)).not.toContain(citizen.email);
      expect(JSON.stringify(all)).not.toContain('Gast 0');
    });

    it('refuses malformed and too long ranges with 400', async () => {
      for (const query of [
        '?from=2025-13',
        '?to=2025-1',
        '?from=2025-05&to=2025-01',
        '?from=2000-01&to=2025-01',
        '?areaId=nope',
        '?from=abc',
      ]) {
        const res = await anonymous.get(`/api/social-report/participation${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      }
      const old = await participation('?from=2015-01&to=2015-03');
      expect(old).toEqual(expect.objectContaining({ from: '2015-01', to: '2015-03', months: ['2015-01', '2015-02', '2015-03'] }));
    });
  });
});
