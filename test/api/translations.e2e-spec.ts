import { Language, Role, type CommentResponse, type CommentTranslation, type ProposalDetail, type ProposalTranslation } from '@app/shared';
import { FakeLibreTranslate } from '../helpers/fake-libretranslate';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';

describe('machine translation of proposals and comments (a self-hosted LibreTranslate-compatible server)', () => {
  const fake = new FakeLibreTranslate();
  let t: TestApp;
  let author: TestUser;
  let areaId: string;
  let fieldOfActionId: string;

  beforeAll(async () => {
    const url = await fake.start();
    t = await startTestApp({ TRANSLATE_URL: `${url}/`, TRANSLATE_API_KEY: 'schluessel-der-stadt' });
    author = await t.createUser({ displayName: 'Autorin Tuba' });
    const anonymous = await t.client();
    const areas = (await anonymous.get('/api/areas').expect(200)).body as Array<{ id: string; name: string }>;
    areaId = areas.find((area) => area.name === 'Nordmarkt')!.id;
    fieldOfActionId = ((await anonymous.get('/api/fields-of-action').expect(200)).body as Array<{ id: string }>)[0].id;
  });
  afterAll(async () => {
    await t?.close();
    await fake.stop();
  });

  async function propose(title: string, body: string, language = Language.German): Promise<ProposalDetail> {
    return (await author.client.post('/api/proposals', { title, body, areaId, fieldOfActionId, language }).expect(201))
      .body as ProposalDetail;
  }

  it('says that it is offered', async () => {
    expect((await (await t.client()).get('/api/translations').expect(200)).body).toEqual({ enabled: true });
  });

  it('translates title and text on request, sends only those words to the server, and asks once per text', async () => {
    const proposal = await propose('Mehr Bänke am Nordmarkt', 'Ältere Menschen brauchen Pausen auf dem Weg zum Markt.');
    const reader = await t.client();
    const first = await reader.post(`/api/proposals/${proposal.id}/translations`, { language: 'tr' }).expect(200);
    expect(first.body).toEqual({
      proposalId: proposal.id,
      language: Language.Turkish,
      sourceLanguage: Language.German,
      title: '[tr] Mehr Bänke am Nordmarkt',
      body: '[tr] Ältere Menschen brauchen Pausen auf dem Weg zum Markt.',
    } satisfies ProposalTranslation);
    expect(fake.calls).toEqual([
      { q: 'Mehr Bänke am Nordmarkt', source: 'de', target: 'tr', format: 'text', api_key: 'schluessel-der-stadt' },
      {
        q: 'Ältere Menschen brauchen Pausen auf dem Weg zum Markt.',
        source: 'de',
        target: 'tr',
        format: 'text',
        api_key: 'schluessel-der-stadt',
      },
    ]);
    // Cached: the next reader gets it without a call to the server.
    const again = await (await t.client()).post(`/api/proposals/${proposal.id}/translations`, { language: 'tr' }).expect(200);
    expect(again.body).toEqual(first.body);
    expect(fake.calls).toHaveLength(2);
    // The proposal keeps its own words.
    const detail = (await reader.get(`/api/proposals/${proposal.id}`).expect(200)).body as ProposalDetail;
    expect([detail.title, detail.body, detail.language]).toEqual([proposal.title, proposal.body, 'de']);
  });

  it('translates an Arabic proposal into German for Leichte Sprache readers (German to the server)', async () => {
    const proposal = await propose('حديقة للأطفال', 'نحتاج إلى مكان آمن للعب في الحي.', Language.Arabic);
    fake.calls.length = 0;
    const res = await (await t.client()).post(`/api/proposals/${proposal.id}/translations`, { language: 'de-x-ls' }).expect(200);
    expect(res.body).toEqual(expect.objectContaining({ language: 'de-x-ls', sourceLanguage: 'ar', title: '[de] حديقة للأطفال' }));
    expect(fake.calls.map((call) => [call.source, call.target])).toEqual([
      ['ar', 'de'],
      ['ar', 'de'],
    ]);
  });

  it('refuses what needs no translation or does not exist, with errors a person can act on', async () => {
    const proposal = await propose('Schatten am Spielplatz', 'Im Sommer ist es dort zu heiß.');
    const c = await t.client();
    for (const language of ['de', 'de-x-ls']) {
      const same = await c.post(`/api/proposals/${proposal.id}/translations`, { language }).expect(422);
      expectErrorShape(same.body, 422, 'UNPROCESSABLE_ENTITY');
      expect(same.body.message).toMatch(/written in de already/);
    }
    const unknown = await c.post(`/api/proposals/${proposal.id}/translations`, { language: 'fr' }).expect(400);
    expectErrorShape(unknown.body, 400, 'VALIDATION_FAILED');
    expectErrorShape((await c.post(`/api/proposals/${proposal.id}/translations`, {}).expect(400)).body, 400, 'VALIDATION_FAILED');
    const missing = await c.post('/api/proposals/00000000-0000-4000-8000-000000000000/translations', { language: 'en' }).expect(404);
    expectErrorShape(missing.body, 404, 'NOT_FOUND');
  });

  it('answers 503 when the server fails, keeps nothing of it, and translates once the server is back', async () => {
    const proposal = await propose('Trinkbrunnen am Hafen', 'Im Sommer fehlt Wasser für Kinder und ältere Menschen.');
    const c = await t.client();
    fake.failing = true;
    const failed = await c.post(`/api/proposals/${proposal.id}/translations`, { language: 'uk' }).expect(503);
    expectErrorShape(failed.body, 503, 'TRANSLATION_UNAVAILABLE');
    expect(failed.body.message).toMatch(/original text is shown/);
    fake.failing = false;
    const ok = await c.post(`/api/proposals/${proposal.id}/translations`, { language: 'uk' }).expect(200);
    expect(ok.body.title).toBe('[uk] Trinkbrunnen am Hafen');
  });

  describe('comments', () => {
    let proposal: ProposalDetail;
    let reader: TestUser;
    const comment = async (body: string, language: Language, parentId?: string) =>
      (await reader.client.post(`/api/proposals/${proposal.id}/comments`, { body, language, parentId }).expect(201))
        .body as CommentResponse;
    let anonymous: ApiClient;
    const translate = (id: string, body: unknown) => anonymous.post(`/api/comments/${id}/translations`, body);

    beforeAll(async () => {
      anonymous = await t.client();
      proposal = await propose('Sitzbänke am Hafen', 'Am Hafen fehlen Bänke zum Ausruhen.');
      reader = await t.createUser({ displayName: 'Ayşe Öztürk', language: Language.Turkish });
    });

    it("translates a comment's text on request, through the same cache as proposals, and keeps the comment as written", async () => {
      const turkish = await comment('Yaşlılar için gölgeli banklar çok iyi olur.', Language.Turkish);
      fake.calls.length = 0;
      const first = await translate(turkish.id, { language: 'de' }).expect(200);
      expect(first.body).toEqual({
        commentId: turkish.id,
        language: Language.German,
        sourceLanguage: Language.Turkish,
        body: '[de] Yaşlılar için gölgeli banklar çok iyi olur.',
      } satisfies CommentTranslation);
      expect(fake.calls).toEqual([
        { q: 'Yaşlılar için gölgeli banklar çok iyi olur.', source: 'tr', target: 'de', format: 'text', api_key: 'schluessel-der-stadt' },
      ]);
      // Cached by source, target and text: a reply with the same words costs no second call.
      const same = await comment('Yaşlılar için gölgeli banklar çok iyi olur.', Language.Turkish, turkish.id);
      expect((await translate(same.id, { language: 'de-x-ls' }).expect(200)).body.body).toBe(first.body.body);
      expect(fake.calls).toHaveLength(1);
      const thread = (await (await t.client()).get(`/api/proposals/${proposal.id}/comments`).expect(200)).body as CommentResponse[];
      expect(thread.find((c) => c.id === turkish.id)).toEqual(
        expect.objectContaining({ body: 'Yaşlılar için gölgeli banklar çok iyi olur.', language: Language.Turkish }),
      );
    });

    it('refuses the same language (422), unknown languages (400), missing and hidden comments (404)', async () => {
      const german = await comment('Bitte auch an Rollstühle denken.', Language.German);
      for (const language of ['de', 'de-x-ls']) {
        const same = await translate(german.id, { language }).expect(422);
        expectErrorShape(same.body, 422, 'UNPROCESSABLE_ENTITY');
        expect(same.body.message).toMatch(/comment is written in de already/);
      }
      expectErrorShape((await translate(german.id, { language: 'fr' }).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await translate(german.id, {}).expect(400)).body, 400, 'VALIDATION_FAILED');
      expectErrorShape((await translate('kein-kommentar', { language: 'en' }).expect(400)).body, 400, 'VALIDATION_FAILED');
      const missing = await translate('00000000-0000-4000-8000-000000000000', { language: 'en' }).expect(404);
      expectErrorShape(missing.body, 404, 'NOT_FOUND');

      // Hidden by moderation: its text is withheld, so there is nothing to translate (and nothing is sent).
      const hidden = await comment('Kaufen Sie bei uns!', Language.German);
      const admin = await t.createUser({ role: Role.Administrator });
      await admin.client.post(`/api/moderation/comments/${hidden.id}/hide`, { reason: 'Werbung.' }).expect(200);
      fake.calls.length = 0;
      expectErrorShape((await translate(hidden.id, { language: 'tr' }).expect(404)).body, 404, 'NOT_FOUND');
      // Nor the comments of a hidden proposal.
      const onHidden = await comment('Gute Idee.', Language.German);
      await admin.client.post(`/api/moderation/proposals/${proposal.id}/hide`, { reason: 'Doppelt eingereicht.' }).expect(200);
      expectErrorShape((await translate(onHidden.id, { language: 'tr' }).expect(404)).body, 404, 'NOT_FOUND');
      expect(fake.calls).toEqual([]);
    });

    it('answers 503 when the server fails, and translates once it is back', async () => {
      const other = await propose('Fahrradständer am Markt', 'Es gibt zu wenige Abstellplätze für Fahrräder.');
      const c = (
        await reader.client.post(`/api/proposals/${other.id}/comments`, { body: 'Bisiklet park yeri az.', language: 'tr' }).expect(201)
      ).body as CommentResponse;
      fake.failing = true;
      const failed = await translate(c.id, { language: 'ru' }).expect(503);
      expectErrorShape(failed.body, 503, 'TRANSLATION_UNAVAILABLE');
      fake.failing = false;
      expect((await translate(c.id, { language: 'ru' }).expect(200)).body.body).toBe('[ru] Bisiklet park yeri az.');
    });
  });

  it('is off without TRANSLATE_URL: says so, and a request gets 404 TRANSLATION_OFF', async () => {
    const off = await startTestApp();
    try {
      const c = await off.client();
      expect((await c.get('/api/translations').expect(200)).body).toEqual({ enabled: false });
      const user = await off.createUser();
      const areas = (await c.get('/api/areas').expect(200)).body as Array<{ id: string; name: string }>;
      const fields = (await c.get('/api/fields-of-action').expect(200)).body as Array<{ id: string }>;
      const created = await user.client
        .post('/api/proposals', {
          title: 'Mehr Licht im Park',
          body: 'Abends ist der Weg durch den Park sehr dunkel.',
          areaId: areas.find((area) => area.name === 'Nordmarkt')!.id,
          fieldOfActionId: fields[0].id,
        })
        .expect(201);
      const res = await c.post(`/api/proposals/${created.body.id}/translations`, { language: 'en' }).expect(404);
      expectErrorShape(res.body, 404, 'TRANSLATION_OFF');
      expect(res.body.message).toMatch(/not offered/);
      const commented = await user.client
        .post(`/api/proposals/${created.body.id}/comments`, { body: 'Ja, bitte.', language: 'de' })
        .expect(201);
      const comment = await c.post(`/api/comments/${commented.body.id}/translations`, { language: 'en' }).expect(404);
      expectErrorShape(comment.body, 404, 'TRANSLATION_OFF');
    } finally {
      await off.close();
    }
  });
});
