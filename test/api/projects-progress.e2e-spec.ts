import { randomBytes, randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { DataSource } from 'typeorm';
import {
  calendarDate,
  Language,
  PROJECT_STATES,
  ProjectState,
  Role,
  TransitionId,
  type GroupingBoardResponse,
  type PortfolioResponse,
  type ProjectDetail,
  type ProjectSummary,
  type ProposalDetail,
} from '@app/shared';
import { seedDemoProjects } from '../../apps/api/src/seed/demo-projects';
import { seedDemoData } from '../../apps/api/src/seed/seed';
import { Assembly } from '../../apps/api/src/modules/assemblies/entities/assembly.entity';
import { AuditEntry } from '../../apps/api/src/modules/audit/audit-entry.entity';
import { LiveProposalEntity } from '../../apps/api/src/modules/live/entities/live.entities';
import {
  Project,
  ProjectEvent,
  ProjectMilestoneEntity,
  ProjectStatusReportEntity,
} from '../../apps/api/src/modules/projects/project.entities';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';

/**
 * Milestones and status reports of single projects, the grouping board with
 * its suggestions, the administrators' portfolio (JSON, CSV, XLSX) and the demo projects of the
 * seed. Real database (SQLite or PostgreSQL), real HTTP.
 */

type Body = Record<string, unknown>;
const DAY_MS = 24 * 60 * 60 * 1000;
const today = () => calendarDate(new Date());
const daysAgo = (n: number) => calendarDate(new Date(Date.now() - n * DAY_MS));
const REASON = 'Die Projektkonferenz hat entschieden, das Vorhaben so nicht weiterzuverfolgen.';

describe('projects: milestones, status reports, grouping board, portfolio and demo projects', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let citizen: TestUser;
  let modNord: TestUser;
  let modHafen: TestUser;
  const area = {} as Record<'nordmarkt' | 'hafen' | 'hoerde', string>;
  let districtNordId: string;
  let fieldId: string;
  const suffix = randomBytes(3).toString('hex');
  let n = 0;

  async function idea(client: ApiClient, over: Body = {}): Promise<ProjectDetail> {
    n++;
    const res = await client.post('/api/projects', {
      title: `Vorhaben ${n} ${suffix}`,
      description: 'Ein Vorhaben aus dem Test, mit einer Beschreibung, die lang genug ist.',
      fieldOfActionId: fieldId,
      areaIds: [area.nordmarkt],
      ...over,
    });
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    return res.body as ProjectDetail;
  }

  async function move(p: Pick<ProjectDetail, 'id' | 'version'>, transitionId: TransitionId, input: Body = {}): Promise<ProjectDetail> {
    const res = await admin.post(`/api/projects/${p.id}/transitions`, { transitionId, input, expectedVersion: p.version });
    expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
    return res.body.project as ProjectDetail;
  }

  /** A single project in Nordmarkt that started `startedDaysAgo` days ago. */
  async function singleProject(startedDaysAgo = 60, over: Body = {}): Promise<ProjectDetail> {
    const p = await idea(admin, over);
    return move(p, TransitionId.PromoteToSingleProject, {
      operatorName: 'Stadtteilverein Nordmarkt e. V.',
      areaId: area.nordmarkt,
      startDate: daysAgo(startedDaysAgo),
      fundingSource: 'Aktionsraumfonds',
      fundingAmountCents: 400_000,
    });
  }

  async function propose(user: TestUser | ApiClient, title: string, body: string, areaId = area.nordmarkt): Promise<ProposalDetail> {
    const client = 'client' in user ? user.client : user;
    const res = await client.post('/api/proposals', { title, body, fieldOfActionId: fieldId, areaId }).expect(201);
    return res.body as ProposalDetail;
  }

  const detail = async (id: string) => (await anonymous.get(`/api/projects/${id}`).expect(200)).body as ProjectDetail;
  const fieldsOf = (body: { details?: Array<{ field: string }> }) => (body.details ?? []).map((d) => d.field);

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    admin = await t.admin();
    anonymous = await t.client();
    const areas = (await anonymous.get('/api/areas?type=action_area').expect(200)).body as Array<{
      id: string;
      name: string;
      parentId: string;
    }>;
    const byName = (name: string) => areas.find((a) => a.name === name)!;
    area.nordmarkt = byName('Nordmarkt').id;
    area.hafen = byName('Hafen').id;
    area.hoerde = byName('Hörde').id;
    districtNordId = byName('Nordmarkt').parentId;
    const fields = (await anonymous.get('/api/fields-of-action').expect(200)).body as Array<{ id: string; code: string }>;
    fieldId = fields.find((f) => f.code === 'EK')!.id;
    citizen = await t.createUser({ displayName: 'Bürgerin' });
    modNord = await t.createUser({ role: Role.Moderator, areaIds: [area.nordmarkt], displayName: 'Moderation Nordmarkt' });
    modHafen = await t.createUser({ role: Role.Moderator, areaIds: [area.hafen], displayName: 'Moderation Hafen' });
  });
  afterAll(() => t.close());

  describe('milestones and status reports', () => {
    it('lets moderators of the area and administrators plan milestones on a running single project only', async () => {
      const p = await singleProject();
      const url = `/api/projects/${p.id}/milestones`;
      const body = { title: 'Hochbeete gebaut', dueDate: daysAgo(-30) };
      expectErrorShape((await anonymous.post(url, body).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await citizen.client.post(url, body).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await modHafen.client.post(url, body).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await modNord.client.post(url, { title: '   ' }).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await modNord.client.post(url, { title: 'x', dueDate: '2026-02-30' }).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await modNord.client.post(`/api/projects/${randomUUID()}/milestones`, body).expect(404)).body, 404, 'NOT_FOUND');

      await modNord.client.post(url, { title: 'Kompostplatz einrichten' }).expect(201);
      await modNord.client.post(url, body).expect(201);
      const withThree = (await admin.post(url, { title: 'Fläche gesichert', dueDate: daysAgo(10) }).expect(201)).body as ProjectDetail;
      // By due date, undated last.
      expect(withThree.milestones.map((m) => [m.title, m.dueDate, m.reachedOn])).toEqual([
        ['Fläche gesichert', daysAgo(10), null],
        ['Hochbeete gebaut', daysAgo(-30), null],
        ['Kompostplatz einrichten', null, null],
      ]);
      expect(withThree.version).toBe(p.version); // progress is no workflow step

      const [first, second, third] = withThree.milestones;
      const patch = (id: string, b: Body, client = modNord.client) => client.patch(`${url}/${id}`, b);
      const reached = (await patch(first.id, { reachedOn: today() }).expect(200)).body as ProjectDetail;
      expect(reached.milestones[0]).toEqual(expect.objectContaining({ id: first.id, reachedOn: today() }));
      const future = await patch(first.id, { reachedOn: daysAgo(-2) }).expect(422);
      expectErrorShape(future.body, 422, 'UNPROCESSABLE_ENTITY');
      expect(fieldsOf(future.body)).toEqual(['reachedOn']);
      expectErrorShape((await patch(first.id, { title: null }).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await patch(first.id, { dueDate: 'bald' }).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await patch(randomUUID(), { title: 'Neu' }).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await patch(first.id, { title: 'Neu' }, modHafen.client).expect(403)).body, 403, 'FORBIDDEN');
      // null clears a date; undated milestones come last, in the order they were planned.
      const cleared = (await patch(second.id, { dueDate: null, title: 'Hochbeete gebaut und bepflanzt' }).expect(200))
        .body as ProjectDetail;
      expect(cleared.milestones.map((m) => m.title)).toEqual([
        'Fläche gesichert',
        'Kompostplatz einrichten',
        'Hochbeete gebaut und bepflanzt',
      ]);
      expect(cleared.milestones[2].dueDate).toBeNull();

      expectErrorShape((await modHafen.client.delete(`${url}/${third.id}`).expect(403)).body, 403, 'FORBIDDEN');
      const deleted = (await modNord.client.delete(`${url}/${third.id}`).expect(200)).body as ProjectDetail;
      expect(deleted.milestones.map((m) => m.id)).toEqual([first.id, second.id]);
      expect(deleted.milestones[1].title).toBe('Hochbeete gebaut und bepflanzt');
      expectErrorShape((await modNord.client.delete(`${url}/${third.id}`).expect(404)).body, 404, 'NOT_FOUND');

      // The writes are in the audit log, with the acting account.
      const audit = await ds.getRepository(AuditEntry).find({ where: { entityId: p.id }, order: { createdAt: 'ASC' } });
      const actions = audit.map((a) => a.action);
      expect(actions.filter((a) => a === 'project.milestone_create')).toHaveLength(3);
      expect(actions.filter((a) => a === 'project.milestone_update')).toHaveLength(2);
      expect(actions).toContain('project.milestone_delete');
      expect(audit.find((a) => a.action === 'project.milestone_delete')!.actorId).toBe(modNord.id);

      // Not on an idea, nor once the project has ended.
      const anIdea = await idea(modNord.client);
      const onIdea = await modNord.client.post(`/api/projects/${anIdea.id}/milestones`, body).expect(409);
      expectErrorShape(onIdea.body, 409, 'PROJECT_NOT_RUNNING');
      expect(onIdea.body.message).toContain('project idea');
      const ended = await move(await detail(p.id), TransitionId.End, { reason: REASON });
      expect(ended.state).toBe(ProjectState.Ended);
      expectErrorShape((await admin.patch(`${url}/${first.id}`, { title: 'Später' }).expect(409)).body, 409, 'PROJECT_NOT_RUNNING');
      expectErrorShape((await admin.delete(`${url}/${first.id}`).expect(409)).body, 409, 'PROJECT_NOT_RUNNING');
      expect((await detail(p.id)).milestones).toHaveLength(2); // kept for the record
    });

    it('takes status reports (dated, 0–100 %), keeps them immutable and shows the newest progress in detail and list', async () => {
      const p = await singleProject(40);
      const url = `/api/projects/${p.id}/status-reports`;
      const report = (b: Body, client = modNord.client) => client.post(url, b);
      const good = { reportDate: daysAgo(10), progressPercent: 30, text: 'Die Hochbeete stehen, zwölf Familien gärtnern mit.' };
      expectErrorShape((await report(good, citizen.client).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await report(good, modHafen.client).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await anonymous.post(url, good).expect(401)).body, 401, 'UNAUTHENTICATED');
      for (const bad of [
        { ...good, progressPercent: 101 },
        { ...good, progressPercent: -1 },
        { ...good, progressPercent: 50.5 },
        { ...good, progressPercent: '50' },
        { ...good, text: 'zu kurz' },
        { ...good, reportDate: '2026-13-01' },
        { ...good, reportDate: undefined },
      ]) {
        const res = await report(bad).expect(400);
        expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      }
      const future = await report({ ...good, reportDate: daysAgo(-1) }).expect(422);
      expectErrorShape(future.body, 422, 'UNPROCESSABLE_ENTITY');
      expect(fieldsOf(future.body)).toEqual(['reportDate']);
      expect(future.body.message).toContain('Europe/Berlin');
      const early = await report({ ...good, reportDate: daysAgo(41) }).expect(422);
      expect(fieldsOf(early.body)).toEqual(['reportDate']);
      expect(early.body.message).toContain(daysAgo(40));
      expect((await detail(p.id)).statusReports).toEqual([]);
      expect((await detail(p.id)).progressPercent).toBeNull();

      // Today and the start day itself are fine.
      await report({ ...good, reportDate: daysAgo(40), progressPercent: 5 }).expect(201);
      await report(good).expect(201);
      // Written later but about an earlier day: not the newest.
      await report({ ...good, reportDate: daysAgo(20), progressPercent: 60 }, admin).expect(201);
      let d = await detail(p.id);
      expect(d.progressPercent).toBe(30);
      expect(d.statusReports.map((r) => [r.reportDate, r.progressPercent])).toEqual([
        [daysAgo(10), 30],
        [daysAgo(20), 60],
        [daysAgo(40), 5],
      ]);
      expect(d.statusReports[1].actorRole).toBe(Role.Administrator);
      expect(d.statusReports[0]).toEqual(expect.objectContaining({ text: good.text, actorRole: Role.Moderator }));
      // A correction is a new report; on the same day the later one wins.
      await report({ ...good, progressPercent: 35, text: 'Korrektur: auch der Wasseranschluss ist fertig.' }).expect(201);
      d = await detail(p.id);
      expect(d.progressPercent).toBe(35);
      expect(d.statusReports.map((r) => r.progressPercent)).toEqual([35, 30, 60, 5]);
      await report({ ...good, reportDate: today(), progressPercent: 40 }).expect(201);
      expect((await detail(p.id)).progressPercent).toBe(40);

      // The Vorhabenliste carries the progress too.
      const list = (await anonymous.get(`/api/projects?areaId=${area.nordmarkt}&pageSize=100`).expect(200)).body as {
        items: ProjectSummary[];
      };
      expect(list.items.find((x) => x.id === p.id)!.progressPercent).toBe(40);

      // Immutable: there is no route to change or remove a report.
      const reportId = d.statusReports[0].id;
      expect((await admin.patch(`${url}/${reportId}`, { progressPercent: 90 })).status).toBe(404);
      expect((await admin.delete(`${url}/${reportId}`)).status).toBe(404);
      const audit = await ds.getRepository(AuditEntry).findBy({ entityId: p.id, action: 'project.status_report' });
      expect(audit).toHaveLength(5);

      // Only while it runs.
      const anIdea = await idea(admin);
      const onIdea = await admin.post(`/api/projects/${anIdea.id}/status-reports`, good).expect(409);
      expectErrorShape(onIdea.body, 409, 'PROJECT_NOT_RUNNING');
      await move(await detail(p.id), TransitionId.Park, { reason: REASON });
      expectErrorShape((await report(good).expect(409)).body, 409, 'PROJECT_NOT_RUNNING');
      expect((await detail(p.id)).progressPercent).toBe(40);
    });
  });

  describe('the grouping board', () => {
    it('answers 400 for anything but exactly one of areaId and assemblyId, 404 for unknown ones, 403 outside the scope', async () => {
      for (const query of ['', `?areaId=${area.nordmarkt}&assemblyId=${randomUUID()}`, '?areaId=nordmarkt', '?assemblyId=1', '?areaId=']) {
        const res = await modNord.client.get(`/api/projects/grouping${query}`).expect(400);
        expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      }
      expectErrorShape((await modNord.client.get(`/api/projects/grouping?areaId=${randomUUID()}`).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await modNord.client.get(`/api/projects/grouping?assemblyId=${randomUUID()}`).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await anonymous.get(`/api/projects/grouping?areaId=${area.nordmarkt}`).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await citizen.client.get(`/api/projects/grouping?areaId=${area.nordmarkt}`).expect(403)).body, 403, 'FORBIDDEN');
      const outside = await modHafen.client.get(`/api/projects/grouping?areaId=${area.nordmarkt}`).expect(403);
      expectErrorShape(outside.body, 403, 'FORBIDDEN');
      expect(outside.body.message).toContain('Nordmarkt');
      // The district is wider than a moderator of one of its Aktionsräume.
      expectErrorShape((await modNord.client.get(`/api/projects/grouping?areaId=${districtNordId}`).expect(403)).body, 403, 'FORBIDDEN');
    });

    it('shows the proposals not yet in an idea and the ideas of the area, and suggests the idea a proposal fits', async () => {
      const homework = await idea(modNord.client, {
        title: `Hausaufgabenhilfe im Stadtteilzentrum ${suffix}`,
        description: 'Kinder bekommen nach der Schule Hilfe bei den Hausaufgaben, kostenlos und in der Nähe des Nordmarkts.',
      });
      const linkedOne = await propose(
        citizen,
        `Kostenlose Hausaufgabenhilfe für Grundschulkinder ${suffix}`,
        'Viele Kinder haben zu Hause niemanden, der bei den Hausaufgaben hilft.',
      );
      await modNord.client.post(`/api/projects/${homework.id}/proposals`, { proposalId: linkedOne.id }).expect(201);
      const related = await propose(
        citizen,
        'Hilfe bei den Hausaufgaben',
        'Meine Kinder brauchen nach der Schule Unterstützung bei den Hausaufgaben, ein Angebot im Stadtteilzentrum wäre ideal.',
      );
      const unrelated = await propose(
        citizen,
        'Straßenbeleuchtung reparieren',
        'Die Laternen in der Mallinckrodtstraße sind seit Wochen kaputt, abends ist es dort sehr dunkel.',
      );
      const withdrawn = await propose(
        citizen,
        'Zurückgezogener Vorschlag zur Hausaufgabenhilfe',
        'Hausaufgabenhilfe nach der Schule, bitte.',
      );
      await citizen.client.post(`/api/proposals/${withdrawn.id}/withdraw`, { reason: 'Hat sich erledigt, danke.' }).expect(200);
      const elsewhere = await propose(
        citizen,
        'Hausaufgabenhilfe am Hafen',
        'Hausaufgabenhilfe nach der Schule auch am Hafen.',
        area.hafen,
      );

      const board = (await modNord.client.get(`/api/projects/grouping?areaId=${area.nordmarkt}`).expect(200)).body as GroupingBoardResponse;
      const ids = board.candidates.map((c) => c.id);
      expect(ids).toEqual(expect.arrayContaining([related.id, unrelated.id]));
      for (const gone of [linkedOne.id, withdrawn.id, elsewhere.id]) expect(ids).not.toContain(gone);
      const rel = board.candidates.find((c) => c.id === related.id)!;
      expect(rel).toEqual(
        expect.objectContaining({ kind: 'proposal', title: 'Hilfe bei den Hausaufgaben', areaName: 'Nordmarkt', fieldOfActionId: fieldId }),
      );
      expect(rel.excerpt.length).toBeLessThanOrEqual(200);
      expect(rel.suggestions[0]).toEqual(expect.objectContaining({ projectId: homework.id, title: homework.title }));
      expect(rel.suggestions[0].score).toBeGreaterThanOrEqual(0.3);
      expect(rel.suggestions.length).toBeLessThanOrEqual(3);
      expect(board.candidates.find((c) => c.id === unrelated.id)!.suggestions).toEqual([]);
      const ours = board.ideas.find((i) => i.project.id === homework.id)!;
      expect(ours.project.state).toBe(ProjectState.Idea);
      expect(ours.proposals.map((l) => l.id)).toEqual([linkedOne.id]);
      expect(board.ideas.every((i) => i.project.state === ProjectState.Idea)).toBe(true);

      // An administrator sees the district with its Aktionsräume.
      const district = (await admin.get(`/api/projects/grouping?areaId=${districtNordId}`).expect(200)).body as GroupingBoardResponse;
      expect(district.candidates.map((c) => c.id)).toEqual(expect.arrayContaining([related.id, unrelated.id]));
      expect(district.ideas.map((i) => i.project.id)).toContain(homework.id);

      // Once grouped, a proposal leaves the board.
      await modNord.client.post(`/api/projects/${homework.id}/proposals`, { proposalId: related.id }).expect(201);
      const after = (await modNord.client.get(`/api/projects/grouping?areaId=${area.nordmarkt}`).expect(200)).body as GroupingBoardResponse;
      expect(after.candidates.map((c) => c.id)).not.toContain(related.id);
      expect(after.ideas.find((i) => i.project.id === homework.id)!.proposals.map((l) => l.id)).toEqual([linkedOne.id, related.id]);
    });

    it('shows the approved live proposals of an assembly against the ideas of its areas', async () => {
      const assembly = await ds.getRepository(Assembly).findOneByOrFail({ joinCode: 'HRDE26' });
      expectErrorShape((await modNord.client.get(`/api/projects/grouping?assemblyId=${assembly.id}`).expect(403)).body, 403, 'FORBIDDEN');
      const modHoerde = await t.createUser({ role: Role.Moderator, areaIds: [area.hoerde] });
      const board = (await modHoerde.client.get(`/api/projects/grouping?assemblyId=${assembly.id}`).expect(200))
        .body as GroupingBoardResponse;
      expect(board.candidates.every((c) => c.kind === 'live_proposal' && c.assemblyId === assembly.id)).toBe(true);
      const cafe = board.ideas.find((i) => i.project.title === 'Elterncafé mit Sprachmittlung')!;
      expect(cafe.proposals.map((l) => l.kind)).toEqual(['live_proposal', 'live_proposal']);
      const fits = board.candidates.find((c) => c.title.startsWith('Sprechstunden für Eltern mit Übersetzung'))!;
      expect(fits.suggestions[0].projectId).toBe(cafe.project.id);
      expect(board.candidates.find((c) => c.title.startsWith('Mehr Mülleimer'))!.suggestions).toEqual([]);
      // Grouped live proposals are not candidates any more.
      const linkedIds = cafe.proposals.map((l) => l.id);
      expect(board.candidates.some((c) => linkedIds.includes(c.id))).toBe(false);
    });
  });

  describe('the portfolio', () => {
    let testField: string;
    const projects = {} as Record<'single' | 'twoAreas' | 'young' | 'rejected', ProjectDetail>;

    /** Backdates the project's state (what the portfolio's age in state reads) and remembers the instant. */
    const stateSince = new Map<string, Date>();
    const backdate = (id: string, days: number) => {
      const at = new Date(Date.now() - days * DAY_MS - 3_600_000);
      stateSince.set(id, at);
      return ds.getRepository(Project).update({ id }, { stateSince: at });
    };

    beforeAll(async () => {
      const code = `T${suffix.slice(0, 4).toUpperCase()}`;
      testField = (
        await admin
          .post('/api/fields-of-action', {
            code,
            name: { de: 'Testfeld Portfolio', en: 'Portfolio test field' },
            description: { de: 'Nur für den Test', en: 'Test only' },
          })
          .expect(201)
      ).body.id;
      const over = (title: string, areaIds = [area.nordmarkt]) => ({ title, fieldOfActionId: testField, areaIds });
      projects.single = await singleProject(60, over(`Einzelprojekt im Portfolio ${suffix}`));
      await admin
        .post(`/api/projects/${projects.single.id}/status-reports`, {
          reportDate: daysAgo(5),
          progressPercent: 45,
          text: 'Läuft nach Plan, die Hälfte ist fast geschafft.',
        })
        .expect(201);
      projects.twoAreas = await idea(admin, over(`Idee in zwei Gebieten ${suffix}`, [area.nordmarkt, area.hafen]));
      projects.young = await idea(admin, over(`=SUMME(A1) junge Idee ${suffix}`));
      projects.rejected = await move(await idea(admin, over(`Abgelehnte Idee ${suffix}`, [area.hafen])), TransitionId.Reject, {
        reason: REASON,
      });
      await backdate(projects.single.id, 30);
      await backdate(projects.twoAreas.id, 10);
      await backdate(projects.young.id, 4);
      await backdate(projects.rejected.id, 2);
    });

    const portfolio = async (query: string) => (await admin.get(`/api/projects/portfolio${query}`).expect(200)).body as PortfolioResponse;

    it('is for administrators only and refuses bad filters with 400', async () => {
      for (const path of ['/api/projects/portfolio', '/api/projects/portfolio.csv', '/api/projects/portfolio.xlsx']) {
        expectErrorShape((await anonymous.get(path).expect(401)).body, 401, 'UNAUTHENTICATED');
        expectErrorShape((await citizen.client.get(path).expect(403)).body, 403, 'FORBIDDEN');
        expectErrorShape((await modNord.client.get(path).expect(403)).body, 403, 'FORBIDDEN');
        for (const q of ['?state=flying', '?areaId=nordmarkt', '?fieldOfActionId=1', '?unknown=1']) {
          const res = await admin.get(`${path}${q}`).expect(400);
          expect(res.headers['content-type']).toMatch(/^application\/json/);
          expectErrorShape(JSON.parse(res.text), 400, 'VALIDATION_FAILED');
        }
      }
      expectErrorShape((await admin.get('/api/projects/portfolio.csv?lang=fr').expect(400)).body, 400, 'VALIDATION_FAILED');
    });

    it('counts by field × area × state (a project in two areas in both) and knows how long each has been in its state', async () => {
      const p = await portfolio(`?fieldOfActionId=${testField}`);
      expect(p.total).toBe(4);
      expect(p.items.map((i) => [i.id, i.daysInState])).toEqual([
        [projects.single.id, 30],
        [projects.twoAreas.id, 10],
        [projects.young.id, 4],
        [projects.rejected.id, 2],
      ]);
      expect(p.items[0].progressPercent).toBe(45);
      expect(p.fields.map((f) => f.id)).toEqual([testField]);
      expect(p.areas.map((a) => a.name)).toEqual(['Hafen', 'Nordmarkt']);
      const cell = (areaId: string, state: ProjectState) =>
        p.cells.find((c) => c.fieldOfActionId === testField && c.areaId === areaId && c.state === state)?.count ?? 0;
      expect(cell(area.nordmarkt, ProjectState.Idea)).toBe(2);
      expect(cell(area.hafen, ProjectState.Idea)).toBe(1);
      expect(cell(area.nordmarkt, ProjectState.SingleProject)).toBe(1);
      expect(cell(area.hafen, ProjectState.Rejected)).toBe(1);
      expect(p.cells.reduce((sum, c) => sum + c.count, 0)).toBe(5);
      expect(p.byState.map((s) => s.state)).toEqual([...PROJECT_STATES]);
      const age = Object.fromEntries(p.byState.map((s) => [s.state, [s.count, s.medianDaysInState, s.maxDaysInState]]));
      expect(age).toEqual({
        [ProjectState.Idea]: [2, 7, 10],
        [ProjectState.SingleProject]: [1, 30, 30],
        [ProjectState.ProjectType]: [0, null, null],
        [ProjectState.RegularOperation]: [0, null, null],
        [ProjectState.Rejected]: [1, 2, 2],
        [ProjectState.Parked]: [0, null, null],
        [ProjectState.Ended]: [0, null, null],
      });
      expect(Date.parse(p.generatedAt)).toBeGreaterThan(Date.now() - 60_000);

      // Filters: an area (only its cells), a district (its Aktionsräume), a state.
      const hafen = await portfolio(`?fieldOfActionId=${testField}&areaId=${area.hafen}`);
      expect(hafen.items.map((i) => i.id)).toEqual([projects.twoAreas.id, projects.rejected.id]);
      expect(hafen.cells.every((c) => c.areaId === area.hafen)).toBe(true);
      expect(hafen.areas.map((a) => a.name)).toEqual(['Hafen']);
      expect((await portfolio(`?fieldOfActionId=${testField}&areaId=${districtNordId}`)).total).toBe(4);
      const ideas = await portfolio(`?fieldOfActionId=${testField}&state=idea`);
      expect(ideas.items.map((i) => i.id)).toEqual([projects.twoAreas.id, projects.young.id]);
      expect(ideas.byState.find((s) => s.state === ProjectState.SingleProject)!.count).toBe(0);
      expect((await portfolio(`?fieldOfActionId=${randomUUID()}`)).total).toBe(0);

      // Everything: the demo projects and these; every item in exactly one state.
      const all = await portfolio('');
      expect(all.total).toBeGreaterThanOrEqual(15);
      expect(all.byState.reduce((sum, s) => sum + s.count, 0)).toBe(all.total);
      const days = all.items.map((i) => i.daysInState);
      expect(days).toEqual([...days].sort((a, b) => b - a));
    });

    it('exports the list as CSV with a header row in the chosen language, formulas escaped', async () => {
      const res = await admin.get(`/api/projects/portfolio.csv?fieldOfActionId=${testField}`).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="vorhaben-portfolio-${new Date().toISOString().slice(0, 10)}.csv"`,
      );
      expect(res.text.charCodeAt(0)).not.toBe(0xfeff);
      const rows = parse(res.text) as string[][];
      expect(rows[0]).toEqual([
        'Vorhaben',
        'Stand',
        'Tage im Stand',
        'Im Stand seit',
        'Handlungsfeld',
        'Gebiete',
        'Verantwortlich',
        'Fortschritt (%)',
        'Nächster Schritt',
        'ID',
      ]);
      expect(rows).toHaveLength(5);
      expect(rows[1]).toEqual([
        projects.single.title,
        'Einzelprojekt',
        '30',
        // The city's calendar date of the backdated instant (an hour before 30 days ago: another day
        // than daysAgo(30) when the test runs in the first hour after midnight in Berlin).
        calendarDate(stateSince.get(projects.single.id)!),
        expect.stringContaining('Testfeld Portfolio'),
        'Nordmarkt',
        'Stadtteilverein Nordmarkt e. V.',
        '45',
        'Zum Projekttyp machen',
        projects.single.id,
      ]);
      expect(rows[2][5]).toBe('Hafen, Nordmarkt');
      // A title a spreadsheet would run as a formula is prefixed with '.
      expect(rows[3][0]).toBe(`'=SUMME(A1) junge Idee ${suffix}`);
      expect(rows[4][1]).toBe('Abgelehnt');

      const en = parse(
        (await admin.get(`/api/projects/portfolio.csv?fieldOfActionId=${testField}&lang=en`).expect(200)).text,
      ) as string[][];
      expect(en[0][0]).toBe('Project');
      expect(en[1][1]).toBe('Single project');
      expect(en[1][4]).toContain('Portfolio test field');
      // Without ?lang= the administrator's own language.
      const english = await t.createUser({ language: Language.English });
      await admin.patch(`/api/admin/users/${english.id}`, { role: Role.Administrator }).expect(200);
      const own = parse((await english.client.get(`/api/projects/portfolio.csv?state=rejected`).expect(200)).text) as string[][];
      expect(own[0][2]).toBe('Days in state');
    });

    it('exports the list as a real XLSX workbook', async () => {
      const res = await admin
        .get(`/api/projects/portfolio.xlsx?fieldOfActionId=${testField}&lang=de`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="vorhaben-portfolio-${new Date().toISOString().slice(0, 10)}.xlsx"`,
      );
      const body = res.body as Buffer;
      expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
      const files = unzipSync(new Uint8Array(body));
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']));
      const xml = Object.entries(files)
        .filter(([name]) => name.startsWith('xl/'))
        .map(([, data]) => strFromU8(data))
        .join('\n');
      expect(strFromU8(files['xl/workbook.xml'])).toContain('name="Vorhaben"');
      for (const text of ['Tage im Stand', projects.single.title, projects.rejected.title, 'Einzelprojekt']) expect(xml).toContain(text);
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
      expect((sheet.match(/<row /g) ?? []).length).toBe(5);
    });
  });

  describe('the demo projects', () => {
    it('cover every state with complete, ordered timelines, progress and an instance "run in Hörde too"', async () => {
      const all = (await admin.get('/api/projects/portfolio').expect(200)).body as PortfolioResponse;
      const demo = all.items.filter((i) => !i.title.includes(suffix) && !i.title.startsWith('Vorhaben '));
      expect(new Set(demo.map((i) => i.state))).toEqual(new Set(PROJECT_STATES));
      const byTitle = (title: string) => demo.find((i) => i.title === title)!;
      for (const title of [
        'Bürgergarten Westerfilde',
        'Der gehende Schulbus',
        'Durchgängige Sprachbildung in Eving',
        'Digital Fit in Hörde',
        'Kostenlose Hausaufgabenhilfe',
        'Nachbarschaftsforum Hafen mit Bewohnerfonds',
        'Begrünung von Baumscheiben',
        'Vorlesetag',
        'Jobcenter-Sprechstunde im Stadtteilzentrum Nordmarkt',
        'Gründungsberatung lokale Ökonomie',
        'Elterncafé mit Sprachmittlung',
      ])
        expect(byTitle(title)).toBeDefined();
      expect(byTitle('Der gehende Schulbus').state).toBe(ProjectState.RegularOperation);
      expect(byTitle('Vorlesetag').state).toBe(ProjectState.Parked);

      for (const item of demo) {
        const d = await detail(item.id);
        // Every step in order, each starting where the one before ended.
        expect(d.timeline.map((e) => e.version)).toEqual(d.timeline.map((_, i) => i + 1));
        expect(d.version).toBe(d.timeline.length);
        const times = d.timeline.map((e) => Date.parse(e.createdAt));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        for (let i = 1; i < d.timeline.length; i++) expect(d.timeline[i].fromState).toBe(d.timeline[i - 1].toState);
        expect(d.timeline.at(-1)!.toState).toBe(d.state);
        expect(d.description).toMatch(/Demodaten: /);
        if (d.state === ProjectState.Rejected || d.state === ProjectState.Parked || d.state === ProjectState.Ended)
          expect(d.timeline.at(-1)!.reason).toEqual(expect.any(String));
        // An evaluation names indicators of the social report (seeded before the projects), never a loose key.
        for (const indicator of d.evaluation?.indicators ?? [])
          expect(indicator).toEqual({
            key: indicator.key,
            name: { de: expect.any(String), en: expect.any(String) },
            unit: expect.any(String),
          });
      }
      expect((await detail(byTitle('Gründungsberatung lokale Ökonomie').id)).description).toContain('illustratives Beispiel');

      const garden = await detail(byTitle('Bürgergarten Westerfilde').id);
      expect(garden.state).toBe(ProjectState.SingleProject);
      expect(garden.milestones.length).toBeGreaterThanOrEqual(3);
      expect(garden.milestones.at(-1)!.dueDate).toBeNull();
      expect(garden.statusReports[0].progressPercent).toBe(garden.progressPercent);
      expect(garden.statusReports.every((r) => r.reportDate <= today() && r.reportDate >= garden.startDate!)).toBe(true);

      const type = await detail(byTitle('Kostenlose Hausaufgabenhilfe').id);
      expect(type.state).toBe(ProjectState.ProjectType);
      expect(type.evaluation).toEqual(
        expect.objectContaining({ outcome: 'successful', indicatorKeys: ['kinder_sgb2', 'uebergang_gymnasium'] }),
      );
      expect(type.timeline.map((e) => e.transitionId)).toEqual([
        'created',
        TransitionId.PromoteToSingleProject,
        'run_evaluated',
        TransitionId.PromoteToProjectType,
        TransitionId.CreateInstanceFromType,
      ]);
      expect(type.instances).toHaveLength(1);
      const instance = await detail(type.instances[0].id);
      expect(instance).toEqual(expect.objectContaining({ state: ProjectState.SingleProject, operatorName: 'Bürgerhaus Hörde' }));
      expect(instance.type!.id).toBe(type.id);
      expect(instance.actionArea!.name).toBe('Hörde');
      expect(instance.progressPercent).toEqual(expect.any(Number));

      const cafe = await detail(byTitle('Elterncafé mit Sprachmittlung').id);
      expect(cafe.proposals.map((l) => l.kind)).toEqual(['live_proposal', 'live_proposal']);
      expect(cafe.timeline.map((e) => e.transitionId)).toEqual(['created', 'proposal_linked', 'proposal_linked']);
    });

    it('are seeded once: running the seed again adds nothing', async () => {
      const counts = () =>
        Promise.all(
          [Project, ProjectMilestoneEntity, ProjectStatusReportEntity, ProjectEvent, LiveProposalEntity].map((e) =>
            ds.getRepository(e).count(),
          ),
        );
      const before = await counts();
      expect(await ds.transaction((m) => seedDemoProjects(m))).toBe(0);
      await seedDemoData(ds, { participation: false });
      expect(await counts()).toEqual(before);
    });
  });
});
