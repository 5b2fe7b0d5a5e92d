import { Language, type ProposalDetail, type ProposalTranslation } from '@app/shared';
import { FakeLibreTranslate } from '../helpers/fake-libretranslate';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';

describe('machine translation of proposals (a self-hosted LibreTranslate-compatible server)', () => {
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
    } finally {
      await off.close();
    }
  });
});
