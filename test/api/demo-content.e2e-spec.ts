import { DataSource, In } from 'typeorm';
import {
  AreaType,
  ProposalStatus,
  type AssemblySummary,
  type CommentResponse,
  type Page,
  type ProjectDetail,
  type ProposalDetail,
  type ProposalSummary,
} from '@app/shared';
import { loadConfig } from '../../apps/api/src/config/config';
import { buildDataSourceOptions, createDataSource } from '../../apps/api/src/database/data-source-options';
import { SCHEMA } from '../../apps/api/src/entities';
import { ConsistencyCheckService } from '../../apps/api/src/modules/integrity/consistency-check.service';
import { Project } from '../../apps/api/src/modules/projects/project.entities';
import { User } from '../../apps/api/src/modules/users/user.entity';
import { DEMO_PROJECT_PROPOSALS, DEMO_PROPOSALS, DEMO_RESIDENTS } from '../../apps/api/src/seed/demo-proposals-data';
import { demoResidentEmail } from '../../apps/api/src/seed/demo-proposals';
import { seedDemoData } from '../../apps/api/src/seed/seed';
import type { ApiClient } from './helpers/client';
import { startTestApp, type TestApp } from './helpers/app';
import { createTestDatabase } from './helpers/database';

/**
 * The demo a fresh start shows (SEED_DEMO_PARTICIPATION, on by default; the other specs start
 * without it): proposals of invented residents in every current Aktionsraum and Quartier, with
 * supports, comments, official answers and merges, grouped into the demo projects, counts that the
 * start-up check finds nothing to repair in, and residents nobody can sign in as.
 */
describe('demo content on a fresh start', () => {
  let t: TestApp;
  let anonymous: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({ SEED_DEMO_PARTICIPATION: 'true' });
    anonymous = await t.client();
  });
  afterAll(() => t?.close());

  const allProposals = async (): Promise<ProposalSummary[]> =>
    ((await anonymous.get('/api/proposals?pageSize=100').expect(200)).body as Page<ProposalSummary>).items;

  it('has proposals in every current Aktionsraum and Quartier', async () => {
    const areas = (await anonymous.get('/api/areas').expect(200)).body as Array<{ id: string; name: string; type: AreaType }>;
    const places = areas.filter((a) => a.type !== AreaType.District);
    expect(places.length).toBeGreaterThanOrEqual(15);
    for (const area of places) {
      const page = (await anonymous.get(`/api/proposals?areaId=${area.id}`).expect(200)).body as Page<ProposalSummary>;
      expect({ area: area.name, some: page.total > 0 }).toEqual({ area: area.name, some: true });
    }
    expect((await allProposals()).length).toBe(DEMO_PROPOSALS.length);
  });

  it('shows every step of the lifecycle: answers, merges, project ideas, open ones with supports and comments', async () => {
    const statuses = new Set((await allProposals()).map((p) => p.status));
    for (const s of [
      ProposalStatus.Submitted,
      ProposalStatus.Evaluating,
      ProposalStatus.Accepted,
      ProposalStatus.Rejected,
      ProposalStatus.Merged,
      ProposalStatus.InProjectIdea,
    ]) {
      expect(statuses).toContain(s);
    }
    const proposals = await allProposals();
    expect(proposals.filter((p) => p.supportCount > 0).length).toBeGreaterThan(20);
    expect(proposals.filter((p) => p.commentCount > 0).length).toBeGreaterThan(10);

    const merged = proposals.find((p) => p.status === ProposalStatus.Merged)!;
    const detail = (await anonymous.get(`/api/proposals/${merged.id}`).expect(200)).body as ProposalDetail;
    expect(detail.supportCount).toBe(0);
    expect(detail.mergedInto).not.toBeNull();
    expect(detail.statusHistory.map((e) => e.status)).toEqual([ProposalStatus.Submitted, ProposalStatus.Merged]);
    const target = (await anonymous.get(`/api/proposals/${detail.mergedInto!.id}`).expect(200)).body as ProposalDetail;
    expect(target.supportCount).toBeGreaterThan(0);

    const rejected = proposals.find((p) => p.status === ProposalStatus.Rejected)!;
    const answer = ((await anonymous.get(`/api/proposals/${rejected.id}`).expect(200)).body as ProposalDetail).statusHistory.at(-1)!;
    expect(answer.status).toBe(ProposalStatus.Rejected);
    expect(answer.explanation!.length).toBeGreaterThan(40);

    const discussed = proposals.find((p) => p.commentCount > 1)!;
    const threads = (await anonymous.get(`/api/proposals/${discussed.id}/comments`).expect(200)).body as CommentResponse[];
    expect(threads.reduce((n, c) => n + 1 + c.replies.length, 0)).toBe(discussed.commentCount);
  });

  it('groups the proposals into the demo projects ("Zugrunde liegende Vorschläge" is not empty)', async () => {
    const ds = t.app.get(DataSource);
    const projects = await ds.getRepository(Project).find({ where: { title: In(Object.keys(DEMO_PROJECT_PROPOSALS)) } });
    expect(projects.length).toBe(Object.keys(DEMO_PROJECT_PROPOSALS).length);
    for (const project of projects) {
      const detail = (await anonymous.get(`/api/projects/${project.id}`).expect(200)).body as ProjectDetail;
      const online = detail.proposals.filter((p) => p.kind === 'proposal').map((p) => p.title);
      expect(online.sort()).toEqual([...DEMO_PROJECT_PROPOSALS[project.title]].sort());
    }
    const grouped = (await allProposals()).filter((p) => p.status === ProposalStatus.InProjectIdea);
    expect(grouped.length).toBe(Object.values(DEMO_PROJECT_PROPOSALS).flat().length);
  });

  it('keeps every stored count equal to its rows: the start-up check has nothing to repair', async () => {
    expect(await t.app.get(ConsistencyCheckService).run()).toEqual([]);
  });

  it('writes every count right in the seed itself: on a freshly seeded database the check has nothing to repair', async () => {
    // Without an app start: the start-up check would already have repaired any drift before the test could look.
    const db = await createTestDatabase();
    const ds = createDataSource(buildDataSourceOptions(loadConfig({ ...db.env, LOG_LEVEL: 'silent' }), SCHEMA));
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      expect(await seedDemoData(ds, { participation: true })).toBeGreaterThan(DEMO_PROPOSALS.length);
      expect(await new ConsistencyCheckService(ds).run()).toEqual([]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });

  it('keeps the demo assembly upcoming, dated from the first start', async () => {
    const page = (await anonymous.get('/api/assemblies').expect(200)).body as Page<AssemblySummary>;
    expect(page.items.length).toBeGreaterThan(0);
    expect(new Date(page.items[0].startsAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('has invented residents nobody can sign in as, under the reserved .invalid domain', async () => {
    const users = await t.app
      .get(DataSource)
      .getRepository(User)
      .find({ where: { email: In(DEMO_RESIDENTS.map((r) => demoResidentEmail(r.key))) } });
    expect(users.length).toBe(DEMO_RESIDENTS.length);
    expect(users.every((u) => u.passwordHash === null && u.email!.endsWith('.invalid'))).toBe(true);
    const res = await (await t.client()).post('/api/auth/login', { email: users[0].email, password: 'irgendein-Passwort-123' });
    expect(res.status).toBe(401);
  });

  it('adds nothing twice when the seed runs again', async () => {
    const before = (await allProposals()).length;
    expect(await seedDemoData(t.app.get(DataSource), { participation: true })).toBe(0);
    expect((await allProposals()).length).toBe(before);
    expect(await t.app.get(ConsistencyCheckService).run()).toEqual([]);
  });
});
