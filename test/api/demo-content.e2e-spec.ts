import { DataSource, In } from 'typeorm';
import {
  APPLICATION_STATE_INFO,
  APPLICATION_STATES,
  ApplicationState,
  type ApplicationDetail,
  type FundDetail,
  type FundSummary,
} from '@app/shared/funds';
import {
  AreaType,
  type AreaProfileResponse,
  type OpenDataFile,
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
import { Area } from '../../apps/api/src/modules/areas/area.entity';
import { Fund, FundApplication, FundApplicationEvent } from '../../apps/api/src/modules/funds/fund.entities';
import { ConsistencyCheckService } from '../../apps/api/src/modules/integrity/consistency-check.service';
import { Project } from '../../apps/api/src/modules/projects/project.entities';
import { User } from '../../apps/api/src/modules/users/user.entity';
import { FUND_PROJECT_TITLE, LAST_YEAR_AREA } from '../../apps/api/src/seed/demo-funds-data';
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

  describe('the Aktionsraumfonds', () => {
    const year = new Date().getUTCFullYear();
    const today = new Date().toISOString().slice(0, 10);
    let funds: Fund[];
    let applications: FundApplication[];

    beforeAll(async () => {
      const ds = t.app.get(DataSource);
      funds = await ds.getRepository(Fund).find();
      applications = await ds.getRepository(FundApplication).find();
    });

    it('has a fund of about 5,000 EUR for every current Aktionsraum this year, and last year’s fund of Hafen', async () => {
      const areas = await t.app
        .get(DataSource)
        .getRepository(Area)
        .find({ where: { type: AreaType.ActionArea } });
      const current = areas.filter((a) => a.validFrom <= today && (a.validTo === null || a.validTo >= today));
      expect(current.length).toBe(13);
      const thisYear = funds.filter((f) => f.year === year);
      expect(thisYear.map((f) => f.areaId).sort()).toEqual(current.map((a) => a.id).sort());
      for (const f of funds) {
        expect(f.amountCents).toBe(500_000);
        expect(f.maxPerApplicationCents).toBe(150_000);
        expect(f.applicationStart < f.applicationEnd && f.applicationEnd < f.conferenceDate!).toBe(true);
      }
      const hafen = areas.find((a) => a.name === LAST_YEAR_AREA)!;
      const past = funds.find((f) => f.areaId === hafen.id && f.year === year - 1)!;
      expect(past).toEqual(expect.objectContaining({ decisionMode: 'conference', decisionDate: past.conferenceDate }));
      expect(past.decidedAt).not.toBeNull();
    });

    it('has applications in every state with cost items that add up and complete, ordered timelines', async () => {
      expect(new Set(applications.map((a) => a.state))).toEqual(new Set(APPLICATION_STATES));
      const events = await t.app.get(DataSource).getRepository(FundApplicationEvent).find();
      for (const a of applications) {
        expect(a.costItems.reduce((sum, item) => sum + item.amountCents, 0)).toBe(a.requestedAmountCents);
        expect(a.requestedAmountCents).toBeLessThanOrEqual(150_000);
        const own = events.filter((e) => e.applicationId === a.id).sort((x, y) => x.version - y.version);
        expect({ title: a.title, versions: own.map((e) => e.version) }).toEqual({
          title: a.title,
          versions: Array.from({ length: a.version }, (_, i) => i + 1),
        });
        expect(own[0].kind).toBe('created');
        expect(own.at(-1)!.toState).toBe(a.state);
        for (const [i, e] of own.entries()) {
          if (i > 0) expect(e.fromState).toBe(own[i - 1].toState);
          expect(e.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
        }
        // Every side exit and every lower approval says why, publicly.
        if ([ApplicationState.Returned, ApplicationState.Rejected, ApplicationState.Withdrawn].includes(a.state))
          expect(own.find((e) => e.toState === a.state)!.reason!.length).toBeGreaterThan(20);
        if (a.approvedAmountCents !== null && a.approvedAmountCents < a.requestedAmountCents)
          expect(own.find((e) => e.kind === 'approve')!.reason!.length).toBeGreaterThan(20);
      }
    });

    it('keeps every fund’s balance equal to its applications, and no fund over its amount', async () => {
      for (const f of funds) {
        const own = applications.filter((a) => a.fundId === f.id);
        const committed = own.filter((a) => APPLICATION_STATE_INFO[a.state].commitsMoney);
        const approved = committed.reduce((sum, a) => sum + a.approvedAmountCents!, 0);
        const paid = committed.reduce((sum, a) => sum + (a.paidAmountCents ?? 0), 0);
        const returned = own.reduce((sum, a) => sum + (a.returnedAmountCents ?? 0), 0);
        expect({ fund: f.id, approved: f.approvedCents, paid: f.paidCents, returned: f.returnedCents }).toEqual({
          fund: f.id,
          approved,
          paid,
          returned,
        });
        expect(f.approvedCents).toBeLessThanOrEqual(f.amountCents);
        for (const a of committed) {
          expect(a.paidAmountCents ?? 0).toBeLessThanOrEqual(a.approvedAmountCents!);
          if (a.state === ApplicationState.Closed) expect(a.returnedAmountCents).toBe(a.paidAmountCents! - a.spentAmountCents!);
        }
      }
    });

    it('shows the funds and last year’s published result over the public API', async () => {
      const list = (await anonymous.get(`/api/funds?year=${year}`).expect(200)).body as FundSummary[];
      expect(list).toHaveLength(13);
      for (const f of list) {
        const row = funds.find((r) => r.id === f.id)!;
        expect(f.balance).toEqual({
          amountCents: row.amountCents,
          approvedCents: row.approvedCents,
          paidCents: row.paidCents,
          returnedCents: row.returnedCents,
          remainingCents: row.amountCents - row.approvedCents + row.returnedCents,
        });
      }
      const [past] = (await anonymous.get(`/api/funds?year=${year - 1}`).expect(200)).body as FundSummary[];
      const detail = (await anonymous.get(`/api/funds/${past.id}`).expect(200)).body as FundDetail;
      expect(detail.decided).toBe(true);
      expect(detail.decision).toEqual(expect.objectContaining({ mode: 'conference' }));
      const states = detail.applications.map((a) => a.state);
      expect(states).toEqual(expect.arrayContaining([ApplicationState.Closed, ApplicationState.Rejected, ApplicationState.Withdrawn]));
      const rejected = detail.applications.find((a) => a.state === ApplicationState.Rejected)!;
      const shown = (await anonymous.get(`/api/applications/${rejected.id}`).expect(200)).body as ApplicationDetail;
      expect(shown.timeline.at(-1)!.reason!.length).toBeGreaterThan(40);
      expect(shown.contact).toBeNull();
    });

    it('links the Nachbarschaftsforum Hafen to the closed application it began as, shown in the area profile', async () => {
      const project = await t.app.get(DataSource).getRepository(Project).findOneByOrFail({ title: FUND_PROJECT_TITLE });
      const origin = applications.find((a) => a.projectId === project.id)!;
      expect(origin.state).toBe(ApplicationState.Closed);
      const profile = (await anonymous.get('/api/social-report/areas/ar-hafen').expect(200)).body as AreaProfileResponse;
      expect(profile.funds.items.map((f) => f.year)).toEqual([year, year - 1]);
      expect(profile.funds.financed.find((f) => f.id === origin.id)!.project).toEqual(expect.objectContaining({ id: project.id }));
    });

    it('publishes funds and applications as open data without drafts or contact data', async () => {
      const file = (await anonymous.get('/api/open-data/fund-applications.json').expect(200)).body as OpenDataFile<Record<string, unknown>>;
      expect(file.records.length).toBe(applications.filter((a) => a.state !== ApplicationState.Draft).length);
      const text = JSON.stringify(file);
      for (const a of applications)
        for (const value of [a.contactEmail, a.contactPhone, a.contactAddress, a.contactName]) if (value) expect(text).not.toContain(value);
    });
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
