import { Language, Role, type CommentResponse, type ProposalDetail } from '@app/shared';
import { expectErrorShape, startTestApp, type TestApp, type TestUser } from './helpers/app';

/**
 * Comments carry the language they are written in (issue 16), as proposals do: chosen by the author,
 * else the account's language; the discussion can be narrowed to one language (?language=).
 */
describe('the language of comments', () => {
  let t: TestApp;
  let author: TestUser;
  let turkishReader: TestUser;
  let ukrainianReader: TestUser;
  let proposal: ProposalDetail;

  const comment = async (user: TestUser, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
    let req = user.client.post(`/api/proposals/${proposal.id}/comments`, body);
    for (const [name, value] of Object.entries(headers)) req = req.set(name, value);
    const res = await req;
    expect({ status: res.status, body: res.status === 201 ? 'ok' : res.body }).toEqual({ status: 201, body: 'ok' });
    return res.body as CommentResponse;
  };
  const discussion = async (query = '') =>
    (await (await t.client()).get(`/api/proposals/${proposal.id}/comments${query}`).expect(200)).body as CommentResponse[];

  beforeAll(async () => {
    t = await startTestApp();
    author = await t.createUser({ displayName: 'Autorin Anke' });
    turkishReader = await t.createUser({ displayName: 'Ayşe Öztürk', language: Language.Turkish });
    ukrainianReader = await t.createUser({ displayName: 'Олена Коваленко', language: Language.Ukrainian });
    const anonymous = await t.client();
    const areas = (await anonymous.get('/api/areas').expect(200)).body as Array<{ id: string; name: string }>;
    const fields = (await anonymous.get('/api/fields-of-action').expect(200)).body as Array<{ id: string }>;
    proposal = (
      await author.client
        .post('/api/proposals', {
          title: 'Spielplatz am Nordmarkt beschatten',
          body: 'Im Sommer ist der Spielplatz mittags zu heiß für kleine Kinder.',
          areaId: areas.find((area) => area.name === 'Nordmarkt')!.id,
          fieldOfActionId: fields[0].id,
        })
        .expect(201)
    ).body as ProposalDetail;
  });
  afterAll(() => t?.close());

  it('stores the language the author chose, and returns it in the comment and the discussion', async () => {
    const created = await comment(turkishReader, { body: 'Gölge için ağaç dikilebilir.', language: 'tr' });
    expect(created).toEqual(expect.objectContaining({ body: 'Gölge için ağaç dikilebilir.', language: Language.Turkish }));
    const reply = await comment(author, { body: 'Danke, gute Idee!', parentId: created.id, language: 'de' });
    expect(reply.language).toBe(Language.German);
    const thread = (await discussion()).find((c) => c.id === created.id)!;
    expect([thread.language, thread.replies.map((r) => r.language)]).toEqual([Language.Turkish, [Language.German]]);
    // Leichte Sprache is a language of its own here (its texts are German to the page: lang="de").
    expect((await comment(author, { body: 'Ich finde das gut.', language: 'de-x-ls' })).language).toBe(Language.EasyGerman);
  });

  it("takes the account's language when the author did not say, also over the browser's Accept-Language", async () => {
    expect((await comment(ukrainianReader, { body: 'Потрібні лавки в тіні.' })).language).toBe(Language.Ukrainian);
    // The account's language is the person's own choice; the browser's header only counts without one.
    expect((await comment(turkishReader, { body: 'Çok iyi bir fikir.' }, { 'accept-language': 'ar, en;q=0.5' })).language).toBe(
      Language.Turkish,
    );
    expect((await comment(author, { body: 'Stimmt.' }, { 'accept-language': 'tr-TR' })).language).toBe(Language.German);
  });

  it('refuses a language that is not one of the ten, and null, with the common error body', async () => {
    for (const language of ['fr', 'TR', 'tr-TR', '', null, 7]) {
      const res = await turkishReader.client.post(`/api/proposals/${proposal.id}/comments`, { body: 'Merhaba', language }).expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'language' })]);
    }
    // Only at creation: an edit keeps the language (the field is not accepted there).
    const own = await comment(turkishReader, { body: 'Bir düşünce daha.', language: 'tr' });
    const edit = await turkishReader.client.patch(`/api/comments/${own.id}`, { body: 'Bir düşünce.', language: 'de' }).expect(400);
    expectErrorShape(edit.body, 400, 'VALIDATION_FAILED');
  });

  it('narrows the discussion to one language: threads where somebody wrote in it, the top-level comment kept as context', async () => {
    const germanTop = await comment(author, { body: 'Ein Sonnensegel wäre schneller da als Bäume.', language: 'de' });
    const turkishReply = await comment(turkishReader, { body: 'Yelken iyi olur.', parentId: germanTop.id, language: 'tr' });
    await comment(ukrainianReader, { body: 'Згодна.', parentId: germanTop.id, language: 'uk' });
    const onlyGerman = await comment(author, { body: 'Und Trinkwasser bitte.', language: 'de' });

    const all = await discussion();
    const turkish = await discussion('?language=tr');
    // Every thread with a Turkish comment, in order; replies in other languages left out.
    expect(turkish.map((c) => [c.language, c.replies.map((r) => r.language)])).toEqual([
      [Language.Turkish, []],
      [Language.Turkish, []],
      [Language.Turkish, []],
      [Language.German, [Language.Turkish]],
    ]);
    expect(turkish.find((c) => c.id === germanTop.id)!.replies.map((r) => r.id)).toEqual([turkishReply.id]);
    expect(turkish.map((c) => c.id)).not.toContain(onlyGerman.id);
    // Leichte Sprache is filtered as itself, not as German.
    expect((await discussion('?language=de-x-ls')).map((c) => c.body)).toEqual(['Ich finde das gut.']);
    expect(await discussion('?language=ru')).toEqual([]);
    const german = await discussion('?language=de');
    expect(german.map((c) => c.id)).toContain(onlyGerman.id);
    expect(german.length).toBeLessThan(all.length);

    for (const query of ['?language=fr', '?language=', '?language=de&language=tr']) {
      const res = await (await t.client()).get(`/api/proposals/${proposal.id}/comments${query}`).expect(400);
      expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
    }
  });

  it('keeps the language of a hidden comment, without its text', async () => {
    const moderator = await t.createUser({ role: Role.Administrator });
    const target = await comment(ukrainianReader, { body: 'Це спам.', language: 'uk' });
    await moderator.client.post(`/api/moderation/comments/${target.id}/hide`, { reason: 'Werbung.' }).expect(200);
    const hidden = (await discussion('?language=uk')).find((c) => c.id === target.id)!;
    expect([hidden.hidden, hidden.body, hidden.language]).toEqual([true, '', Language.Ukrainian]);
  });

  it("lists the language in the author's data export", async () => {
    const exported = (await turkishReader.client.get('/api/me/export').expect(200)).body as { comments: Array<{ language: string }> };
    expect(new Set(exported.comments.map((c) => c.language))).toEqual(new Set(['tr']));
  });
});
