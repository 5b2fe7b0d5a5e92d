import { randomBytes, randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { DataSource } from 'typeorm';
import { AreaType, ProjectState, Role, type AreaProfileResponse, type OpenDataFile, type ProjectDetail } from '@app/shared';
import { ApplicationSource, ApplicationState, FundApplicantKind, type ApplicationDetail, type CreatedProjectRef } from '@app/shared/funds';
import { Area } from '../../apps/api/src/modules/areas/area.entity';
import { AuditEntry } from '../../apps/api/src/modules/audit/audit-entry.entity';
import { FieldOfAction } from '../../apps/api/src/modules/fields-of-action/field-of-action.entity';
import { Fund, FundApplication, FundApplicationEvent } from '../../apps/api/src/modules/funds/fund.entities';
import { Project } from '../../apps/api/src/modules/projects/project.entities';
import { areaCode } from '../../apps/api/src/seed/demo-data';
import type { ApiClient } from './helpers/client';
import { apply, day, move, openFund, REASON, toAgenda } from './helpers/funds';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';

/**
 * After the decision (issue 17): an approved application becomes an Einzelprojekt in one action, the
 * area profile shows the funds and what they financed, open data gains funds and applications without
 * contact data, and the administrators export a year as CSV and XLSX. The fund and its applications are
 * written as rows here (their own routes are tested in funds.e2e-spec.ts); everything after is over HTTP.
 */
describe('Aktionsraumfonds after the decision', () => {
  let t: TestApp;
  let ds: DataSource;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let citizen: TestUser;
  let moderator: TestUser;
  let hafen: Area;
  let fund: Fund;
  const year = new Date().getUTCFullYear();
  const secret = randomBytes(4).toString('hex');
  const contact = {
    email: `kontakt-${secret}@example.org`,
    phone: `0231 ${secret.replace(/\D/g, '7')}99`,
    address: `Hafenstraße ${secret} 12, 44147 Dortmund`,
    name: `Kontaktperson ${secret}`,
  };
  const personName = `Şükrü Łukasiewicz ${secret}`;
  const apps = {} as Record<'approved' | 'racing' | 'closed' | 'submitted' | 'rejected' | 'draft' | 'formula' | 'person', FundApplication>;

  async function application(title: string, state: ApplicationState, extra: Partial<FundApplication> = {}): Promise<FundApplication> {
    const approved = [ApplicationState.Approved, ApplicationState.Paid, ApplicationState.Closed].includes(state);
    return ds.getRepository(FundApplication).save(
      ds.getRepository(FundApplication).create({
        fundId: fund.id,
        applicantId: citizen.id,
        source: ApplicationSource.Online,
        sourceNote: null,
        state,
        version: 3,
        title,
        purpose: `Zweck von ${title}: Nachbarinnen und Nachbarn kommen zusammen.`,
        fieldOfActionId: null,
        neighbourhoodId: null,
        costItems: [{ label: 'Material', amountCents: 120000 }],
        requestedAmountCents: 120000,
        approvedAmountCents: approved ? 100000 : null,
        paidAmountCents: state === ApplicationState.Closed ? 100000 : null,
        startDate: `${year}-06-01`,
        endDate: `${year}-06-30`,
        applicantKind: FundApplicantKind.Group,
        applicantName: `Initiative ${title}`,
        contactName: contact.name,
        contactEmail: contact.email,
        contactPhone: contact.phone,
        contactAddress: contact.address,
        submittedAt: state === ApplicationState.Draft ? null : new Date(),
        ...extra,
      }),
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    ds = t.app.get(DataSource);
    admin = await t.admin();
    anonymous = await t.client();
    citizen = await t.createUser();
    moderator = await t.createUser({ role: Role.Moderator });
    hafen = await ds.getRepository(Area).findOneByOrFail({ code: areaCode(AreaType.ActionArea, 'Hafen') });
    const sz = await ds.getRepository(FieldOfAction).findOneByOrFail({ code: 'SZ' });
    fund = await ds.getRepository(Fund).save(
      ds.getRepository(Fund).create({
        areaId: hafen.id,
        year,
        amountCents: 500000,
        maxPerApplicationCents: 150000,
        applicationStart: `${year}-01-01`,
        applicationEnd: `${year}-03-31`,
        conferenceDate: `${year}-04-20`,
        approvedCents: 300000,
        paidCents: 100000,
        returnedCents: 0,
      }),
    );
    apps.approved = await application(`Straßenfest am Hafen ${secret}`, ApplicationState.Approved, { fieldOfActionId: sz.id });
    apps.racing = await application(`Repair-Café ${secret}`, ApplicationState.Approved, { startDate: null, endDate: null });
    apps.closed = await application(`Pflanzkästen ${secret}`, ApplicationState.Closed);
    apps.submitted = await application(`Sprachcafé ${secret}`, ApplicationState.Submitted);
    apps.rejected = await application(`Abgelehnt ${secret}`, ApplicationState.Rejected);
    apps.draft = await application(`Entwurf ${secret}`, ApplicationState.Draft);
    apps.formula = await application(`=HYPERLINK("http://evil.example/${secret}")`, ApplicationState.Submitted, {
      applicantName: '@SUM(1+1)',
    });
    apps.person = await application(`Hausaufgabenecke ${secret}`, ApplicationState.Submitted, {
      applicantKind: FundApplicantKind.Person,
      applicantName: personName,
    });
  });
  afterAll(() => t?.close());

  describe('POST /api/applications/:id/project', () => {
    let created: CreatedProjectRef;

    it('turns an approved application into an Einzelprojekt with Träger, Aktionsraum, dates and funding source', async () => {
      created = (await admin.post(`/api/applications/${apps.approved.id}/project`, {}).expect(201)).body as CreatedProjectRef;
      expect(created).toEqual({ id: expect.any(String), title: apps.approved.title, state: ProjectState.SingleProject });
      const project = (await anonymous.get(`/api/projects/${created.id}`).expect(200)).body as ProjectDetail;
      const row = await ds.getRepository(Project).findOneByOrFail({ id: created.id });
      expect(row).toEqual(
        expect.objectContaining({
          operatorName: apps.approved.applicantName,
          actionAreaId: hafen.id,
          startDate: `${year}-06-01`,
          endDate: `${year}-06-30`,
          fundingSource: `Aktionsraumfonds Hafen ${year}`,
          fundingAmountCents: 100000,
        }),
      );
      expect(project.description).toContain(`Antrag „${apps.approved.title}“`);
      expect(JSON.stringify(project.timeline)).toContain(apps.approved.id);
      expect(project.timeline.map((e) => e.toState)).toEqual([ProjectState.Idea, ProjectState.SingleProject]);

      const linked = await ds.getRepository(FundApplication).findOneByOrFail({ id: apps.approved.id });
      expect(linked.projectId).toBe(created.id);
      expect(linked.version).toBe(apps.approved.version + 1);
      const events = await ds.getRepository(FundApplicationEvent).findBy({ applicationId: apps.approved.id });
      const audit = await ds.getRepository(AuditEntry).findBy({ entityId: apps.approved.id, action: 'application.project_created' });
      expect(audit).toEqual([
        expect.objectContaining({ entityType: 'fund_application', details: expect.objectContaining({ projectId: created.id }) }),
      ]);
      expect(events).toEqual([
        expect.objectContaining({
          kind: 'project_created',
          version: apps.approved.version + 1,
          actorRole: Role.Administrator,
          data: expect.objectContaining({ projectId: created.id }),
        }),
      ]);
    });

    it('takes an application that went the whole way through the API (apply → check → agenda → approve lower → pay) to a project', async () => {
      const other = await ds.getRepository(Area).findOneByOrFail({ code: areaCode(AreaType.ActionArea, 'Nordmarkt') });
      const ownFund = await openFund(admin, other.id);
      const a = await apply(citizen.client, ownFund.id, {
        title: `Sprachcafé am Nordmarkt ${secret}`,
        startDate: day(30),
        endDate: day(90),
      });
      // Not yet approved: 409 naming the state.
      expect((await admin.post(`/api/applications/${a.id}/project`, {}).expect(409)).body.message).toMatch(/a draft/);
      await toAgenda(citizen.client, admin, a.id);
      await move(admin, a.id, 'approve', { approvedAmountCents: 80_000, reason: REASON, decisionDate: day(0) }).expect(200);
      await move(admin, a.id, 'pay', { paidAmountCents: 80_000, paidOn: day(0) }).expect(200);
      const ref = (await admin.post(`/api/applications/${a.id}/project`, {}).expect(201)).body as CreatedProjectRef;
      const row = await ds.getRepository(Project).findOneByOrFail({ id: ref.id });
      expect(row).toEqual(
        expect.objectContaining({
          title: a.title,
          operatorName: 'Initiative Platzfest',
          actionAreaId: other.id,
          startDate: day(30),
          endDate: day(90),
          fundingSource: `Aktionsraumfonds Nordmarkt ${ownFund.year}`,
          fundingAmountCents: 80_000,
          state: ProjectState.SingleProject,
        }),
      );
      // The application's public detail shows the project and the step in its timeline.
      const detail = (await anonymous.get(`/api/applications/${a.id}`).expect(200)).body as ApplicationDetail;
      expect(detail.project).toEqual({ id: ref.id, title: a.title, state: ProjectState.SingleProject });
      expect(detail.timeline.at(-1)).toEqual(
        expect.objectContaining({
          kind: 'project_created',
          actorRole: Role.Administrator,
          data: expect.objectContaining({ projectId: ref.id }),
        }),
      );
      expect(detail.contact).toBeNull();
    });

    it('refuses a second time with 409 naming the existing project', async () => {
      const res = await admin.post(`/api/applications/${apps.approved.id}/project`, {}).expect(409);
      expectErrorShape(res.body, 409, 'CONFLICT');
      expect(res.body.message).toContain(apps.approved.title);
      expect(res.body.message).toContain(created.id);
    });

    it('makes exactly one project when two administrators click at once', async () => {
      const [a, b] = await Promise.all([
        admin.post(`/api/applications/${apps.racing.id}/project`, {}),
        admin.post(`/api/applications/${apps.racing.id}/project`, {}),
      ]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      expect(await ds.getRepository(Project).countBy({ title: apps.racing.title })).toBe(1);
      // Without a time frame it starts on the day of the action.
      const row = await ds.getRepository(Project).findOneByOrFail({ title: apps.racing.title });
      expect(row.startDate).toBe(new Date().toISOString().slice(0, 10));
      expect(row.endDate).toBeNull();
    });

    it('refuses applications not yet approved (409), unknown ones (404), malformed ids (400)', async () => {
      for (const a of [apps.submitted, apps.rejected, apps.draft]) {
        const res = await admin.post(`/api/applications/${a.id}/project`, {}).expect(409);
        expectErrorShape(res.body, 409, 'TRANSITION_NOT_ALLOWED');
        expect(res.body.message).toMatch(/approved/);
      }
      expectErrorShape((await admin.post(`/api/applications/${randomUUID()}/project`, {}).expect(404)).body, 404, 'NOT_FOUND');
      await admin.post('/api/applications/not-a-uuid/project', {}).expect(400);
      expect(await ds.getRepository(Project).countBy({ title: apps.submitted.title })).toBe(0);
    });

    it('is for administrators only: 403 for moderators and citizens, 401 without sign-in', async () => {
      for (const client of [moderator.client, citizen.client])
        expectErrorShape((await client.post(`/api/applications/${apps.closed.id}/project`, {}).expect(403)).body, 403, 'FORBIDDEN');
      await anonymous.post(`/api/applications/${apps.closed.id}/project`, {}).expect(401);
      expect((await ds.getRepository(FundApplication).findOneByOrFail({ id: apps.closed.id })).projectId).toBeNull();
    });
  });

  it('shows the area’s funds and what they financed in the area profile', async () => {
    const profile = (await anonymous.get(`/api/social-report/areas/${hafen.code}`).expect(200)).body as AreaProfileResponse;
    expect(profile.funds.items).toEqual([
      {
        id: fund.id,
        year,
        title: `Aktionsraumfonds Hafen ${year}`,
        amountCents: 500000,
        approvedCents: 300000,
        paidCents: 100000,
        returnedCents: 0,
        remainingCents: 200000,
        decided: false,
      },
    ]);
    const financed = profile.funds.financed;
    expect(financed.map((f) => f.id).sort()).toEqual([apps.approved.id, apps.racing.id, apps.closed.id].sort());
    const approved = financed.find((f) => f.id === apps.approved.id)!;
    expect(approved).toEqual(
      expect.objectContaining({ approvedAmountCents: 100000, paidAmountCents: null, state: ApplicationState.Approved, year }),
    );
    expect(approved.project).toEqual(expect.objectContaining({ title: apps.approved.title, state: ProjectState.SingleProject }));
    expect(financed.find((f) => f.id === apps.closed.id)!.project).toBeNull();
    const text = JSON.stringify(profile);
    for (const value of Object.values(contact)) expect(text).not.toContain(value);
    // Another area has no funds.
    const other = (await anonymous.get(`/api/social-report/areas/${areaCode(AreaType.ActionArea, 'Marten')}`).expect(200))
      .body as AreaProfileResponse;
    expect(other.funds).toEqual({ items: [], financed: [] });
  });

  describe('open data', () => {
    it('publishes funds with their money', async () => {
      const file = (await anonymous.get('/api/open-data/funds.json').expect(200)).body as OpenDataFile<Record<string, unknown>>;
      expect(file.records.filter((r) => r.id === fund.id)).toEqual([
        expect.objectContaining({
          id: fund.id,
          areaCode: hafen.code,
          year,
          amountCents: 500000,
          approvedCents: 300000,
          remainingCents: 200000,
        }),
      ]);
    });

    it('publishes submitted applications without contact data, drafts or private persons’ names', async () => {
      const file = (await anonymous.get('/api/open-data/fund-applications.json').expect(200)).body as OpenDataFile<Record<string, unknown>>;
      const ids = file.records.map((r) => r.id);
      expect(ids).not.toContain(apps.draft.id);
      expect(ids).toEqual(expect.arrayContaining([apps.approved.id, apps.submitted.id, apps.rejected.id, apps.closed.id]));
      expect(file.records.find((r) => r.id === apps.person.id)!.applicantName).toBeNull();
      expect(file.records.find((r) => r.id === apps.approved.id)).toEqual(
        expect.objectContaining({ applicantName: apps.approved.applicantName, approvedAmountCents: 100000, projectId: expect.any(String) }),
      );
      for (const name of ['funds', 'fund-applications']) {
        for (const ext of ['json', 'csv']) {
          const text = (await anonymous.get(`/api/open-data/${name}.${ext}`).expect(200)).text;
          for (const value of [...Object.values(contact), personName, apps.draft.title, citizen.id, citizen.email])
            expect({ file: `${name}.${ext}`, leaked: text.includes(value) ? value : null }).toEqual({
              file: `${name}.${ext}`,
              leaked: null,
            });
          expect({ file: `${name}.${ext}`, email: /[\w.+-]+@[\w-]+\.[\w.]+/.test(text) }).toEqual({ file: `${name}.${ext}`, email: false });
          expect(text).not.toMatch(/contact|phone|address/i);
        }
      }
      const csv = (await anonymous.get('/api/open-data/fund-applications.csv').expect(200)).text;
      const rows = parse(csv, { columns: true }) as Array<Record<string, string>>;
      expect(rows.find((r) => r.id === apps.formula.id)!.title.startsWith("'=")).toBe(true);
    });
  });

  describe('the administrators’ export per year', () => {
    const all = () => Object.values(apps);

    it('exports every application of the year with amounts, states, applicant and contact as CSV', async () => {
      const res = await admin.get(`/api/funds/export.csv?year=${year}&lang=de`).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="aktionsraumfonds-${year}.csv"`);
      expect(res.headers['cache-control']).toBe('no-store');
      const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
      expect(rows).toHaveLength(all().length);
      const approved = rows.find((r) => r['Antrag-ID'] === apps.approved.id)!;
      expect(approved).toEqual(
        expect.objectContaining({
          Fonds: `Aktionsraumfonds Hafen ${year}`,
          Jahr: String(year),
          Titel: apps.approved.title,
          Stand: 'bewilligt',
          Antragsart: 'Gruppe',
          'Kontakt E-Mail': contact.email,
          'Kontakt Telefon': contact.phone,
          'Kontakt Anschrift': contact.address,
          Eingang: 'online',
          Handlungsfeld: 'SZ',
          'Beantragt (EUR)': '1200.00',
          'Bewilligt (EUR)': '1000.00',
          'Ausgezahlt (EUR)': '',
          Beginn: `${year}-06-01`,
        }),
      );
      expect(approved['Einzelprojekt-ID']).toMatch(/^[0-9a-f-]{36}$/);
      expect(rows.find((r) => r['Antrag-ID'] === apps.draft.id)!.Stand).toBe('Entwurf');
      expect(rows.find((r) => r['Antrag-ID'] === apps.person.id)!.Antragsteller).toBe(personName);
      // Formula injection: neutralised like every CSV of the platform.
      const formula = rows.find((r) => r['Antrag-ID'] === apps.formula.id)!;
      expect(formula.Titel.startsWith("'=")).toBe(true);
      expect(formula.Antragsteller).toBe("'@SUM(1+1)");
      const english = parse((await admin.get(`/api/funds/export.csv?year=${year}&lang=en`).expect(200)).text, { columns: true }) as Array<
        Record<string, string>
      >;
      expect(english.find((r) => r['Application id'] === apps.approved.id)!.State).toBe('approved');
      // Another year: the header only.
      expect((await admin.get(`/api/funds/export.csv?year=${year - 5}`).expect(200)).text.trim().split('\r\n')).toHaveLength(1);
    });

    it('exports the same as a real XLSX workbook', async () => {
      const res = await admin
        .get(`/api/funds/export.xlsx?year=${year}&lang=de`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="aktionsraumfonds-${year}.xlsx"`);
      const files = unzipSync(new Uint8Array(res.body as Buffer));
      expect(strFromU8(files['xl/workbook.xml'])).toContain(`name="Anträge ${year}"`);
      const xml = Object.entries(files)
        .filter(([name]) => name.startsWith('xl/'))
        .map(([, data]) => strFromU8(data))
        .join('\n');
      for (const text of ['Bewilligt (EUR)', apps.approved.title, contact.email, personName, 'bewilligt']) expect(xml).toContain(text);
      const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
      expect((sheet.match(/<row /g) ?? []).length).toBe(all().length + 1);
      // Text stays text: a title that looks like a formula is a string cell, never a formula.
      expect(sheet).not.toContain('<f>');
      expect(xml).toMatch(new RegExp(`<t[^>]*>=HYPERLINK\\((&quot;|")http://evil.example/${secret}`));
      // Amounts are numbers (euros with two decimals), not text.
      expect(sheet).toMatch(/<v>1200<\/v>|<v>1200\.00<\/v>/);
    });

    it('exports one fund’s applications (CSV and XLSX), 404 for an unknown fund', async () => {
      const res = await admin.get(`/api/funds/${fund.id}/export.csv?lang=en`).expect(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="aktionsraumfonds-${hafen.code}-${year}.csv"`);
      const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
      expect(rows.map((r) => r['Application id']).sort()).toEqual(
        all()
          .map((a) => a.id)
          .sort(),
      );
      expect(rows.find((r) => r['Application id'] === apps.closed.id)).toEqual(
        expect.objectContaining({ State: 'closed', 'Paid (EUR)': '1000.00', 'Contact email': contact.email }),
      );
      const xlsx = await admin.get(`/api/funds/${fund.id}/export.xlsx`).expect(200);
      expect(xlsx.headers['content-disposition']).toBe(`attachment; filename="aktionsraumfonds-${hafen.code}-${year}.xlsx"`);
      expectErrorShape((await admin.get(`/api/funds/${randomUUID()}/export.csv`).expect(404)).body, 404, 'NOT_FOUND');
      await moderator.client.get(`/api/funds/${fund.id}/export.csv`).expect(403);
    });

    it('refuses a missing or malformed year (400) and everybody but administrators (403/401)', async () => {
      for (const query of ['', '?year=abc', '?year=1999', '?year=2026.5'])
        expectErrorShape((await admin.get(`/api/funds/export.csv${query}`).expect(400)).body, 400, 'VALIDATION_FAILED');
      for (const client of [moderator.client, citizen.client])
        for (const ext of ['csv', 'xlsx']) await client.get(`/api/funds/export.${ext}?year=${year}`).expect(403);
      await anonymous.get(`/api/funds/export.csv?year=${year}`).expect(401);
    });
  });
});
