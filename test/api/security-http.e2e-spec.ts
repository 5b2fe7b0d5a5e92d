import { parse } from 'csv-parse/sync';
import express from 'express';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { AssemblyStatus, Role, SESSION_COOKIE, VotingType, type LiveRound, type RoundResult } from '@app/shared';
import { serveWebClient } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/config';
import type { ApiClient } from './helpers/client';
import { ADMIN, expectErrorShape, PASSWORD, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { createAssembly, joinAsGuest, LiveTestClient } from './helpers/live';
import { pdfTextOf } from './helpers/pdf';

jest.setTimeout(180_000);

/**
 * HTTP-level security: what a browser, a cache, a spreadsheet or a scanner sees of the API.
 * Unpublished voting results, caching of private answers, CSRF whatever the path spelling,
 * formula injection in CSV files, the socket.io client file and the API documentation setting.
 */
describe('security over HTTP', () => {
  let t: TestApp;
  let anonymous: ApiClient;
  let admin: ApiClient;
  let citizen: TestUser;
  let moderator: TestUser;
  let areaId: string;
  let fieldId: string;
  const sockets: LiveTestClient[] = [];

  const proposalBody = (title: string, body = 'Ein Vorschlag mit genug Text, damit die Prüfung ihn annimmt.') => ({
    title,
    body,
    fieldOfActionId: fieldId,
    areaId,
  });
  const setCookies = (res: { headers: Record<string, unknown> }) => ([] as string[]).concat((res.headers['set-cookie'] as string[]) ?? []);

  beforeAll(async () => {
    t = await startTestApp();
    anonymous = await t.client();
    admin = await t.admin();
    citizen = await t.createUser({ displayName: 'Clara Citizen' });
    moderator = await t.createUser({ role: Role.Moderator, displayName: 'Mona Moderatorin' });
    areaId = ((await anonymous.get('/api/areas?type=action_area').expect(200)).body as Array<{ id: string }>)[0].id;
    fieldId = ((await anonymous.get('/api/fields-of-action').expect(200)).body as Array<{ id: string }>)[0].id;
  });

  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await t?.close();
  });

  describe('voting results that were never published', () => {
    const PUBLISHED_QUESTION = 'Soll der Platz Bänke bekommen?';
    const SECRET_QUESTION = 'Soll der Brunnen versetzt werden (nicht veröffentlicht)?';
    let assemblyId: string;
    let publishedRoundId: string;
    let unpublishedRoundId: string;

    beforeAll(async () => {
      const assembly = await createAssembly(t, moderator.client, { title: 'Versammlung mit unveröffentlichtem Ergebnis' });
      assemblyId = assembly.id;
      const mod = await LiveTestClient.ready(t, { assemblyId }, { client: moderator.client });
      sockets.push(mod);
      const guest = await joinAsGuest(t, assembly.joinCode, 'Gerda Gast');
      const voter = await LiveTestClient.ready(t, { assemblyId, guestToken: guest.guestToken });
      sockets.push(voter);
      await mod.ok('assembly:set-status', { status: 'live' });
      await mod.ok('item:set', { agendaItemId: assembly.agenda[2].id });

      const run = async (question: string, publish: boolean) => {
        const round = await mod.ok<LiveRound>('round:create', { question, type: VotingType.YesNoAbstain, secret: false });
        await mod.ok('round:open', { roundId: round.id });
        await voter.ok('ballot:cast', { roundId: round.id, optionIds: ['no'], idempotencyKey: randomUUID() });
        await mod.ok<RoundResult>('round:close', { roundId: round.id });
        await mod.ok('round:hall-tally', {
          roundId: round.id,
          counts: [
            { optionId: 'yes', count: 17 },
            { optionId: 'no', count: 4 },
            { optionId: 'abstain', count: 0 },
          ],
          ballots: 21,
          note: publish ? 'Handzeichen' : 'Handzeichen, Ergebnis zurückgehalten',
        });
        if (publish) await mod.ok('round:publish', { roundId: round.id });
        return round.id;
      };
      publishedRoundId = await run(PUBLISHED_QUESTION, true);
      unpublishedRoundId = await run(SECRET_QUESTION, false);
      await mod.ok('assembly:set-status', { status: 'closed' });
      await mod.until('closed', () => mod.state?.status === AssemblyStatus.Closed);
    });

    const md = (client: ApiClient, lang = 'de') => client.get(`/api/assemblies/${assemblyId}/minutes.md?lang=${lang}`).expect(200);
    const pdf = async (client: ApiClient, lang = 'de') =>
      pdfTextOf(
        (
          await client
            .get(`/api/assemblies/${assemblyId}/minutes.pdf?lang=${lang}`)
            .buffer(true)
            .parse((res, cb) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () => cb(null, Buffer.concat(chunks)));
            })
            .expect(200)
        ).body,
      ).text;

    it('leaves an unpublished round out of the public minutes (Markdown and PDF, de and en), for everybody who does not moderate', async () => {
      for (const client of [anonymous, citizen.client]) {
        for (const lang of ['de', 'en']) {
          for (const text of [(await md(client, lang)).text, await pdf(client, lang)]) {
            expect(text).toContain(PUBLISHED_QUESTION);
            expect(text).not.toContain(SECRET_QUESTION);
            expect(text).not.toContain('zurückgehalten');
          }
        }
      }
      const text = (await md(anonymous)).text;
      const rounds = text.slice(text.indexOf('## Abstimmungen'), text.indexOf('## Redebeiträge'));
      expect(rounds.match(/### Abstimmung \d+/g)).toEqual(['### Abstimmung 1']);
      // The fixed options in the minutes' language, whatever the round stores.
      expect(rounds).toContain('| Nein | 1 | 4 | 5 |');
      expect((await md(anonymous, 'en')).text).toContain('| No | 1 | 4 | 5 |');
    });

    it('shows it to the moderators, clearly marked as not published (de and en)', async () => {
      for (const client of [moderator.client, admin]) {
        const de = (await md(client)).text;
        const part = de.slice(de.indexOf(SECRET_QUESTION));
        expect(part).toContain('- **Status:** geschlossen, nicht veröffentlicht');
        expect(part).toContain('Nicht veröffentlicht:');
        expect(de.slice(de.indexOf(PUBLISHED_QUESTION), de.indexOf(SECRET_QUESTION))).toContain('- **Status:** veröffentlicht');
        const en = (await md(client, 'en')).text;
        expect(en.slice(en.indexOf(SECRET_QUESTION))).toContain('- **Status:** closed, not published');
        expect(en).toContain('Not published:');
        expect(await pdf(client)).toContain('nicht veröffentlicht');
      }
    });

    it('keeps it out of open data and of the live state everybody receives', async () => {
      const results = (await anonymous.get('/api/open-data/vote-results.json').expect(200)).body.records as Array<{ roundId: string }>;
      expect(results.map((r) => r.roundId)).toContain(publishedRoundId);
      expect(results.map((r) => r.roundId)).not.toContain(unpublishedRoundId);
      const csv = (await anonymous.get('/api/open-data/vote-results.csv').expect(200)).text;
      expect(csv).not.toContain(unpublishedRoundId);
      expect(csv).not.toContain(SECRET_QUESTION);

      const viewer = await LiveTestClient.ready(t, { assemblyId });
      sockets.push(viewer);
      expect(viewer.state!.publishedRounds.map((r) => r.id)).toEqual([publishedRoundId]);
      const visible = [viewer.state!.round, ...viewer.state!.publishedRounds].filter((r) => r?.id === unpublishedRoundId);
      expect(visible.every((r) => r!.results === null)).toBe(true);
    });
  });

  describe('caching of answers that depend on the session', () => {
    const noStore = (res: { headers: Record<string, string> }) => {
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers.vary ?? '').toMatch(/\bcookie\b/i);
    };

    it('marks private answers no-store: me, session, admin, moderation, my export, errors of signed-in requests', async () => {
      noStore(await citizen.client.get('/api/me').expect(200));
      noStore(await citizen.client.get('/api/auth/session').expect(200));
      noStore(await admin.get('/api/admin/users').expect(200));
      noStore(await admin.get('/api/admin/audit').expect(200));
      noStore(await moderator.client.get('/api/moderation/reports').expect(200));
      noStore(await citizen.client.get('/api/admin/users').expect(403));
      noStore(await citizen.client.get(`/api/proposals/${randomUUID()}`).expect(404));
    });

    it('answers a proposal seen signed in no-store, and the anonymous copy varies by cookie', async () => {
      const created = (await citizen.client.post('/api/proposals', proposalBody('Schattenplätze am Spielplatz')).expect(201)).body;
      const signedIn = await citizen.client.get(`/api/proposals/${created.id}`).expect(200);
      noStore(signedIn);
      const anon = await anonymous.get(`/api/proposals/${created.id}`).expect(200);
      expect(anon.headers['cache-control'] ?? '').not.toMatch(/public|max-age=[1-9]/);
      expect(anon.headers.vary ?? '').toMatch(/\bcookie\b/i);
      expect(anon.headers.etag).toBeTruthy();
    });

    it('keeps the ETag revalidation of the public list, signed in or not', async () => {
      for (const client of [anonymous, citizen.client]) {
        const first = await client.get('/api/proposals').expect(200);
        expect(first.headers.etag).toMatch(/^W\/"/);
        expect(first.headers['cache-control']).toBe('no-cache');
        await client.agent.get('/api/proposals').set('If-None-Match', first.headers.etag).expect(304);
      }
      const data = await citizen.client.get('/api/open-data/areas.json').expect(200);
      expect(data.headers['cache-control']).toBe('no-cache');
    });

    it('marks every answer to a state-changing request no-store', async () => {
      noStore(await citizen.client.post('/api/proposals', proposalBody('Trinkbrunnen am Markt')).expect(201));
      const join = await anonymous.post('/api/assemblies/join', { code: 'NOPE-NOPE', displayName: 'X' });
      expect(join.headers['cache-control']).toBe('no-store');
    });
  });

  describe('CSRF protection whatever the letter case of the path', () => {
    // An account of its own: a logout that gets through must not sign out the other tests' citizen.
    let victim: TestUser;
    beforeAll(async () => {
      victim = await t.createUser({ displayName: 'Vera Victim' });
    });

    it('refuses a cross-site form login at /API/auth/login: no session, not signed in', async () => {
      for (const path of ['/API/auth/login', '/Api/auth/login', '/api/AUTH/login', '/api/auth/Login']) {
        const browser = request.agent(t.url);
        const res = await browser.post(path).type('form').send({ email: victim.email, password: PASSWORD });
        expect([403, 404]).toContain(res.status);
        expectErrorShape(res.body, res.status);
        expect(setCookies(res).some((c) => c.startsWith(`${SESSION_COOKIE}=`))).toBe(false);
        await browser.get('/api/me').expect(401);
      }
    });

    it('refuses /Api/auth/logout without a token: the session stays', async () => {
      const res = await victim.client.agent.post('/Api/auth/logout');
      expect([403, 404]).toContain(res.status);
      expectErrorShape(res.body, res.status);
      await victim.client.get('/api/me').expect(200);
    });

    it('refuses POST /API/proposals with a session cookie and no token: nothing is created', async () => {
      const title = `Unerwünschter Vorschlag ${randomBytes(4).toString('hex')}`;
      for (const path of ['/API/proposals', '/api/PROPOSALS', '/API/proposals/']) {
        const res = await victim.client.agent.post(path).send(proposalBody(title));
        expect([403, 404]).toContain(res.status);
        expectErrorShape(res.body, res.status);
      }
      const list = (await anonymous.get(`/api/proposals?q=${encodeURIComponent(title)}`).expect(200)).body as { items: unknown[] };
      expect(list.items).toEqual([]);
    });

    it('routes /api only in lower case: /API/me is not the API', async () => {
      // Not found, or the web client's page when it is built: never the API's answer.
      const notTheApi = (res: request.Response) => {
        expect([200, 404]).toContain(res.status);
        if (res.status === 200) expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.text).not.toContain(victim.email);
      };
      notTheApi(await victim.client.get('/API/me'));
      notTheApi(await victim.client.get('/api/ME'));
      notTheApi(await anonymous.get('/API/areas'));
      expect((await anonymous.get('/API/areas')).text).not.toContain('"code"');
    });

    it('still refuses a state-changing request to any other path without the token', async () => {
      const res = await victim.client.agent.post('/not-the-api/auth/login').send({ email: victim.email, password: PASSWORD });
      expect(res.status).toBe(403);
      expectErrorShape(res.body, 403, 'CSRF_TOKEN_INVALID');
    });
  });

  describe('formulas in CSV files', () => {
    const HOSTILE = {
      fullWidth: '＝HYPERLINK("http://evil.example","klick")',
      semicolon: 'Bänke für alle;=HYPERLINK("http://evil.example","x")',
      comma: 'Bäume, Bänke,+SUM(1;2)',
      at: "＠SUM(1+1)*cmd|' /C calc'!A0",
      minus: '－1+1 Schattenplätze',
      plainMinus: '-2+3 Sitzplätze am Markt',
    };
    const BODY = 'Zeile eins des Vorschlags mit genug Text.\n=1+1 als zweite Zeile\n- eine Aufzählung';
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      for (const [key, title] of Object.entries(HOSTILE))
        ids[key] = (await citizen.client.post('/api/proposals', proposalBody(title, BODY)).expect(201)).body.id;
    });

    /** What a spreadsheet could run: a cell (in any reading of the file) that starts with a formula character. */
    function formulaCells(csv: string, delimiter: string): string[] {
      const rows = parse(csv, { delimiter, relax_quotes: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
      return rows.flat().filter((cell) => /^\s*[=+\-@\t\r＝＋－＠]/.test(cell) && !/^\s*-?\d+(\.\d+)?\s*$/.test(cell));
    }

    /** Every line of the file read the way a spreadsheet set to the other separator does: quotes only count at a cell's start. */
    function naiveCells(csv: string, delimiter: string): string[] {
      return csv.split(/\r\n|\n|\r/).flatMap((line) => line.split(delimiter));
    }

    for (const path of ['/api/open-data/proposals.csv', '/api/proposals/export.csv']) {
      it(`neutralises every formula start in ${path}, in a comma and in a semicolon reading`, async () => {
        const csv = (await anonymous.get(path).expect(200)).text;
        const records = parse(csv, { columns: true }) as Array<Record<string, string>>;
        const byId = new Map(records.map((r) => [r.id, r]));
        for (const [key, title] of Object.entries(HOSTILE)) {
          const cell = byId.get(ids[key])!.title;
          expect(cell).not.toBe(title);
          expect(cell.replace(/'(?=\s*[=+\-@＝＋－＠])/g, '')).toBe(title);
        }
        expect(byId.get(ids.fullWidth)!.title).toBe(`'${HOSTILE.fullWidth}`);
        expect(byId.get(ids.plainMinus)!.body).toBe(
          "Zeile eins des Vorschlags mit genug Text.\n'=1+1 als zweite Zeile\n'- eine Aufzählung",
        );
        // Cells holding a separator, quote or line break are quoted; a formula start after a separator is neutralised too.
        expect(csv).toContain(`,"Bänke für alle;'=HYPERLINK(""http://evil.example"",""x"")",`);
        expect(csv).toContain(`,"Bäume, Bänke,'+SUM(1;2)",`);
        expect(formulaCells(csv, ',')).toEqual([]);
        expect(formulaCells(csv, ';')).toEqual([]);
        for (const delimiter of [',', ';', '\t'])
          expect(naiveCells(csv, delimiter).filter((c) => /^\s*[=+@＝＋－＠]|^\s*-(?!\d+(\.\d+)?$)/.test(c))).toEqual([]);
      });
    }
  });

  describe('compression and caching of the web client and the API', () => {
    it('compresses API JSON answers to reads, by Accept-Encoding, and never the socket.io path', async () => {
      const doc = await request(t.url)
        .get('/api/docs-json')
        .set('Accept-Encoding', 'gzip')
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(doc.status).toBe(200);
      expect(doc.headers['content-encoding']).toBe('gzip');
      expect(doc.headers.vary).toMatch(/Accept-Encoding/);
      const plain = await request(t.url).get('/api/docs-json').set('Accept-Encoding', 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      // Small answers go out as they are.
      const health = await request(t.url).get('/api/health').set('Accept-Encoding', 'gzip');
      expect(health.headers['content-encoding']).toBeUndefined();
      const polling = await request(t.url).get('/socket.io/?EIO=4&transport=polling').set('Accept-Encoding', 'gzip, br');
      expect(polling.headers['content-encoding']).toBeUndefined();
      expect(polling.headers.vary ?? '').not.toMatch(/Accept-Encoding/);
    });

    it('serves the precompressed build by Accept-Encoding; hashed assets immutable, index.html revalidated', async () => {
      const dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
      try {
        mkdirSync(join(dist, 'assets'));
        const script = `export const text = ${JSON.stringify('Beteiligung '.repeat(400))};`;
        writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
        writeFileSync(join(dist, 'assets', 'app-Ab12Cd34.js'), script);
        writeFileSync(join(dist, 'assets', 'app-Ab12Cd34.js.br'), brotliCompressSync(script));
        writeFileSync(join(dist, 'assets', 'app-Ab12Cd34.js.gz'), gzipSync(script));
        writeFileSync(join(dist, 'assets', 'font-Xy98.woff2'), Buffer.from('wOF2'));
        writeFileSync(
          join(dist, 'route-preloads.json'),
          JSON.stringify([
            { pattern: '^/proposals/[^/]+/?$', files: ['/assets/ProposalDetailRoute-Zz11.js', '/assets/ProposalDetailRoute-Qq22.css'] },
          ]),
        );
        const web = express();
        serveWebClient(web, dist);
        const raw = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        };

        const br = await request(web).get('/assets/app-Ab12Cd34.js').set('Accept-Encoding', 'gzip, deflate, br').buffer(true).parse(raw);
        expect(br.status).toBe(200);
        expect(br.headers['content-encoding']).toBe('br');
        expect(br.headers['content-type']).toMatch(/javascript/);
        expect(br.headers.vary).toMatch(/Accept-Encoding/);
        expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');

        const gz = await request(web).get('/assets/app-Ab12Cd34.js').set('Accept-Encoding', 'gzip').buffer(true).parse(raw);
        expect(gz.headers['content-encoding']).toBe('gzip');
        // The client decoded the .gz copy: it is the file.
        expect((gz.body as Buffer).toString()).toBe(script);

        const identity = await request(web).get('/assets/app-Ab12Cd34.js').set('Accept-Encoding', 'identity');
        expect(identity.headers['content-encoding']).toBeUndefined();
        expect(identity.text).toBe(script);
        expect(identity.headers['cache-control']).toBe('public, max-age=31536000, immutable');

        const font = await request(web).get('/assets/font-Xy98.woff2').set('Accept-Encoding', 'br');
        expect(font.headers['content-encoding']).toBeUndefined();
        expect(font.headers['cache-control']).toBe('public, max-age=31536000, immutable');

        // index.html for every page path, naming the chunks of that page (modulepreload) and their CSS
        // (a stylesheet, so it arrives with the entry's instead of after the entry has run), revalidated on each use.
        const preload =
          '<link rel="modulepreload" crossorigin href="/assets/ProposalDetailRoute-Zz11.js">' +
          '<link rel="stylesheet" crossorigin href="/assets/ProposalDetailRoute-Qq22.css"></head>';
        for (const [path, preloads] of [
          ['/', false],
          ['/proposals/123', true],
        ] as const) {
          const page = await request(web).get(path).set('Accept-Encoding', 'br');
          expect(page.status).toBe(200);
          expect(page.headers['cache-control']).toBe('no-cache');
          expect(page.headers['content-type']).toMatch(/^text\/html/);
          expect(page.text.includes(preload)).toBe(preloads);
        }

        // A build file that is not there (an old build's chunk) is a 404 in the API's error shape,
        // never index.html (a browser would run that as a script, the service worker keep it as one).
        const missing = await request(web).get('/assets/ProposalDetailRoute-Zz11.js').set('Accept-Encoding', 'br');
        expect(missing.status).toBe(404);
        expect(missing.headers['content-type']).toMatch(/^application\/json/);
        expect(missing.body).toMatchObject({
          statusCode: 404,
          code: 'NOT_FOUND',
          message: 'There is no file /assets/ProposalDetailRoute-Zz11.js.',
        });
      } finally {
        rmSync(dist, { recursive: true, force: true });
      }
    });
  });

  describe('the socket.io client file', () => {
    it('is not served (the web client bundles its own)', async () => {
      for (const file of ['socket.io.js', 'socket.io.min.js', 'socket.io.esm.min.js', 'socket.io.js.map', 'socket.io.msgpack.min.js']) {
        const res = await request(t.url).get(`/socket.io/${file}`);
        // The engine answers every other /socket.io/ request itself: "Transport unknown", never a file.
        expect([400, 404]).toContain(res.status);
        expect(res.headers['content-type'] ?? '').not.toMatch(/javascript/);
        expect(res.headers.etag).toBeUndefined();
        expect(res.text).not.toMatch(/Socket\.IO v\d|sourceMappingURL|function/i);
      }
    });
  });

  describe('API documentation', () => {
    it('is served by default (open APIs are part of open data)', async () => {
      const doc = await anonymous.get('/api/docs-json').expect(200);
      expect(doc.body.openapi).toMatch(/^3\./);
      await anonymous.get('/api/docs').expect(200);
      expect(loadConfig({}).apiDocs).toBe(true);
    });

    it('is a validated setting', () => {
      expect(loadConfig({ API_DOCS: 'false' }).apiDocs).toBe(false);
      expect(loadConfig({ API_DOCS: 'true' }).apiDocs).toBe(true);
      expect(() => loadConfig({ API_DOCS: 'maybe' })).toThrow(/API_DOCS/);
    });

    it('is not served with API_DOCS=false, and the API still works', async () => {
      const off = await startTestApp({ API_DOCS: 'false' });
      try {
        const client = await off.client();
        for (const path of ['/api/docs', '/api/docs/', '/api/docs-json', '/api/docs-yaml']) {
          const res = await client.get(path).expect(404);
          expectErrorShape(res.body, 404, 'NOT_FOUND');
        }
        await client.get('/api/areas').expect(200);
        await (await off.login(ADMIN.email, ADMIN.password)).get('/api/me').expect(200);
      } finally {
        await off.close();
      }
    });
  });
});
