import type { APIRequestContext, Browser, Page } from 'playwright-core';
import type { ApplicationDetail, FundDetail } from '@app/shared/funds';
import { pdfTextOf } from '../api/helpers/pdf';
import { apiSession, createVerifiedUser, csrfHeaders } from './helpers/app';
import { launchBrowser, newContext, open, screenshot, switchLanguage, waitForPage } from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { audit } from './helpers/layout';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';
import { applicationBody, day } from '../api/helpers/funds';

jest.setTimeout(300_000);

const PHONE = { width: 360, height: 740 };
const RESIDENT = { email: 'yusuf.antrag@example.org', name: 'Yusuf Antragsteller' };
// A year of its own, so the demo data's funds and the other browser specs' funds never collide.
const YEAR = 2033;

async function post(api: APIRequestContext, path: string, data: unknown, status = 200) {
  const res = await api.post(path, { headers: await csrfHeaders(api), data });
  if (res.status() !== status) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return res;
}

/**
 * A resident casts a ballot in a fund's binding online vote on a phone, with the voting code from
 * the printed letter's QR link (the code is filled in): running sum and money left, the confirmation,
 * axe-clean in German and English at 360 px.
 */
describe('Aktionsraumfonds: online vote (web)', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  let fund: FundDetail;
  let code = '';
  const titles = ['Lastenrad für alle', 'Bücherschrank am Platz', 'Hochbeete im Hof'];

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
    await createVerifiedUser(server.baseUrl, mail, RESIDENT.email, RESIDENT.name);
    const admin = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const resident = await apiSession(server.baseUrl, RESIDENT.email);
    const areas = (await (await admin.get('/api/areas?type=action_area')).json()) as Array<{ id: string }>;
    fund = (await (
      await post(
        admin,
        '/api/funds',
        {
          areaId: areas[0].id,
          year: YEAR,
          amountCents: 200_000,
          maxPerApplicationCents: 150_000,
          applicationStart: day(-5),
          applicationEnd: day(5),
        },
        201,
      )
    ).json()) as FundDetail;
    for (const [i, title] of titles.entries()) {
      const cents = [120_000, 50_000, 60_000][i];
      const body = applicationBody({ title, costItems: [{ label: 'Material', amountCents: cents }], requestedAmountCents: cents });
      const a = (await (await post(resident, `/api/funds/${fund.id}/applications`, body, 201)).json()) as ApplicationDetail;
      await post(resident, `/api/applications/${a.id}/transitions/submit`, {});
      await post(admin, `/api/applications/${a.id}/transitions/check`, {});
      await post(admin, `/api/applications/${a.id}/transitions/put_on_agenda`, {});
    }
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const endsAt = new Date(Date.now() + 86_400_000).toISOString();
    await post(admin, `/api/funds/${fund.id}/online-vote`, { startsAt, endsAt, binding: true }, 201);
    const sheet = await post(admin, `/api/funds/${fund.id}/online-vote/codes`, { count: 2 });
    const { text } = pdfTextOf(await sheet.body());
    code = /\b([2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5})\b/.exec(text)?.[1] ?? '';
    expect(code).not.toBe('');
    await admin.dispose();
    await resident.dispose();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  async function auditBothLanguages(page: Page, label: string): Promise<string[]> {
    const problems = await audit(page, `de ${label}`);
    await screenshot(page, `funds-online-vote-${label}-de`);
    await switchLanguage(page, 'en');
    await page.locator('main').getByText('Which applications should receive money?').waitFor();
    await waitForPage(page);
    problems.push(...(await audit(page, `en ${label}`)));
    await screenshot(page, `funds-online-vote-${label}-en`);
    await switchLanguage(page, 'de');
    await waitForPage(page);
    return problems;
  }

  it('casts a ballot with the code from the letter, within the budget, on a phone', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de', viewport: PHONE, bypassCSP: true });
    const page = await context.newPage();
    const csp = collectCspViolations(page);
    await open(page, `/fonds/${fund.id}/abstimmung?code=${code}`);
    await page.getByRole('heading', { level: 1, name: /Online-Abstimmung/ }).waitFor();
    await expect(page.getByLabel('Abstimmungscode').inputValue()).resolves.toBe(code);
    const problems = await auditBothLanguages(page, 'ballot');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

    // 1,200 + 600 fit in 2,000; adding 500 goes over: the sum says so at once and the form refuses.
    await page.getByLabel(titles[0]).check();
    await page.getByText('Gewählt: 1.200,00 € von 2.000,00 € · übrig: 800,00 €').waitFor();
    await page.getByLabel(titles[2]).check();
    await page.getByLabel(titles[1]).check();
    await page
      .getByText(/Gewählt: 2\.300,00\s€, mehr als das Budget von 2\.000,00\s€/)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Stimmzettel abgeben' }).click();
    await page
      .locator('.error-summary')
      .getByText(/mehr als das Budget/)
      .waitFor();
    await page.getByLabel(titles[1]).uncheck();
    await page.getByText('Gewählt: 1.800,00 € von 2.000,00 € · übrig: 200,00 €').waitFor();
    await screenshot(page, 'funds-online-vote-ballot-filled');
    await page.getByRole('button', { name: 'Stimmzettel abgeben' }).click();
    await page.getByRole('status').getByText('Danke! Ihr Stimmzettel ist abgegeben.').waitFor();
    problems.push(...(await audit(page, 'de cast')));
    await screenshot(page, 'funds-online-vote-cast');
    expect(problems).toEqual([]);
    expect(csp).toEqual([]);

    // The same code again (another phone): refused with the server's message.
    const other = await (await newContext(browser, server.baseUrl, { language: 'de', viewport: PHONE, bypassCSP: true })).newPage();
    await open(other, `/fonds/${fund.id}/abstimmung?code=${code}`);
    await other.getByLabel(titles[1]).check();
    await other.getByRole('button', { name: 'Stimmzettel abgeben' }).click();
    await other.locator('.error-summary').waitFor();
    expect(await other.locator('.error-summary').innerText()).toMatch(/abgestimmt|already|verwendet|used/i);
    await context.close();
  });
});
