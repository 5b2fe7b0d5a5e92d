import { DataSource } from 'typeorm';
import { AssemblyEventType, ErrorCode, Language, LiveProposalStatus, Role, type LiveProposal } from '@app/shared';
import { startTestApp, type TestApp, type TestUser } from './helpers/app';
import { createAssembly, joinAsGuest, LiveTestClient, LiveSockets } from './helpers/live';

jest.setTimeout(120_000);

/**
 * Proposals from the room carry the language they are written in (issue 16): chosen on the phone,
 * sent with the state to every phone, the projector and the console, and kept in the event log.
 * Over real socket.io clients, as a hall uses them.
 */
describe('the language of live proposals', () => {
  let t: TestApp;
  let moderator: TestUser;
  let citizen: TestUser;
  const sockets = new LiveSockets();
  const { track } = sockets;

  beforeAll(async () => {
    t = await startTestApp();
    moderator = await t.createUser({ role: Role.Moderator, displayName: 'Moderatorin Marx' });
    citizen = await t.createUser({ displayName: 'Олена Коваленко', language: Language.Ukrainian });
  });
  afterAll(async () => {
    sockets.closeAll();
    await t?.close();
  });

  /** A running assembly collecting proposals, with its moderator's console connected. */
  async function collecting() {
    const assembly = await createAssembly(t, moderator.client);
    const mod = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: moderator.client }));
    await mod.ok('assembly:set-status', { status: 'live' });
    await mod.ok('intake:set', { open: true });
    return { assembly, mod };
  }

  async function phone(joinCode: string, assemblyId: string, name: string, acceptLanguage?: string) {
    const joined = await joinAsGuest(t, joinCode, name);
    return track(await LiveTestClient.ready(t, { assemblyId, guestToken: joined.guestToken }, { acceptLanguage }));
  }

  it('carries the chosen language from the phone to the console, every phone and the projector, and into the event log', async () => {
    const { assembly, mod } = await collecting();
    const amal = await phone(assembly.joinCode, assembly.id, 'أمل', 'ar');
    const projector = track(await LiveTestClient.ready(t, { assemblyId: assembly.id, mode: 'projector' }));

    const submitted = await amal.ok<LiveProposal>('proposal:submit', { text: '  نحتاج إلى مقاعد في الظل  ', language: 'ar' });
    expect(submitted).toMatchObject({ text: 'نحتاج إلى مقاعد في الظل', language: Language.Arabic, status: LiveProposalStatus.Pending });
    await mod.until('the pending proposal in the console', () => mod.moderator?.pendingProposals.length === 1);
    expect(mod.moderator!.pendingProposals[0]).toMatchObject({ id: submitted.id, language: Language.Arabic, author: 'أمل' });

    await mod.ok('proposal:moderate', { proposalId: submitted.id, decision: 'approve' });
    for (const client of [amal, projector, mod])
      await client.until('the approved proposal with its language', () => client.state?.proposals[0]?.language === Language.Arabic);
    expect(projector.state!.proposals).toEqual([expect.objectContaining({ text: 'نحتاج إلى مقاعد في الظل', language: 'ar' })]);
    expect((await amal.sync()).state.proposals[0].language).toBe(Language.Arabic);

    const db = t.app.get(DataSource);
    const events = (await db.query(`SELECT type, data FROM assembly_events WHERE "assemblyId" = '${assembly.id}'`)) as Array<{
      type: string;
      data: string;
    }>;
    const submittedEvent = events.find((e) => e.type === AssemblyEventType.ProposalSubmitted)!;
    expect(JSON.parse(submittedEvent.data)).toMatchObject({ proposalId: submitted.id, language: 'ar' });
  });

  it("takes the account's language, else the phone's Accept-Language, else German, when the phone did not say", async () => {
    const { assembly } = await collecting();
    await citizen.client.post('/api/assemblies/join', { code: assembly.joinCode }).expect(200);
    const olena = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: citizen.client, acceptLanguage: 'tr' }));
    expect((await olena.ok<LiveProposal>('proposal:submit', { text: 'Більше лавок' })).language).toBe(Language.Ukrainian);

    const emre = await phone(assembly.joinCode, assembly.id, 'Emre', 'tr-TR,tr;q=0.9,de;q=0.5');
    expect((await emre.ok<LiveProposal>('proposal:submit', { text: 'Daha fazla bank' })).language).toBe(Language.Turkish);
    // The phone's choice wins over its browser's languages.
    expect((await emre.ok<LiveProposal>('proposal:submit', { text: 'Mehr Bänke', language: 'de' })).language).toBe(Language.German);

    const unknown = await phone(assembly.joinCode, assembly.id, 'Jean', 'fr-FR, fr');
    expect((await unknown.ok<LiveProposal>('proposal:submit', { text: 'Plus de bancs' })).language).toBe(Language.German);
  });

  it('refuses a language that is not one of the ten, or null, with the common error body in the acknowledgement', async () => {
    const { assembly, mod } = await collecting();
    const guest = await phone(assembly.joinCode, assembly.id, 'Anna');
    for (const language of ['fr', 'AR', '', null, 1, ['ar']]) {
      const error = await guest.error('proposal:submit', { text: 'Mehr Bänke', language });
      expect(error).toMatchObject({ statusCode: 400, code: ErrorCode.ValidationFailed });
      expect(error.details).toEqual([expect.objectContaining({ field: 'language' })]);
    }
    const card = await mod.error('proposal:on-behalf', { text: 'Karte', sourceNote: 'Tisch 1', language: 'xx' });
    expect(card).toMatchObject({ statusCode: 400, code: ErrorCode.ValidationFailed });
    // Nothing was stored.
    expect((await mod.sync()).moderator!.pendingProposals).toEqual([]);
  });

  it("records a paper card's language as the moderator chose it, else the moderator's account language", async () => {
    const { mod } = await collecting();
    const turkishCard = await mod.ok<LiveProposal>('proposal:on-behalf', { text: 'Oyun alanı', sourceNote: 'Masa 2', language: 'tr' });
    expect(turkishCard).toMatchObject({ language: Language.Turkish, status: LiveProposalStatus.Approved, author: null });
    const unsaid = await mod.ok<LiveProposal>('proposal:on-behalf', { text: 'Spielplatz', sourceNote: 'Tisch 3' });
    expect(unsaid.language).toBe(Language.German);
    await mod.until('both cards in the state', () => mod.state?.proposals.length === 2);
    expect(mod.state!.proposals.map((p) => p.language).sort()).toEqual(['de', 'tr']);
  });
});
