import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  Language,
  ProjectState,
  ProposalStatus,
  ProposalStatusNoteKind,
  Role,
  TransitionId,
  type ProjectDetail,
  type ProjectSummary,
  type ProjectTransitionResponse,
  type ProjectTransitionsResponse,
  type ProposalDetail,
} from '@app/shared';
import { LiveProposalEntity } from '../../apps/api/src/modules/live/entities/live.entities';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';

/**
 * Proposals grouped into project ideas (mails to authors and followers), the Verstetigung
 * workflow enforced by the API (roles, states, required fields, optimistic locking), the public
 * timeline and the Vorhabenliste. Real database, real SMTP sink.
 */

type Body = Record<string, unknown>;
interface Details {
  field: string;
  messages: string[];
  rules?: string[];
}

const REASON = 'Die Verwaltung hat entschieden, die Idee vorerst nicht weiterzuverfolgen.';
const EVIDENCE =
  'Über zwölf Monate kamen wöchentlich 25 bis 40 Kinder; die Schulen melden bessere Deutschnoten in der Gruppe (Auswertung im Anhang).';
const PATTERN =
  'Hausaufgabenhilfe im Stadtteilzentrum mit Ehrenamtlichen und einer halben Koordinationsstelle; braucht einen Raum und Kontakt zu den Grundschulen.';

describe('projects: grouping, the workflow, the timeline and the Vorhabenliste', () => {
  let t: TestApp;
  let admin: ApiClient;
  let anonymous: ApiClient;
  const area = {} as Record<'nordmarkt' | 'hafen' | 'hoerde' | 'westerfilde', string>;
  let districtNordId: string;
  let fieldId: string;
  let authorDe: TestUser;
  let followerEn: TestUser;
  let citizen: TestUser;
  let modNord: TestUser;
  let modHafen: TestUser;
  const suffix = randomBytes(3).toString('hex');
  let n = 0;
  /** The demo projects the seed put in (test/api/projects-progress.e2e-spec.ts checks them); the lists here leave them out. */
  const demoIds = new Set<string>();
  const ours = (items: ProjectSummary[]) => items.map((x) => x.id).filter((id) => !demoIds.has(id));

  async function propose(user: TestUser, over: Body = {}): Promise<ProposalDetail> {
    n++;
    const res = await user.client.post('/api/proposals', {
      title: `Projektvorschlag ${n} ${suffix}`,
      body: 'Kostenlose Hausaufgabenhilfe im Stadtteilzentrum, damit Kinder nach der Schule Unterstützung bekommen.',
      fieldOfActionId: fieldId,
      areaId: area.nordmarkt,
      ...over,
    });
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    return res.body as ProposalDetail;
  }

  async function idea(client: ApiClient, over: Body = {}): Promise<ProjectDetail> {
    n++;
    const res = await client.post('/api/projects', {
      title: `Hausaufgabenhilfe ${n} ${suffix}`,
      description: 'Kinder bekommen nach der Schule Hilfe bei den Hausaufgaben, kostenlos und in der Nähe.',
      fieldOfActionId: fieldId,
      areaIds: [area.nordmarkt],
      ...over,
    });
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    return res.body as ProjectDetail;
  }

  const detail = async (id: string) => (await anonymous.get(`/api/projects/${id}`).expect(200)).body as ProjectDetail;
  const move = (client: ApiClient, p: Pick<ProjectDetail, 'id' | 'version'>, transitionId: string, input: Body = {}) =>
    client.post(`/api/projects/${p.id}/transitions`, { transitionId, input, expectedVersion: p.version });
  const moved = async (client: ApiClient, p: Pick<ProjectDetail, 'id' | 'version'>, transitionId: string, input: Body = {}) => {
    const res = await move(client, p, transitionId, input);
    expect({ status: res.status, body: res.status === 200 ? 'ok' : res.body }).toEqual({ status: 200, body: 'ok' });
    return res.body as ProjectTransitionResponse;
  };
  const singleProjectInput = (areaId: string): Body => ({
    operatorName: 'Stadtteilverein Nordmarkt e. V.',
    areaId,
    startDate: '2026-02-01',
    endDate: '2027-01-31',
    fundingSource: 'Aktionsraumfonds',
    fundingAmountCents: 1_250_000,
  });
  const fieldsOf = (body: { details?: Details[] }) => (body.details ?? []).map((d) => d.field);

  beforeAll(async () => {
    t = await startTestApp();
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
    area.westerfilde = byName('Bodelschwingh/Westerfilde').id;
    districtNordId = byName('Nordmarkt').parentId;
    const fields = (await anonymous.get('/api/fields-of-action').expect(200)).body as Array<{ id: string; code: string }>;
    fieldId = fields.find((f) => f.code === 'EK')!.id;
    authorDe = await t.createUser({ displayName: `Autorin ${suffix}`, language: Language.German });
    followerEn = await t.createUser({ displayName: `Follower ${suffix}`, language: Language.English });
    citizen = await t.createUser({ displayName: 'Bürger' });
    modNord = await t.createUser({ role: Role.Moderator, areaIds: [area.nordmarkt], displayName: 'Moderation Nordmarkt' });
    modHafen = await t.createUser({ role: Role.Moderator, areaIds: [area.hafen], displayName: 'Moderation Hafen' });
    for (const state of Object.values(ProjectState)) {
      const page = (await anonymous.get(`/api/projects?state=${state}&pageSize=100`).expect(200)).body as { items: ProjectSummary[] };
      for (const item of page.items) demoIds.add(item.id);
    }
  });
  afterAll(() => t.close());

  describe('grouping proposals into project ideas', () => {
    it('lets moderators of the area and administrators create ideas; others are refused', async () => {
      const body = {
        title: 'Idee ohne Recht',
        description: 'Eine Beschreibung, die lang genug ist.',
        fieldOfActionId: fieldId,
        areaIds: [area.nordmarkt],
      };
      expectErrorShape((await anonymous.post('/api/projects', body).expect(401)).body, 401, 'UNAUTHENTICATED');
      expectErrorShape((await citizen.client.post('/api/projects', body).expect(403)).body, 403, 'FORBIDDEN');
      const outside = await modHafen.client.post('/api/projects', body).expect(403);
      expectErrorShape(outside.body, 403, 'FORBIDDEN');
      expect(outside.body.message).toContain('Nordmarkt');
      const unknownField = await admin.post('/api/projects', { ...body, fieldOfActionId: randomUUID() }).expect(422);
      expectErrorShape(unknownField.body, 422, 'REFERENCE_INVALID');
      expect(fieldsOf(unknownField.body)).toEqual(['fieldOfActionId']);

      const p = await idea(modNord.client);
      expect(p).toEqual(
        expect.objectContaining({ state: ProjectState.Idea, version: 1, parkedFrom: null, nextStep: TransitionId.PromoteToSingleProject }),
      );
      expect(p.areas.map((a) => a.id)).toEqual([area.nordmarkt]);
      expect(p.fieldOfAction.code).toBe('EK');
      expect(p.timeline.map((e) => [e.transitionId, e.fromState, e.toState, e.actorRole])).toEqual([
        ['created', null, ProjectState.Idea, Role.Moderator],
      ]);
    });

    it('links proposals (each to one idea at most), sets their status and mails author and followers', async () => {
      const p = await idea(modNord.client);
      const first = await propose(authorDe);
      const second = await propose(citizen);
      await followerEn.client.put(`/api/proposals/${first.id}/follow`, {}).expect(200);

      expectErrorShape(
        (await citizen.client.post(`/api/projects/${p.id}/proposals`, { proposalId: first.id }).expect(403)).body,
        403,
        'FORBIDDEN',
      );
      expectErrorShape(
        (await modHafen.client.post(`/api/projects/${p.id}/proposals`, { proposalId: first.id }).expect(403)).body,
        403,
        'FORBIDDEN',
      );
      const neither = await modNord.client.post(`/api/projects/${p.id}/proposals`, {}).expect(400);
      expectErrorShape(neither.body, 400, 'VALIDATION_FAILED');

      const linked = (await modNord.client.post(`/api/projects/${p.id}/proposals`, { proposalId: first.id }).expect(201))
        .body as ProjectDetail;
      await modNord.client.post(`/api/projects/${p.id}/proposals`, { proposalId: second.id }).expect(201);
      expect(linked.proposals.map((l) => [l.kind, l.id, l.status])).toEqual([['proposal', first.id, ProposalStatus.InProjectIdea]]);
      const now = await detail(p.id);
      expect(now.proposals.map((l) => l.id)).toEqual([first.id, second.id]);
      expect(now.version).toBe(3);
      expect(now.timeline.map((e) => e.transitionId)).toEqual(['created', 'proposal_linked', 'proposal_linked']);

      // The proposal's own history says what happened to it.
      const prop = (await anonymous.get(`/api/proposals/${first.id}`).expect(200)).body as ProposalDetail;
      expect(prop.status).toBe(ProposalStatus.InProjectIdea);
      expect(prop.statusHistory.at(-1)).toEqual(expect.objectContaining({ status: ProposalStatus.InProjectIdea }));
      // The platform's own note, not an English sentence: each reader gets it in their language.
      expect(prop.statusHistory.at(-1)).toEqual(
        expect.objectContaining({ explanation: null, note: { kind: ProposalStatusNoteKind.JoinedIdea, title: p.title } }),
      );
      expect(prop.project).toEqual({ id: p.id, title: p.title, state: ProjectState.Idea });

      // A proposal belongs to at most one idea.
      const other = await idea(modNord.client);
      const twice = await modNord.client.post(`/api/projects/${other.id}/proposals`, { proposalId: first.id }).expect(409);
      expectErrorShape(twice.body, 409, 'CONFLICT');
      expect(twice.body.message).toContain(p.title);

      // Mails over the real SMTP sink: the author in German, the follower in English, each once.
      const toAuthor = await t.smtp.waitFor(authorDe.email, (m) => m.subject.includes(first.title));
      expect(toAuthor.text).toContain('Projektidee');
      expect(toAuthor.text.replace(/\s+/g, ' ')).toContain(`Teil der Projektidee „${p.title}“.`);
      expect(toAuthor.text).not.toContain('Part of the project idea');
      const toFollower = await t.smtp.waitFor(followerEn.email, (m) => m.subject.includes(first.title));
      expect(toFollower.subject).toContain('project idea');
      expect(toFollower.text).toContain(p.title);
      expect(toFollower.text.replace(/\s+/g, ' ')).toContain(`Part of the project idea “${p.title}”.`);
      expect(t.smtp.mails.filter((m) => m.subject.includes(first.title))).toHaveLength(2);

      // Unlinking gives the proposal its earlier status back and is on the timeline.
      const link = now.proposals.find((l) => l.id === second.id)!;
      const after = (await modNord.client.delete(`/api/projects/${p.id}/proposals/${link.linkId}`).expect(200)).body as ProjectDetail;
      expect(after.proposals.map((l) => l.id)).toEqual([first.id]);
      expect(after.timeline.at(-1)!.transitionId).toBe('proposal_unlinked');
      const secondNow = (await anonymous.get(`/api/proposals/${second.id}`).expect(200)).body as ProposalDetail;
      expect(secondNow.status).toBe(ProposalStatus.Submitted);
      expect(secondNow.statusHistory.at(-1)).toEqual(
        expect.objectContaining({
          status: ProposalStatus.Submitted,
          explanation: null,
          note: { kind: ProposalStatusNoteKind.LeftIdea, title: p.title },
        }),
      );
      expect(secondNow.project).toBeNull();
      await modNord.client.post(`/api/projects/${other.id}/proposals`, { proposalId: second.id }).expect(201);
    });

    it('links proposals from assemblies too (each to one idea at most) and unlinks them', async () => {
      const assembly = (
        await admin
          .post('/api/assemblies', {
            title: `Versammlung ${suffix}`,
            place: 'Stadtteilzentrum',
            startsAt: new Date(Date.now() + 86_400_000).toISOString(),
            endsAt: new Date(Date.now() + 86_400_000 + 7_200_000).toISOString(),
            areaIds: [area.nordmarkt],
          })
          .expect(201)
      ).body as { id: string };
      // A proposal as the live module records it in the hall (the live flow has its own specs).
      const live = await t.app
        .get(DataSource)
        .getRepository(LiveProposalEntity)
        .save({ assemblyId: assembly.id, text: `Ein Bolzplatz für den Nordmarkt ${suffix}`, sourceNote: 'Karte im Saal' });
      const p = await idea(modNord.client);
      const linked = (await modNord.client.post(`/api/projects/${p.id}/proposals`, { liveProposalId: live.id }).expect(201))
        .body as ProjectDetail;
      expect(linked.proposals).toEqual([
        expect.objectContaining({ kind: 'live_proposal', id: live.id, title: live.text, status: null, assemblyId: assembly.id }),
      ]);
      const other = await idea(modNord.client);
      expectErrorShape(
        (await modNord.client.post(`/api/projects/${other.id}/proposals`, { liveProposalId: live.id }).expect(409)).body,
        409,
        'CONFLICT',
      );
      expectErrorShape(
        (await modNord.client.post(`/api/projects/${p.id}/proposals`, { liveProposalId: randomUUID() }).expect(404)).body,
        404,
        'NOT_FOUND',
      );
      const both = await modNord.client
        .post(`/api/projects/${p.id}/proposals`, { liveProposalId: live.id, proposalId: randomUUID() })
        .expect(400);
      expectErrorShape(both.body, 400, 'VALIDATION_FAILED');
      await modNord.client.delete(`/api/projects/${p.id}/proposals/${linked.proposals[0].linkId}`).expect(200);
      await modNord.client.post(`/api/projects/${other.id}/proposals`, { liveProposalId: live.id }).expect(201);
      expectErrorShape((await modNord.client.delete(`/api/projects/${p.id}/proposals/${randomUUID()}`).expect(404)).body, 404, 'NOT_FOUND');
    });

    it('refuses withdrawn proposals and grouping into a project that is no idea any more', async () => {
      const p = await idea(admin);
      const gone = await propose(authorDe);
      await authorDe.client.post(`/api/proposals/${gone.id}/withdraw`, { reason: 'Hat sich erledigt, danke.' }).expect(200);
      expectErrorShape(
        (await admin.post(`/api/projects/${p.id}/proposals`, { proposalId: gone.id }).expect(409)).body,
        409,
        'PROPOSAL_CLOSED',
      );
      await moved(admin, p, TransitionId.PromoteToSingleProject, singleProjectInput(area.nordmarkt));
      const late = await propose(authorDe);
      const res = await admin.post(`/api/projects/${p.id}/proposals`, { proposalId: late.id }).expect(409);
      expectErrorShape(res.body, 409, 'TRANSITION_NOT_ALLOWED');
    });
  });

  describe('the workflow', () => {
    it('takes a proposal the whole way to regular operation with the right roles, and keeps a complete, ordered timeline', async () => {
      const proposal = await propose(authorDe);
      let p = await idea(modNord.client, { areaIds: [area.nordmarkt] });
      p = (await modNord.client.post(`/api/projects/${p.id}/proposals`, { proposalId: proposal.id }).expect(201)).body as ProjectDetail;

      // What the moderator may do with the idea, and what the administrator still has to enter.
      const forMod = (await modNord.client.get(`/api/projects/${p.id}/transitions`).expect(200)).body as ProjectTransitionsResponse;
      expect(forMod.version).toBe(p.version);
      const promoteForMod = forMod.transitions.find((x) => x.transitionId === TransitionId.PromoteToSingleProject)!;
      expect(promoteForMod).toEqual(
        expect.objectContaining({ allowedForRole: false, allowedRoles: [Role.Administrator], possible: false }),
      );
      expect(forMod.transitions.find((x) => x.transitionId === TransitionId.Park)!.allowedForRole).toBe(true);
      const forAdmin = (await admin.get(`/api/projects/${p.id}/transitions`).expect(200)).body as ProjectTransitionsResponse;
      const promote = forAdmin.transitions.find((x) => x.transitionId === TransitionId.PromoteToSingleProject)!;
      expect(promote.allowedForRole).toBe(true);
      expect(promote.missing.map((m) => m.field)).toEqual(['operatorName', 'areaId', 'startDate', 'fundingSource', 'fundingAmountCents']);
      const forCitizen = (await citizen.client.get(`/api/projects/${p.id}/transitions`).expect(200)).body as ProjectTransitionsResponse;
      expect(forCitizen.transitions.some((x) => x.allowedForRole)).toBe(false);

      // Wrong role, wrong state, unknown transition, missing fields: refused with clear messages.
      const byMod = await move(modNord.client, p, TransitionId.PromoteToSingleProject, singleProjectInput(area.nordmarkt)).expect(403);
      expectErrorShape(byMod.body, 403, 'FORBIDDEN');
      expect(byMod.body.message).toBe('Only an administrator may promote to single project here (you act as moderator).');
      const byCitizen = await move(citizen.client, p, TransitionId.Reject, { reason: REASON }).expect(403);
      expectErrorShape(byCitizen.body, 403, 'FORBIDDEN');
      const wrongState = await move(admin, p, TransitionId.EnterRegularOperation).expect(409);
      expectErrorShape(wrongState.body, 409, 'TRANSITION_NOT_ALLOWED');
      expect(wrongState.body.message).toContain('project idea');
      expectErrorShape((await move(admin, p, 'teleport').expect(404)).body, 404, 'NOT_FOUND');
      const empty = await move(admin, p, TransitionId.PromoteToSingleProject).expect(422);
      expectErrorShape(empty.body, 422, 'TRANSITION_FIELDS_MISSING');
      expect(fieldsOf(empty.body)).toEqual(['operatorName', 'areaId', 'startDate', 'fundingSource', 'fundingAmountCents']);
      expect(empty.body.message).toContain('Enter the funding amount.');
      const bad = await move(admin, p, TransitionId.PromoteToSingleProject, {
        ...singleProjectInput(area.nordmarkt),
        endDate: '2025-12-31',
        fundingAmountCents: 12.5,
      }).expect(422);
      expect((bad.body.details as Details[]).map((d) => [d.field, d.rules])).toEqual([
        ['endDate', ['date_order']],
        ['fundingAmountCents', ['money_format']],
      ]);
      const notAnActionArea = await move(admin, p, TransitionId.PromoteToSingleProject, singleProjectInput(districtNordId)).expect(422);
      expect(fieldsOf(notAnActionArea.body)).toEqual(['areaId']);
      expect((await detail(p.id)).version).toBe(p.version); // nothing refused changed anything

      // idea → single project (administrator)
      p = (await moved(admin, p, TransitionId.PromoteToSingleProject, singleProjectInput(area.nordmarkt))).project;
      expect(p).toEqual(
        expect.objectContaining({
          state: ProjectState.SingleProject,
          operatorName: 'Stadtteilverein Nordmarkt e. V.',
          fundingAmountCents: 1_250_000,
          startDate: '2026-02-01',
          responsibleBody: 'Stadtteilverein Nordmarkt e. V.',
          nextStep: TransitionId.PromoteToProjectType,
        }),
      );
      expect(p.actionArea).toEqual({ id: area.nordmarkt, name: 'Nordmarkt' });

      // single project → project type needs a finished, evaluated run and a pattern description.
      const noRun = await move(admin, p, TransitionId.PromoteToProjectType, { patternDescription: PATTERN }).expect(422);
      expectErrorShape(noRun.body, 422, 'TRANSITION_FIELDS_MISSING');
      expect(fieldsOf(noRun.body)).toEqual(['runs']);
      const evaluate = (body: Body) => admin.put(`/api/projects/${p.id}/evaluation`, { expectedVersion: p.version, ...body });
      expectErrorShape(
        (
          await modNord.client
            .put(`/api/projects/${p.id}/evaluation`, {
              outcome: 'successful',
              evidence: EVIDENCE,
              indicatorKeys: ['x'],
              expectedVersion: p.version,
            })
            .expect(403)
        ).body,
        403,
        'FORBIDDEN',
      );
      expectErrorShape(
        (await evaluate({ outcome: 'great', evidence: EVIDENCE, indicatorKeys: ['kinder_sgb2'] }).expect(400)).body,
        400,
        'VALIDATION_FAILED',
      );
      // The indicators are the social report's: an unknown key is named, and nothing is recorded.
      const unknownIndicator = (
        await evaluate({ outcome: 'successful', evidence: EVIDENCE, indicatorKeys: ['sprachkompetenz', 'german_school_entry'] }).expect(422)
      ).body;
      expectErrorShape(unknownIndicator, 422, 'REFERENCE_INVALID');
      expect(unknownIndicator.message).toContain('"german_school_entry"');
      expect(unknownIndicator.message).not.toContain('"sprachkompetenz"');
      expect((unknownIndicator.details as Details[]).map((d) => d.field)).toEqual(['indicatorKeys']);
      expect(((await admin.get(`/api/projects/${p.id}`).expect(200)).body as ProjectDetail).evaluation).toBeNull();
      p = (await evaluate({ outcome: 'successful', evidence: EVIDENCE, indicatorKeys: ['sprachkompetenz', 'kinder_sgb2'] }).expect(200))
        .body as ProjectDetail;
      expect(p.finishedAt).not.toBeNull();
      expect(p.evaluation).toEqual(expect.objectContaining({ outcome: 'successful', indicatorKeys: ['sprachkompetenz', 'kinder_sgb2'] }));
      expect(p.evaluation?.indicators).toEqual([
        { key: 'sprachkompetenz', name: { de: expect.stringContaining('Deutsch'), en: expect.any(String) }, unit: '%' },
        { key: 'kinder_sgb2', name: { de: expect.stringContaining('SGB'), en: expect.any(String) }, unit: '%' },
      ]);
      const shortPattern = await move(admin, p, TransitionId.PromoteToProjectType, { patternDescription: 'zu kurz' }).expect(422);
      expect((shortPattern.body.details as Details[]).map((d) => [d.field, d.rules])).toEqual([['patternDescription', ['min_length']]]);
      p = (await moved(admin, p, TransitionId.PromoteToProjectType, { patternDescription: PATTERN })).project;
      expect(p.state).toBe(ProjectState.ProjectType);
      expect(p.patternDescription).toBe(PATTERN);

      // "Run this in Hörde too": a new single project from the type; the type stays.
      const instance = await moved(admin, p, TransitionId.CreateInstanceFromType, {
        ...singleProjectInput(area.hoerde),
        operatorName: 'Bürgerhaus Hörde',
      });
      p = instance.project;
      expect(p.state).toBe(ProjectState.ProjectType);
      expect(instance.created).toEqual(
        expect.objectContaining({ state: ProjectState.SingleProject, operatorName: 'Bürgerhaus Hörde', version: 1 }),
      );
      expect(instance.created!.type).toEqual({ id: p.id, title: p.title, state: ProjectState.ProjectType });
      expect(instance.created!.areas.map((a) => a.id)).toEqual([area.hoerde]);
      expect(instance.created!.timeline.map((e) => [e.transitionId, e.fromState, e.toState])).toEqual([
        [TransitionId.CreateInstanceFromType, null, ProjectState.SingleProject],
      ]);
      expect(p.instances.map((i) => i.id)).toEqual([instance.created!.id]);
      // Not a second run in Hörde while the first is going on.
      const busy = await move(admin, p, TransitionId.CreateInstanceFromType, singleProjectInput(area.hoerde)).expect(422);
      expect((busy.body.details as Details[]).map((d) => [d.field, d.rules])).toEqual([['areaId', ['area_has_run']]]);

      // project type → regular operation (decision reference required).
      const noDecision = await move(admin, p, TransitionId.EnterRegularOperation, { responsibleDepartment: 'Schulverwaltungsamt' }).expect(
        422,
      );
      expect(fieldsOf(noDecision.body)).toEqual(['budgetLine', 'decisionBody', 'decisionNumber', 'decisionDate']);
      p = (
        await moved(admin, p, TransitionId.EnterRegularOperation, {
          responsibleDepartment: 'Schulverwaltungsamt',
          budgetLine: 'Produkt 03.01.02',
          decisionBody: 'Rat der Stadt',
          decisionNumber: 'Drucksache 12345-26',
          decisionDate: '2026-06-18',
        })
      ).project;
      expect(p).toEqual(
        expect.objectContaining({
          state: ProjectState.RegularOperation,
          responsibleBody: 'Schulverwaltungsamt',
          nextStep: null,
          decisionDate: '2026-06-18',
        }),
      );

      // The public timeline: every step, in order, with role and time.
      const timeline = (await detail(p.id)).timeline;
      expect(timeline.map((e) => [e.transitionId, e.fromState, e.toState, e.actorRole])).toEqual([
        ['created', null, ProjectState.Idea, Role.Moderator],
        ['proposal_linked', ProjectState.Idea, ProjectState.Idea, Role.Moderator],
        [TransitionId.PromoteToSingleProject, ProjectState.Idea, ProjectState.SingleProject, Role.Administrator],
        ['run_evaluated', ProjectState.SingleProject, ProjectState.SingleProject, Role.Administrator],
        [TransitionId.PromoteToProjectType, ProjectState.SingleProject, ProjectState.ProjectType, Role.Administrator],
        [TransitionId.CreateInstanceFromType, ProjectState.ProjectType, ProjectState.ProjectType, Role.Administrator],
        [TransitionId.EnterRegularOperation, ProjectState.ProjectType, ProjectState.RegularOperation, Role.Administrator],
      ]);
      expect(timeline.map((e) => e.version)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const times = timeline.map((e) => Date.parse(e.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(timeline[2].data).toEqual(
        expect.objectContaining({ operatorName: 'Stadtteilverein Nordmarkt e. V.', fundingAmountCents: 1_250_000 }),
      );
      expect(timeline[5].data).toEqual(expect.objectContaining({ createdProjectId: instance.created!.id }));
      expect((await detail(p.id)).proposals.map((l) => l.id)).toEqual([proposal.id]);

      // The Vorhabenliste: current projects with state, areas, field, responsible body and next step.
      const list = async (query = '') =>
        (await anonymous.get(`/api/projects${query}`).expect(200)).body as { items: ProjectSummary[]; total: number };
      const all = await list('?pageSize=100');
      const line = all.items.find((x) => x.id === p.id)!;
      expect(line).toEqual(
        expect.objectContaining({ state: ProjectState.RegularOperation, responsibleBody: 'Schulverwaltungsamt', nextStep: null }),
      );
      expect(line.fieldOfAction.code).toBe('EK');
      expect(all.items.find((x) => x.id === instance.created!.id)).toEqual(
        expect.objectContaining({
          state: ProjectState.SingleProject,
          nextStep: TransitionId.PromoteToProjectType,
          responsibleBody: 'Bürgerhaus Hörde',
        }),
      );
      expect(
        all.items.every((x) => [ProjectState.SingleProject, ProjectState.ProjectType, ProjectState.RegularOperation].includes(x.state)),
      ).toBe(true);
      expect(ours((await list(`?areaId=${area.hoerde}&pageSize=100`)).items)).toEqual([instance.created!.id]);
      expect((await list(`?areaId=${districtNordId}&pageSize=100`)).items.map((x) => x.id)).toContain(p.id);
      expect(ours((await list(`?state=regular_operation&pageSize=100`)).items)).toEqual([p.id]);
      expect((await list('?state=idea&pageSize=100')).total).toBeGreaterThan(0);
      expectErrorShape((await anonymous.get('/api/projects?state=flying').expect(400)).body, 400, 'VALIDATION_FAILED');
    });

    it('parks, resumes and rejects ideas with a public reason; a rejected idea cannot change any more', async () => {
      let p = await idea(modNord.client);
      const short = await move(modNord.client, p, TransitionId.Park, { reason: 'später' }).expect(422);
      expect((short.body.details as Details[]).map((d) => [d.field, d.rules])).toEqual([['reason', ['min_length']]]);
      p = (await moved(modNord.client, p, TransitionId.Park, { reason: REASON })).project;
      expect(p).toEqual(expect.objectContaining({ state: ProjectState.Parked, parkedFrom: ProjectState.Idea }));
      expectErrorShape((await move(modHafen.client, p, TransitionId.Resume, { reason: REASON }).expect(403)).body, 403, 'FORBIDDEN');
      p = (await moved(modNord.client, p, TransitionId.Resume, { reason: 'Es gibt jetzt einen Träger, der Interesse gezeigt hat.' }))
        .project;
      expect(p).toEqual(expect.objectContaining({ state: ProjectState.Idea, parkedFrom: null }));
      p = (await moved(modNord.client, p, TransitionId.Reject, { reason: REASON })).project;
      expect(p.state).toBe(ProjectState.Rejected);
      expect(p.timeline.at(-1)).toEqual(expect.objectContaining({ transitionId: TransitionId.Reject, reason: REASON }));
      const final = await move(admin, p, TransitionId.Resume, { reason: REASON }).expect(409);
      expectErrorShape(final.body, 409, 'TRANSITION_NOT_ALLOWED');
      expect(final.body.message).toContain('nothing can change it any more');
      // A single project may be parked by administrators only.
      let single = await idea(admin);
      single = (await moved(admin, single, TransitionId.PromoteToSingleProject, singleProjectInput(area.nordmarkt))).project;
      expectErrorShape((await move(modNord.client, single, TransitionId.Park, { reason: REASON }).expect(403)).body, 403, 'FORBIDDEN');
      single = (await moved(admin, single, TransitionId.End, { reason: REASON })).project;
      expect(single.state).toBe(ProjectState.Ended);
    });

    it('refuses to complete and evaluate a run before the project starts (422 naming the start date), and accepts it from that day', async () => {
      let p = await idea(admin);
      const nextYear = new Date().getUTCFullYear() + 1;
      const later = { ...singleProjectInput(area.nordmarkt), startDate: `${nextYear}-03-01`, endDate: `${nextYear}-12-31` };
      p = (await moved(admin, p, TransitionId.PromoteToSingleProject, later)).project;
      const early = await admin
        .put(`/api/projects/${p.id}/evaluation`, {
          outcome: 'successful',
          evidence: EVIDENCE,
          indicatorKeys: ['kinder_sgb2'],
          expectedVersion: p.version,
        })
        .expect(422);
      expectErrorShape(early.body, 422, 'TRANSITION_FIELDS_MISSING');
      expect(early.body.message).toContain(`The project starts on ${nextYear}-03-01`);
      expect((early.body.details as Details[]).map((d) => [d.field, d.rules])).toEqual([['startDate', ['run_not_started']]]);
      const unchanged = await detail(p.id);
      expect({ version: unchanged.version, finishedAt: unchanged.finishedAt, evaluation: unchanged.evaluation }).toEqual({
        version: p.version,
        finishedAt: null,
        evaluation: null,
      });
      // A project that started (today or before) can be evaluated.
      let started = await idea(admin);
      started = (await moved(admin, started, TransitionId.PromoteToSingleProject, singleProjectInput(area.nordmarkt))).project;
      await admin
        .put(`/api/projects/${started.id}/evaluation`, {
          outcome: 'successful',
          evidence: EVIDENCE,
          indicatorKeys: ['kinder_sgb2'],
          expectedVersion: started.version,
        })
        .expect(200);
    });

    it('lets only one of two concurrent transitions on one project win; the other gets 409 CONFLICT', async () => {
      for (let round = 0; round < 3; round++) {
        const p = await idea(admin);
        const results = await Promise.all([
          move(admin, p, TransitionId.Park, { reason: REASON }),
          move(modNord.client, p, TransitionId.Reject, { reason: REASON }),
          move(admin, p, TransitionId.PromoteToSingleProject, singleProjectInput(area.nordmarkt)),
        ]);
        const statuses = results.map((r) => r.status).sort();
        expect(statuses).toEqual([200, 409, 409]);
        for (const loser of results.filter((r) => r.status === 409)) {
          expectErrorShape(loser.body, 409, 'CONFLICT');
          expect(loser.body.message).toContain('changed meanwhile');
        }
        const after = await detail(p.id);
        expect(after.version).toBe(2);
        expect(after.timeline).toHaveLength(2);
      }
      // A stale version is refused, too.
      const p = await idea(admin);
      await moved(admin, p, TransitionId.Park, { reason: REASON });
      const stale = await move(admin, p, TransitionId.Resume, { reason: REASON }).expect(409);
      expectErrorShape(stale.body, 409, 'CONFLICT');
      expect(stale.body.message).toBe(
        'The project was changed meanwhile (it is at version 2, you saw version 1). Reload it and try again.',
      );
    });

    it('answers 404 for unknown projects and 400 for malformed ids', async () => {
      expectErrorShape((await anonymous.get(`/api/projects/${randomUUID()}`).expect(404)).body, 404, 'NOT_FOUND');
      expectErrorShape((await anonymous.get('/api/projects/not-an-id').expect(400)).body, 400);
      expectErrorShape(
        (
          await admin
            .post(`/api/projects/${randomUUID()}/transitions`, { transitionId: 'park', input: { reason: REASON }, expectedVersion: 1 })
            .expect(404)
        ).body,
        404,
        'NOT_FOUND',
      );
    });
  });
});
