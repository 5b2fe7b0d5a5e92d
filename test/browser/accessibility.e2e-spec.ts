import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createVerifiedUser, loginViaForm, USER_PASSWORD } from './helpers/app';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot, switchLanguage, waitForPage } from './helpers/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

// The jest project's testTimeout is not applied per project; real browser journeys need longer.
jest.setTimeout(120_000);

type Language = 'de' | 'en';
const LANGUAGES: Language[] = ['de', 'en'];

const PUBLIC_PAGES = [
  '/',
  '/login',
  '/register',
  '/forgot-password',
  '/reset-password?token=some-token',
  '/reset-password',
  '/verify-email?token=not-a-valid-token',
  '/barrierefreiheit',
  '/impressum',
  '/datenschutz',
  '/leichte-sprache',
  '/gebaerdensprache',
  '/diese-seite-gibt-es-nicht',
];
const CITIZEN_PAGES = ['/account', '/admin'];
const ADMIN_PAGES = [
  '/admin',
  '/admin/users',
  '/admin/areas',
  '/admin/areas/new',
  '/admin/fields-of-action',
  '/admin/fields-of-action/new',
];

function slug(path: string): string {
  return (
    path
      .replace(/\?.*$/, '')
      .replace(/^\/$/, 'home')
      .replace(/^\//, '')
      .replace(/[^\w]+/g, '-') || 'home'
  );
}

/** Checks one page: language, one h1, a document title naming it, and zero axe violations. */
async function auditPage(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const facts = await page.evaluate(() => ({
    h1: [...document.querySelectorAll('h1')].map((h) => h.textContent ?? ''),
    title: document.title,
    main: document.querySelectorAll('main').length,
    nav: document.querySelectorAll('header nav').length,
    footerLinks: document.querySelectorAll('footer a').length,
  }));
  if (facts.h1.length !== 1) problems.push(`[${label}] expected one h1, found ${facts.h1.length}`);
  if (!facts.title.includes(facts.h1[0] ?? '\u0000')) problems.push(`[${label}] title "${facts.title}" does not name h1 "${facts.h1[0]}"`);
  if (facts.main !== 1 || facts.nav < 1 || facts.footerLinks < 3) problems.push(`[${label}] landmarks missing: ${JSON.stringify(facts)}`);
  const violations = await axeViolations(page);
  if (violations.length > 0) problems.push(formatViolations(label, violations));
  return problems;
}

async function auditPaths(page: Page, language: Language, role: string, paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    await open(page, path);
    const lang = await page.evaluate(() => document.documentElement.lang);
    if (lang !== language) problems.push(`[${language} ${path}] <html lang="${lang}">`);
    problems.push(...(await auditPage(page, `${language} ${role} ${path}`)));
    await screenshot(page, `${language}-${role}-${slug(path)}`);
  }
  return problems;
}

function assertClean(problems: string[]): void {
  if (problems.length > 0) throw new Error(`Accessibility problems:\n\n${problems.join('\n\n')}`);
}

describe('accessibility (WCAG 2.1 A/AA with axe-core) and small screens', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  async function freshPage(language: Language, options: { width?: number } = {}): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, {
      language,
      bypassCSP: true,
      viewport: { width: options.width ?? 1280, height: options.width ? 740 : 900 },
    });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
    await createVerifiedUser(server.baseUrl, mail, 'buerger.de@example.org', 'Bürgerin Demo', 'de');
    await createVerifiedUser(server.baseUrl, mail, 'citizen.en@example.org', 'Citizen Demo', 'en');
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  describe.each(LANGUAGES)('in %s', (language) => {
    it('public and auth pages have no violations', async () => {
      const page = await freshPage(language);
      const problems = await auditPaths(page, language, 'public', PUBLIC_PAGES);

      // Error states count too: the login form after an empty submit.
      await open(page, '/login');
      await page.click('#login button[type="submit"]');
      await page.waitForSelector('.error-summary');
      problems.push(...(await auditPage(page, `${language} public /login (errors)`)));
      await screenshot(page, `${language}-public-login-errors`);
      assertClean(problems);
    });

    it('account pages of a citizen have no violations (and admin pages say "no permission")', async () => {
      const page = await freshPage(language);
      const email = language === 'de' ? 'buerger.de@example.org' : 'citizen.en@example.org';
      await loginViaForm(page, email, USER_PASSWORD);
      const problems = await auditPaths(page, language, 'citizen', CITIZEN_PAGES);
      const forbidden = language === 'de' ? 'Keine Berechtigung' : 'No permission';
      expect(await page.textContent('h1')).toBe(forbidden);
      assertClean(problems);
    });

    it('administration pages have no violations', async () => {
      const page = await freshPage(language);
      await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await switchLanguage(page, language);
      const problems = await auditPaths(page, language, 'admin', ADMIN_PAGES);

      // Edit pages of the first area and field of action in the lists.
      for (const list of ['/admin/areas', '/admin/fields-of-action']) {
        await open(page, list);
        await page.locator('td.kern-table__cell--action a').first().click();
        await page.waitForURL(new RegExp(`${list}/[^/]+$`));
        await waitForPage(page);
        problems.push(...(await auditPage(page, `${language} admin ${list}/:id`)));
        await screenshot(page, `${language}-admin-${slug(list)}-edit`);
      }

      // The role dialog, open.
      await open(page, '/admin/users');
      await page.locator('td.kern-table__cell--action button').first().click();
      await page.waitForSelector('dialog[open]');
      problems.push(...(await auditPage(page, `${language} admin /admin/users (dialog)`)));
      await screenshot(page, `${language}-admin-users-dialog`);
      assertClean(problems);
    });

    it('fits a 360 px wide phone screen without horizontal scrolling', async () => {
      const page = await freshPage(language, { width: 360 });
      const overflowing: string[] = [];
      for (const path of ['/', '/login', '/register', '/datenschutz']) {
        await open(page, path);
        const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, viewport: window.innerWidth }));
        if (widths.scroll > widths.viewport) overflowing.push(`${path}: ${widths.scroll}px > ${widths.viewport}px`);
        await screenshot(page, `mobile-${language}-${slug(path)}`);
      }
      expect(overflowing).toEqual([]);
    });
  });
});
