import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot } from './helpers/browser';
import { startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

jest.setTimeout(120_000);

/**
 * The privacy page states the deletion periods the installation uses: they come from the server's
 * configuration (here a guest period of 45 days instead of the default 30), in German and English.
 */
describe('privacy page: the deletion periods of this installation', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    // The server process inherits the environment; set only for its start.
    process.env.RETENTION_GUEST_DAYS = '45';
    process.env.RETENTION_FUND_CONTACT_YEARS = '1';
    try {
      server = await startServer(mail.port);
    } finally {
      delete process.env.RETENTION_GUEST_DAYS;
      delete process.env.RETENTION_FUND_CONTACT_YEARS;
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  it.each([
    [
      'de',
      [
        'Ihren Namen und die Kennung Ihres Geräts löschen wir 45 Tage nach dem Ende der Versammlung',
        'Nicht bestätigte Registrierungen löschen wir nach 7 Tagen.',
        'spätestens nach 14 Tagen ohne Nutzung ab',
        'Benutzte und abgelaufene Links löschen wir nach einem Tag.',
        'gilt 180 Tage lang',
        'Kopien versandter E-Mails löschen wir 14 Tage nach dem Versand.',
        'Bei jedem abgeschlossenen, abgelehnten oder zurückgezogenen Antrag löschen wir sie ein Jahr danach.',
      ],
    ],
    [
      'en',
      [
        "we delete your name and your device's key 45 days after the assembly ended",
        'Unconfirmed registrations are deleted after 7 days.',
        'expires after at most 14 days without use',
        'Used and expired links are deleted after one day.',
        'works for 180 days',
        'Copies of sent emails are deleted 14 days after sending.',
        'For every closed, rejected or withdrawn application we delete them one year later.',
      ],
    ],
  ] as const)('in %s, from the server, without violations', async (language, sentences) => {
    const context = await newContext(browser, server.baseUrl, { language, bypassCSP: true });
    contexts.push(context);
    const page = await context.newPage();
    await open(page, '/datenschutz');
    const text = (await page.textContent('main')) ?? '';
    for (const sentence of sentences) expect(text).toContain(sentence);
    expect(text).not.toMatch(/\{\{|\$t\(/);
    await screenshot(page, `${language}-privacy-periods`);
    const violations = await axeViolations(page);
    if (violations.length) throw new Error(formatViolations(`${language} /datenschutz`, violations));
  });
});
