import type { Browser, Page } from 'playwright-core';
import { loginViaForm } from './helpers/app';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot, switchLanguage } from './helpers/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

jest.setTimeout(120_000);

/** Fast retries and few attempts for the server under test, so a refused mail fails within seconds. */
const MAIL_ENV = { MAIL_RETRY_BASE_MS: '100', MAIL_RETRY_MAX_MS: '200', MAIL_MAX_ATTEMPTS: '2', MAIL_WORKER_INTERVAL_MS: '200' };

describe('administration: the mail outbox', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const refused = `abgewiesen-${Date.now()}@example.org`;

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    const saved = Object.fromEntries(Object.keys(MAIL_ENV).map((key) => [key, process.env[key]]));
    Object.assign(process.env, MAIL_ENV);
    try {
      server = await startServer(mail.port);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    browser = await launchBrowser();
    const context = await newContext(browser, server.baseUrl, { language: 'de', bypassCSP: true });
    page = await context.newPage();
    await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  it('shows a failed mail with its error, sends it again, and passes axe in German and English', async () => {
    // A registration whose mail the server refuses: after two attempts the outbox gives up on it.
    mail.rejectRecipients = '550 5.1.1 Recipient address rejected';
    const registered = await page.request.post('/api/auth/register', {
      headers: { 'x-csrf-token': (await page.context().cookies()).find((c) => c.name === 'csrf_token')?.value ?? '' },
      data: { email: refused, password: 'Sichere-Passphrase-42', displayName: 'Abgewiesen' },
    });
    expect(registered.status()).toBe(201);
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const health = (await (await page.request.get('/api/health')).json()) as { mail: { failed: number } };
      if (health.mail.failed > 0) break;
      await page.waitForTimeout(200);
    }

    await open(page, '/admin');
    await page.getByRole('link', { name: 'Postausgang', exact: true }).first().click();
    await page.waitForURL((url) => url.pathname === '/admin/mails');
    await open(page, '/admin/mails');
    expect(await page.textContent('h1')).toBe('Postausgang');
    const row = page.getByRole('row', { name: /Bitte bestätigen Sie Ihre E-Mail-Adresse/ });
    expect(await row.textContent()).toContain(refused);
    expect(await row.textContent()).toContain('Recipient address rejected');
    expect(await page.locator('.report-facts').textContent()).toContain('Fehlgeschlagen1');
    expect(formatViolations('admin mails (de)', await axeViolations(page))).toBe('');
    await screenshot(page, 'de-admin-mails-failed');

    await switchLanguage(page, 'en');
    expect(await page.textContent('h1')).toBe('Outgoing mail');
    expect(await page.getByRole('button', { name: /Send again/ }).count()).toBe(1);
    expect(formatViolations('admin mails (en)', await axeViolations(page))).toBe('');
    await switchLanguage(page, 'de');

    mail.rejectRecipients = null;
    await page.getByRole('button', { name: /Erneut senden/ }).click();
    await page.waitForSelector('text=wird erneut gesendet.');
    const sent = await mail.waitFor(refused);
    expect(sent.text).toContain('/verify-email?token=');
    await page.reload();
    await page.waitForSelector('text=Keine fehlgeschlagenen E-Mails.');
    expect(formatViolations('admin mails after retry (de)', await axeViolations(page))).toBe('');
  });
});
