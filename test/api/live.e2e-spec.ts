import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import {
  AgendaItemType,
  AssemblyEventType,
  AssemblyStatus,
  ErrorCode,
  LiveProposalStatus,
  Role,
  SpeakerStatus,
  VotingRoundStatus,
  VotingType,
  type AssemblyDetail,
  type CastBallotResult,
  type LiveAck,
  type LiveProposal,
  type LiveRound,
  type LiveSpeaker,
  type ParticipantList,
  type RoundResult,
} from '@app/shared';
import { createApp } from '../../apps/api/src/app.factory';
import { LiveBroadcaster } from '../../apps/api/src/realtime/live-broadcaster';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { cardCode, cookieHeader, createAssembly, joinAsGuest, LiveTestClient, type ConnectRefusal, LiveSockets } from './helpers/live';

jest.setTimeout(180_000);

describe('live assemblies: join over REST, the /live gateway, voting, speakers', () => {
  let t: TestApp;
  let moderator: TestUser;
  let citizen: TestUser;
  let db: DataSource;
  const sockets = new LiveSockets();
  const { track } = sockets;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    moderator = await t.createUser({ role: Role.Moderator, displayName: 'Moderatorin Marx' });
    citizen = await t.createUser({ displayName: 'Bürger Böhm' });
  });

  afterAll(async () => {
    sockets.closeAll();
    await t?.close();
  });

  /** A live assembly with a connected moderator. */
  async function liveAssembly(overrides: Parameters<typeof createAssembly>[2] = {}) {
    const assembly = await createAssembly(t, moderator.client, overrides);
    const mod = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: moderator.client }));
    await mod.ok('assembly:set-status', { status: 'live' });
    return { assembly, mod };
  }

  async function guest(assembly: AssemblyDetail, name: string, checkIn = false) {
    const joined = await joinAsGuest(t, assembly.joinCode, name, checkIn ? { card: await cardCode(moderator.client, assembly.id) } : {});
    const socket = track(await LiveTestClient.ready(t, { assemblyId: assembly.id, guestToken: joined.guestToken }));
    return { joined, socket };
  }

  describe('joining (REST)', () => {
    it('lets guests and accounts join by code or id, once each; check-in upgrades; moderators list participants', async () => {
      const assembly = await createAssembly(t, moderator.client, { requireCheckIn: true });
      const anon = await t.client();
      // Guests need a name; codes are checked.
      expectErrorShape(
        (await anon.post('/api/assemblies/join', { code: assembly.joinCode }).expect(400)).body,
        400,
        ErrorCode.ValidationFailed,
      );
      expectErrorShape(
        (await anon.post('/api/assemblies/join', { code: 'ZZZZZZ', displayName: 'Anna' }).expect(404)).body,
        404,
        ErrorCode.JoinCodeInvalid,
      );
      expectErrorShape(
        (await anon.post('/api/assemblies/join', { code: assembly.joinCode, displayName: 'Anna', card: 'WRONG1' }).expect(422)).body,
        422,
        ErrorCode.CheckInCardInvalid,
      );
      expectErrorShape(
        (await anon.post('/api/assemblies/join', { displayName: 'Anna' }).expect(400)).body,
        400,
        ErrorCode.ValidationFailed,
      );

      // A guest: the code is case-insensitive; the credential comes back once and only its hash is stored.
      const first = await anon.post('/api/assemblies/join', { code: assembly.joinCode.toLowerCase(), displayName: ' Anna ' }).expect(200);
      expect(first.body).toEqual({
        assemblyId: assembly.id,
        participant: { id: expect.any(String), displayName: 'Anna', presence: 'online', checkedIn: false, isGuest: true },
        guestToken: expect.any(String),
      });
      const token = first.body.guestToken as string;
      const row = await db.query(
        `SELECT "guestTokenHash" FROM assembly_participants WHERE id = $1`.replace('$1', `'${first.body.participant.id}'`),
      );
      expect(row[0].guestTokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row[0].guestTokenHash).not.toContain(token);

      // Joining again with the credential: the same participant, no new credential; a check-in card upgrades.
      const again = await anon
        .post('/api/assemblies/join', { assemblyId: assembly.id, guestToken: token, card: await cardCode(moderator.client, assembly.id) })
        .expect(200);
      expect(again.body).toEqual({
        assemblyId: assembly.id,
        participant: { ...first.body.participant, presence: 'hall', checkedIn: true },
        guestToken: null,
      });
      // A credential is worth nothing elsewhere.
      const other = await createAssembly(t, moderator.client);
      expectErrorShape(
        (await anon.post('/api/assemblies/join', { assemblyId: other.id, guestToken: token }).expect(400)).body,
        400,
        ErrorCode.TokenInvalid,
      );

      // An account joins as itself, once.
      const a = await citizen.client.post('/api/assemblies/join', { code: assembly.joinCode }).expect(200);
      expect(a.body.participant).toMatchObject({ displayName: 'Bürger Böhm', isGuest: false, presence: 'online' });
      expect(a.body.guestToken).toBeNull();
      const b = await citizen.client.post('/api/assemblies/join', { assemblyId: assembly.id }).expect(200);
      expect(b.body.participant.id).toBe(a.body.participant.id);

      // Accounts required: guests are refused.
      const strict = await createAssembly(t, moderator.client, { requireAccount: true });
      expectErrorShape(
        (await anon.post('/api/assemblies/join', { code: strict.joinCode, displayName: 'Gast' }).expect(401)).body,
        401,
        ErrorCode.AccountRequired,
      );

      // The participant list: moderators only.
      const list = (await moderator.client.get(`/api/assemblies/${assembly.id}/participants`).expect(200)).body as ParticipantList;
      expect(list.counts).toEqual({ hall: 1, online: 1, total: 2, checkedIn: 1 });
      expect(list.items.map((i) => i.displayName).sort()).toEqual(['Anna', 'Bürger Böhm']);
      expect(list.items[0]).toEqual(expect.objectContaining({ joinedAt: expect.any(String), isGuest: expect.any(Boolean) }));
      expectErrorShape(
        (await citizen.client.get(`/api/assemblies/${assembly.id}/participants`).expect(403)).body,
        403,
        ErrorCode.Forbidden,
      );
      const scoped = await t.createUser({ role: Role.Moderator, areaIds: [] });
      // A moderator without area scope moderates everything; one scoped to another area does not.
      await scoped.client.get(`/api/assemblies/${assembly.id}/participants`).expect(200);
      expectErrorShape((await anon.get(`/api/assemblies/${assembly.id}/participants`).expect(401)).body, 401);
      await moderator.client.get(`/api/assemblies/${randomUUID()}/participants`).expect(404);
    });
  });

  describe('a full assembly run', () => {
    it('opens, runs items, intake with moderation and supports, every voting type, hall tally, publish, speakers, and closes', async () => {
      const assembly = await createAssembly(t, moderator.client);
      const mod = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: moderator.client }));
      await mod.until('the moderator state', () => mod.moderator !== null);
      expect(mod.state).toMatchObject({ assemblyId: assembly.id, status: AssemblyStatus.Planned, joinCode: assembly.joinCode });
      expect(mod.moderator!.checkIn).toEqual({ eligible: 0, issued: 0, revoked: 0 });

      const anna = await guest(assembly, 'Anna', true);
      const ben = await guest(assembly, 'Ben');
      await citizen.client.post('/api/assemblies/join', { code: assembly.joinCode }).expect(200);
      const carla = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: citizen.client }));
      expect(anna.socket.moderator).toBeNull();

      // Before the start nothing can be done by participants.
      expect((await anna.socket.error('speaker:request')).code).toBe(ErrorCode.AssemblyNotLive);

      await mod.ok('assembly:set-status', { status: 'live' });
      expect((await mod.error('assembly:set-status', { status: 'live' })).code).toBe(ErrorCode.Conflict);
      const [welcome, collect, vote] = assembly.agenda;
      await mod.ok('item:set', { agendaItemId: welcome.id });
      await anna.socket.until(
        'live status and item',
        () => anna.socket.state?.status === 'live' && anna.socket.state.currentItemId === welcome.id,
      );
      expect(anna.socket.state!.attendance).toEqual({ hall: 1, online: 2, total: 3 });
      await mod.ok('item:add', { title: 'Verschiedenes', type: AgendaItemType.Discussion });
      await mod.until('the added item', () => mod.state?.agenda.length === 4);
      expect(mod.state!.agenda[3]).toMatchObject({ title: 'Verschiedenes', position: 4 });
      // Its title in Turkish, for the phones in Turkish (live-translations.e2e-spec covers translations in depth).
      await mod.ok('item:translation', { agendaItemId: mod.state!.agenda[3].id, language: 'tr', title: 'Diğer konular' });

      // Proposal intake with moderation and supports.
      await mod.ok('item:set', { agendaItemId: collect.id });
      expect((await anna.socket.error('proposal:submit', { text: 'Mehr Bänke' })).code).toBe(ErrorCode.IntakeClosed);
      await mod.ok('intake:set', { open: true });
      const p1 = await anna.socket.ok<LiveProposal>('proposal:submit', { text: '  Mehr Bänke am Platz  ' });
      expect(p1).toMatchObject({
        text: 'Mehr Bänke am Platz',
        status: LiveProposalStatus.Pending,
        author: 'Anna',
        agendaItemId: collect.id,
        supportCount: 0,
      });
      const p2 = await ben.socket.ok<LiveProposal>('proposal:submit', { text: 'Werbung für mein Geschäft' });
      await mod.until('pending proposals', () => mod.moderator?.pendingProposals.length === 2);
      expect(anna.socket.state!.proposals).toEqual([]);
      expect((await ben.socket.error('proposal:support', { proposalId: p1.id, support: true })).code).toBe(ErrorCode.NotFound);
      expect(await mod.ok<LiveProposal>('proposal:moderate', { proposalId: p1.id, decision: 'approve' })).toMatchObject({
        status: 'approved',
      });
      await mod.ok('proposal:moderate', { proposalId: p2.id, decision: 'reject' });
      const card = await mod.ok<LiveProposal>('proposal:on-behalf', { text: 'Trinkbrunnen', sourceNote: 'Karte Tisch 3' });
      expect(card).toMatchObject({ status: 'approved', author: null, sourceNote: 'Karte Tisch 3' });
      expect(await ben.socket.ok('proposal:support', { proposalId: p1.id, support: true })).toEqual({ supportCount: 1 });
      expect(await ben.socket.ok('proposal:support', { proposalId: p1.id, support: true })).toEqual({ supportCount: 1 });
      expect(await carla.ok('proposal:support', { proposalId: p1.id, support: true })).toEqual({ supportCount: 2 });
      expect(await carla.ok('proposal:support', { proposalId: card.id, support: true })).toEqual({ supportCount: 1 });
      expect(await carla.ok('proposal:support', { proposalId: card.id, support: false })).toEqual({ supportCount: 0 });
      await anna.socket.until(
        'approved proposals, most supported first',
        () => anna.socket.state?.proposals.map((p) => p.supportCount).join() === '2,0',
      );
      expect(anna.socket.state!.proposals.map((p) => [p.text, p.supportCount])).toEqual([
        ['Mehr Bänke am Platz', 2],
        ['Trinkbrunnen', 0],
      ]);
      await mod.until('rejected list', () => mod.moderator?.rejectedProposals.length === 1 && mod.moderator.pendingProposals.length === 0);
      const benMe = (await ben.socket.sync()).me;
      expect(benMe.supportedProposalIds).toEqual([p1.id]);
      expect(benMe.participant).toMatchObject({ displayName: 'Ben', isGuest: true });
      await mod.ok('intake:set', { open: false });

      // Voting: yes/no/abstain (open ballot).
      await mod.ok('item:set', { agendaItemId: vote.id });
      const yna = await mod.ok<LiveRound>('round:create', {
        question: 'Soll der Platz begrünt werden?',
        type: VotingType.YesNoAbstain,
        secret: false,
      });
      await mod.ok('round:translation', { roundId: yna.id, language: 'tr', translation: { question: 'Meydan yeşillendirilsin mi?' } });
      expect(yna).toMatchObject({
        status: VotingRoundStatus.Draft,
        agendaItemId: vote.id,
        options: [{ id: 'yes' }, { id: 'no' }, { id: 'abstain' }],
      });
      expect((await anna.socket.error('ballot:cast', { roundId: yna.id, optionIds: ['yes'], idempotencyKey: randomUUID() })).code).toBe(
        ErrorCode.RoundNotOpen,
      );
      await mod.ok('round:open', { roundId: yna.id });
      await anna.socket.until('the open round', () => anna.socket.state?.round?.status === VotingRoundStatus.Open);
      expect(anna.socket.state!.round!.results).toBeNull();
      const cast = (c: LiveTestClient, roundId: string, ballot: object) =>
        c.ok<CastBallotResult>('ballot:cast', { roundId, idempotencyKey: randomUUID(), ...ballot });
      expect(await cast(anna.socket, yna.id, { optionIds: ['yes'] })).toEqual({ roundId: yna.id, created: true });
      await cast(ben.socket, yna.id, { optionIds: ['no'] });
      await cast(carla, yna.id, { optionIds: ['yes'] });
      await mod.until('three ballots in the live tally', () => mod.moderator?.rounds[0]?.results?.ballots === 3);
      expect(anna.socket.state!.round!.results).toBeNull();
      const closedYna = await mod.ok<RoundResult>('round:close', { roundId: yna.id });
      expect(closedYna.options.map((o) => [o.optionId, o.online])).toEqual([
        ['yes', 2],
        ['no', 1],
        ['abstain', 0],
      ]);
      expect((await ben.socket.error('ballot:cast', { roundId: yna.id, optionIds: ['yes'], idempotencyKey: randomUUID() })).code).toBe(
        ErrorCode.AlreadyVoted,
      );
      const hall = await mod.ok<RoundResult>('round:hall-tally', {
        roundId: yna.id,
        counts: [
          { optionId: 'yes', count: 40 },
          { optionId: 'no', count: 12 },
          { optionId: 'abstain', count: 3 },
        ],
        ballots: 55,
        note: 'Handzeichen',
      });
      expect(hall).toMatchObject({ ballots: 3, hallBallots: 55, hallNote: 'Handzeichen' });
      expect(hall.options[0]).toEqual({ optionId: 'yes', label: 'Yes', online: 2, hall: 40, total: 42 });
      const published = await mod.ok<RoundResult>('round:publish', { roundId: yna.id });
      // Already on the projector; showing it again is allowed (and recorded) all the same.
      await mod.ok('round:show', { roundId: yna.id });
      expect(published.options[1]).toMatchObject({ optionId: 'no', online: 1, hall: 12, total: 13 });
      await anna.socket.until('published results', () => anna.socket.state?.round?.results?.options[0].total === 42);
      expect(anna.socket.state!.publishedRounds.map((r) => r.id)).toEqual([yna.id]);
      const openRows = await db.query(`SELECT "participantId", choices FROM open_ballots WHERE "roundId" = '${yna.id}'`);
      expect(openRows).toHaveLength(3);

      // Single choice.
      const single = await mod.ok<LiveRound>('round:create', {
        question: 'Welche Bank?',
        type: VotingType.SingleChoice,
        options: ['Holz', 'Metall', 'Stein'],
        secret: false,
      });
      expect(single.options).toEqual([
        { id: 'o1', label: 'Holz' },
        { id: 'o2', label: 'Metall' },
        { id: 'o3', label: 'Stein' },
      ]);
      await mod.ok('round:open', { roundId: single.id });
      const invalidSingle = await anna.socket.error('ballot:cast', {
        roundId: single.id,
        optionIds: ['o1', 'o2'],
        idempotencyKey: randomUUID(),
      });
      expectErrorShape(invalidSingle, 422, ErrorCode.BallotInvalid);
      expect(invalidSingle.details).toEqual([expect.objectContaining({ field: 'optionIds' })]);
      const unknownOption = await anna.socket.error('ballot:cast', {
        roundId: single.id,
        optionIds: ['yes'],
        idempotencyKey: randomUUID(),
      });
      expect(unknownOption.details).toEqual([expect.objectContaining({ field: 'optionIds.0' })]);
      await cast(anna.socket, single.id, { optionIds: ['o2'] });
      await cast(ben.socket, single.id, { optionIds: ['o2'] });
      expect((await mod.ok<RoundResult>('round:close', { roundId: single.id })).options.map((o) => o.online)).toEqual([0, 2, 0]);
      // Closing a round that is not open, publishing one that is not closed: refused.
      expect((await mod.error('round:close', { roundId: single.id })).code).toBe(ErrorCode.RoundStateInvalid);

      // Multiple choice with a limit.
      const multi = await mod.ok<LiveRound>('round:create', {
        question: 'Was soll auf den Platz?',
        type: VotingType.MultipleChoice,
        options: ['Bäume', 'Bänke', 'Brunnen', 'Spielgeräte'],
        maxChoices: 2,
        secret: false,
      });
      expect((await mod.error('round:publish', { roundId: multi.id })).code).toBe(ErrorCode.RoundStateInvalid);
      await mod.ok('round:open', { roundId: multi.id });
      const tooMany = await anna.socket.error('ballot:cast', {
        roundId: multi.id,
        optionIds: ['o1', 'o2', 'o3'],
        idempotencyKey: randomUUID(),
      });
      expectErrorShape(tooMany, 422, ErrorCode.BallotInvalid);
      expect(tooMany.details![0].messages[0]).toMatch(/between 1 and 2/);
      const twice = await anna.socket.error('ballot:cast', { roundId: multi.id, optionIds: ['o1', 'o1'], idempotencyKey: randomUUID() });
      expect(twice.details).toEqual([expect.objectContaining({ field: 'optionIds.1' })]);
      await cast(anna.socket, multi.id, { optionIds: ['o1', 'o3'] });
      await cast(ben.socket, multi.id, { optionIds: ['o1'] });
      await cast(carla, multi.id, { optionIds: ['o4', 'o1'] });
      expect((await mod.ok<RoundResult>('round:close', { roundId: multi.id })).options.map((o) => o.online)).toEqual([3, 0, 1, 1]);

      // Dot voting: points over options (e.g. the approved proposals).
      const dots = await mod.ok<LiveRound>('round:create', {
        question: 'Welche Vorschläge zuerst?',
        type: VotingType.DotVoting,
        options: ['Mehr Bänke am Platz', 'Trinkbrunnen'],
        points: 5,
        secret: false,
      });
      expect(dots).toMatchObject({ points: 5, maxChoices: null });
      await mod.ok('round:open', { roundId: dots.id });
      const overspent = await anna.socket.error('ballot:cast', {
        roundId: dots.id,
        points: [
          { optionId: 'o1', points: 4 },
          { optionId: 'o2', points: 2 },
        ],
        idempotencyKey: randomUUID(),
      });
      expectErrorShape(overspent, 422, ErrorCode.BallotInvalid);
      expect(overspent.details).toEqual([{ field: 'points', messages: ['points must add up to at most 5 (they add up to 6)'] }]);
      const optionIdsForDots = await anna.socket.error('ballot:cast', {
        roundId: dots.id,
        optionIds: ['o1'],
        idempotencyKey: randomUUID(),
      });
      expect(optionIdsForDots.details!.map((d) => d.field)).toEqual(expect.arrayContaining(['optionIds', 'points']));
      await cast(anna.socket, dots.id, {
        points: [
          { optionId: 'o1', points: 3 },
          { optionId: 'o2', points: 2 },
        ],
      });
      await cast(ben.socket, dots.id, { points: [{ optionId: 'o2', points: 5 }] });
      expect((await mod.ok<RoundResult>('round:close', { roundId: dots.id })).options.map((o) => o.online)).toEqual([3, 7]);

      // A secret round: who voted is recorded, never what; the tallies hold sums only.
      const secret = await mod.ok<LiveRound>('round:create', {
        question: 'Geheime Wahl',
        type: VotingType.SingleChoice,
        options: ['A', 'B'],
        secret: true,
      });
      await mod.ok('round:open', { roundId: secret.id });
      await cast(anna.socket, secret.id, { optionIds: ['o1'] });
      await cast(ben.socket, secret.id, { optionIds: ['o2'] });
      await cast(carla, secret.id, { optionIds: ['o1'] });
      // While it is open, even the moderator sees only how many voted, not the split.
      await mod.until('three secret ballots counted', () => mod.moderator?.rounds.find((r) => r.id === secret.id)?.ballotsCast === 3);
      expect(mod.moderator!.rounds.find((r) => r.id === secret.id)!.results).toBeNull();
      expect((await mod.sync()).moderator!.rounds.find((r) => r.id === secret.id)!.results).toBeNull();
      await mod.ok('round:close', { roundId: secret.id });
      await mod.until(
        'the tally of the closed secret round for the moderator',
        () => mod.moderator?.rounds.find((r) => r.id === secret.id)?.results?.ballots === 3,
      );
      expect(await db.query(`SELECT * FROM open_ballots WHERE "roundId" = '${secret.id}'`)).toEqual([]);
      const tallies = (await db.query(`SELECT * FROM round_tallies WHERE "roundId" = '${secret.id}' ORDER BY "optionId"`)) as Array<
        Record<string, unknown>
      >;
      expect(tallies.map((r) => Object.keys(r).sort())).toEqual([
        ['hall', 'online', 'optionId', 'roundId'],
        ['hall', 'online', 'optionId', 'roundId'],
      ]);
      expect(tallies.map((r) => [r.optionId, Number(r.online)])).toEqual([
        ['o1', 2],
        ['o2', 1],
      ]);
      const receipts = (await db.query(`SELECT * FROM ballot_receipts WHERE "roundId" = '${secret.id}'`)) as Array<Record<string, unknown>>;
      expect(receipts).toHaveLength(3);
      expect(Object.keys(receipts[0]).sort()).toEqual(['checkInCardId', 'createdAt', 'idempotencyKey', 'participantId', 'roundId']);
      const secretEvents = (await db.query(`SELECT data FROM assembly_events WHERE "assemblyId" = '${assembly.id}'`)) as Array<{
        data: string;
      }>;
      expect(secretEvents.some((e) => e.data.includes(anna.joined.participant.id) && e.data.includes(secret.id))).toBe(false);
      await mod.ok('round:publish', { roundId: secret.id });
      await anna.socket.until(
        'the published secret round',
        () => anna.socket.state?.round?.id === secret.id && anna.socket.state.round.results !== null,
      );
      expect(anna.socket.state!.publishedRounds).toHaveLength(2);
      expect((await anna.socket.sync()).me.votedRoundIds.sort()).toEqual([yna.id, single.id, multi.id, dots.id, secret.id].sort());

      // Speakers with a time limit, one at a time.
      const sa = await anna.socket.ok<LiveSpeaker>('speaker:request');
      expect(sa).toMatchObject({ displayName: 'Anna', status: SpeakerStatus.Waiting });
      expect((await anna.socket.error('speaker:request')).code).toBe(ErrorCode.SpeakerStateInvalid);
      const sb = await ben.socket.ok<LiveSpeaker>('speaker:request');
      const sc = await carla.ok<LiveSpeaker>('speaker:request');
      await carla.ok('speaker:withdraw');
      expect((await carla.error('speaker:withdraw')).code).toBe(ErrorCode.SpeakerStateInvalid);
      expect((await mod.error('speaker:order', { speakerIds: [sb.id] })).code).toBe(ErrorCode.SpeakerStateInvalid);
      await mod.ok('speaker:order', { speakerIds: [sb.id, sa.id] });
      await mod.ok('speaker:time-limit', { seconds: 90 });
      await anna.socket.until(
        'the ordered queue',
        () =>
          anna.socket.state?.speakers.queue.map((s) => s.id).join() === [sb.id, sa.id].join() &&
          anna.socket.state.speakers.defaultTimeLimitSeconds === 90,
      );
      expect(anna.socket.state!.speakers.defaultTimeLimitSeconds).toBe(90);
      expect((await mod.error('speaker:start', { speakerId: sc.id })).code).toBe(ErrorCode.SpeakerStateInvalid);
      await mod.ok('speaker:start', { speakerId: sb.id });
      await anna.socket.until('Ben speaking', () => anna.socket.state?.speakers.current?.id === sb.id);
      expect(anna.socket.state!.speakers.current).toMatchObject({
        displayName: 'Ben',
        status: 'speaking',
        timeLimitSeconds: 90,
        startedAt: expect.any(String),
      });
      await mod.ok('speaker:start', { speakerId: sa.id });
      await anna.socket.until('Anna speaking, Ben done', () => anna.socket.state?.speakers.current?.id === sa.id);
      expect(anna.socket.state!.speakers.queue).toEqual([]);
      expect((await anna.socket.sync()).me.speakerRequestId).toBe(sa.id);
      await mod.ok('speaker:stop');
      expect((await mod.error('speaker:stop')).code).toBe(ErrorCode.SpeakerStateInvalid);

      // Closing: everything ends; participants can no longer act.
      await mod.ok('assembly:set-status', { status: 'closed' });
      await anna.socket.until('closed', () => anna.socket.state?.status === AssemblyStatus.Closed);
      const late = await anna.socket.error('speaker:request');
      expectErrorShape(late, 409, ErrorCode.AssemblyClosed);
      expect((await mod.error('item:set', { agendaItemId: null })).code).toBe(ErrorCode.AssemblyClosed);
      // Nobody new joins a closed assembly; a participant still gets itself back.
      const anon = await t.client();
      expectErrorShape(
        (await anon.post('/api/assemblies/join', { code: assembly.joinCode, displayName: 'Zu spät' }).expect(409)).body,
        409,
        ErrorCode.AssemblyClosed,
      );
      const back = await anon.post('/api/assemblies/join', { assemblyId: assembly.id, guestToken: ben.joined.guestToken }).expect(200);
      expect(back.body.participant.id).toBe(ben.joined.participant.id);

      // The event log the minutes are made from.
      const events = (await db.query(
        `SELECT type, data FROM assembly_events WHERE "assemblyId" = '${assembly.id}' ORDER BY "createdAt", id`,
      )) as Array<{ type: string; data: string }>;
      const types = events.map((e) => e.type);
      // The budget vote's confirmation has its own run (live-budget.e2e-spec.ts).
      for (const type of Object.values(AssemblyEventType))
        if (type !== AssemblyEventType.AllocationConfirmed) expect(types).toContain(type);
      const parsed = events.map((e) => ({ type: e.type, data: JSON.parse(e.data) as Record<string, unknown> }));
      expect(parsed.find((e) => e.type === AssemblyEventType.RoundPublished && e.data.roundId === yna.id)!.data).toMatchObject({
        question: 'Soll der Platz begrünt werden?',
        type: 'yes_no_abstain',
        secret: false,
        result: { ballots: 3, hallBallots: 55 },
      });
      expect(parsed.find((e) => e.type === AssemblyEventType.SpeakerStopped && e.data.speakerId === sb.id)!.data).toMatchObject({
        name: 'Ben',
        startedAt: expect.any(String),
        endedAt: expect.any(String),
      });
      expect(parsed.find((e) => e.type === AssemblyEventType.ProposalSubmitted && e.data.proposalId === p1.id)!.data).toMatchObject({
        text: 'Mehr Bänke am Platz',
      });
      expect(parsed.find((e) => e.type === AssemblyEventType.Closed)!.data).toMatchObject({ attendance: { total: 3, hall: 1 } });
      expect(parsed.find((e) => e.type === AssemblyEventType.ItemStarted && e.data.itemId === vote.id)!.data).toMatchObject({
        title: 'Abstimmung',
      });
    });
  });

  describe('permissions', () => {
    it('lets only moderators drive the state; guests cannot act on another assembly; the projector cannot act', async () => {
      const { assembly: a, mod } = await liveAssembly();
      const b = (await liveAssembly()).assembly;
      const anna = await guest(a, 'Anna');
      const round = await mod.ok<LiveRound>('round:create', { question: 'Q?', type: VotingType.YesNoAbstain, secret: false });

      for (const [event, payload] of [
        ['assembly:set-status', { status: 'closed' }],
        ['intake:set', { open: true }],
        ['round:open', { roundId: round.id }],
        ['round:create', { question: 'Q?', type: VotingType.YesNoAbstain, secret: false }],
        ['speaker:stop', {}],
      ] as const) {
        const error = await anna.socket.error(event, payload);
        expectErrorShape(error, 403, ErrorCode.Forbidden);
      }
      // A citizen's account without moderation rights: the same.
      await citizen.client.post('/api/assemblies/join', { code: a.joinCode }).expect(200);
      const carla = track(await LiveTestClient.ready(t, { assemblyId: a.id }, { client: citizen.client }));
      expect((await carla.error('round:open', { roundId: round.id })).code).toBe(ErrorCode.Forbidden);
      expect(carla.moderator).toBeNull();
      expect((await carla.sync()).moderator).toBeNull();

      // A guest credential of A is refused in B's handshake; without it the guest is nobody in B.
      const refused = (await LiveTestClient.connect(t, { assemblyId: b.id, guestToken: anna.joined.guestToken }).catch(
        (e: ConnectRefusal) => e,
      )) as ConnectRefusal;
      expect(refused.data).toMatchObject({ statusCode: 400, code: ErrorCode.TokenInvalid });
      const spectator = track(await LiveTestClient.ready(t, { assemblyId: b.id }));
      expect((await spectator.error('speaker:request')).code).toBe(ErrorCode.NotParticipant);
      expect((await spectator.error('proposal:submit', { text: 'x' })).code).toBe(ErrorCode.NotParticipant);
      // A's moderator is not B's unless the rules say so: a moderator scoped to another area.
      const otherArea = (await (await t.client()).get('/api/areas').expect(200)).body as Array<{ id: string; parentId: string | null }>;
      const foreignArea = otherArea.find(
        (x) =>
          x.id !== a.areas[0].id &&
          x.parentId !== a.areas[0].id &&
          x.id !== (otherArea.find((y) => y.id === a.areas[0].id)?.parentId ?? ''),
      );
      if (foreignArea) {
        const scoped = await t.createUser({ role: Role.Moderator, areaIds: [foreignArea.id] });
        const foreign = track(await LiveTestClient.ready(t, { assemblyId: a.id }, { client: scoped.client }));
        expect((await foreign.error('round:open', { roundId: round.id })).code).toBe(ErrorCode.Forbidden);
      }

      // The projector only reads, even a moderator's.
      const projector = track(await LiveTestClient.ready(t, { assemblyId: a.id, mode: 'projector' }, { client: moderator.client }));
      expect(projector.state!.joinCode).toBe(a.joinCode);
      expect(projector.moderator).toBeNull();
      expect((await projector.error('round:open', { roundId: round.id })).code).toBe(ErrorCode.Forbidden);
      expect((await projector.error('speaker:request')).code).toBe(ErrorCode.Forbidden);
      expect((await projector.sync()).me).toMatchObject({ participant: null, isModerator: false });

      // Handshakes that name no (known) assembly.
      const unknown = (await LiveTestClient.connect(t, { assemblyId: randomUUID() }).catch((e: ConnectRefusal) => e)) as ConnectRefusal;
      expect(unknown.data).toMatchObject({ statusCode: 404, code: ErrorCode.NotFound });
      const missing = (await LiveTestClient.connect(t, {} as never).catch((e: ConnectRefusal) => e)) as ConnectRefusal;
      expect(missing.data).toMatchObject({ statusCode: 400, code: ErrorCode.ValidationFailed });

      // The moderator of A can drive A.
      await mod.ok('round:open', { roundId: round.id });
      expect(
        await anna.socket.ok('ballot:cast', { roundId: round.id, optionIds: ['abstain'], idempotencyKey: randomUUID() }),
      ).toMatchObject({
        created: true,
      });
      // A round of A cannot be voted on from B.
      const bGuest = await guest(b, 'Bea');
      expect((await bGuest.socket.error('ballot:cast', { roundId: round.id, optionIds: ['yes'], idempotencyKey: randomUUID() })).code).toBe(
        ErrorCode.NotFound,
      );
    });
  });

  describe('validation, idempotency, late ballots, check-in', () => {
    it('answers invalid payloads with field details and keeps every ballot exactly once', async () => {
      const { assembly, mod } = await liveAssembly({ requireCheckIn: true });
      const anna = await guest(assembly, 'Anna', true);
      const ben = await guest(assembly, 'Ben');

      const bad = await mod.error('round:create', { question: '', type: 'ranked', secret: 'yes', extra: 1 });
      expectErrorShape(bad, 400, ErrorCode.ValidationFailed);
      expect(bad.details!.map((d) => d.field).sort()).toEqual(['extra', 'question', 'secret', 'type']);
      expect((await mod.error('round:create', 'not an object')).code).toBe(ErrorCode.ValidationFailed);
      const tooFew = await mod.error('round:create', {
        question: 'Q',
        type: VotingType.SingleChoice,
        options: ['nur eine'],
        secret: false,
      });
      expectErrorShape(tooFew, 422, ErrorCode.UnprocessableEntity);
      expect(tooFew.details).toEqual([expect.objectContaining({ field: 'options' })]);
      expect(
        (await anna.socket.error('ballot:cast', { roundId: 'nope', optionIds: ['yes'], idempotencyKey: 'k' }))
          .details!.map((d) => d.field)
          .sort(),
      ).toEqual(['idempotencyKey', 'roundId']);
      expect((await anna.socket.error('speaker:request', { please: true })).details).toEqual([
        expect.objectContaining({ field: 'please' }),
      ]);
      expect((await mod.error('speaker:time-limit', { seconds: 5 })).details).toEqual([expect.objectContaining({ field: 'seconds' })]);

      // The console's new-round form starts from the assembly's setting, which the moderator's state carries.
      await mod.until('the moderator state', () => mod.moderator !== null);
      expect(mod.moderator!.requireCheckInByDefault).toBe(true);
      const round = await mod.ok<LiveRound>('round:create', { question: 'Verbindlich?', type: VotingType.YesNoAbstain, secret: false });
      expect(round.requireCheckIn).toBe(true);
      await mod.ok('round:open', { roundId: round.id });
      expect((await mod.error('round:open', { roundId: round.id })).code).toBe(ErrorCode.RoundStateInvalid);

      // Binding votes: Ben must check in first.
      const benKey = randomUUID();
      expectErrorShape(
        await ben.socket.error('ballot:cast', { roundId: round.id, optionIds: ['no'], idempotencyKey: benKey }),
        403,
        ErrorCode.CheckInRequired,
      );
      await (
        await t.client()
      )
        .post('/api/assemblies/join', {
          assemblyId: assembly.id,
          guestToken: ben.joined.guestToken,
          card: await cardCode(moderator.client, assembly.id),
        })
        .expect(200);
      expect(await ben.socket.ok('ballot:cast', { roundId: round.id, optionIds: ['no'], idempotencyKey: benKey })).toEqual({
        roundId: round.id,
        created: true,
      });

      // The same key again: the first answer; another key: already voted.
      const key = randomUUID();
      expect(await anna.socket.ok('ballot:cast', { roundId: round.id, optionIds: ['yes'], idempotencyKey: key })).toEqual({
        roundId: round.id,
        created: true,
      });
      expect(await anna.socket.ok('ballot:cast', { roundId: round.id, optionIds: ['yes'], idempotencyKey: key })).toEqual({
        roundId: round.id,
        created: false,
      });
      expectErrorShape(
        await anna.socket.error('ballot:cast', { roundId: round.id, optionIds: ['no'], idempotencyKey: randomUUID() }),
        409,
        ErrorCode.AlreadyVoted,
      );
      // Concurrent retries with one key count once.
      const carlaGuest = await guest(assembly, 'Carla', true);
      const carlaKey = randomUUID();
      const answers = await Promise.all(
        [1, 2, 3, 4].map(() =>
          carlaGuest.socket.ok<CastBallotResult>('ballot:cast', { roundId: round.id, optionIds: ['abstain'], idempotencyKey: carlaKey }),
        ),
      );
      expect(answers.filter((a) => a.created)).toHaveLength(1);

      const result = await mod.ok<RoundResult>('round:close', { roundId: round.id });
      expect(result.options.map((o) => o.online)).toEqual([1, 1, 1]);
      expect(result.ballots).toBe(3);
      // After the close: a late ballot is refused; a retry of a counted one still gets its answer.
      const dora = await guest(assembly, 'Dora', true);
      expectErrorShape(
        await dora.socket.error('ballot:cast', { roundId: round.id, optionIds: ['yes'], idempotencyKey: randomUUID() }),
        409,
        ErrorCode.RoundClosed,
      );
      expect(await anna.socket.ok('ballot:cast', { roundId: round.id, optionIds: ['yes'], idempotencyKey: key })).toEqual({
        roundId: round.id,
        created: false,
      });
      const count = await db.query(`SELECT COUNT(*) AS n FROM ballot_receipts WHERE "roundId" = '${round.id}'`);
      expect(Number(count[0].n)).toBe(3);
    });

    it('limits the events per connection with a clear RATE_LIMITED ack', async () => {
      const { assembly } = await liveAssembly();
      const anna = await guest(assembly, 'Anna');
      const acks = await Promise.all(Array.from({ length: 30 }, () => anna.socket.emit('live:sync', {})));
      const limited = acks.filter((a) => !a.ok);
      expect(limited.length).toBeGreaterThan(0);
      expect(limited[0]).toEqual({ ok: false, error: expect.objectContaining({ statusCode: 429, code: ErrorCode.RateLimited }) });
      expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(20);
    });
  });

  describe('reconnects and many clients', () => {
    it('gives a reconnecting participant the current state at once and counts its vote once', async () => {
      const { assembly, mod } = await liveAssembly();
      const anna = await guest(assembly, 'Anna');
      const round = await mod.ok<LiveRound>('round:create', { question: 'Q?', type: VotingType.YesNoAbstain, secret: true });
      await mod.ok('round:open', { roundId: round.id });
      const key = randomUUID();
      // The ballot is sent, then the connection drops before the answer arrives.
      anna.socket.socket.emit('ballot:cast', { roundId: round.id, optionIds: ['yes'], idempotencyKey: key });
      anna.socket.close();
      const again = track(await LiveTestClient.ready(t, { assemblyId: assembly.id, guestToken: anna.joined.guestToken }));
      expect(again.state!.round).toMatchObject({ id: round.id, status: VotingRoundStatus.Open });
      const retry = await again.ok<CastBallotResult>('ballot:cast', { roundId: round.id, optionIds: ['yes'], idempotencyKey: key });
      expect(retry.roundId).toBe(round.id);
      expect((await again.sync()).me.votedRoundIds).toEqual([round.id]);
      const result = await mod.ok<RoundResult>('round:close', { roundId: round.id });
      expect(result.ballots).toBe(1);
      expect(result.options.find((o) => o.optionId === 'yes')!.online).toBe(1);
    });

    // Two API processes on one database: with Redis, a ballot on one reaches the tally seen on the other.
    (process.env.REDIS_URL ? it : it.skip)('carries state between two API instances over the Redis adapter', async () => {
      const { assembly, mod } = await liveAssembly();
      const other = await createApp({ ...t.config });
      await other.listen(0, '127.0.0.1');
      // The other process's 2-second safety net (comparing versions with the database) is stopped, so
      // what reaches Anna there comes from this process's notice ("assembly changed") alone.
      clearInterval((other.get(LiveBroadcaster) as unknown as { check: NodeJS.Timeout }).check);
      try {
        const { port } = other.getHttpServer().address() as AddressInfo;
        const joined = await joinAsGuest(t, assembly.joinCode, 'Anna');
        const anna = track(
          await LiveTestClient.ready({ ...t, url: `http://127.0.0.1:${port}` }, { assemblyId: assembly.id, guestToken: joined.guestToken }),
        );
        const round = await mod.ok<LiveRound>('round:create', {
          question: 'Über zwei Prozesse?',
          type: VotingType.YesNoAbstain,
          secret: true,
        });
        await mod.ok('round:open', { roundId: round.id });
        await anna.until('the round opened on the other process', () => anna.state?.round?.status === VotingRoundStatus.Open);
        await anna.ok('ballot:cast', { roundId: round.id, optionIds: ['no'], idempotencyKey: randomUUID() });
        await mod.until(
          'the ballot cast on the other process',
          () => mod.moderator?.rounds.find((r) => r.id === round.id)?.ballotsCast === 1,
        );
        await mod.ok('round:close', { roundId: round.id });
        await mod.ok('round:publish', { roundId: round.id });
        await anna.until('the published result on the other process', () => anna.state?.round?.status === VotingRoundStatus.Published);
        anna.close();
      } finally {
        await other.close();
      }
    });

    it('brings a change no process announced (made straight in the database) to the clients', async () => {
      const { assembly } = await liveAssembly();
      const anna = await guest(assembly, 'Anna');
      await anna.socket.until('her own arrival', () => anna.socket.state?.attendance.total === 1);
      // Let the broadcasts of her joining pass, so only the safety net can bring the change.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await db.query(`UPDATE assemblies SET title = 'Neuer Titel', "stateVersion" = "stateVersion" + 1 WHERE id = '${assembly.id}'`);
      await anna.socket.until('the new title', () => anna.socket.state?.title === 'Neuer Titel', 10_000);
    });

    it('shows the speaker to a projector when the moderator sends time limit and start back to back, many times', async () => {
      const { assembly, mod } = await liveAssembly();
      const projector = track(await LiveTestClient.ready(t, { assemblyId: assembly.id, mode: 'projector' }));
      for (let i = 0; i < 10; i++) {
        const speaker = await guest(assembly, `Sprecherin ${i}`);
        const request = await speaker.socket.ok<LiveSpeaker>('speaker:request');
        // Not awaited one by one: both events leave the console at the same moment.
        const [limit, start] = await Promise.all([
          mod.emit('speaker:time-limit', { seconds: 60 + i }),
          mod.emit('speaker:start', { speakerId: request.id }),
        ]);
        expect({ limit: limit.ok, start: start.ok }).toEqual({ limit: true, start: true });
        await projector.until(`speaker ${i} on the projector`, () => projector.state?.speakers.current?.id === request.id, 10_000);
        await projector.until(`time limit ${60 + i}`, () => projector.state?.speakers.current?.timeLimitSeconds === 60 + i, 10_000);
      }
    });

    it('keeps a result on the hall screen until the next item or speaker starts; the moderator can show it again', async () => {
      const { assembly, mod } = await liveAssembly();
      const projector = track(await LiveTestClient.ready(t, { assemblyId: assembly.id, mode: 'projector' }));
      const onScreen = (id: string | null, what: string) =>
        projector.until(what, () => projector.state !== null && projector.state.onScreenRoundId === id, 10_000);
      const round = await mod.ok<LiveRound>('round:create', { question: 'Bänke aufstellen?', type: VotingType.YesNoAbstain, secret: true });
      await onScreen(null, 'nothing while the round is prepared');
      expect((await mod.error('round:show', { roundId: round.id })).code).toBe(ErrorCode.RoundStateInvalid);
      await mod.ok('round:open', { roundId: round.id });
      await onScreen(round.id, 'the open round');
      await mod.ok('round:close', { roundId: round.id });
      await mod.ok('round:publish', { roundId: round.id });
      await onScreen(round.id, 'the published result');
      const speaker = await guest(assembly, 'Rita Rednerin');
      await mod.ok('speaker:start', { speakerId: (await speaker.socket.ok<LiveSpeaker>('speaker:request')).id });
      await onScreen(null, 'the speaker replaces the result');
      await mod.ok('round:show', { roundId: round.id });
      await onScreen(round.id, 'the result shown again');
      await mod.ok('item:set', { agendaItemId: assembly.agenda[1].id });
      await onScreen(null, 'the next item replaces the result');
      // Only moderators choose what the hall screen shows.
      expect((await speaker.socket.error('round:show', { roundId: round.id })).code).toBe(ErrorCode.Forbidden);
      expect((await mod.error('round:show', { roundId: randomUUID() })).code).toBe(ErrorCode.NotFound);
      const events = await db.query(
        `SELECT "type" FROM "assembly_events" WHERE "assemblyId" = '${assembly.id}' AND "type" = 'round.shown'`,
      );
      expect(events).toHaveLength(1);
    });

    it('sends everyone a newer state that was built for the moderators only (a REST edit committed meanwhile)', async () => {
      const { assembly, mod } = await liveAssembly();
      const anna = await guest(assembly, 'Anna');
      // The broadcasts of her joining are out (the moderators' count of connected people includes her).
      await mod.until('Anna counted as connected', () => mod.moderator?.attendance.connected === 1);
      const agenda = [
        ...assembly.agenda.map((i) => ({ id: i.id, title: i.title, type: i.type })),
        { title: 'Sonstiges', type: AgendaItemType.Discussion },
      ];
      await moderator.client.patch(`/api/assemblies/${assembly.id}`, { agenda }).expect(200);
      // A change of the moderators' view only (who is connected) builds the state with the edit in it.
      t.app.get(LiveBroadcaster).changed(assembly.id, 'moderators');
      await anna.socket.until('the new agenda item', () => anna.socket.state?.agenda.some((i) => i.title === 'Sonstiges') === true, 10_000);
    });

    it('brings an agenda change made over REST (PATCH) to connected participants', async () => {
      const { assembly } = await liveAssembly();
      const anna = await guest(assembly, 'Anna');
      const agenda = [
        ...assembly.agenda.map((i) => ({ id: i.id, title: i.title, type: i.type })),
        { title: 'Verschiedenes', type: AgendaItemType.Discussion },
      ];
      await moderator.client.patch(`/api/assemblies/${assembly.id}`, { agenda }).expect(200);
      await anna.socket.until(
        'the new agenda item',
        () => anna.socket.state?.agenda.some((i) => i.title === 'Verschiedenes') === true,
        10_000,
      );
      expect(anna.socket.state!.agenda.map((i) => i.title)).toEqual(agenda.map((i) => i.title));
    });

    it('counts 500 concurrent clients voting once each exactly 500 times, with coalesced broadcasts', async () => {
      const { assembly, mod } = await liveAssembly();
      const round = await mod.ok<LiveRound>('round:create', { question: 'Alle?', type: VotingType.YesNoAbstain, secret: true });
      const N = Number(process.env.LIVE_TEST_CLIENTS ?? 500);
      const joiner = await t.client();
      const tokens: string[] = [];
      for (let i = 0; i < N; i += 25) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(25, N - i) }, (_, j) =>
            joiner.post('/api/assemblies/join', { code: assembly.joinCode, displayName: `Person ${i + j}` }).expect(200),
          ),
        );
        tokens.push(...batch.map((r) => r.body.guestToken as string));
      }
      const clients: LiveTestClient[] = [];
      for (let i = 0; i < N; i += 50) {
        clients.push(
          ...(await Promise.all(
            tokens.slice(i, i + 50).map((guestToken) => LiveTestClient.ready(t, { assemblyId: assembly.id, guestToken })),
          )),
        );
      }
      clients.forEach(track);
      await mod.ok('round:open', { roundId: round.id });
      await Promise.all(clients.map((c) => c.until('the open round', () => c.state?.round?.status === VotingRoundStatus.Open, 30_000)));
      const before = clients.map((c) => c.received);
      const options = ['yes', 'no', 'abstain'];
      const acks = await Promise.all(
        clients.map((c, i) =>
          c.emit<CastBallotResult>('ballot:cast', { roundId: round.id, optionIds: [options[i % 3]], idempotencyKey: randomUUID() }, 60_000),
        ),
      );
      expect(acks.filter((a) => a.ok && a.data.created)).toHaveLength(N);
      await mod.until(
        '500 ballots in the live tally',
        () => mod.moderator?.rounds.find((r) => r.id === round.id)?.ballotsCast === N,
        30_000,
      );
      const result = await mod.ok<RoundResult>('round:close', { roundId: round.id });
      expect(result.ballots).toBe(N);
      expect(result.options.map((o) => o.online)).toEqual([0, 1, 2].map((k) => Math.floor((N - k + 2) / 3)));
      // Everybody sees the closed round; the 500 ballots did not cause 500 broadcasts to each client.
      await Promise.all(clients.map((c) => c.until('the closed round', () => c.state?.round?.status === VotingRoundStatus.Closed, 30_000)));
      const broadcasts = clients.map((c, i) => c.received - before[i]);
      expect(Math.max(...broadcasts)).toBeLessThan(N / 5);
      const receipts = await db.query(`SELECT COUNT(*) AS n FROM ballot_receipts WHERE "roundId" = '${round.id}'`);
      expect(Number(receipts[0].n)).toBe(N);
      const sums = await db.query(`SELECT SUM(online) AS n FROM round_tallies WHERE "roundId" = '${round.id}'`);
      expect(Number(sums[0].n)).toBe(N);

      // A named round with retries (same key) and second ballots (new key) in the same batches. The first
      // half of the hall votes at once and the moderator closes at the first acknowledgement, while the
      // rest of that half is in flight; the second half votes after the close. Each ballot is either
      // stored and acknowledged or refused with ROUND_CLOSED; acknowledgements = receipts = open ballots = tally.
      const named = await mod.ok<LiveRound>('round:create', { question: 'Namentlich?', type: VotingType.YesNoAbstain, secret: false });
      await mod.ok('round:open', { roundId: named.id });
      await Promise.all(clients.map((c) => c.until('the named round', () => c.state?.round?.id === named.id, 30_000)));
      let closing: Promise<LiveAck<RoundResult>> | undefined;
      let firstAck: () => void = () => undefined;
      const acknowledged = new Promise<void>((resolve) => (firstAck = resolve));
      const cast = (i: number, key: string) =>
        clients[i]
          .emit<CastBallotResult>('ballot:cast', { roundId: named.id, optionIds: [options[i % 3]], idempotencyKey: key }, 60_000)
          .then((ack) => {
            if (!closing) {
              closing = mod.emit<RoundResult>('round:close', { roundId: named.id }, 60_000);
              firstAck();
            }
            return ack;
          });
      const castAll = (from: number, to: number) =>
        Promise.all(
          clients.slice(from, to).map((_, k) => {
            const i = from + k;
            const key = randomUUID();
            const again = i % 10 === 0 ? key : i % 10 === 5 ? randomUUID() : null;
            return Promise.all([cast(i, key), ...(again ? [cast(i, again)] : [])]);
          }),
        );
      const firstHalf = castAll(0, N / 2);
      await acknowledged;
      const closedResult = (await closing)!;
      const answers = [...(await firstHalf), ...(await castAll(N / 2, N))];
      const code = (a: (typeof answers)[number][number]) => (a.ok ? (a.data.created ? 'created' : 'retry') : a.error.code);
      answers.forEach((pair, i) => {
        const codes = pair.map(code).sort();
        if (i % 10 === 0)
          expect([
            ['created', 'retry'],
            [ErrorCode.RoundClosed, ErrorCode.RoundClosed],
          ]).toContainEqual(codes);
        else if (i % 10 === 5)
          expect([[ErrorCode.AlreadyVoted, 'created'].sort(), [ErrorCode.RoundClosed, ErrorCode.RoundClosed]]).toContainEqual(codes);
        else expect(['created', ErrorCode.RoundClosed]).toContain(codes[0]);
      });
      const stored = answers.filter((pair) => pair.some((a) => a.ok && a.data.created)).length;
      expect(stored).toBeGreaterThan(0);
      expect(
        answers
          .slice(N / 2)
          .flat()
          .map(code),
      ).toEqual(
        answers
          .slice(N / 2)
          .flat()
          .map(() => ErrorCode.RoundClosed),
      );
      expect(closedResult.ok && closedResult.data.ballots).toBe(stored);
      expect(closedResult.ok && closedResult.data.options.reduce((sum, o) => sum + o.online, 0)).toBe(stored);
      const [counts] = await db.query(
        `SELECT (SELECT COUNT(*) FROM ballot_receipts WHERE "roundId" = $1) AS receipts,
                (SELECT COUNT(*) FROM open_ballots WHERE "roundId" = $1) AS open,
                (SELECT SUM(online) FROM round_tallies WHERE "roundId" = $1) AS tally`,
        [named.id],
      );
      expect([Number(counts.receipts), Number(counts.open), Number(counts.tally)]).toEqual([stored, stored, stored]);
      clients.forEach((c) => c.close());
    });
  });

  it('keeps the session cookie helper honest (a signed-in moderator is recognised)', async () => {
    expect(cookieHeader(moderator.client)).toMatch(/sid=/);
  });
});
