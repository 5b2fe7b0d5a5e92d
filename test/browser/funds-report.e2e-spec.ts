import type { AreaProfileResponse } from '@app/shared';
import type { CreatedProjectRef, FundDetail, FundSummary } from '@app/shared/funds';
import { type Browser, type Page } from 'playwright-core';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshotOf, switchLanguage, waitForPage } from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { apiSession, csrfHeaders } from './helpers/app';
import { SmtpSink } from '../helpers/smtp';

jest.setTimeout(240_000);

const AREA_CODE = 'ar-hafen';

/** "5.000,00 €" (German) → cents, without floating point. */
function germanCents(text: string): number | null {
  const clean = text.replace(/[^\d,–-]/g, '');
  if (clean === '' || clean === '–') return null;
  const [euros, cents = '00'] = clean.split(',');
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'));
}

async function audit(page: Page, label: string): Promise<string> {
  return formatViolations(label, await axeViolations(page));
}

/**
 * The Aktionsraumfonds in the area profile of the social report, on the demo data (a fresh start with
 * the demo participation): the fund table shows the API's money, what the funds financed links to the
 * Einzelprojekt it became (the Nachbarschaftsforum Hafen), axe clean in German and English.
 */
describe('social report: the area’s Aktionsraumfonds (web)', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port, { SEED_DEMO_PARTICIPATION: 'true' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  it('shows the funds by year with their money and what they financed, linked to the project, axe clean in de and en', async () => {
    const context = await newContext(browser, server.baseUrl, {
      language: 'de',
      locale: 'de-DE',
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    const csp = collectCspViolations(page);
    const api = (await (await page.request.get(`${server.baseUrl}/api/social-report/areas/${AREA_CODE}`)).json()) as AreaProfileResponse;
    expect(api.funds.items.length).toBe(2);
    await open(page, `/report/areas/${AREA_CODE}`);
    const section = page.locator('section[aria-labelledby="area-funds-title"]');
    await section.waitFor();
    expect(await section.locator('h2').innerText()).toBe('Aktionsraumfonds');

    const funds = section.locator('table').first();
    expect(await funds.locator('tbody tr').count()).toBe(api.funds.items.length);
    for (const [index, fund] of api.funds.items.entries()) {
      const cells = await funds.locator('tbody tr').nth(index).locator('th, td').allInnerTexts();
      expect(cells[0]).toBe(String(fund.year));
      expect(cells.slice(1).map(germanCents)).toEqual([
        fund.amountCents,
        fund.approvedCents,
        fund.paidCents,
        fund.returnedCents,
        fund.remainingCents,
      ]);
    }

    const financed = section.locator('table').nth(1);
    expect(await financed.locator('tbody tr').count()).toBe(api.funds.financed.length);
    const withProject = api.funds.financed.find((f) => f.project !== null)!;
    const link = financed.locator(`a[href="/projects/${withProject.project!.id}"]`);
    expect(await link.innerText()).toBe('Nachbarschaftsforum Hafen mit Bewohnerfonds');
    expect(await financed.innerText()).toContain('abgeschlossen');
    await screenshotOf(section, 'area-funds');

    expect(await audit(page, 'de area-funds')).toBe('');
    await switchLanguage(page, 'en');
    await waitForPage(page);
    expect(await section.locator('h2').innerText()).toBe('Action area fund (Aktionsraumfonds)');
    expect(await financed.innerText()).toContain('closed');
    expect(await audit(page, 'en area-funds')).toBe('');
    expect(csp).toEqual([]);

    await link.click();
    await page.waitForURL((url) => url.pathname === `/projects/${withProject.project!.id}`);
    await context.close();
  });

  it('an approved demo application becomes an Einzelprojekt whose timeline names the application, axe clean', async () => {
    const admin = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const year = new Date().getUTCFullYear();
    const funds = (await (await admin.get(`/api/funds?year=${year}`)).json()) as FundSummary[];
    const nordmarkt = funds.find((f) => f.area.code === 'ar-nordmarkt')!;
    const detail = (await (await admin.get(`/api/funds/${nordmarkt.id}`)).json()) as FundDetail;
    const approved = detail.applications.find((a) => a.state === 'approved')!;
    const res = await admin.post(`/api/applications/${approved.id}/project`, { headers: await csrfHeaders(admin) });
    expect(res.status()).toBe(201);
    const project = (await res.json()) as CreatedProjectRef;
    await admin.dispose();

    const context = await newContext(browser, server.baseUrl, {
      language: 'de',
      locale: 'de-DE',
      viewport: { width: 1280, height: 900 },
      bypassCSP: true,
    });
    const page = await context.newPage();
    await open(page, `/projects/${project.id}`);
    const origin = page.locator('.project-timeline__item--created .timeline__text');
    expect(await origin.innerText()).toBe(`Hervorgegangen aus dem Antrag „${approved.title}“ an den Aktionsraumfonds Nordmarkt ${year}`);
    expect(await page.locator('body').innerText()).toContain(`Aktionsraumfonds Nordmarkt ${year}`);
    expect(await audit(page, 'de project-from-application')).toBe('');
    await switchLanguage(page, 'en');
    await waitForPage(page);
    expect(await origin.innerText()).toBe(`Grew out of the application “${approved.title}” to the Aktionsraumfonds Nordmarkt ${year}`);
    expect(await audit(page, 'en project-from-application')).toBe('');
    await context.close();
  });

  it('fits a phone at 360 px', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de', locale: 'de-DE', viewport: { width: 360, height: 740 } });
    const page = await context.newPage();
    await open(page, `/report/areas/${AREA_CODE}`);
    const section = page.locator('section[aria-labelledby="area-funds-title"]');
    await section.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshotOf(section, 'area-funds-phone');
    await context.close();
  });
});
