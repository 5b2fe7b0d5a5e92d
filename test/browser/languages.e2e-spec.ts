import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { GLOSSARY, htmlLang, Language, LANGUAGES, textDirection, VotingType } from '@app/shared';
import { LiveTestClient } from '../api/helpers/live';
import { FakeLibreTranslate } from '../helpers/fake-libretranslate';
import { SmtpSink } from '../helpers/smtp';
import { apiSession, createVerifiedUser, csrfHeaders, postJson, seedProposal, USER_PASSWORD } from './helpers/app';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot, screenshotOf, waitForPage } from './helpers/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { closeWithEscape, openTermByKeyboard } from './helpers/terms';

// Ten languages, six pages each, with axe: a few minutes on a 2-core machine.
jest.setTimeout(600_000);

const PHONE = { width: 360, height: 740 };
const CITIZEN = 'mehrsprachig@example.org';
const QUESTION = 'Soll der Spielplatz am Hafen erneuert werden?';

type Texts = Record<string, unknown>;
const locales = join(__dirname, '../../apps/web/src/locales');
const texts = (file: string): Texts => JSON.parse(readFileSync(join(locales, file), 'utf8')) as Texts;
const text = (tree: Texts, path: string): string => path.split('.').reduce<unknown>((node, key) => (node as Texts)[key], tree) as string;

/** The client-side way to another page (as a link would go), without loading the app again. */
async function navigate(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForFunction((to) => `${location.pathname}${location.search}` === to, path);
  await waitForPage(page);
}

/** Which edge of the phone the header's site name and its menu button sit at (within 40 px of it). */
async function headerEdges(page: Page): Promise<{ brand: string; menu: string }> {
  return page.evaluate(() => {
    const edge = (selector: string) => {
      const box = document.querySelector(selector)!.getBoundingClientRect();
      if (box.left < 40) return 'left';
      return window.innerWidth - box.right < 40 ? 'right' : `${Math.round(box.left)}..${Math.round(box.right)} px`;
    };
    return { brand: edge('.site-header .brand'), menu: edge('.site-header .site-menu-button') };
  });
}

/** One page in one language: declared language and direction, one h1, no axe violation, nothing wider than the phone, no raw text keys. */
async function audit(page: Page, language: Language, label: string): Promise<string[]> {
  const problems: string[] = [];
  const facts = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    h1: document.querySelectorAll('h1').length,
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
    text: document.body.innerText,
  }));
  if (facts.lang !== htmlLang(language) || facts.dir !== textDirection(language))
    problems.push(`[${label}] <html lang="${facts.lang}" dir="${facts.dir}">`);
  if (facts.h1 !== 1) problems.push(`[${label}] expected one h1, found ${facts.h1}`);
  if (facts.scroll > facts.width) problems.push(`[${label}] the page scrolls sideways: ${facts.scroll} px on a ${facts.width} px phone`);
  const keys = facts.text.match(
    /\b(?:home|nav|footer|proposals|live|assemblies|auth|common|form|validation|errors|admin|projects|workflow|report|moderation|signLanguage)\.[a-zA-Z]+(?:\.[a-zA-Z_]+)*\b/g,
  );
  if (keys) problems.push(`[${label}] text keys on the page: ${keys.join(', ')}`);
  const violations = await axeViolations(page);
  if (violations.length > 0) problems.push(formatViolations(label, violations));
  return problems;
}

describe('every resident in their language', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  let assemblyId: string;
  let joinCode: string;
  let proposalId: string;
  let moderator: LiveTestClient;
  const translator = new FakeLibreTranslate();
  const contexts: BrowserContext[] = [];

  async function context(options: Parameters<typeof newContext>[2] = {}): Promise<BrowserContext> {
    const created = await newContext(browser, server.baseUrl, { viewport: PHONE, bypassCSP: true, ...options });
    contexts.push(created);
    return created;
  }

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port, { TRANSLATE_URL: await translator.start() });
    browser = await launchBrowser();
    await createVerifiedUser(server.baseUrl, mail, CITIZEN, 'Ayşe Öztürk');
    const admin = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const areas = (await (await admin.get('/api/areas')).json()) as Array<{ id: string; name: string }>;
    const created = await postJson<{ id: string; joinCode: string }>(
      admin,
      '/api/assemblies',
      {
        title: 'Bürgerversammlung Hafen',
        description: 'Spielplatz und Wege am Hafen',
        place: 'Bürgerhaus Hafen',
        startsAt: new Date(Date.now() + 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
        areaIds: [areas[0].id],
        agenda: [{ title: 'Spielplatz', type: 'vote' }],
      },
      201,
    );
    ({ id: assemblyId, joinCode } = created);
    const detail = (await (await admin.get(`/api/assemblies/${assemblyId}`)).json()) as { agenda: Array<{ id: string }> };
    proposalId = (await seedProposal(admin, 'Hafen', 'EK', 'Ein Trinkbrunnen am Spielplatz', 'Im Sommer fehlt Wasser für die Kinder.')).id;
    // The moderator opens the assembly and a vote over the live socket, as the console does.
    const cookie = (await admin.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    moderator = await LiveTestClient.ready({ url: server.baseUrl }, { assemblyId }, { cookie });
    await moderator.ok('assembly:set-status', { status: 'live' });
    await moderator.ok('item:set', { agendaItemId: detail.agenda[0].id });
    const round = await moderator.ok<{ id: string }>('round:create', { question: QUESTION, type: VotingType.YesNoAbstain, secret: false });
    await moderator.ok('round:open', { roundId: round.id });
    await admin.dispose();
  });

  afterAll(async () => {
    moderator?.close();
    for (const created of contexts) await created.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await mail?.stop();
    await translator.stop();
  });

  it("follows the browser's language on a first visit and ?lang= in a shared link, and says until the city checked it", async () => {
    const turkish = texts('tr.json');
    const page = await (await context({ locale: 'tr-TR' })).newPage();
    await open(page, '/');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('tr');
    expect(await page.locator('h1').textContent()).toBe(text(turkish, 'home.title'));
    await page.getByText(text(turkish, 'footer.translationUnchecked')).waitFor();
    expect(await headerEdges(page)).toEqual({ brand: 'left', menu: 'right' });

    // A printed QR code with ?lang=ar: the page opens in Arabic, right to left, and the device keeps it.
    const arabic = texts('ar.json');
    await open(page, `/join/${joinCode}?lang=ar`);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(['ar', 'rtl']);
    await open(page, '/');
    expect(await page.locator('h1').textContent()).toBe(text(arabic, 'home.title'));
    await screenshot(page, 'languages-ar-home-360');
    // Mirrored: the site's name sits at the right edge and the menu button at the left, where an Arabic reader starts and ends.
    expect(await headerEdges(page)).toEqual({ brand: 'right', menu: 'left' });

    // The chooser names every language in itself.
    const options = await page
      .locator('.language-switcher select option')
      .evaluateAll((list) => list.map((option) => [option.getAttribute('value'), option.textContent, option.getAttribute('lang')]));
    expect(options.map(([value]) => value)).toEqual([...LANGUAGES]);
    expect(options.find(([value]) => value === 'uk')).toEqual(['uk', 'Українська', 'uk']);
    expect(options.find(([value]) => value === 'de-x-ls')).toEqual(['de-x-ls', 'Leichte Sprache', 'de']);

    // Once an administrator marks Arabic as checked, the notice goes.
    await page.getByText(text(arabic, 'footer.translationUnchecked')).waitFor();
    const admin = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect((await admin.put('/api/languages/ar/review', { headers: await csrfHeaders(admin), data: { reviewed: true } })).status()).toBe(
      200,
    );
    await admin.dispose();
    await open(page, '/proposals');
    await page.locator('footer').getByText(text(arabic, 'footer.license')).waitFor();
    expect(await page.getByText(text(arabic, 'footer.translationUnchecked')).count()).toBe(0);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, 'languages-ar-proposals-1280');

    // BITV 2.0 § 4: every page links the explanations in Leichter Sprache and the place for Gebärdensprache, under their German names.
    await page.locator('footer').getByRole('link', { name: 'Leichte Sprache' }).click();
    await page.waitForURL((url) => url.pathname === '/leichte-sprache');
    await page.locator('h1', { hasText: 'Leichte Sprache' }).waitFor();
    expect(await page.locator('h1').getAttribute('lang')).toBe('de');
    await page.getByRole('heading', { name: 'Was ist diese Internet-Seite?' }).waitFor();
    await page.locator('footer').getByRole('link', { name: 'Gebärdensprache' }).click();
    await page.getByText('Das Video in Deutscher Gebärdensprache ist in Planung.', { exact: false }).waitFor();
    expect(await page.locator('video').count()).toBe(0);
  });

  it('names the language of a proposal written in another, and offers a marked machine translation with the way back', async () => {
    const turkish = texts('tr.json');
    const page = await (await context({ language: 'tr' })).newPage();
    await open(page, `/proposals/${proposalId}`);
    const h1 = page.locator('h1');
    expect([await h1.textContent(), await h1.getAttribute('lang')]).toEqual(['Ein Trinkbrunnen am Spielplatz', 'de']);
    await page.getByText(text(turkish, 'proposals.translation.writtenIn').replace('{{language}}', 'Deutsch')).waitFor();
    await page.getByRole('button', { name: text(turkish, 'machineTranslation.translate') }).click();
    await page.locator('h1', { hasText: '[tr] Ein Trinkbrunnen am Spielplatz' }).waitFor();
    expect(await h1.getAttribute('lang')).toBe('tr');
    expect(await page.locator('.proposal-detail__body').textContent()).toBe('[tr] Im Sommer fehlt Wasser für die Kinder.');
    // The notice says it is a machine translation and has the focus, so a screen reader reads it.
    const shown = text(turkish, 'machineTranslation.shown').replace('{{language}}', 'Deutsch');
    await page.waitForFunction((notice) => document.activeElement?.textContent === notice, shown);
    expect(translator.calls.map((call) => [call.source, call.target])).toEqual([
      ['de', 'tr'],
      ['de', 'tr'],
    ]);
    expect(formatViolations('tr translated proposal', await axeViolations(page))).toBe('');
    await page.getByRole('button', { name: text(turkish, 'machineTranslation.showOriginal') }).click();
    await page.locator('h1', { hasText: 'Ein Trinkbrunnen am Spielplatz' }).waitFor();
    expect(await h1.getAttribute('lang')).toBe('de');
    expect(await page.locator('.proposal-detail__body').textContent()).toBe('Im Sommer fehlt Wasser für die Kinder.');
  });

  it('keeps what residents write in their language: a Turkish comment (lang="tr", translatable, filterable) and an Arabic proposal from the hall in the console (lang="ar")', async () => {
    const german = texts('de.json');
    const turkish = texts('tr.json');
    const COMMENT = 'Çocuklar için çok iyi bir fikir, yazın su şart.';

    // A Turkish reader writes a comment; the form suggests Turkish, the page's language.
    const session = await apiSession(server.baseUrl, CITIZEN, USER_PASSWORD);
    expect((await session.patch('/api/me', { headers: await csrfHeaders(session), data: { language: 'tr' } })).status()).toBe(200);
    const reader = await (await context({ language: 'tr', storageState: await session.storageState() })).newPage();
    await session.dispose();
    await open(reader, `/proposals/${proposalId}`);
    expect(await reader.locator('#comment-new-language').inputValue()).toBe('tr');
    await reader.fill('#comment-new-body', COMMENT);
    await reader.getByRole('button', { name: text(turkish, 'comments.submit') }).click();
    const written = reader.locator('.comment__body', { hasText: COMMENT });
    await written.waitFor();
    expect([await written.getAttribute('lang'), await written.getAttribute('dir')]).toEqual(['tr', 'auto']);
    // In the reader's own language there is nothing to name or translate.
    expect(await reader.getByRole('button', { name: text(turkish, 'machineTranslation.translate') }).count()).toBe(1); // the proposal's (German)

    // A German reader: the comment keeps its language, named in itself, and can be machine-translated and filtered.
    const admin = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const germanComment = await admin.post(`/api/proposals/${proposalId}/comments`, {
      headers: await csrfHeaders(admin),
      data: { body: 'Ein Trinkbrunnen wäre auch für ältere Menschen gut.', language: 'de' },
    });
    expect(germanComment.status()).toBe(201);
    const page = await (await context({ viewport: { width: 1280, height: 900 } })).newPage();
    await open(page, `/proposals/${proposalId}`);
    const comment = page.getByRole('article', { name: text(german, 'comments.by').replace('{{name}}', 'Ayşe Öztürk') });
    await comment.getByText(text(german, 'comments.writtenIn').replace('{{language}}', 'Türkçe')).waitFor();
    expect(await comment.locator('.comment__body').getAttribute('lang')).toBe('tr');
    const byName = text(german, 'comments.translate').replace('{{name}}', 'Ayşe Öztürk');
    await page.getByRole('button', { name: byName }).click();
    await comment.locator('.comment__body', { hasText: `[de] ${COMMENT}` }).waitFor();
    expect(await comment.locator('.comment__body').getAttribute('lang')).toBe('de');
    expect(translator.calls.at(-1)).toEqual(expect.objectContaining({ q: COMMENT, source: 'tr', target: 'de' }));
    await page.getByRole('button', { name: text(german, 'comments.showOriginal').replace('{{name}}', 'Ayşe Öztürk') }).click();
    await comment.locator('.comment__body', { hasText: COMMENT }).waitFor();
    // Two languages in the discussion: the filter appears and narrows it to the Turkish thread.
    await page.selectOption('#comment-language-filter', 'tr');
    await page.getByText(text(german, 'comments.filter.shown').replace('{{shown}}', '1').replace('{{total}}', '2')).waitFor();
    expect(await page.locator('.comment__body').allTextContents()).toEqual([COMMENT]);
    expect(formatViolations('de comments in two languages', await axeViolations(page))).toBe('');

    // The hall: a guest's phone in Arabic sends a proposal; its language is the phone's, as suggested.
    const arabicLive = texts('live.ar.json');
    const PROPOSAL = 'نحتاج إلى مقاعد في ظل الأشجار';
    await moderator.ok('intake:set', { open: true });
    const joinApi = await request.newContext({ baseURL: server.baseUrl });
    const joined = await joinApi.post('/api/assemblies/join', {
      headers: await csrfHeaders(joinApi),
      data: { code: joinCode, displayName: 'أمل' },
    });
    const { guestToken } = (await joined.json()) as { guestToken: string };
    await joinApi.dispose();
    const phoneContext = await context({ language: 'ar' });
    await phoneContext.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      `soziale-stadt.guest.${assemblyId}`,
      guestToken,
    ] as const);
    const phone = await phoneContext.newPage();
    await open(phone, `/assemblies/${assemblyId}/live`);
    await phone.locator('#live-proposal-text').waitFor();
    expect(await phone.locator('#live-proposal-language').inputValue()).toBe('ar');
    await phone.fill('#live-proposal-text', PROPOSAL);
    await phone.getByRole('button', { name: text(arabicLive, 'intake.submit') }).click();
    await phone.getByText(text(arabicLive, 'intake.sent')).waitFor();

    // The console shows it with its language (lang="ar", the endonym) and filters by language.
    await moderator.ok('proposal:on-behalf', { text: 'Mehr Mülleimer am Spielplatz', sourceNote: 'Karte Tisch 2', language: 'de' });
    const desk = await (await context({ viewport: { width: 1280, height: 900 }, storageState: await admin.storageState() })).newPage();
    await admin.dispose();
    const consoleGerman = texts('console.de.json');
    await open(desk, `/assemblies/${assemblyId}/console`);
    await desk.getByRole('tab', { name: /^Vorschläge/ }).click();
    const proposal = desk.locator('.live-proposals__text', { hasText: PROPOSAL });
    await proposal.waitFor();
    expect([await proposal.getAttribute('lang'), await proposal.getAttribute('dir')]).toEqual(['ar', 'auto']);
    const item = desk.locator('.live-proposals__item', { has: proposal });
    expect(await item.locator('.kern-badge [lang="ar"]').textContent()).toBe('العربية');
    await desk.locator('.live-proposals__text', { hasText: 'Mehr Mülleimer am Spielplatz' }).waitFor();
    await desk.selectOption('#console-intake-language', 'ar');
    await desk.locator('.live-proposals__text', { hasText: 'Mehr Mülleimer am Spielplatz' }).waitFor({ state: 'detached' });
    expect(await desk.locator('.live-proposals__text').allTextContents()).toEqual([PROPOSAL]);
    expect(await desk.locator('#console-intake-language option').allTextContents()).toEqual([
      text(consoleGerman, 'live.console.intake.allLanguages'),
      'Deutsch (1)',
      'العربية (1)',
    ]);
    expect(formatViolations('de console with an Arabic proposal', await axeViolations(desk))).toBe('');
  });

  it('lets the administration and moderation work right to left, in Arabic (axe, nothing wider than the screen)', async () => {
    const problems: string[] = [];
    const session = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    expect((await session.patch('/api/me', { headers: await csrfHeaders(session), data: { language: 'ar' } })).status()).toBe(200);
    const admin = await context({ language: 'ar', viewport: { width: 1280, height: 900 }, storageState: await session.storageState() });
    await session.dispose();
    const page = await admin.newPage();
    await open(page, '/admin');
    problems.push(...(await audit(page, Language.Arabic, 'ar /admin')));
    for (const path of [
      '/admin/users',
      '/admin/areas',
      '/admin/areas/new',
      '/admin/fields-of-action',
      '/admin/portfolio',
      '/admin/indicators',
      '/admin/mails',
      '/admin/languages',
      '/admin/sign-language',
      '/moderation',
      '/moderation/grouping',
      `/assemblies/${assemblyId}/console`,
    ]) {
      await navigate(page, path);
      problems.push(...(await audit(page, Language.Arabic, `ar ${path}`)));
      await screenshot(page, `languages-ar-admin-${path.split('/').slice(1, 3).join('-')}`);
    }
    expect(problems).toEqual([]);
  });

  it('explains Projekttyp in place on a project page in Arabic, right to left, with the keyboard only (360 and 1280 px, axe)', async () => {
    const problems: string[] = [];
    const whatIs = text(texts('ar.json'), 'term.whatIs').replace(
      '{{term}}',
      text(texts('projects.ar.json'), 'workflow.states.project_type'),
    );
    for (const viewport of [{ width: 1280, height: 900 }, PHONE]) {
      const page = await (await context({ language: 'ar', viewport })).newPage();
      const found = await page.request.get(`${server.baseUrl}/api/projects?state=project_type`);
      const { items } = (await found.json()) as { items: Array<{ id: string }> };
      await open(page, `/projects/${items[0].id}`);
      const term = await openTermByKeyboard(page, whatIs, GLOSSARY[Language.Arabic].explanations.projectType);
      // Right to left: the explanation starts under the badge on the right, its bar on the right-hand side.
      const badge = await page.locator('.project-state__badge .kern-badge').boundingBox();
      const panel = await term.panel.boundingBox();
      expect(Math.abs((badge?.x ?? 0) + (badge?.width ?? 0) - ((panel?.x ?? 0) + (panel?.width ?? 0)))).toBeLessThan(2);
      expect(
        await term.panel.evaluate((element) => [getComputedStyle(element).borderRightWidth, getComputedStyle(element).borderLeftWidth]),
      ).toEqual(['4px', '0px']);
      problems.push(...(await audit(page, Language.Arabic, `ar project page, Projekttyp explained, ${viewport.width} px`)));
      await screenshotOf(page.locator('.project-state'), `languages-ar-project-term-${viewport.width}`);
      await screenshot(page, `languages-ar-project-term-page-${viewport.width}`);
      await closeWithEscape(page, term);
    }
    expect(problems).toEqual([]);
  });

  it.each(LANGUAGES.map((language) => [language]))(
    'takes a resident through home, proposals, a proposal, the proposal form, joining and voting in %s (axe, 360 px)',
    async (language) => {
      const problems: string[] = [];
      const live = texts(`live.${language}.json`);

      // Signed in (the session of an API sign-in, handed to the browser) with an account in the language.
      const session = await apiSession(server.baseUrl, CITIZEN, USER_PASSWORD);
      expect((await session.patch('/api/me', { headers: await csrfHeaders(session), data: { language } })).status()).toBe(200);
      const citizen = await context({ language, storageState: await session.storageState() });
      await session.dispose();
      const page = await citizen.newPage();
      await open(page, '/');
      problems.push(...(await audit(page, language, `${language} /`)));
      for (const path of ['/proposals', `/proposals/${proposalId}`, '/proposals/new', `/join/${joinCode}`]) {
        await navigate(page, path);
        problems.push(...(await audit(page, language, `${language} ${path}`)));
        await screenshot(page, `languages-${language}-${path.split('/')[1] || 'home'}`);
        // The form suggests the page's language as the proposal's language (the author confirms it).
        if (path === '/proposals/new') expect(await page.locator('#proposal-language').inputValue()).toBe(language);
        // The proposal's own words keep their language whatever the page's.
        if (path === `/proposals/${proposalId}`) expect(await page.locator('h1').getAttribute('lang')).toBe('de');
      }

      // A guest's phone in the same language: join by code (over the API), then vote on the live page.
      const joinApi = await request.newContext({ baseURL: server.baseUrl });
      const joined = await joinApi.post('/api/assemblies/join', {
        headers: await csrfHeaders(joinApi),
        data: { code: joinCode, displayName: `Gast ${language}` },
      });
      expect(joined.status()).toBeLessThan(300);
      const { guestToken } = (await joined.json()) as { guestToken: string };
      await joinApi.dispose();
      const guestContext = await context({ language });
      await guestContext.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
        `soziale-stadt.guest.${assemblyId}`,
        guestToken,
      ] as const);
      const guest = await guestContext.newPage();
      await open(guest, `/assemblies/${assemblyId}/live`);
      await guest.getByRole('group', { name: QUESTION }).waitFor();
      await guest.locator('form.live-vote input[type="radio"]').first().check();
      problems.push(...(await audit(guest, language, `${language} live vote`)));
      await screenshot(guest, `languages-${language}-live`);
      await guest.getByRole('button', { name: text(live, 'vote.submit') }).click();
      await guest.getByText(text(live, 'vote.counted')).waitFor();

      expect(problems).toEqual([]);
    },
  );
});
