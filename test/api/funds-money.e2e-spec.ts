import { DataSource } from 'typeorm';
import { Role } from '@app/shared';
import { TransactionRunner } from '../../apps/api/src/database/transactions';
import { FundsService } from '../../apps/api/src/modules/funds/funds.service';
import { ConsistencyCheckService } from '../../apps/api/src/modules/integrity/consistency-check.service';
import type { ApplicationDetail, FundDetail } from '@app/shared/funds';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { tinyPng } from './helpers/files';
import { apply, areaRefs, day, fundBalance, move, openFund, REASON, REPORT, toAgenda } from './helpers/funds';

/**
 * The money of the Aktionsraumfonds (issue 17), on SQLite and PostgreSQL: the approved sum never
 * passes the fund's amount, also when approvals race; the conference's decision is applied once and
 * whole; withdrawing gives money back; payment, proof of use and the returned rest are recorded.
 */
describe('Aktionsraumfonds: money, decision and proof of use', () => {
  let t: TestApp;
  let admin: ApiClient;
  let areaId: string;
  let otherAreaId: string;
  let fieldId: string;
  let citizen: TestUser;
  let neighbour: TestUser;
  let modHere: TestUser;
  let modElsewhere: TestUser;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.admin();
    const refs = await areaRefs(t);
    areaId = refs.actionAreas[0].id;
    otherAreaId = refs.actionAreas[1].id;
    fieldId = refs.fieldId;
    citizen = await t.createUser({ displayName: 'Antragstellerin' });
    neighbour = await t.createUser({ displayName: 'Nachbar' });
    modHere = await t.createUser({ role: Role.Moderator, areaIds: [areaId] });
    modElsewhere = await t.createUser({ role: Role.Moderator, areaIds: [otherAreaId] });
  });
  afterAll(() => t.close());

  /** An application of `cents` (one cost item) on the fund's agenda. */
  async function onAgenda(fundId: string, cents: number, title = 'Reparaturcafé im Quartier'): Promise<ApplicationDetail> {
    const a = await apply(citizen.client, fundId, {
      title,
      costItems: [{ label: 'Werkzeug', amountCents: cents }],
      requestedAmountCents: cents,
    });
    await toAgenda(citizen.client, admin, a.id);
    return a;
  }
  const approve = (client: ApiClient, id: string, cents: number, reason?: string) =>
    move(client, id, 'approve', { approvedAmountCents: cents, decisionDate: day(0), ...(reason ? { reason } : {}) });

  describe('approving', () => {
    it('approves at most the requested amount, a lower one only with a reason, never more than the fund has', async () => {
      const fund = await openFund(admin, areaId, { amountCents: 200_000, maxPerApplicationCents: 150_000 });
      const a = await onAgenda(fund.id, 150_000);
      const b = await onAgenda(fund.id, 100_000);
      const more = await approve(modHere.client, a.id, 150_001).expect(422);
      expect(more.body.message).toMatch(/more than the requested amount \(1500\.00 EUR\)/);
      const noReason = await approve(modHere.client, a.id, 120_000).expect(422);
      expect(noReason.body.details).toEqual([expect.objectContaining({ field: 'reason', rules: ['reason_for_lower_amount'] })]);
      for (const bad of [-5, 10.5, '100']) {
        const res = await move(modHere.client, a.id, 'approve', { approvedAmountCents: bad, decisionDate: day(0) });
        expect({ bad, status: res.status }).toEqual({ bad, status: res.status === 400 ? 400 : 422 });
        expectErrorShape(res.body, res.status);
      }
      const future = await move(modHere.client, a.id, 'approve', { approvedAmountCents: 100_000, decisionDate: day(2), reason: REASON });
      expect(future.status).toBe(422);
      await approve(modElsewhere.client, a.id, 150_000).expect(403);
      await approve(modHere.client, a.id, 150_000).expect(200);

      const over = await approve(admin, b.id, 100_000).expect(409);
      expectErrorShape(over.body, 409, 'CONFLICT');
      expect(over.body.message).toMatch(/The fund has 500\.00 EUR left/);
      expect(over.body.details).toEqual([expect.objectContaining({ params: { remainingCents: 50_000, requestedCents: 100_000 } })]);
      expect((await admin.get(`/api/applications/${b.id}`).expect(200)).body.state).toBe('on_agenda');
      expect(await fundBalance(admin, fund.id)).toEqual(expect.objectContaining({ approvedCents: 150_000, remainingCents: 50_000 }));

      // The amount cannot go below what is committed.
      const shrink = await admin.patch(`/api/funds/${fund.id}`, { amountCents: 149_999, maxPerApplicationCents: 100_000 }).expect(409);
      expect(shrink.body.message).toMatch(/1500\.00 EUR of this fund are already committed/);
      expect(shrink.body.details).toEqual([expect.objectContaining({ field: 'amountCents', params: { committedCents: 150_000 } })]);
      await admin.patch(`/api/funds/${fund.id}`, { amountCents: 150_000, maxPerApplicationCents: 150_000 }).expect(200);
    });

    it('lets exactly one of two approvals racing for the last 500 EUR through; the other gets 409 with the remaining amount', async () => {
      for (let round = 0; round < 3; round++) {
        const fund = await openFund(admin, areaId, { amountCents: 350_000, maxPerApplicationCents: 150_000 });
        await approve(admin, (await onAgenda(fund.id, 150_000)).id, 150_000).expect(200);
        await approve(admin, (await onAgenda(fund.id, 150_000)).id, 150_000).expect(200);
        const x = await onAgenda(fund.id, 40_000);
        const y = await onAgenda(fund.id, 30_000);
        const [rx, ry] = await Promise.all([approve(admin, x.id, 40_000), approve(modHere.client, y.id, 30_000)]);
        const statuses = [rx.status, ry.status].sort();
        expect({ round, statuses }).toEqual({ round, statuses: [200, 409] });
        const [winner, loser] = rx.status === 200 ? [40_000, ry] : [30_000, rx];
        expect(loser.body.details[0].params.remainingCents).toBe(50_000 - winner);
        expect(loser.body.message).toContain(`has ${(50_000 - winner) / 100}.00 EUR left`);
        expect(await fundBalance(admin, fund.id)).toEqual(
          expect.objectContaining({ approvedCents: 300_000 + winner, remainingCents: 50_000 - winner }),
        );
      }
    });

    it('approves five of ten concurrent 100 EUR approvals for the last 500 EUR, never more', async () => {
      const fund = await openFund(admin, areaId, { amountCents: 150_000 + 50_000, maxPerApplicationCents: 150_000 });
      await approve(admin, (await onAgenda(fund.id, 150_000)).id, 150_000).expect(200);
      const apps = [];
      for (let i = 0; i < 10; i++) apps.push(await onAgenda(fund.id, 10_000, `Pflanzkübel ${i}`));
      const results = await Promise.all(apps.map((a, i) => approve(i % 2 ? admin : modHere.client, a.id, 10_000)));
      expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 409, 409, 409, 409, 409]);
      expect(await fundBalance(admin, fund.id)).toEqual(expect.objectContaining({ approvedCents: 200_000, remainingCents: 0 }));
    });
  });

  describe('the decision of the project conference', () => {
    let fund: FundDetail;
    let a: ApplicationDetail;
    let b: ApplicationDetail;
    let c: ApplicationDetail;
    let notOnAgenda: ApplicationDetail;
    const decision = (lines: unknown[], over: Record<string, unknown> = {}) => ({
      mode: 'jury',
      decisionDate: day(0),
      note: 'Projektkonferenz im Stadtteilzentrum',
      lines,
      ...over,
    });
    const states = async () =>
      Promise.all([a, b, c].map(async (x) => (await admin.get(`/api/applications/${x.id}`).expect(200)).body.state as string));

    beforeAll(async () => {
      fund = await openFund(admin, otherAreaId, { amountCents: 300_000, maxPerApplicationCents: 150_000 });
      a = await onAgenda(fund.id, 100_000, 'Sprachcafé');
      b = await onAgenda(fund.id, 100_000, 'Hausaufgabenecke');
      c = await onAgenda(fund.id, 120_000, 'Straßenfest');
      notOnAgenda = await apply(citizen.client, fund.id);
      await move(citizen.client, notOnAgenda.id, 'submit').expect(200);
    });

    it('refuses a bad decision whole, writing nothing', async () => {
      const url = `/api/funds/${fund.id}/decision`;
      const notAgenda = await admin
        .post(
          url,
          decision([
            { applicationId: a.id, approvedAmountCents: 100_000 },
            { applicationId: notOnAgenda.id, approvedAmountCents: 50_000 },
          ]),
        )
        .expect(422);
      expect(notAgenda.body.message).toMatch(/is not on the agenda/);
      expect(notAgenda.body.details[0].field).toBe('lines.1.applicationId');

      const over = await admin
        .post(
          url,
          decision([
            { applicationId: a.id, approvedAmountCents: 100_000 },
            { applicationId: b.id, approvedAmountCents: 100_000 },
            { applicationId: c.id, approvedAmountCents: 120_000 },
          ]),
        )
        .expect(409);
      expect(over.body.message).toMatch(/The fund has 3000\.00 EUR left; approving 3200\.00 EUR would exceed its amount/);
      expect(over.body.details[0].params).toEqual({ remainingCents: 300_000, requestedCents: 320_000 });

      const lower = await admin.post(url, decision([{ applicationId: a.id, approvedAmountCents: 50_000 }])).expect(422);
      expect(lower.body.details).toEqual([expect.objectContaining({ field: 'lines.0.reason', rules: ['reason_for_lower_amount'] })]);
      const reject = await admin.post(url, decision([{ applicationId: a.id, approvedAmountCents: null }])).expect(422);
      expect(reject.body.details).toEqual([expect.objectContaining({ field: 'lines.0.reason', rules: ['required'] })]);
      await admin.post(url, decision([{ applicationId: a.id, approvedAmountCents: 1.5 }])).expect(400);
      await admin.post(url, decision([{ applicationId: a.id, approvedAmountCents: -100 }])).expect(400);
      await admin.post(url, decision([{ applicationId: a.id }])).expect(400);
      await admin.post(url, decision([{ applicationId: a.id, approvedAmountCents: 100_000 }], { decisionDate: day(3) })).expect(422);
      const noRound = await admin
        .post(url, decision([{ applicationId: a.id, approvedAmountCents: 100_000 }], { roundId: a.id }))
        .expect(422);
      expect(noRound.body.details[0].field).toBe('roundId');
      const twice = await admin
        .post(
          url,
          decision([
            { applicationId: a.id, approvedAmountCents: 100_000 },
            { applicationId: a.id, approvedAmountCents: null, reason: REASON },
          ]),
        )
        .expect(422);
      expect(twice.body.message).toMatch(/appears twice/);
      await citizen.client.post(url, decision([{ applicationId: a.id, approvedAmountCents: 100_000 }])).expect(403);
      await modHere.client.post(url, decision([{ applicationId: a.id, approvedAmountCents: 100_000 }])).expect(403);

      expect(await states()).toEqual(['on_agenda', 'on_agenda', 'on_agenda']);
      const now = (await admin.get(`/api/funds/${fund.id}`).expect(200)).body as FundDetail;
      expect(now).toEqual(expect.objectContaining({ decided: false, decision: null }));
      expect(now.balance.approvedCents).toBe(0);
    });

    it('applies the decision in one step, into every timeline, and only once', async () => {
      const modThere = await t.createUser({ role: Role.Moderator, areaIds: [otherAreaId] });
      const res = await modThere.client
        .post(
          `/api/funds/${fund.id}/decision`,
          decision([
            { applicationId: a.id, approvedAmountCents: 100_000 },
            { applicationId: b.id, approvedAmountCents: 80_000, reason: 'Die Honorare sind höher angesetzt als üblich.' },
            { applicationId: c.id, approvedAmountCents: null, reason: 'Das Straßenfest wird schon aus einem anderen Topf gefördert.' },
          ]),
        )
        .expect(200);
      const decided = res.body as FundDetail;
      expect(decided).toEqual(
        expect.objectContaining({
          decided: true,
          decision: expect.objectContaining({
            mode: 'jury',
            decisionDate: day(0),
            roundId: null,
            assemblyId: null,
            note: 'Projektkonferenz im Stadtteilzentrum',
          }),
          balance: expect.objectContaining({ amountCents: 300_000, approvedCents: 180_000, remainingCents: 120_000 }),
        }),
      );
      expect(await states()).toEqual(['approved', 'approved', 'rejected']);
      const bDetail = (await t.client().then((c0) => c0.get(`/api/applications/${b.id}`).expect(200))).body as ApplicationDetail;
      expect(bDetail.approvedAmountCents).toBe(80_000);
      expect(bDetail.timeline.at(-1)).toEqual(
        expect.objectContaining({
          kind: 'approve',
          fromState: 'on_agenda',
          toState: 'approved',
          actorRole: 'moderator',
          reason: 'Die Honorare sind höher angesetzt als üblich.',
          data: expect.objectContaining({ decisionDate: day(0), mode: 'jury', approvedAmountCents: 80_000, requestedAmountCents: 100_000 }),
        }),
      );
      const again = await admin
        .post(`/api/funds/${fund.id}/decision`, decision([{ applicationId: notOnAgenda.id, approvedAmountCents: null, reason: REASON }]))
        .expect(409);
      expect(again.body.message).toMatch(/already decided .*a fund is decided once/);
    });

    it('gives the money of a withdrawn approved application back to the fund', async () => {
      const before = await fundBalance(admin, fund.id);
      await move(admin, a.id, 'withdraw').expect(403);
      const res = (await move(citizen.client, a.id, 'withdraw', { reason: 'Der Raum steht nicht mehr zur Verfügung.' }).expect(200))
        .body as ApplicationDetail;
      expect(res.timeline.at(-1)).toEqual(
        expect.objectContaining({ kind: 'withdraw', actorRole: 'applicant', data: { releasedAmountCents: 100_000 } }),
      );
      expect(await fundBalance(admin, fund.id)).toEqual(
        expect.objectContaining({ approvedCents: before.approvedCents - 100_000, remainingCents: before.remainingCents + 100_000 }),
      );
    });

    it('records payment (less than approved), proof of use and the rest returned to the fund: unpaid and unspent', async () => {
      const pay = (cents: unknown, paidOn = day(0)) => move(admin, b.id, 'pay', { paidAmountCents: cents, paidOn });
      expect((await pay(80_001).expect(422)).body.message).toMatch(/more than the approved amount \(800\.00 EUR\)/);
      await pay(80_000, day(1)).expect(422);
      await move(modHere.client, b.id, 'pay', { paidAmountCents: 80_000, paidOn: day(0) }).expect(403);
      await move(citizen.client, b.id, 'submit_proof', { spentAmountCents: 1, report: REPORT }).expect(409);
      // The office pays 750 EUR of the 800 approved: the unpaid 50 EUR stay committed until the proof is closed.
      await pay(75_000).expect(200);
      expect(await fundBalance(admin, fund.id)).toEqual(expect.objectContaining({ paidCents: 75_000 }));

      const receipt = await citizen.client.upload(`/api/applications/${b.id}/proof-attachments`, {
        file: { data: await tinyPng(), name: 'beleg.png' },
        fields: { description: 'Quittung Material' },
      });
      expect(receipt.status).toBe(201);
      await neighbour.client
        .upload(`/api/applications/${b.id}/proof-attachments`, { file: { data: await tinyPng(), name: 'x.png' } })
        .expect(403);
      await citizen.client.upload(`/api/applications/${b.id}/attachments`, { file: { data: await tinyPng(), name: 'x.png' } }).expect(409);

      const proof = (input: Record<string, unknown>) => move(citizen.client, b.id, 'submit_proof', input);
      expect((await proof({ spentAmountCents: 75_001, report: REPORT }).expect(422)).body.message).toMatch(/more than the paid amount/);
      expect((await proof({ spentAmountCents: 65_000, report: 'zu kurz' }).expect(422)).body.details[0].field).toBe('report');
      const mismatch = await proof({
        spentAmountCents: 65_000,
        report: REPORT,
        spentItems: [{ label: 'Werkzeug', amountCents: 60_000 }],
      }).expect(422);
      expect(mismatch.body.message).toMatch(/add up to 600\.00 EUR, not to the amount spent \(650\.00 EUR\)/);
      const submitted = (
        await proof({ spentAmountCents: 65_000, report: REPORT, spentItems: [{ label: 'Werkzeug', amountCents: 65_000 }] }).expect(200)
      ).body as ApplicationDetail;
      expect(submitted.proof).toEqual(
        expect.objectContaining({
          spentAmountCents: 65_000,
          report: REPORT,
          returnedAmountCents: null,
          attachments: [expect.objectContaining({ description: 'Quittung Material' })],
        }),
      );

      await move(citizen.client, b.id, 'close').expect(403);
      const closed = (await move(admin, b.id, 'close').expect(200)).body as ApplicationDetail;
      expect(closed).toEqual(expect.objectContaining({ state: 'closed', paidAmountCents: 75_000 }));
      // 800 approved − 650 spent: 100 EUR paid but not spent plus 50 EUR never paid go back to the fund.
      expect(closed.proof?.returnedAmountCents).toBe(15_000);
      expect(closed.timeline.at(-1)).toEqual(
        expect.objectContaining({ kind: 'close', data: { spentAmountCents: 65_000, returnedAmountCents: 15_000 } }),
      );
      expect(await fundBalance(admin, fund.id)).toEqual({
        amountCents: 300_000,
        approvedCents: 80_000,
        paidCents: 75_000,
        returnedCents: 15_000,
        remainingCents: 300_000 - 80_000 + 15_000,
      });
      expect(closed.timeline.map((e) => e.kind)).toEqual([
        'created',
        'submit',
        'check',
        'put_on_agenda',
        'approve',
        'pay',
        'submit_proof',
        'close',
      ]);
    });

    it('gives the projects side what an Einzelprojekt starts with, and records the link once in the timeline', async () => {
      const funds = t.app.get(FundsService);
      const seed = await funds.projectSeed(b.id);
      expect(seed).toEqual(
        expect.objectContaining({
          applicationId: b.id,
          state: 'closed',
          projectId: null,
          title: 'Hausaufgabenecke',
          operatorName: 'Initiative Platzfest',
          actionAreaId: otherAreaId,
          fundingSource: `Aktionsraumfonds ${fund.area.name} ${fund.year}`,
          fundingAmountCents: 80_000,
        }),
      );
      const project = await admin
        .post('/api/projects', {
          title: 'Hausaufgabenecke',
          description: 'Aus einem Antrag an den Aktionsraumfonds.',
          fieldOfActionId: fieldId,
          areaIds: [otherAreaId],
        })
        .expect(201);
      const adminUser = { id: (await admin.get('/api/me').expect(200)).body.id as string, role: Role.Administrator };
      const tx = t.app.get(TransactionRunner);
      await tx.run((m) => funds.recordProjectCreated(m, b.id, project.body.id, adminUser));
      const detail = (await admin.get(`/api/applications/${b.id}`).expect(200)).body as ApplicationDetail;
      expect(detail.project).toEqual({ id: project.body.id, title: 'Hausaufgabenecke', state: 'idea' });
      expect(detail.timeline.at(-1)).toEqual(
        expect.objectContaining({ kind: 'project_created', fromState: 'closed', toState: 'closed', data: { projectId: project.body.id } }),
      );
      await expect(tx.run((m) => funds.recordProjectCreated(m, b.id, project.body.id, adminUser))).rejects.toThrow(/already became/);
      await expect(tx.run((m) => funds.recordProjectCreated(m, c.id, project.body.id, adminUser))).rejects.toThrow(
        /Only an approved application/,
      );
    });

    it('keeps the money in the fund row equal to its applications; the start-up check repairs drift', async () => {
      const check = t.app.get(ConsistencyCheckService);
      expect(await check.run()).toEqual([]);
      const ds = t.app.get(DataSource);
      const param = ds.options.type === 'postgres' ? '$1' : '?';
      await ds.query(`UPDATE "funds" SET "approvedCents" = 1, "returnedCents" = 2 WHERE "id" = ${param}`, [fund.id]);
      expect(await check.run()).toEqual(
        expect.arrayContaining([
          { counter: 'funds.approvedCents', id: fund.id, stored: 1, actual: 80_000 },
          { counter: 'funds.returnedCents', id: fund.id, stored: 2, actual: 15_000 },
        ]),
      );
      expect(await fundBalance(admin, fund.id)).toEqual(expect.objectContaining({ approvedCents: 80_000, returnedCents: 15_000 }));
    });
  });
});
