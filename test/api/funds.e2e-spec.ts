import { Language, Role } from '@app/shared';
import type { ApplicationDetail, FundDetail, FundSummary, MyApplicationSummary } from '@app/shared/funds';
import { DataSource } from 'typeorm';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, PASSWORD, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { tinyPng } from './helpers/files';
import { apply, applicationBody, areaRefs, day, move, openFund, REASON, toAgenda, type AreaRefs } from './helpers/funds';

/**
 * The Aktionsraumfonds over HTTP (issue 17): funds, applications online and on paper, drafts and
 * contact data private, the application's states and who may move them, and every bad input of the
 * issue for funds and applications. Money, decisions and proof of use: funds-money.e2e-spec.ts.
 */
describe('Aktionsraumfonds: funds and applications', () => {
  let t: TestApp;
  let admin: ApiClient;
  let anonymous: ApiClient;
  let refs: AreaRefs;
  let areaId: string;
  let otherAreaId: string;
  let citizen: TestUser;
  let neighbour: TestUser;
  let modHere: TestUser;
  let modElsewhere: TestUser;
  let fund: FundDetail;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    anonymous = await t.client();
    refs = await areaRefs(t);
    areaId = refs.neighbourhood.parentId;
    otherAreaId = refs.actionAreas.find((a) => a.id !== areaId)!.id;
    citizen = await t.createUser({ displayName: 'Antragstellerin' });
    neighbour = await t.createUser({ displayName: 'Nachbar' });
    modHere = await t.createUser({ role: Role.Moderator, areaIds: [areaId] });
    modElsewhere = await t.createUser({ role: Role.Moderator, areaIds: [otherAreaId] });
    fund = await openFund(admin, areaId);
  });
  afterAll(() => t.close());

  describe('funds', () => {
    it('opens a fund that everybody can read, with its money and period', async () => {
      expect(fund).toEqual(
        expect.objectContaining({
          area: expect.objectContaining({ id: areaId }),
          title: expect.stringMatching(/^Aktionsraumfonds .+ \d{4}$/),
          maxPerApplicationCents: 150_000,
          open: true,
          decided: false,
          decision: null,
          balance: { amountCents: 500_000, approvedCents: 0, paidCents: 0, returnedCents: 0, remainingCents: 500_000 },
          applicationCount: 0,
        }),
      );
      const list = (await anonymous.get(`/api/funds?year=${fund.year}`).expect(200)).body as FundSummary[];
      expect(list.map((f) => f.id)).toEqual([fund.id]);
      expect((await anonymous.get(`/api/funds?areaId=${areaId}`).expect(200)).body.map((f: FundSummary) => f.id)).toContain(fund.id);
      expect((await anonymous.get(`/api/funds/${fund.id}`).expect(200)).body.id).toBe(fund.id);
    });

    it('refuses bad funds with a message naming the problem', async () => {
      const base = {
        areaId,
        year: 2090,
        amountCents: 500_000,
        maxPerApplicationCents: 150_000,
        applicationStart: day(0),
        applicationEnd: day(5),
      };
      const cases: Array<[Record<string, unknown>, number, RegExp]> = [
        [{ areaId: refs.districtId }, 422, /Aktionsraum/],
        [{ areaId: refs.neighbourhood.id }, 422, /Aktionsraum/],
        [{ applicationStart: day(5), applicationEnd: day(0) }, 422, /applicationEnd .* lies before applicationStart/],
        [
          { maxPerApplicationCents: 600_000 },
          422,
          /maximum per application \(6000\.00 EUR\) cannot be more than the fund's amount \(5000\.00 EUR\)/,
        ],
        [{ amountCents: -1 }, 400, /amountCents/],
        [{ amountCents: 100.5 }, 400, /amountCents/],
        [{ amountCents: '500000' }, 400, /amountCents/],
        [{ applicationStart: '2026-02-30' }, 422, /real calendar date/],
        [{ year: fund.year }, 409, /already has a fund for/],
      ];
      for (const [over, status, message] of cases) {
        const res = await admin.post('/api/funds', { ...base, ...over });
        expect({ over, status: res.status }).toEqual({ over, status });
        expectErrorShape(res.body, status);
        expect(JSON.stringify(res.body)).toMatch(message);
      }
      expect((await anonymous.get('/api/funds?year=2090').expect(200)).body).toEqual([]);
    });

    it('lets only administrators open and change funds', async () => {
      const body = {
        areaId,
        year: 2091,
        amountCents: 1000,
        maxPerApplicationCents: 1000,
        applicationStart: day(0),
        applicationEnd: day(1),
      };
      expectErrorShape((await citizen.client.post('/api/funds', body).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await modHere.client.post('/api/funds', body).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await modHere.client.patch(`/api/funds/${fund.id}`, { amountCents: 1 }).expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await anonymous.post('/api/funds', body).expect(401)).body, 401, 'UNAUTHENTICATED');
    });

    it('changes a fund; the maximum per application stays within the amount', async () => {
      const f = await openFund(admin, otherAreaId);
      const res = await admin.patch(`/api/funds/${f.id}`, { amountCents: 400_000, conferenceDate: null }).expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({ conferenceDate: null, balance: expect.objectContaining({ amountCents: 400_000 }) }),
      );
      const tooHigh = await admin.patch(`/api/funds/${f.id}`, { maxPerApplicationCents: 400_001 }).expect(422);
      expect(tooHigh.body.message).toMatch(/maximum per application/);
      const order = await admin.patch(`/api/funds/${f.id}`, { applicationEnd: day(-30) }).expect(422);
      expect(order.body.message).toMatch(/lies before/);
      expectErrorShape((await admin.patch(`/api/funds/${f.id}`, { amountCents: 0.5 }).expect(400)).body, 400, 'VALIDATION_FAILED');
    });
  });

  describe('applications', () => {
    it('a person starts a draft that only they and administrators see, with the contact only for them and staff', async () => {
      const draft = await apply(citizen.client, fund.id);
      expect(draft).toEqual(
        expect.objectContaining({
          state: 'draft',
          source: 'online',
          isApplicant: true,
          requestedAmountCents: 100_000,
          contact: expect.objectContaining({ email: 'ayse@example.org' }),
          allowedTransitions: ['submit'],
          timeline: [expect.objectContaining({ kind: 'created', toState: 'draft', actorRole: 'applicant' })],
        }),
      );
      for (const other of [anonymous, neighbour.client, modHere.client]) {
        expectErrorShape((await other.get(`/api/applications/${draft.id}`).expect(404)).body, 404, 'NOT_FOUND');
      }
      expect((await admin.get(`/api/applications/${draft.id}`).expect(200)).body.contact).not.toBeNull();
      expect((await anonymous.get(`/api/funds/${fund.id}`).expect(200)).body.applications).toEqual([]);

      await move(citizen.client, draft.id, 'submit').expect(200);
      const publicView = (await anonymous.get(`/api/applications/${draft.id}`).expect(200)).body as ApplicationDetail;
      expect(publicView).toEqual(
        expect.objectContaining({ state: 'submitted', contact: null, isApplicant: false, allowedTransitions: [] }),
      );
      expect(JSON.stringify(publicView)).not.toMatch(/ayse@example\.org|0231 123456|Platzstraße/);
      expect((await neighbour.client.get(`/api/applications/${draft.id}`).expect(200)).body.contact).toBeNull();
      expect((await modElsewhere.client.get(`/api/applications/${draft.id}`).expect(200)).body.contact).toBeNull();
      expect((await modHere.client.get(`/api/applications/${draft.id}`).expect(200)).body.contact.name).toBe('Ayşe Beispiel');
      const detail = (await anonymous.get(`/api/funds/${fund.id}`).expect(200)).body as FundDetail;
      expect(detail.applications.map((a) => a.id)).toContain(draft.id);
      expect(JSON.stringify(detail)).not.toContain('ayse@example.org');
    });

    it('refuses bad applications with a message naming the limit', async () => {
      const cases: Array<[Record<string, unknown>, number, RegExp]> = [
        [{ requestedAmountCents: 90_000 }, 422, /must equal the sum of the cost items \(1000\.00 EUR\)/],
        [
          { costItems: [{ label: 'Alles', amountCents: 150_001 }], requestedAmountCents: 150_001 },
          422,
          /more than the fund's maximum per application \(1500\.00 EUR\)/,
        ],
        [{ costItems: [{ label: 'Minus', amountCents: -100 }], requestedAmountCents: -100 }, 400, /at least 1 cents/],
        [{ costItems: [{ label: 'Bruch', amountCents: 10.5 }], requestedAmountCents: 10.5 }, 400, /whole number of euro cents/],
        [{ costItems: [] }, 400, /costItems/],
        [{ startDate: day(40), endDate: day(30) }, 422, /endDate .* lies before startDate/],
        [{ neighbourhoodId: refs.districtId }, 422, /Quartier/],
        [{ contact: { name: 'X' } }, 400, /contact/],
        [{ applicantKind: 'company' }, 400, /applicantKind/],
      ];
      for (const [over, status, message] of cases) {
        const res = await citizen.client.post(`/api/funds/${fund.id}/applications`, applicationBody(over));
        expect({ over, status: res.status }).toEqual({ over, status });
        expectErrorShape(res.body, status);
        expect(JSON.stringify(res.body)).toMatch(message);
      }
      const tooMuch = await citizen.client.post(
        `/api/funds/${fund.id}/applications`,
        applicationBody({ costItems: [{ label: 'Alles', amountCents: 200_000 }], requestedAmountCents: 200_000 }),
      );
      expect(tooMuch.body.details).toEqual([
        expect.objectContaining({ field: 'requestedAmountCents', params: expect.objectContaining({ maxCents: 150_000 }) }),
      ]);
    });

    it('takes applications only within the application period, naming it', async () => {
      const past = await openFund(admin, otherAreaId, { applicationStart: day(-30), applicationEnd: day(-1) });
      const late = await citizen.client.post(`/api/funds/${past.id}/applications`, applicationBody()).expect(422);
      expect(late.body.message).toContain(`from ${day(-30)} to ${day(-1)}`);
      expect(late.body.message).toMatch(/is over/);
      const future = await openFund(admin, otherAreaId, { applicationStart: day(3), applicationEnd: day(9) });
      const early = await citizen.client.post(`/api/funds/${future.id}/applications`, applicationBody()).expect(422);
      expect(early.body.message).toMatch(/has not begun yet/);
      // A draft written in time but submitted after the period closed.
      const open = await openFund(admin, otherAreaId);
      const draft = await apply(citizen.client, open.id);
      await admin.patch(`/api/funds/${open.id}`, { applicationStart: day(-20), applicationEnd: day(-1) }).expect(200);
      const submit = await move(citizen.client, draft.id, 'submit').expect(422);
      expect(submit.body.message).toContain(`from ${day(-20)} to ${day(-1)}`);
      expect((await citizen.client.get(`/api/applications/${draft.id}`).expect(200)).body.state).toBe('draft');
    });

    it('can be changed while a draft or returned, and no longer after submission', async () => {
      const a = await apply(citizen.client, fund.id);
      const changed = await citizen.client
        .patch(`/api/applications/${a.id}`, {
          title: 'Sommerfest am Platz',
          costItems: [{ label: 'Zelt', amountCents: 50_000 }],
          requestedAmountCents: 50_000,
        })
        .expect(200);
      expect(changed.body).toEqual(expect.objectContaining({ title: 'Sommerfest am Platz', requestedAmountCents: 50_000 }));
      expect(changed.body.costItems).toEqual([{ label: 'Zelt', amountCents: 50_000 }]);
      await citizen.client.patch(`/api/applications/${a.id}`, { costItems: [{ label: 'Zelt', amountCents: 60_000 }] }).expect(422);
      expectErrorShape((await neighbour.client.patch(`/api/applications/${a.id}`, { title: 'Fremd' }).expect(404)).body, 404);
      await move(citizen.client, a.id, 'submit').expect(200);
      expectErrorShape((await neighbour.client.patch(`/api/applications/${a.id}`, { title: 'Fremd' }).expect(403)).body, 403);
      const locked = await citizen.client.patch(`/api/applications/${a.id}`, { title: 'Zu spät geändert' }).expect(409);
      expect(locked.body.message).toMatch(/can no longer be changed after submission/);
      const file = await citizen.client.upload(`/api/applications/${a.id}/attachments`, {
        file: { data: await tinyPng(), name: 'plan.png' },
      });
      expect(file.status).toBe(409);

      // Returned with a public reason: editable again, then submitted again.
      const noReason = await move(admin, a.id, 'return').expect(422);
      expect(noReason.body.details).toEqual([expect.objectContaining({ field: 'reason', rules: ['required'] })]);
      await move(admin, a.id, 'return', { reason: 'Bitte einen Kostenvoranschlag für das Zelt beilegen.' }).expect(200);
      await citizen.client.patch(`/api/applications/${a.id}`, { title: 'Sommerfest mit Zelt' }).expect(200);
      await citizen.client
        .upload(`/api/applications/${a.id}/attachments`, { file: { data: await tinyPng(), name: 'angebot.png' } })
        .expect(201);
      const again = (await move(citizen.client, a.id, 'submit').expect(200)).body as ApplicationDetail;
      expect(again.timeline.map((e) => [e.kind, e.toState, e.actorRole])).toEqual([
        ['created', 'draft', 'applicant'],
        ['submit', 'submitted', 'applicant'],
        ['return', 'returned', 'administrator'],
        ['submit', 'submitted', 'applicant'],
      ]);
      expect(again.timeline[2].reason).toMatch(/Kostenvoranschlag/);
      expect(again.attachments).toHaveLength(1);
      await anonymous.get(again.attachments[0].url).expect(200);
    });

    it('deletes drafts only, and only the applicant', async () => {
      const a = await apply(citizen.client, fund.id);
      const png = await citizen.client
        .upload(`/api/applications/${a.id}/attachments`, { file: { data: await tinyPng(), name: 'x.png' } })
        .expect(201);
      await anonymous.get(png.body.url).expect(404);
      await neighbour.client.delete(`/api/applications/${a.id}`).expect(404);
      await citizen.client.delete(`/api/applications/${a.id}`).expect(204);
      await citizen.client.get(`/api/applications/${a.id}`).expect(404);
      const b = await apply(citizen.client, fund.id);
      await move(citizen.client, b.id, 'submit').expect(200);
      const refused = await citizen.client.delete(`/api/applications/${b.id}`).expect(409);
      expect(refused.body.message).toMatch(/Only drafts can be deleted/);
    });

    it('enters paper applications by staff of the area, with the source noted', async () => {
      const paper = await apply(modHere.client, fund.id, { sourceNote: 'Papierantrag, eingegangen am 3. März' });
      expect(paper).toEqual(
        expect.objectContaining({ source: 'paper', sourceNote: 'Papierantrag, eingegangen am 3. März', isApplicant: true }),
      );
      expect(paper.timeline[0]).toEqual(expect.objectContaining({ kind: 'created', actorRole: 'moderator' }));
      const submitted = (await move(modHere.client, paper.id, 'submit').expect(200)).body as ApplicationDetail;
      expect(submitted.timeline[1]).toEqual(expect.objectContaining({ kind: 'submit', actorRole: 'moderator' }));
      const byCitizen = await citizen.client
        .post(`/api/funds/${fund.id}/applications`, applicationBody({ sourceNote: 'Papier' }))
        .expect(403);
      expect(byCitizen.body.message).toMatch(/Only moderators and administrators enter paper applications/);
      await modElsewhere.client.post(`/api/funds/${fund.id}/applications`, applicationBody({ sourceNote: 'Papier' })).expect(403);
      expect((await apply(admin, fund.id, { sourceNote: 'Per Post' })).source).toBe('paper');
    });

    it('moves only as the model allows: states, roles, the moderator’s area', async () => {
      const a = await apply(citizen.client, fund.id);
      expectErrorShape((await move(citizen.client, a.id, 'fly_away').expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await move(citizen.client, a.id, 'Not-An-Id').expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await move(citizen.client, a.id, 'check').expect(409)).body, 409, 'TRANSITION_NOT_ALLOWED');
      await move(citizen.client, a.id, 'submit').expect(200);
      expectErrorShape((await move(citizen.client, a.id, 'check').expect(403)).body, 403, 'FORBIDDEN');
      expectErrorShape((await move(modHere.client, a.id, 'check').expect(403)).body, 403, 'FORBIDDEN');
      await move(admin, a.id, 'check').expect(200);
      const elsewhere = await move(modElsewhere.client, a.id, 'put_on_agenda').expect(403);
      expect(elsewhere.body.message).toMatch(/moderate other areas/);
      const onAgenda = (await move(modHere.client, a.id, 'put_on_agenda').expect(200)).body as ApplicationDetail;
      expect(onAgenda.state).toBe('on_agenda');
      expect((await modHere.client.get(`/api/applications/${a.id}`).expect(200)).body.allowedTransitions).toEqual(['approve', 'reject']);
      expect((await citizen.client.get(`/api/applications/${a.id}`).expect(200)).body.allowedTransitions).toEqual(['withdraw']);
      const agenda = (await modHere.client.get(`/api/funds/${fund.id}/agenda`).expect(200)).body;
      expect(agenda).toContainEqual({ id: a.id, title: a.title, requestedAmountCents: 100_000, submittedAt: expect.any(String) });
      await move(citizen.client, a.id, 'withdraw', { reason: 'Wir feiern doch privat.' }).expect(200);
      const done = await move(citizen.client, a.id, 'withdraw').expect(409);
      expect(done.body.message).toMatch(/withdrawn; nothing can change it any more/);
    });

    it('shows the person what happened to each of their applications', async () => {
      const mine = (await citizen.client.get('/api/applications/mine').expect(200)).body as MyApplicationSummary[];
      expect(mine.length).toBeGreaterThan(3);
      for (const a of mine) {
        expect(a.fundTitle).toMatch(/^Aktionsraumfonds /);
        expect(a.lastStep?.toState).toBe(a.state);
      }
      const withdrawn = mine.find((a) => a.state === 'withdrawn')!;
      expect(withdrawn.lastStep).toEqual(
        expect.objectContaining({ kind: 'withdraw', actorRole: 'applicant', reason: 'Wir feiern doch privat.' }),
      );
      expect((await neighbour.client.get('/api/applications/mine').expect(200)).body).toEqual([]);
      expectErrorShape((await anonymous.get('/api/applications/mine').expect(401)).body, 401);
    });

    it("puts the person's applications into their data export; paper ones staff entered without the other person's contact", async () => {
      const own = JSON.parse((await citizen.client.get('/api/me/export').expect(200)).text);
      expect(own.fundApplications.length).toBeGreaterThan(3);
      expect(own.fundApplications[0]).toEqual(
        expect.objectContaining({
          source: 'online',
          contact: expect.objectContaining({ email: 'ayse@example.org' }),
          costItems: expect.any(Array),
        }),
      );
      const staff = JSON.parse((await modHere.client.get('/api/me/export').expect(200)).text);
      expect(staff.fundApplications).toEqual([
        expect.objectContaining({ source: 'paper', sourceNote: 'Papierantrag, eingegangen am 3. März' }),
      ]);
      expect(JSON.stringify(staff.fundApplications)).not.toContain('ayse@example.org');
      // What staff did is in the audit log too (the export lists the person's own actions from it).
      expect(staff.actionsTaken.map((x: { action: string }) => x.action)).toEqual(
        expect.arrayContaining(['application.paper_entered', 'application.put_on_agenda']),
      );
      expect(own.actionsTaken).toEqual([]);
    });
  });

  describe('mails to the applicant', () => {
    it('tells the applicant in their language when staff move the application, with the public reason; not for their own steps or paper ones', async () => {
      const leyla = await t.createUser({ displayName: 'Leyla', language: Language.Turkish });
      const f = await openFund(admin, areaId);
      const mine = (to: string) => t.smtp.mails.filter((mail) => mail.to.includes(to.toLowerCase()));
      const a = await apply(leyla.client, f.id, { title: 'Mahalle şenliği' });
      await move(leyla.client, a.id, 'submit').expect(200);
      await move(admin, a.id, 'check').expect(200);
      const checked = await t.smtp.waitFor(leyla.email, (mail) => mail.subject.includes('İncelendi'));
      expect(checked.subject).toBe('“Mahalle şenliği” başvurunuz: İncelendi');
      expect(checked.text).toContain('Merhaba Leyla,');
      expect(checked.text).toContain(`/fonds/antraege/${a.id}`);
      await move(modHere.client, a.id, 'put_on_agenda').expect(200);
      await move(modHere.client, a.id, 'reject', { reason: REASON, decisionDate: day(0) }).expect(200);
      const rejected = await t.smtp.waitFor(leyla.email, (mail) => mail.subject.includes('Reddedildi'));
      expect(rejected.text).toContain(REASON);
      expect(rejected.html).toContain('lang="tr"');
      // Her own submission sent nothing: check, agenda, rejection, one mail each.
      expect(mine(leyla.email).map((mail) => mail.subject)).toEqual([
        '“Mahalle şenliği” başvurunuz: İncelendi',
        '“Mahalle şenliği” başvurunuz: Gündemde',
        '“Mahalle şenliği” başvurunuz: Reddedildi',
      ]);

      // The project conference's decision of a whole fund mails each applicant too (here in German).
      const jan = await t.createUser({ displayName: 'Jan' });
      const b = await apply(jan.client, f.id, { title: 'Bücherschrank am Platz' });
      await toAgenda(jan.client, admin, b.id);
      await admin
        .post(`/api/funds/${f.id}/decision`, {
          mode: 'jury',
          decisionDate: day(0),
          lines: [{ applicationId: b.id, approvedAmountCents: 80_000, reason: 'Weniger, weil das Geld begrenzt ist.' }],
        })
        .expect(200);
      const approved = await t.smtp.waitFor(jan.email, (mail) => mail.subject.includes('Bewilligt'));
      expect(approved.subject).toBe('Ihr Antrag „Bücherschrank am Platz“: Bewilligt');
      expect(approved.text).toContain('Weniger, weil das Geld begrenzt ist.');

      // A paper application: the moderator who typed it in is not its applicant and gets nothing.
      const paper = await apply(modHere.client, fund.id, {
        title: 'Papierantrag ohne Post',
        sourceNote: 'Papierantrag, eingegangen am 5. März',
      });
      await move(modHere.client, paper.id, 'submit').expect(200);
      await move(admin, paper.id, 'check').expect(200);
      // Mails are queued in the step's transaction: none was queued for it at all.
      const queued = await t.app
        .get(DataSource)
        .query(`SELECT "subject" FROM "outbox_mails" WHERE "subject" LIKE '%Papierantrag ohne Post%'`);
      expect(queued).toEqual([]);
      expect(t.smtp.mails.some((mail) => mail.subject.includes('Papierantrag ohne Post'))).toBe(false);
    });
  });

  describe('when the applicant deletes the account (DSGVO Art. 17)', () => {
    it('deletes the drafts, erases contact data and a private name where no money was granted, keeps the grant record', async () => {
      const leaving = await t.createUser({ displayName: 'Geht bald' });
      const paperMod = await t.createUser({ role: Role.Moderator, areaIds: [areaId] });
      const f = await openFund(admin, areaId);
      const person = { applicantKind: 'person', applicantName: 'Mehmet Beispiel' };
      const draft = await apply(leaving.client, f.id, { title: 'Entwurf, nie eingereicht', ...person });
      const submitted = await apply(leaving.client, f.id, { title: 'Eingereicht von einer Gruppe' });
      await move(leaving.client, submitted.id, 'submit').expect(200);
      const rejected = await apply(leaving.client, f.id, { title: 'Abgelehnt, Einzelperson', ...person });
      await toAgenda(leaving.client, admin, rejected.id);
      await move(admin, rejected.id, 'reject', { reason: REASON, decisionDate: day(0) }).expect(200);
      const approved = await apply(leaving.client, f.id, { title: 'Bewilligt, Einzelperson', ...person });
      await toAgenda(leaving.client, admin, approved.id);
      await move(admin, approved.id, 'approve', { approvedAmountCents: 50_000, reason: REASON, decisionDate: day(0) }).expect(200);
      const paper = await apply(paperMod.client, f.id, {
        title: 'Papierantrag',
        sourceNote: 'Papierantrag, eingegangen am 4. März',
        ...person,
        contact: { name: 'Frau Papier', phone: '0231 999' },
      });
      await move(paperMod.client, paper.id, 'submit').expect(200);

      await leaving.client.delete('/api/me', { password: PASSWORD }).expect(204);
      await paperMod.client.delete('/api/me', { password: PASSWORD }).expect(204);

      expectErrorShape((await admin.get(`/api/applications/${draft.id}`).expect(404)).body, 404, 'NOT_FOUND');
      const read = async (id: string) => (await admin.get(`/api/applications/${id}`).expect(200)).body as ApplicationDetail;
      const group = await read(submitted.id);
      expect({ name: group.applicantName, contact: group.contact, state: group.state }).toEqual({
        name: 'Initiative Platzfest',
        contact: null,
        state: 'submitted',
      });
      const gone = await read(rejected.id);
      expect({ name: gone.applicantName, contact: gone.contact, kind: gone.applicantKind }).toEqual({
        name: null,
        contact: null,
        kind: 'person',
      });
      // The public procedure stays: the steps with their public reasons.
      expect(gone.timeline.map((e) => e.kind)).toEqual(['created', 'submit', 'check', 'put_on_agenda', 'reject']);
      expect(gone.timeline.at(-1)!.reason).toBe(REASON);
      const granted = await read(approved.id);
      expect({ name: granted.applicantName, contact: granted.contact }).toEqual({
        name: 'Mehmet Beispiel',
        contact: expect.objectContaining({ name: 'Ayşe Beispiel', email: 'ayse@example.org' }),
      });
      // A paper application belongs to whoever applied on paper, not to the moderator who typed it in.
      expect((await read(paper.id)).contact).toEqual(expect.objectContaining({ name: 'Frau Papier', phone: '0231 999' }));
      const listed = (await anonymous.get(`/api/funds/${f.id}`).expect(200)).body as FundDetail;
      expect(listed.applications.map((a) => [a.title, a.applicantName]).sort()).toEqual(
        [
          ['Abgelehnt, Einzelperson', null],
          ['Bewilligt, Einzelperson', 'Mehmet Beispiel'],
          ['Eingereicht von einer Gruppe', 'Initiative Platzfest'],
          ['Papierantrag', 'Mehmet Beispiel'],
        ].sort(),
      );
      expect(listed.balance.approvedCents).toBe(50_000);
      const csv = (await admin.get(`/api/funds/${f.id}/export.csv`).expect(200)).text;
      expect(csv).toContain('Frau Papier');
      expect(csv).toContain('ayse@example.org'); // the grant record's contact
      expect(csv.split('\n').filter((line) => line.includes('ayse@example.org'))).toHaveLength(1);
    });
  });
});
