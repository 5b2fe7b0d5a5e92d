import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { request } from 'playwright-core';
import { createVerifiedUser, csrfHeaders, USER_PASSWORD } from './helpers/app';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot, waitForPage } from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { startServer, type RunningServer } from './helpers/server';
import { linkFrom, SmtpSink } from '../helpers/smtp';

// The jest project's testTimeout is not applied per project; real browser journeys need longer.
jest.setTimeout(120_000);

/** Fills the registration form on the page and sends it. */
async function submitRegistration(page: Page, displayName: string, email: string, password: string): Promise<void> {
  await page.fill('#register-displayName', displayName);
  await page.fill('#register-email', email);
  await page.fill('#register-password', password);
  await page.click('#register button[type="submit"]');
}

/** Signs in with the form on the sign-in page already open, and waits until it leads to `landing`. */
async function signInTo(page: Page, email: string, password: string, landing: string): Promise<void> {
  await page.fill('#login-email', email);
  await page.fill('#login-password', password);
  await page.click('#login button[type="submit"]');
  await page.waitForURL((url) => url.pathname === landing);
}

describe('account lifecycle in a real browser', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  it('registers, opens the link from the mail, signs in and downloads the own data', async () => {
    const email = 'kim.neu@example.org';
    const displayName = 'Kim aus Eving';
    // CSP stays enforced here: the whole journey must work under the server's policy.
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    const cspViolations = collectCspViolations(page);

    await open(page, '/register');
    await submitRegistration(page, displayName, email, USER_PASSWORD);
    await page.waitForSelector(`text=Wir haben eine E-Mail an ${email} gesendet`);
    // The form is gone: focus is on the result, not on <body>.
    await page.waitForFunction(() => document.activeElement?.classList.contains('register-result') === true);
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Fast geschafft');
    await screenshot(page, 'de-registered');

    const verificationMail = await mail.waitFor(email);
    const link = linkFrom(verificationMail, '/verify-email').toString();
    expect(link.startsWith(`${server.baseUrl}/verify-email?token=`)).toBe(true);

    await page.goto(link);
    await waitForPage(page);
    await page.waitForSelector('text=Ihre E-Mail-Adresse ist bestätigt.');

    // Opened again (from the mail, another tab, later): the address is confirmed, not "invalid".
    // A context of its own: axe is injected as a script, which this journey's enforced CSP refuses.
    const otherContext = await newContext(browser, server.baseUrl, { bypassCSP: true });
    const again = await otherContext.newPage();
    await again.goto(link);
    await waitForPage(again);
    await again.waitForSelector('text=Diese E-Mail-Adresse ist bereits bestätigt.');
    expect(await again.locator('text=konnte nicht bestätigt werden').count()).toBe(0);
    expect(await again.getByRole('link', { name: 'Zur Anmeldung' }).getAttribute('href')).toBe('/login');
    expect(formatViolations('verify-email again', await axeViolations(again))).toBe('');
    await screenshot(again, 'de-verify-email-again');
    await otherContext.close();

    await page.click('a:has-text("Zur Anmeldung")');
    await page.waitForURL((url) => url.pathname === '/login');

    await signInTo(page, email, USER_PASSWORD, '/');
    await page.waitForSelector(`text=Sie sind angemeldet als ${displayName}.`);
    expect(await page.textContent('.site-nav__user')).toContain(displayName);

    await page.click('nav >> text=Mein Konto');
    await page.waitForURL((url) => url.pathname === '/account');
    await waitForPage(page);
    await screenshot(page, 'de-account-citizen');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('button:has-text("Daten herunterladen")')]);
    expect(download.suggestedFilename()).toBe('soziale-stadt-export.json');
    const exported = readFileSync(await download.path(), 'utf8');
    const data: unknown = JSON.parse(exported);
    expect(typeof data).toBe('object');
    expect(exported).toContain(email);
    expect(exported).toContain(displayName);
    await page.waitForSelector('text=Der Download wurde gestartet.');

    // Signing out from a page that needs a session lands on the home page, not the login.
    await page.click('button:has-text("Abmelden")');
    await page.waitForSelector('text=Sie haben sich abgemeldet.');
    expect(new URL(page.url()).pathname).toBe('/');

    expect(cspViolations).toEqual([]);
    await context.close();
  });

  it('brings a person who needs an account back where they came from: login, register, the mailed link, sign in, and a new password after registering again', async () => {
    const email = 'rueckweg@example.org';
    const page = await (await newContext(browser, server.baseUrl)).newPage();
    await open(page, `/login?returnTo=${encodeURIComponent('/assemblies')}`);
    // The header's links keep the way back too.
    expect(await page.locator('header').getByRole('link', { name: 'Registrieren', exact: true }).getAttribute('href')).toBe(
      '/register?returnTo=%2Fassemblies',
    );
    await page.getByRole('link', { name: 'Noch kein Konto? Jetzt registrieren' }).click();
    await page.waitForURL((url) => url.pathname === '/register' && url.searchParams.get('returnTo') === '/assemblies');
    await waitForPage(page);
    expect(await page.getByRole('link', { name: 'Sie haben schon ein Konto? Zur Anmeldung' }).getAttribute('href')).toBe(
      '/login?returnTo=%2Fassemblies',
    );
    await submitRegistration(page, 'Rita Rückweg', email, USER_PASSWORD);
    await page.waitForSelector(`text=Wir haben eine E-Mail an ${email} gesendet`);

    const link = linkFrom(await mail.waitFor(email), '/verify-email');
    expect(link.searchParams.get('returnTo')).toBe('/assemblies');
    await page.goto(link.toString());
    await page.waitForSelector('text=Ihre E-Mail-Adresse ist bestätigt.');
    const toLogin = page.getByRole('link', { name: 'Zur Anmeldung' });
    expect(await toLogin.getAttribute('href')).toBe('/login?returnTo=%2Fassemblies');
    await toLogin.click();
    await page.waitForURL((url) => url.pathname === '/login');
    await waitForPage(page);
    await signInTo(page, email, USER_PASSWORD, '/assemblies');
    await page.waitForSelector('text=Sie sind angemeldet als Rita Rückweg.');
    await page.context().close();

    // Later she forgets that she has an account and registers again from the same page: the mail says
    // so and offers a new password, and after choosing it she signs in and is back on that page.
    const again = await (await newContext(browser, server.baseUrl)).newPage();
    await open(again, `/register?returnTo=${encodeURIComponent('/assemblies')}`);
    await submitRegistration(again, 'Rita Rückweg', email, 'ein ganz anderes Passwort');
    await again.waitForSelector(`text=Wir haben eine E-Mail an ${email} gesendet`);
    const reset = linkFrom(await mail.waitFor(email, (m) => m.subject === 'Ihr Konto besteht bereits'), '/reset-password');
    expect(reset.searchParams.get('returnTo')).toBe('/assemblies');
    await again.goto(reset.toString());
    await waitForPage(again);
    const newPassword = 'Spaziergang am Hafenbecken';
    await again.fill('#reset-password-password', newPassword);
    await again.fill('#reset-password-passwordRepeat', newPassword);
    await again.click('#reset-password button[type="submit"]');
    await again.waitForSelector('text=Ihr Passwort wurde geändert.');
    expect(new URL(again.url()).searchParams.get('returnTo')).toBe('/assemblies');
    await signInTo(again, email, newPassword, '/assemblies');
    await again.waitForSelector('text=Sie sind angemeldet als Rita Rückweg.');
    await again.context().close();
  });

  it('asks for the password when several registrations wait for the address, and confirms the one it belongs to', async () => {
    const email = 'zweimal@example.org';
    const api = await request.newContext({ baseURL: server.baseUrl });
    const register = async (password: string, displayName: string) => {
      const before = mail.mails.length;
      const res = await api.post('/api/auth/register', { headers: await csrfHeaders(api), data: { email, password, displayName } });
      expect(res.status()).toBe(201);
      return mail.waitFor(email, (m) => !mail.mails.slice(0, before).includes(m));
    };
    await register(USER_PASSWORD, 'Echte Person');
    // Somebody else registers the same address later; the owner opens that later link.
    const laterMail = await register('fremdes Passwort 12345', 'Jemand Anderes');

    // axe needs to inject its script, which the app's CSP rightly blocks.
    const context = await newContext(browser, server.baseUrl, { bypassCSP: true });
    const page = await context.newPage();
    await page.goto(linkFrom(laterMail, '/verify-email').toString());
    await waitForPage(page);
    await page.waitForSelector('text=Bitte bestätigen Sie mit Ihrem Passwort');
    await page.waitForFunction(() => document.activeElement?.id === 'verify-email-password-password');
    expect(await page.textContent('label[for="verify-email-password-password"]')).toContain('Ihr Passwort aus der Registrierung');
    expect(await page.getAttribute('#verify-email-password-password', 'aria-describedby')).toBeTruthy();
    const asking = await axeViolations(page);
    expect(formatViolations('verify-email password', asking)).toBe('');
    await screenshot(page, 'de-verify-email-password');

    await page.fill('#verify-email-password-password', 'ein falsches Passwort');
    await page.click('#verify-email-password button[type="submit"]');
    await page.waitForSelector('#verify-email-password-password-error');
    expect(await page.textContent('#verify-email-password-password-error')).toContain('Das Passwort passt zu keiner Registrierung');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.getAttribute('#verify-email-password-password', 'aria-invalid')).toBe('true');
    expect(formatViolations('verify-email wrong password', await axeViolations(page))).toBe('');

    await page.fill('#verify-email-password-password', USER_PASSWORD);
    await page.click('#verify-email-password button[type="submit"]');
    await page.waitForSelector('text=Ihre E-Mail-Adresse ist bestätigt.');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Ihre E-Mail-Adresse ist bestätigt.');
    expect(formatViolations('verify-email confirmed', await axeViolations(page))).toBe('');

    const own = await api.post('/api/auth/login', { headers: await csrfHeaders(api), data: { email, password: USER_PASSWORD } });
    expect(own.status()).toBe(200);
    expect((await own.json()).user.displayName).toBe('Echte Person');
    const other = await api.post('/api/auth/login', {
      headers: await csrfHeaders(api),
      data: { email, password: 'fremdes Passwort 12345' },
    });
    expect(other.status()).toBe(401);
    await api.dispose();
    await context.close();
  });

  it('completes the sign-in with the keyboard only', async () => {
    const email = 'tastatur@example.org';
    await createVerifiedUser(server.baseUrl, mail, email, 'Tastatur-Test');
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await waitForPage(page);

    const active = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return {
          id: element?.id ?? '',
          className: element?.className ?? '',
          outline: element ? getComputedStyle(element).outlineStyle : '',
        };
      });

    await page.keyboard.press('Tab');
    expect((await active()).className).toContain('skip-link');

    let focused = await active();
    for (let presses = 0; presses < 40 && focused.id !== 'login-email'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = await active();
    }
    expect(focused.id).toBe('login-email');
    expect(focused.outline).not.toBe('none');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    expect((await active()).id).toBe('login-password');
    await page.keyboard.type(USER_PASSWORD);
    await page.keyboard.press('Enter');

    await page.waitForURL((url) => url.pathname === '/');
    await page.waitForSelector('text=Sie sind angemeldet als Tastatur-Test.');
    // After the route change focus lands on the new page's h1, once the page's code has arrived (pages load
    // on demand; the flash above may show first).
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    await context.close();
  });

  it('shows field errors next to the fields and moves focus to the error summary', async () => {
    const context = await newContext(browser, server.baseUrl);
    const page = await context.newPage();
    await open(page, '/login');
    await page.click('#login button[type="submit"]');
    await page.waitForSelector('.error-summary');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    expect(await page.getAttribute('#login-email', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#login-email', 'aria-describedby')).toContain('login-email-error');
    expect(await page.textContent('#login-email-error')).toContain('Bitte füllen Sie dieses Feld aus.');

    await page.fill('#login-email', 'niemand@example.org');
    await page.fill('#login-password', 'falsches-passwort-123');
    await page.click('#login button[type="submit"]');
    await page.waitForSelector('.error-summary >> text=E-Mail-Adresse oder Passwort sind nicht richtig.');
    await screenshot(page, 'de-login-error');
    await context.close();
  });

  it('uses the account language after sign-in and deletes the account after confirmation', async () => {
    const email = 'loeschen@example.org';
    await createVerifiedUser(server.baseUrl, mail, email, 'Leaving Soon', 'en');
    const context = await newContext(browser, server.baseUrl, { language: 'de' });
    const page = await context.newPage();
    await open(page, '/login');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    await signInTo(page, email, USER_PASSWORD, '/');
    await page.waitForSelector('text=You are signed in as Leaving Soon.');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await open(page, '/account');
    await page.click('#delete-account button[type="submit"]');
    await page.waitForSelector('#delete-account-confirmed-error');
    await page.check('#delete-account-confirmed');
    await page.fill('#delete-account-password', USER_PASSWORD);
    await page.click('#delete-account button[type="submit"]');
    await page.waitForURL((url) => url.pathname === '/');
    await page.waitForSelector('text=Your account has been deleted.');
    expect(await page.locator('.site-nav__user').count()).toBe(0);

    await open(page, '/login');
    await page.fill('#login-email', email);
    await page.fill('#login-password', USER_PASSWORD);
    await page.click('#login button[type="submit"]');
    await page.waitForSelector('.error-summary');
    expect(await page.textContent('.error-summary')).toContain('The email address or password is not correct.');
    await context.close();
  });
});
