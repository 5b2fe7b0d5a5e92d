import { type Browser, type Page } from 'playwright-core';
import { DEMO_ASSEMBLIES } from '../../apps/api/src/seed/demo-data';
import { apiSession, createVerifiedUser, loginViaForm, seedProposal, USER_PASSWORD } from './helpers/app';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot, switchLanguage, waitForPage } from './helpers/browser';
import { startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

jest.setTimeout(180_000);

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const CITIZEN = { email: 'hanna.home@example.org', name: 'Hanna Heimseite' };
const UPCOMING = DEMO_ASSEMBLIES.find((a) => a.dayOffset > 0)!;

async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(formatViolations(label, violations)).toBe('');
}

/**
 * The home page: the real upcoming assemblies (the demo's one, as /assemblies lists it) instead of
 * "none planned", and for a signed-in person what they can do next — propose, join with a code,
 * their proposals with how many they made. German and English, axe, phone and desktop.
 */
describe('home page', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
    await createVerifiedUser(server.baseUrl, mail, CITIZEN.email, CITIZEN.name);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('shows the upcoming assemblies that /assemblies lists (%s)', async (label, viewport) => {
    const context = await newContext(browser, server.baseUrl, { language: 'de', locale: 'de-DE', viewport, bypassCSP: true });
    const page = await context.newPage();
    await open(page, '/');
    const section = page.locator('section[aria-labelledby="assemblies-title"]');
    await expect(section.locator('h2').textContent()).resolves.toBe('Kommende Bürgerversammlungen');
    await section.locator('.assembly-card h3', { hasText: UPCOMING.title }).waitFor();
    expect(await section.getByText('Zurzeit sind keine Bürgerversammlungen geplant.').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    // No next steps for somebody without an account: they are invited to register instead.
    expect(await page.locator('#next-title').count()).toBe(0);
    await expect(page.getByRole('link', { name: 'Konto anlegen' }).count()).resolves.toBe(1);
    await expectNoAxeViolations(page, `de / ${label}`);
    await screenshot(page, `home-assemblies-${viewport.width}`);

    // The link below the list leads to all assemblies, where the same one is listed.
    await page.getByRole('link', { name: 'Alle Bürgerversammlungen ansehen (1 kommende)' }).click();
    await page.waitForURL((url) => url.pathname === '/assemblies');
    await waitForPage(page);
    await page.locator('.assembly-card h3', { hasText: UPCOMING.title }).waitFor();

    await open(page, '/');
    await switchLanguage(page, 'en');
    await page.locator('#assemblies-title', { hasText: 'Upcoming citizens' }).waitFor();
    await page.getByRole('link', { name: 'See all citizens’ assemblies (1 upcoming)' }).waitFor();
    await expectNoAxeViolations(page, `en / ${label}`);
    await context.close();
  });

  it('renders a page opened by its address at once: its chunks named in index.html exist, no loading step', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de', locale: 'de-DE', viewport: PHONE, bypassCSP: true });
    // Records whether the page's loading state (shown while a page's code is fetched) ever appeared.
    await context.addInitScript(() => {
      const seen = { loading: false };
      (window as unknown as { routeLoadingSeen: typeof seen }).routeLoadingSeen = seen;
      new MutationObserver(() => {
        if (document.querySelector('.route-loading')) seen.loading = true;
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    for (const path of ['/', '/proposals', '/join', '/assemblies']) {
      const html = await (await page.request.get(path)).text();
      const named = [...html.matchAll(/<link rel="modulepreload"[^>]* href="([^"]+)"/g)].map((match) => match[1]);
      expect(named.length).toBeGreaterThan(0);
      for (const file of named) {
        const response = await page.request.get(file);
        expect([file, response.status(), response.headers()['content-type']]).toEqual([file, 200, expect.stringMatching(/javascript/)]);
      }
      // The page's own stylesheets come with the entry's (not after the entry has run), and exist.
      const styles = [...html.matchAll(/<link rel="stylesheet"[^>]* href="([^"]+)"/g)].map((match) => match[1]);
      for (const file of styles) {
        const response = await page.request.get(file);
        expect([file, response.status(), response.headers()['content-type']]).toEqual([file, 200, expect.stringMatching(/text\/css/)]);
      }
      if (path === '/' || path === '/join') expect(styles.length).toBeGreaterThan(1);
      await open(page, path);
      expect([
        path,
        await page.evaluate(() => (window as unknown as { routeLoadingSeen: { loading: boolean } }).routeLoadingSeen.loading),
      ]).toEqual([path, false]);
      // The route's loader found its stylesheets in place and added none a second time.
      const linked = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')].map((l) => l.href),
      );
      expect([path, linked.length]).toEqual([path, new Set(linked).size]);
    }
    await context.close();
  });

  it('paints a second visit from the cached app shell, and never answers /api from that cache', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de', locale: 'de-DE', viewport: PHONE, bypassCSP: true });
    const page = await context.newPage();
    await open(page, '/');
    // The service worker controls the page once it is active (it claims open pages).
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null && navigator.serviceWorker?.controller !== undefined);

    // Second visit: the page and the build's files come from the worker; /api from the server.
    const fromWorker: string[] = [];
    const apiFromWorker: string[] = [];
    page.on('response', (response) => {
      const path = new URL(response.url()).pathname;
      if (!response.fromServiceWorker()) return;
      if (path.startsWith('/api/') || path.startsWith('/socket.io')) apiFromWorker.push(path);
      else fromWorker.push(path);
    });
    await open(page, '/proposals');
    await page.locator('main h1').waitFor();
    expect(fromWorker).toContain('/proposals');
    expect(fromWorker.some((path) => path.startsWith('/assets/'))).toBe(true);
    expect(apiFromWorker).toEqual([]);

    // Offline, the shell still paints (its header and frame), but an API answer is never served from the cache.
    await context.setOffline(true);
    await page.goto('/');
    await page.locator('header').first().waitFor();
    const api = await page.evaluate(() =>
      fetch('/api/assemblies?when=upcoming&page=1&pageSize=3').then(
        (response) => `answered ${response.status}`,
        () => 'failed',
      ),
    );
    expect(api).toBe('failed');
    await context.setOffline(false);
    await context.close();
  });

  it.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('shows a signed-in person what to do next: propose, join with a code, their proposals (%s)', async (label, viewport) => {
    const context = await newContext(browser, server.baseUrl, { language: 'de', locale: 'de-DE', viewport, bypassCSP: true });
    const page = await context.newPage();
    await loginViaForm(page, CITIZEN.email, USER_PASSWORD);
    const next = page.locator('section[aria-labelledby="next-title"]');
    await expect(next.locator('h2').textContent()).resolves.toBe('Ihre nächsten Schritte');
    expect(await next.locator('h3').allTextContents()).toEqual([
      'Einen Vorschlag machen',
      'An einer Versammlung teilnehmen',
      'Meine Vorschläge',
    ]);
    const actions = next.getByRole('link');
    expect(await actions.allTextContents()).toEqual(['Vorschlag schreiben', 'Mit Code teilnehmen', 'Meine Vorschläge ansehen']);
    expect(await actions.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual([
      '/proposals/new',
      '/join',
      '/account/proposals',
    ]);
    // The count of the person's own proposals: none at first (phone), one after proposing (desktop).
    const mine = label === 'phone' ? 'Sie haben noch keinen Vorschlag eingebracht.' : 'Sie haben einen Vorschlag eingebracht.';
    if (label === 'desktop') {
      const api = await apiSession(server.baseUrl, CITIZEN.email);
      await seedProposal(
        api,
        'Nordmarkt',
        'SZ',
        'Schattenplätze am Nordmarkt',
        'Mehr Bäume und Sonnensegel, damit man im Sommer draußen sitzen kann.',
      );
      await api.dispose();
      await open(page, '/');
    }
    await next.getByText(mine).waitFor();
    // The upcoming assemblies stay on the page for signed-in people too.
    await page.locator('.assembly-card h3', { hasText: UPCOMING.title }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
    await expectNoAxeViolations(page, `de signed in / ${label}`);
    await screenshot(page, `home-signed-in-${viewport.width}`);

    await switchLanguage(page, 'en');
    await page.locator('#next-title', { hasText: 'Your next steps' }).waitFor();
    await next.getByRole('link', { name: 'Join with a code' }).waitFor();
    await expectNoAxeViolations(page, `en signed in / ${label}`);
    await switchLanguage(page, 'de');

    // The step leads where it says: joining with a code opens the join page.
    await next.getByRole('link', { name: 'Mit Code teilnehmen' }).click();
    await page.waitForURL((url) => url.pathname === '/join');
    await waitForPage(page);
    await context.close();
  });
});
