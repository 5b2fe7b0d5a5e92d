import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  CHECK_IN_CARD_ALPHABET,
  ErrorCode,
  Role,
  VotingType,
  type AssemblyDetail,
  type CheckInCardList,
  type IssuedCheckInCard,
  type LiveRound,
  type ParticipantList,
  type RoundResult,
} from '@app/shared';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';
import type { ApiClient } from './helpers/client';
import { createAssembly, issueCards, LiveTestClient, LiveSockets } from './helpers/live';

jest.setTimeout(180_000);

/**
 * Voting rights per person: check-in cards (printed or at the door), one ballot per card in binding
 * rounds whatever a person does with devices and guest identities; non-binding rounds for everybody.
 */
describe('check-in cards and binding votes', () => {
  let t: TestApp;
  let moderator: TestUser;
  let db: DataSource;
  const sockets = new LiveSockets();
  const { track } = sockets;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    moderator = await t.createUser({ role: Role.Moderator, displayName: 'Moderatorin Marx' });
  });

  afterAll(async () => {
    sockets.closeAll();
    await t?.close();
  });

  async function liveAssembly(requireCheckIn = true) {
    const assembly = await createAssembly(t, moderator.client, { requireCheckIn });
    const mod = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: moderator.client }));
    await mod.ok('assembly:set-status', { status: 'live' });
    return { assembly, mod };
  }

  /** A device: a fresh client joining as a guest (with a card, maybe), connected to /live. */
  async function device(assembly: AssemblyDetail, name: string, card?: string) {
    const client = await t.client();
    const res = await client.post('/api/assemblies/join', { code: assembly.joinCode, displayName: name, ...(card ? { card } : {}) });
    if (res.status !== 200) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
    const guestToken = res.body.guestToken as string;
    const socket = track(await LiveTestClient.ready(t, { assemblyId: assembly.id, guestToken }));
    return { client, guestToken, participantId: res.body.participant.id as string, socket };
  }

  /** The card's last use lies beyond the move cooldown (as if the person changed phones a minute later). */
  const aMinuteLater = (assemblyId: string) => {
    const before = new Date(Date.now() - 60_000);
    // SQLite compares TypeORM's UTC text.
    const stamp = t.config.database.type === 'postgres' ? before : before.toISOString().replace('T', ' ').replace('Z', '');
    return db.query(`UPDATE check_in_cards SET "claimedAt" = $1 WHERE "assemblyId" = $2`, [stamp, assemblyId]);
  };

  const vote = (socket: LiveTestClient, roundId: string, option = 'yes', idempotencyKey: string = randomUUID()) =>
    socket.emit('ballot:cast', { roundId, optionIds: [option], idempotencyKey });

  async function openRound(mod: LiveTestClient, requireCheckIn: boolean, secret = true): Promise<LiveRound> {
    const round = await mod.ok<LiveRound>('round:create', {
      question: 'Bänke am Nordmarkt?',
      type: VotingType.YesNoAbstain,
      secret,
      requireCheckIn,
    });
    await mod.ok('round:open', { roundId: round.id });
    return round;
  }

  const closeRound = (mod: LiveTestClient, roundId: string) => mod.ok<RoundResult>('round:close', { roundId });

  it('prints cards (codes once, only hashes stored, PDF sheet), lists them without codes, moderators only', async () => {
    const assembly = await createAssembly(t, moderator.client);
    const cards = await issueCards(moderator.client, assembly.id, 3);
    expect(cards.map((c) => c.card.number)).toEqual([1, 2, 3]);
    const alphabet = new RegExp(`^[${CHECK_IN_CARD_ALPHABET}]{10}$`);
    for (const c of cards) {
      expect(c.code).toMatch(alphabet);
      expect(c.joinUrl).toBe(`${t.url}/join/${assembly.joinCode}?card=${c.code}`);
      expect(c.card).toMatchObject({ status: 'unused', holder: null, participantId: null });
    }
    const stored = (await db.query(`SELECT "codeHash" FROM check_in_cards WHERE "assemblyId" = $1`, [assembly.id])) as Array<{
      codeHash: string;
    }>;
    expect(stored).toHaveLength(3);
    for (const row of stored) {
      expect(row.codeHash).toMatch(/^[0-9a-f]{64}$/);
      expect(cards.some((c) => row.codeHash.includes(c.code))).toBe(false);
    }

    const pdf = await moderator.client
      .post(`/api/assemblies/${assembly.id}/check-in-cards?format=pdf`, { count: 9 })
      .buffer(true)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="check-in-karten-4-12.pdf"');
    const body = pdf.body as Buffer;
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(body.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);

    const list = (await moderator.client.get(`/api/assemblies/${assembly.id}/check-in-cards`).expect(200)).body as CheckInCardList;
    expect(list.counts).toEqual({ issued: 12, held: 0, unused: 12, revoked: 0 });
    expect(JSON.stringify(list)).not.toContain(cards[0].code);

    for (const count of [0, 301, 'viele'])
      expectErrorShape(
        (await moderator.client.post(`/api/assemblies/${assembly.id}/check-in-cards`, { count }).expect(400)).body,
        400,
        ErrorCode.ValidationFailed,
      );
    const citizen = await t.createUser();
    expectErrorShape(
      (await citizen.client.post(`/api/assemblies/${assembly.id}/check-in-cards`, { count: 1 }).expect(403)).body,
      403,
      ErrorCode.Forbidden,
    );
  });

  it('a binding round counts one ballot per card: new guest identities, moving the card and replacing it never vote twice', async () => {
    const { assembly, mod } = await liveAssembly(true);
    const [annaCard] = await issueCards(moderator.client, assembly.id, 1);
    const phone = await device(assembly, 'Anna', annaCard.code);
    await mod.until('one eligible', () => mod.moderator?.checkIn.eligible === 1);
    const round = await openRound(mod, true);
    expect(await vote(phone.socket, round.id)).toEqual({ ok: true, data: { roundId: round.id, created: true } });

    // A new guest identity without the card: not eligible.
    const second = await device(assembly, 'Anna (zweites Handy)');
    expect(await vote(second.socket, round.id, 'no')).toMatchObject({
      ok: false,
      error: { statusCode: 403, code: ErrorCode.CheckInRequired },
    });

    // The card on another device at once: refused, nothing moves.
    const busy = await second.client.post('/api/assemblies/join', {
      assemblyId: assembly.id,
      guestToken: second.guestToken,
      card: annaCard.code,
    });
    expectErrorShape(busy.body, 409, ErrorCode.CheckInCardBusy);

    // A minute later the card moves there; the old phone loses the right (and hears so); the card's ballot stays counted once.
    await aMinuteLater(assembly.id);
    let told = false;
    phone.socket.socket.once('live:me-changed', () => (told = true));
    const moved = await second.client
      .post('/api/assemblies/join', {
        assemblyId: assembly.id,
        guestToken: second.guestToken,
        card: annaCard.code.toLowerCase().replace(/^(.{5})/, '$1-'),
      })
      .expect(200);
    expect(moved.body.participant).toMatchObject({ checkedIn: true, presence: 'hall' });
    await phone.socket.until('the old phone is told', () => told);
    expect((await phone.socket.sync()).me.participant).toMatchObject({ checkedIn: false });
    const again = await vote(second.socket, round.id, 'no');
    expect(again).toMatchObject({ ok: false, error: { statusCode: 409, code: ErrorCode.AlreadyVoted } });

    // A third identity with the card moved again: still one ballot.
    await aMinuteLater(assembly.id);
    const third = await device(assembly, 'Anna (Tablet)', annaCard.code);
    expect((await vote(third.socket, round.id, 'no')) as { ok: boolean }).toMatchObject({
      ok: false,
      error: { code: ErrorCode.AlreadyVoted },
    });

    // Lost and replaced: the new card does not vote again in this round either.
    const list = (await moderator.client.get(`/api/assemblies/${assembly.id}/check-in-cards`).expect(200)).body as CheckInCardList;
    expect(list.items[0]).toMatchObject({ number: 1, status: 'held', holder: 'Anna (Tablet)', participantId: third.participantId });
    const replaced = (await moderator.client.post(`/api/assemblies/${assembly.id}/check-in-cards/${annaCard.card.id}/replace`).expect(200))
      .body as {
      replacement: IssuedCheckInCard;
    };
    expect(replaced.replacement.card).toMatchObject({ number: 2, status: 'unused' });
    expectErrorShape(
      (
        await (
          await t.client()
        )
          .post('/api/assemblies/join', { code: assembly.joinCode, displayName: 'Dieb', card: annaCard.code })
          .expect(403)
      ).body,
      403,
      ErrorCode.CheckInCardRevoked,
    );
    expect((await vote(third.socket, round.id, 'no')) as { ok: boolean }).toMatchObject({
      ok: false,
      error: { code: ErrorCode.CheckInRequired },
    });
    await third.client
      .post('/api/assemblies/join', { assemblyId: assembly.id, guestToken: third.guestToken, card: replaced.replacement.code })
      .expect(200);
    expect((await vote(third.socket, round.id, 'no')) as { ok: boolean }).toMatchObject({
      ok: false,
      error: { code: ErrorCode.AlreadyVoted },
    });

    const result = await closeRound(mod, round.id);
    expect(result).toMatchObject({ ballots: 1, binding: true });
    expect(result.options.find((o) => o.optionId === 'yes')).toMatchObject({ online: 1 });
    expect(result.options.find((o) => o.optionId === 'no')).toMatchObject({ online: 0 });
    const receipts = await db.query(`SELECT "checkInCardId" FROM ballot_receipts WHERE "roundId" = $1`, [round.id]);
    expect(receipts).toEqual([{ checkInCardId: annaCard.card.id }]);
  });

  it('a card used on two devices at once admits exactly one; the database refuses a second ballot of one card', async () => {
    const { assembly, mod } = await liveAssembly(true);
    const [card] = await issueCards(moderator.client, assembly.id, 1);
    const [a, b] = await Promise.all([t.client(), t.client()]);
    const answers = await Promise.all(
      [a, b].map((c, i) => c.post('/api/assemblies/join', { code: assembly.joinCode, displayName: `Gerät ${i}`, card: card.code })),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expectErrorShape(answers.find((r) => r.status === 409)!.body, 409, ErrorCode.CheckInCardBusy);
    const participants = (await moderator.client.get(`/api/assemblies/${assembly.id}/participants`).expect(200)).body as ParticipantList;
    expect(participants.counts).toMatchObject({ total: 1, checkedIn: 1 });

    // Even a receipt written straight past the eligibility check cannot name the card twice in a round.
    const round = await openRound(mod, true);
    const winner = answers.find((r) => r.status === 200)!.body as { participant: { id: string }; guestToken: string };
    const socket = track(await LiveTestClient.ready(t, { assemblyId: assembly.id, guestToken: winner.guestToken }));
    await vote(socket, round.id);
    const other = await device(assembly, 'Anderes Gerät');
    await expect(
      db.query(`INSERT INTO ballot_receipts ("roundId", "participantId", "idempotencyKey", "checkInCardId") VALUES ($1, $2, $3, $4)`, [
        round.id,
        other.participantId,
        'k',
        card.card.id,
      ]),
    ).rejects.toThrow(/unique|UNIQUE/);
  });

  it('a binding round with nobody checked in: the console sees no eligible voter and why; door check-in admits at once', async () => {
    const { assembly, mod } = await liveAssembly(true);
    const guest = await device(assembly, 'Gast ohne Karte');
    const round = await openRound(mod, true);
    await mod.until('the open round', () => mod.moderator?.rounds[0]?.status === 'open');
    expect(mod.moderator!.checkIn).toEqual({ eligible: 0, issued: 0, revoked: 0 });
    const refused = await vote(guest.socket, round.id);
    expect(refused).toMatchObject({ ok: false, error: { statusCode: 403, code: ErrorCode.CheckInRequired } });
    expect((refused as { error: { message: string } }).error.message).toMatch(/check-in card/);

    // At the door: the participant gets a card (checked in at once), a person without a phone a card by name.
    const door = (
      await moderator.client.post(`/api/assemblies/${assembly.id}/check-in-cards/door`, { participantId: guest.participantId }).expect(201)
    ).body as IssuedCheckInCard;
    expect(door.card).toMatchObject({ status: 'held', holder: 'Gast ohne Karte' });
    await moderator.client.post(`/api/assemblies/${assembly.id}/check-in-cards/door`, { name: 'Herr Öztürk' }).expect(201);
    expectErrorShape(
      (
        await moderator.client
          .post(`/api/assemblies/${assembly.id}/check-in-cards/door`, { participantId: guest.participantId })
          .expect(409)
      ).body,
      409,
      ErrorCode.CheckInCardBusy,
    );
    expectErrorShape(
      (await moderator.client.post(`/api/assemblies/${assembly.id}/check-in-cards/door`, {}).expect(400)).body,
      400,
      ErrorCode.ValidationFailed,
    );
    await mod.until('two eligible', () => mod.moderator?.checkIn.eligible === 2);
    const counted = randomUUID();
    expect(await vote(guest.socket, round.id, 'yes', counted)).toMatchObject({ ok: true });

    // Revoked: the holder loses the right at once.
    await moderator.client.post(`/api/assemblies/${assembly.id}/check-in-cards/${door.card.id}/revoke`).expect(200);
    await mod.until('one eligible, one revoked', () => mod.moderator?.checkIn.eligible === 1 && mod.moderator.checkIn.revoked === 1);
    expectErrorShape(
      (await moderator.client.post(`/api/assemblies/${assembly.id}/check-in-cards/${door.card.id}/revoke`).expect(403)).body,
      403,
      ErrorCode.CheckInCardRevoked,
    );
    // A retry of the ballot counted before the card was revoked gets its first answer; another ballot is refused.
    expect(await vote(guest.socket, round.id, 'yes', counted)).toMatchObject({ ok: true, data: { created: false } });
    expect(await vote(guest.socket, round.id, 'no')).toMatchObject({ ok: false, error: { code: ErrorCode.AlreadyVoted } });
    await closeRound(mod, round.id);
    const next = await openRound(mod, true);
    expect(await vote(guest.socket, next.id)).toMatchObject({ ok: false, error: { code: ErrorCode.CheckInRequired } });
  });

  it('non-binding rounds: everybody votes without a card and the result says it is not binding; hall counts stay apart', async () => {
    const { assembly, mod } = await liveAssembly(false);
    const a = await device(assembly, 'Ohne Karte 1');
    const b = await device(assembly, 'Ohne Karte 2');
    const round = await openRound(mod, false, false);
    expect(round.requireCheckIn).toBe(false);
    await vote(a.socket, round.id, 'yes');
    await vote(b.socket, round.id, 'no');
    await mod.ok('round:hall-tally', { roundId: round.id, counts: [{ optionId: 'yes', count: 7 }], ballots: 7 });
    const result = await closeRound(mod, round.id);
    expect(result).toMatchObject({ ballots: 2, hallBallots: 7, binding: false });
    expect(result.options.find((o) => o.optionId === 'yes')).toMatchObject({ online: 1, hall: 7, total: 8 });
    await mod.ok('round:publish', { roundId: round.id });
    await a.socket.until('the published result', () => a.socket.state?.publishedRounds.some((r) => r.id === round.id) === true);
    expect(a.socket.state!.publishedRounds.find((r) => r.id === round.id)!.results).toMatchObject({ binding: false });
    const receipts = await db.query(`SELECT "checkInCardId" FROM ballot_receipts WHERE "roundId" = $1`, [round.id]);
    expect(receipts).toEqual([{ checkInCardId: null }, { checkInCardId: null }]);
  });

  it('refuses unknown cards and cards of another assembly without saying which exist', async () => {
    const assembly = await createAssembly(t, moderator.client);
    const other = await createAssembly(t, moderator.client);
    const [foreign] = await issueCards(moderator.client, other.id, 1);
    const anon: ApiClient = await t.client();
    for (const card of ['ABCDE-FGHJK', foreign.code])
      expectErrorShape(
        (await anon.post('/api/assemblies/join', { code: assembly.joinCode, displayName: 'Rater', card }).expect(422)).body,
        422,
        ErrorCode.CheckInCardInvalid,
      );
    const list = (await moderator.client.get(`/api/assemblies/${assembly.id}/participants`).expect(200)).body as ParticipantList;
    expect(list.counts.total).toBe(0);

    // Guessing: after 200 wrong codes from one address (this test app's clients share 127.0.0.1) every
    // card attempt from it is refused for a while, the right one too, so answers tell nothing.
    const [right] = await issueCards(moderator.client, assembly.id, 1);
    let wrong = 0;
    for (;;) {
      const res = await anon.post('/api/assemblies/join', {
        code: assembly.joinCode,
        displayName: 'Rater',
        card: `2345678${String(wrong).padStart(3, '2')}`,
      });
      if (res.status === 429) break;
      expect(res.status).toBe(422);
      wrong++;
      if (wrong > 250) throw new Error('no limit after 250 wrong card codes');
    }
    expect(wrong + 2).toBe(200); // with the two wrong codes above
    const refused = await anon
      .post('/api/assemblies/join', { code: assembly.joinCode, displayName: 'Richtig', card: right.code })
      .expect(429);
    expectErrorShape(refused.body, 429, ErrorCode.RateLimited);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // Joining without a card still works from there (non-binding rounds).
    await anon.post('/api/assemblies/join', { code: assembly.joinCode, displayName: 'Ohne Karte' }).expect(200);
  });
});
