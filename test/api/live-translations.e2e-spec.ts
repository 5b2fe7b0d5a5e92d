import { randomUUID } from 'node:crypto';
import {
  AssemblyEventType,
  ErrorCode,
  Language,
  Role,
  VotingRoundStatus,
  VotingType,
  type ApiErrorBody,
  type AssemblyDetail,
  type LiveAck,
  type LiveRound,
} from '@app/shared';
import { DataSource } from 'typeorm';
import { AssemblyEvent } from '../../apps/api/src/modules/assemblies/entities/assembly-event.entity';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { createAssembly, joinAsGuest, LiveTestClient, LiveSockets } from './helpers/live';

jest.setTimeout(180_000);

const QUESTION = 'Welche Bank kommt an den Brunnen?';
const OPTIONS = ['Holzbank', 'Steinbank', 'Keine Bank'];
const TURKISH = {
  question: 'Çeşmenin yanına hangi bank gelsin?',
  options: ['Ahşap bank', 'Taş bank', 'Bank yok'],
};
const ARABIC = { question: 'أيّ مقعد يوضع بجانب النافورة؟', options: ['مقعد خشبي', 'مقعد حجري', 'بدون مقعد'] };

const TR = { language: Language.Turkish, ...TURKISH };

/** A connection that waits out its rate limit (a moderator's 60 events a second) instead of failing on it. */
function pacedClient(client: LiveTestClient) {
  const emit = async <T = unknown>(event: string, payload?: unknown): Promise<LiveAck<T>> => {
    for (;;) {
      const ack = await client.emit<T>(event, payload);
      if (ack.ok || ack.error.code !== ErrorCode.RateLimited) return ack;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  return {
    emit,
    async ok<T = unknown>(event: string, payload?: unknown): Promise<T> {
      const ack = await emit<T>(event, payload);
      if (!ack.ok) throw new Error(`${event} failed: ${JSON.stringify(ack.error)}`);
      return ack.data;
    },
    async error(event: string, payload?: unknown): Promise<ApiErrorBody> {
      const ack = await emit(event, payload);
      if (ack.ok) throw new Error(`${event} unexpectedly succeeded: ${JSON.stringify(ack.data)}`);
      return ack.error;
    },
  };
}

/** A 4xx acknowledgement with the one error body, and the fields its details name. */
function refused(error: ApiErrorBody, status: number, code: string): string[] {
  expectErrorShape(error, status, code);
  return (error.details ?? []).map((d) => d.field);
}

describe('live assemblies in several languages: the moderator’s translations and the projector’s second language', () => {
  let t: TestApp;
  let moderator: TestUser;
  const sockets = new LiveSockets();
  const { track } = sockets;

  beforeAll(async () => {
    t = await startTestApp();
    moderator = await t.createUser({ role: Role.Moderator, displayName: 'Moderatorin Marx' });
  });

  afterAll(async () => {
    sockets.closeAll();
    await t?.close();
  });

  async function liveAssembly() {
    const assembly = await createAssembly(t, moderator.client);
    const mod = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: moderator.client }));
    await mod.ok('assembly:set-status', { status: 'live' });
    return { assembly, mod };
  }

  async function guest(assembly: AssemblyDetail, name: string) {
    const joined = await joinAsGuest(t, assembly.joinCode, name);
    return track(await LiveTestClient.ready(t, { assemblyId: assembly.id, guestToken: joined.guestToken }));
  }

  it('takes translations with a new round, checks them (400 shape, 422 against the round) and keeps the original as typed', async () => {
    const { mod } = await liveAssembly();
    const create = (translations: unknown, extra: Record<string, unknown> = {}) =>
      mod.emit<LiveRound>('round:create', {
        question: QUESTION,
        type: VotingType.SingleChoice,
        options: OPTIONS,
        secret: true,
        translations,
        ...extra,
      });

    // The shape: a known language, a question, labels of the original's lengths.
    for (const [translations, field] of [
      [[{ ...TR, language: 'xx' }], 'translations.0.language'],
      [[{ ...TR, question: '   ' }], 'translations.0.question'],
      [[{ ...TR, question: 'x'.repeat(301) }], 'translations.0.question'],
      [[{ ...TR, options: ['Ahşap bank', 'x'.repeat(201), 'Bank yok'] }], 'translations.0.options'],
      [[{ ...TR, options: 'Ahşap bank' }], 'translations.0.options'],
      [[{ ...TR, extra: true }], 'translations.0.extra'],
      [{ tr: TURKISH }, 'translations'],
    ] as const) {
      const ack = await create(translations);
      expect(ack.ok).toBe(false);
      if (!ack.ok) expect(refused(ack.error, 400, ErrorCode.ValidationFailed)).toContain(field);
    }
    // Against the round: not the original's language, one label per option, different labels, each language once.
    for (const [translations, fields] of [
      [[{ ...TR, language: Language.German }], ['translations.0.language']],
      [[{ ...TR, options: ['Ahşap bank', 'Taş bank'] }], ['translations.0.options']],
      [[{ ...TR, options: ['Ahşap bank', 'ahşap BANK', 'Bank yok'] }], ['translations.0.options']],
      [[{ ...TR, options: ['Ahşap bank', ' ', 'Bank yok'] }], ['translations.0.options.1']],
      [[TR, { ...TR, question: 'Başka bir soru?' }], ['translations.1.language']],
    ] as const) {
      const ack = await create(translations);
      expect(ack.ok).toBe(false);
      if (!ack.ok) expect(refused(ack.error, 422, ErrorCode.UnprocessableEntity)).toEqual(fields);
    }
    // Fixed options are named from the glossary in every language: a translation brings the question only.
    const fixed = await mod.emit('round:create', {
      question: 'Soll der Platz autofrei werden?',
      type: VotingType.YesNoAbstain,
      secret: false,
      translations: [{ language: Language.Turkish, question: 'Meydan araçsız olsun mu?', options: ['Evet', 'Hayır', 'Çekimser'] }],
    });
    expect(fixed.ok).toBe(false);
    if (!fixed.ok) expect(refused(fixed.error, 422, ErrorCode.UnprocessableEntity)).toEqual(['translations.0.options']);
    const yesNo = await mod.ok<LiveRound>('round:create', {
      question: 'Soll der Platz autofrei werden?',
      type: VotingType.YesNoAbstain,
      secret: false,
      translations: [{ language: Language.Turkish, question: '  Meydan araçsız olsun mu? ' }],
    });
    expect(yesNo.translations).toEqual({ tr: { question: 'Meydan araçsız olsun mu?', options: [] } });
    expect(yesNo.options.map((o) => o.label)).toEqual(['Yes', 'No', 'Abstain']);

    // Accepted: trimmed, keyed by language; the original and the option ids as typed.
    const round = await mod.ok<LiveRound>('round:create', {
      question: QUESTION,
      type: VotingType.SingleChoice,
      options: OPTIONS,
      secret: true,
      translations: [
        { ...TR, options: TURKISH.options.map((o) => ` ${o} `) },
        { language: Language.Arabic, ...ARABIC },
        {
          language: Language.EasyGerman,
          question: 'Welche Bank soll an den Brunnen?',
          options: ['Bank aus Holz', 'Bank aus Stein', 'Keine Bank'],
        },
      ],
    });
    expect(round.question).toBe(QUESTION);
    expect(round.options).toEqual(OPTIONS.map((label, i) => ({ id: `o${i + 1}`, label })));
    expect(round.translations).toEqual({
      tr: { question: TURKISH.question, options: TURKISH.options },
      ar: { question: ARABIC.question, options: ARABIC.options },
      'de-x-ls': { question: 'Welche Bank soll an den Brunnen?', options: ['Bank aus Holz', 'Bank aus Stein', 'Keine Bank'] },
    });
    await mod.until('the round in the moderator state', () => Boolean(mod.moderator?.rounds.some((r) => r.id === round.id)));
    expect(mod.moderator!.rounds.find((r) => r.id === round.id)!.translations).toEqual(round.translations);
  });

  it('adds, replaces and removes a translation while the round is open; phones get it live; ballots stay as they are', async () => {
    const { assembly, mod } = await liveAssembly();
    const phone = await guest(assembly, 'Ayşe');
    const round = await mod.ok<LiveRound>('round:create', {
      question: QUESTION,
      type: VotingType.SingleChoice,
      options: OPTIONS,
      secret: false,
    });
    await mod.ok('round:open', { roundId: round.id });
    await phone.until('the open round on the phone', () => phone.state?.round?.status === VotingRoundStatus.Open);
    expect(phone.state!.round!.translations).toEqual({});
    await phone.ok('ballot:cast', { roundId: round.id, optionIds: ['o2'], idempotencyKey: randomUUID() });
    await mod.until('the first ballot', () => mod.moderator?.rounds.find((r) => r.id === round.id)?.ballotsCast === 1);
    const tallyBefore = mod.moderator!.rounds.find((r) => r.id === round.id)!.results;

    // Added while open: the phone's next state carries it; question, options and tallies are untouched.
    const translated = await mod.ok<LiveRound>('round:translation', {
      roundId: round.id,
      language: Language.Turkish,
      translation: TURKISH,
    });
    expect(translated).toMatchObject({
      question: QUESTION,
      options: round.options,
      ballotsCast: 1,
      translations: { tr: { question: TURKISH.question, options: TURKISH.options } },
    });
    await phone.until('the Turkish translation on the phone', () => phone.state?.round?.translations.tr?.question === TURKISH.question);
    expect(phone.state!.round).toMatchObject({ question: QUESTION, options: round.options, status: VotingRoundStatus.Open });
    await mod.until('the translation in the moderator state', () =>
      Boolean(mod.moderator?.rounds.find((r) => r.id === round.id)?.translations.tr),
    );
    expect(mod.moderator!.rounds.find((r) => r.id === round.id)!.results).toEqual(tallyBefore);

    // A phone in Turkish still votes by option id; the ballot counts for the original option.
    const second = await guest(assembly, 'Mehmet');
    await second.ok('ballot:cast', { roundId: round.id, optionIds: ['o1'], idempotencyKey: randomUUID() });
    const label = await second.emit('ballot:cast', { roundId: round.id, optionIds: [TURKISH.options[0]], idempotencyKey: randomUUID() });
    expect(label.ok).toBe(false);

    // Replaced, another language added, one removed (twice: removing is idempotent for retries).
    const changed = { ...TURKISH, question: 'Çeşmenin yanına hangi bank konulsun?' };
    await mod.ok('round:translation', { roundId: round.id, language: Language.Turkish, translation: changed });
    await mod.ok('round:translation', { roundId: round.id, language: Language.Arabic, translation: ARABIC });
    await phone.until(
      'both translations',
      () => phone.state?.round?.translations.tr?.question === changed.question && Boolean(phone.state?.round?.translations.ar),
    );
    const removed = await mod.ok<LiveRound>('round:translation', { roundId: round.id, language: Language.Turkish, translation: null });
    expect(Object.keys(removed.translations)).toEqual([Language.Arabic]);
    await mod.ok('round:translation', { roundId: round.id, language: Language.Turkish, translation: null });
    await phone.until('the Turkish translation gone', () => phone.state?.round?.translations.tr === undefined);
    expect(phone.state!.round!.translations.ar).toEqual({ question: ARABIC.question, options: ARABIC.options });

    // The result counts the ballots by option, the labels as typed.
    await mod.ok('round:close', { roundId: round.id });
    const result = await mod.ok<{ options: Array<{ optionId: string; label: string; online: number }> }>('round:publish', {
      roundId: round.id,
    });
    expect(result.options.map((o) => [o.optionId, o.label, o.online])).toEqual([
      ['o1', 'Holzbank', 1],
      ['o2', 'Steinbank', 1],
      ['o3', 'Keine Bank', 0],
    ]);

    // Once closed, translations stay as they were: 409.
    const late = await mod.error('round:translation', {
      roundId: round.id,
      language: Language.Polish,
      translation: { question: 'Która ławka?', options: ['A', 'B', 'C'] },
    });
    expectErrorShape(late, 409, ErrorCode.RoundStateInvalid);
    const gone = await mod.error('round:translation', { roundId: round.id, language: Language.Arabic, translation: null });
    expectErrorShape(gone, 409, ErrorCode.RoundStateInvalid);

    // The event log records each step (without touching the round's definition in it).
    const events = await t.app
      .get(DataSource)
      .getRepository(AssemblyEvent)
      .find({ where: { assemblyId: assembly.id, type: AssemblyEventType.RoundTranslated } });
    expect(events.map((e) => e.data.language).sort()).toEqual(['ar', 'tr', 'tr', 'tr', 'tr']);

    // The minutes: the question and options as typed, the remaining translation in one short line.
    const minutes = (await moderator.client.get(`/api/assemblies/${assembly.id}/minutes.md`).expect(200)).text;
    expect(minutes).toContain(QUESTION);
    expect(minutes).toContain(`Übersetzung der Moderation (العربية)`);
    expect(minutes).toContain(`${ARABIC.question} — ${ARABIC.options.join(' · ')}`);
    expect(minutes).not.toContain(changed.question);
  });

  it('checks a later translation against the round (400, 404, 422) and lets only the assembly’s moderators send it (403)', async () => {
    const { assembly, mod } = await liveAssembly();
    // This test sends more than the 60 events a second a moderator's connection may.
    const paced = pacedClient(mod);
    const other = await liveAssembly();
    const round = await mod.ok<LiveRound>('round:create', {
      question: QUESTION,
      type: VotingType.SingleChoice,
      options: OPTIONS,
      secret: true,
    });
    const send = (payload: Record<string, unknown>) =>
      paced.emit('round:translation', { roundId: round.id, language: Language.Turkish, translation: TURKISH, ...payload });

    for (const [payload, field] of [
      [{ language: 'tlh' }, 'language'],
      [{ language: undefined }, 'language'],
      [{ translation: undefined }, 'translation'],
      [{ translation: { ...TURKISH, question: '' } }, 'translation.question'],
      [{ translation: { ...TURKISH, question: 'Soru\u0007?' } }, 'translation.question'],
      [{ translation: { ...TURKISH, options: [1, 2, 3] } }, 'translation.options'],
      [{ roundId: 'round-1' }, 'roundId'],
    ] as const) {
      const ack = await send(payload);
      expect(ack.ok).toBe(false);
      if (!ack.ok) expect(refused(ack.error, 400, ErrorCode.ValidationFailed)).toContain(field);
    }
    for (const [payload, fields] of [
      [{ language: Language.German }, ['language']],
      [{ translation: { question: TURKISH.question } }, ['options']],
      [{ translation: { ...TURKISH, options: [...TURKISH.options, 'Dördüncü'] } }, ['options']],
    ] as const) {
      const ack = await send(payload);
      expect(ack.ok).toBe(false);
      if (!ack.ok) expect(refused(ack.error, 422, ErrorCode.UnprocessableEntity)).toEqual(fields);
    }
    // Unknown rounds and rounds of another assembly are not found.
    expectErrorShape(
      await paced.error('round:translation', { roundId: randomUUID(), language: 'tr', translation: TURKISH }),
      404,
      ErrorCode.NotFound,
    );
    const foreignRound = await other.mod.ok<LiveRound>('round:create', { question: 'Q?', type: VotingType.YesNoAbstain, secret: false });
    expectErrorShape(
      await paced.error('round:translation', { roundId: foreignRound.id, language: 'tr', translation: { question: 'S?' } }),
      404,
      ErrorCode.NotFound,
    );

    // Odd payloads of every kind: a readable 400 (never 500), and nothing stored.
    const odd: unknown[] = [
      null,
      'tr',
      42,
      [],
      { roundId: round.id, language: 'tr', translation: [] },
      { roundId: round.id, language: 'tr', translation: 'Soru?' },
      { roundId: round.id, language: ['tr'], translation: null },
      { roundId: round.id, language: 'tr', translation: { question: { text: 'Soru?' } } },
      { roundId: round.id, language: 'tr', translation: { question: 'Soru?', options: [null, 'B', 'C'] } },
      { roundId: round.id, language: 'tr', translation: { question: 'Soru?', options: Array.from({ length: 21 }, (_, i) => `S${i}`) } },
      { roundId: round.id, language: 'tr', translation: { question: 'x'.repeat(5_000) } },
      { roundId: round.id, language: 'tr', translation: { question: 'Soru?', __proto__: { polluted: true } } },
      { roundId: round.id, language: 'tr', translation: { question: 'Soru?', constructor: { prototype: { polluted: true } } } },
      { roundId: round.id, language: '__proto__', translation: { question: 'Soru?' } },
    ];
    for (const [event, extra] of [
      ['round:translation', {}],
      ['item:translation', { agendaItemId: assembly.agenda[0].id }],
      ['projector:language', {}],
    ] as const) {
      for (const payload of odd) {
        const sent = payload && typeof payload === 'object' && !Array.isArray(payload) ? { ...extra, ...payload } : payload;
        const ack = await paced.emit(event, sent);
        if (ack.ok) continue; // an object that is a valid payload once its prototype keys are dropped
        expect(ack.error.statusCode).toBeGreaterThanOrEqual(400);
        expect(ack.error.statusCode).toBeLessThan(500);
        expectErrorShape(ack.error, ack.error.statusCode);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The gateway strips prototype keys from every payload, as Nest does for HTTP bodies (a nested
    // `constructor` object used to fail class-transformer with a 500, for any event).
    const extra = { translation: { constructor: { prototype: { polluted: true } } } };
    expectErrorShape(
      await paced.error('item:add', { title: 'Verschiedenes', type: 'discussion', ...extra }),
      400,
      ErrorCode.ValidationFailed,
    );
    // A top-level prototype key is dropped, as from an HTTP body; the rest counts.
    await paced.ok('intake:set', { open: false, constructor: { prototype: {} } });
    await mod.until('the state after the odd payloads', () => mod.moderator?.rounds.some((r) => r.id === round.id) === true);
    expect(mod.moderator!.rounds.find((r) => r.id === round.id)!.translations).toEqual({});

    // Participants, the projector, a citizen's account and another area's moderator may not.
    const phone = await guest(assembly, 'Anna');
    const projector = track(await LiveTestClient.ready(t, { assemblyId: assembly.id, mode: 'projector' }, { client: moderator.client }));
    const citizen = await t.createUser({ displayName: 'Bürger Böhm' });
    const carla = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: citizen.client }));
    const areas = (await (await t.client()).get('/api/areas').expect(200)).body as Array<{ id: string; parentId: string | null }>;
    const own = areas.find((a) => a.id === assembly.areas[0].id)!;
    const foreignArea = areas.find((a) => a.id !== own.id && a.parentId !== own.id && a.id !== own.parentId && a.parentId !== own.parentId);
    expect(foreignArea).toBeDefined();
    const scoped = await t.createUser({ role: Role.Moderator, areaIds: [foreignArea!.id] });
    const stranger = track(await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: scoped.client }));
    const strangers = [phone, projector, carla, stranger];
    for (const stranger of strangers) {
      for (const [event, payload] of [
        ['round:translation', { roundId: round.id, language: 'tr', translation: TURKISH }],
        ['item:translation', { agendaItemId: assembly.agenda[0].id, language: 'tr', title: 'Hoş geldiniz' }],
        ['projector:language', { language: 'ar' }],
      ] as const) {
        expectErrorShape(await stranger.error(event, payload), 403, ErrorCode.Forbidden);
      }
    }
    await mod.until('the round unchanged', () => mod.moderator?.rounds.find((r) => r.id === round.id) !== undefined);
    expect(mod.moderator!.rounds.find((r) => r.id === round.id)!.translations).toEqual({});

    // A draft round takes a translation; a closed assembly takes none.
    await paced.ok('round:translation', { roundId: round.id, language: Language.Turkish, translation: TURKISH });
    await paced.ok('assembly:set-status', { status: 'closed' });
    expectErrorShape(
      await paced.error('round:translation', { roundId: round.id, language: 'ar', translation: ARABIC }),
      409,
      ErrorCode.AssemblyClosed,
    );
  });

  it('translates agenda titles (a new title drops them) and sets the projector’s second language', async () => {
    const { assembly, mod } = await liveAssembly();
    const phone = await guest(assembly, 'Olena');
    const projector = track(await LiveTestClient.ready(t, { assemblyId: assembly.id, mode: 'projector' }));
    const [first, second] = assembly.agenda;
    expect(projector.state!.agenda.map((i) => i.translations)).toEqual([{}, {}, {}]);
    expect(projector.state!.projectorLanguage).toBeNull();

    await mod.ok('item:translation', { agendaItemId: first.id, language: Language.Ukrainian, title: '  Вітання ' });
    await mod.ok('item:translation', { agendaItemId: first.id, language: Language.Arabic, title: 'الترحيب' });
    await mod.ok('item:translation', { agendaItemId: second.id, language: Language.Ukrainian, title: 'Пропозиції щодо площі' });
    await phone.until(
      'the titles on the phone',
      () => Object.keys(phone.state?.agenda[0].translations ?? {}).length === 2 && Boolean(phone.state?.agenda[1].translations?.uk),
    );
    expect(phone.state!.agenda[0]).toMatchObject({
      title: 'Begrüßung',
      translations: { uk: { title: 'Вітання' }, ar: { title: 'الترحيب' } },
    });
    await mod.ok('item:translation', { agendaItemId: first.id, language: Language.Arabic, title: null });
    await projector.until('the Arabic title gone', () => projector.state?.agenda[0].translations?.ar === undefined);

    for (const [payload, status, field] of [
      [{ language: Language.German, title: 'Begrüßung' }, 422, 'language'],
      [{ language: Language.Turkish, title: ' ' }, 400, 'title'],
      [{ language: Language.Turkish, title: 'x'.repeat(201) }, 400, 'title'],
      [{ language: 'xx', title: 'Hoş geldiniz' }, 400, 'language'],
      [{ agendaItemId: 'first', language: 'tr', title: 'Hoş geldiniz' }, 400, 'agendaItemId'],
    ] as const) {
      const error = await mod.error('item:translation', { agendaItemId: first.id, ...payload });
      expect(refused(error, status, status === 400 ? ErrorCode.ValidationFailed : ErrorCode.UnprocessableEntity)).toContain(field);
    }
    expectErrorShape(
      await mod.error('item:translation', { agendaItemId: randomUUID(), language: 'tr', title: 'Hoş geldiniz' }),
      422,
      ErrorCode.ReferenceInvalid,
    );

    // The agenda editor: an unchanged title keeps its translations, a new title drops them.
    const agenda = assembly.agenda.map((i) => ({ id: i.id, title: i.title, type: i.type }));
    agenda[1] = { ...agenda[1], title: 'Vorschläge für den Marktplatz' };
    await moderator.client.patch(`/api/assemblies/${assembly.id}`, { agenda }).expect(200);
    await mod.ok('item:set', { agendaItemId: first.id });
    await projector.until('the renamed item', () => projector.state?.agenda[1].title === 'Vorschläge für den Marktplatz');
    expect(projector.state!.agenda[0].translations).toEqual({ uk: { title: 'Вітання' } });
    expect(projector.state!.agenda[1].translations).toEqual({});
    // The public assembly page lists the agenda without the live view's translations.
    const detail = (await (await t.client()).get(`/api/assemblies/${assembly.id}`).expect(200)).body as AssemblyDetail;
    expect(detail.agenda[0]).not.toHaveProperty('translations');

    // The projector's second language: set, changed, cleared; checked like every payload.
    await mod.ok('projector:language', { language: Language.Arabic });
    await projector.until('Arabic as second language', () => projector.state?.projectorLanguage === Language.Arabic);
    await mod.ok('projector:language', { language: Language.Turkish });
    await phone.until('Turkish as second language', () => phone.state?.projectorLanguage === Language.Turkish);
    for (const payload of [{ language: 'klingon' }, {}, { language: 4 }])
      expectErrorShape(await mod.error('projector:language', payload), 400, ErrorCode.ValidationFailed);
    await mod.ok('projector:language', { language: null });
    await projector.until('one language again', () => projector.state?.projectorLanguage === null);
  });
});
