import { type Browser, type Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { apiSession, createVerifiedUser, loginViaForm, makeModerator, postJson, USER_PASSWORD } from './helpers/app';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot, switchLanguage, waitForPage } from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

// Real browser journeys take longer than the default test timeout.
jest.setTimeout(240_000);

const MODERATOR = { email: 'mia.moderation@example.org', name: 'Mia Moderation' };
const CITIZEN = { email: 'ben.buerger@example.org', name: 'Ben Bürger' };
const SECOND_CITIZEN = { email: 'clara.citoyenne@example.org', name: 'Clara Citoyenne' };
const TITLE = 'Bürgerversammlung Nordmarkt im Frühjahr';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const GUEST_KEY_PREFIX = 'soziale-stadt.guest.';

/** The moderator opens the assembly the way the console does: over the live socket. */
async function openAssembly(baseUrl: string, assemblyId: string): Promise<void> {
  const moderator = await apiSession(baseUrl, MODERATOR.email, USER_PASSWORD);
  const cookie = (await moderator.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  await moderator.dispose();
  const socket = io(`${baseUrl}/live`, {
    auth: { assemblyId },
    extraHeaders: { Cookie: cookie },
    transports: ['websocket'],
    reconnection: false,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (error) => reject(error));
    });
    const ack = (await socket.timeout(10_000).emitWithAck('assembly:set-status', { status: 'live' })) as { ok: boolean; error?: unknown };
    if (!ack.ok) throw new Error(`set-status: ${JSON.stringify(ack.error)}`);
  } finally {
    socket.disconnect();
  }
}

/** No horizontal scrolling on a phone. */
async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** An assembly only people with an account may join, planned through the API. */
async function planAccountOnlyAssembly(baseUrl: string): Promise<string> {
  const moderator = await apiSession(baseUrl, MODERATOR.email, USER_PASSWORD);
  try {
    const areas = (await (await moderator.get('/api/areas')).json()) as Array<{ id: string }>;
    const created = await postJson<{ id: string; joinCode: string }>(
      moderator,
      '/api/assemblies',
      {
        title: 'Versammlung nur mit Konto',
        place: 'Rathaus, Saal 2',
        startsAt: '2030-06-01T16:00:00Z',
        endsAt: '2030-06-01T18:00:00Z',
        areaIds: [areas[0].id],
        requireAccount: true,
      },
      201,
    );
    return created.joinCode;
  } finally {
    await moderator.dispose();
  }
}

async function audit(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const h1 = await page.locator('h1').count();
  if (h1 !== 1) problems.push(`[${label}] expected one h1, found ${h1}`);
  const violations = await axeViolations(page);
  if (violations.length > 0) problems.push(formatViolations(label, violations));
  return problems;
}

/** axe in German, then in English (switched with the header switcher), back to German. */
async function auditBothLanguages(page: Page, label: string): Promise<string[]> {
  const problems = await audit(page, `de ${label}`);
  await switchLanguage(page, 'en');
  await waitForPage(page);
  problems.push(...(await audit(page, `en ${label}`)));
  await switchLanguage(page, 'de');
  return problems;
}

describe('assemblies', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  let assemblyId = '';
  let joinCode = '';

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
    await createVerifiedUser(server.baseUrl, mail, MODERATOR.email, MODERATOR.name);
    await createVerifiedUser(server.baseUrl, mail, CITIZEN.email, CITIZEN.name);
    await makeModerator(server.baseUrl, MODERATOR.email);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  it('lets a moderator create an assembly with an agenda through the form', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de', locale: 'de-DE', viewport: DESKTOP, bypassCSP: true });
    const page = await context.newPage();
    const csp = collectCspViolations(page);
    const problems: string[] = [];
    await loginViaForm(page, MODERATOR.email, USER_PASSWORD);

    // The main navigation leads to the list, where moderators find "new assembly".
    await page.click('.site-nav >> text=Bürgerversammlungen');
    await waitForPage(page);
    await page.click('text=Neue Versammlung');
    await page.waitForURL((url) => url.pathname === '/assemblies/new');
    await waitForPage(page);
    problems.push(...(await auditBothLanguages(page, '/assemblies/new')));

    // An empty submit: the error summary takes focus and links to the fields.
    await page.click('#assembly button[type="submit"]');
    await page.waitForSelector('.error-summary');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const summary = await page.textContent('.error-summary');
    expect(summary).toContain('Titel');
    expect(summary).toContain('Gebiete');
    expect(summary).toContain('Titel von Tagesordnungspunkt 1');
    problems.push(...(await audit(page, 'de /assemblies/new (errors)')));

    await page.fill('#assembly-title', TITLE);
    await page.fill('#assembly-description', 'Wir sprechen über den Platz vor der Schule.\n\n- Bänke\n- Bäume');
    await page.fill('#assembly-place', 'Nachbarschaftstreff Nordmarkt, Mallinckrodtstraße 1');
    await page.fill('#assembly-startsAt', '2030-05-14T18:00');
    await page.fill('#assembly-endsAt', '2030-05-14T20:30');
    await page.check('#assembly-areaIds');
    await page.check('#assembly-registrationEnabled');
    await page.fill('#assembly-capacity', '40');

    // Agenda: three items, the third moved up by keyboard, a fourth added and removed again.
    await page.fill('#assembly-agenda-0-title', 'Begrüßung');
    await page.click('text=Tagesordnungspunkt hinzufügen');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('assembly-agenda-1-title');
    await page.keyboard.type('Abstimmung über neue Bänke');
    await page.selectOption('#assembly-agenda-1-title-type', 'vote');
    await page.click('text=Tagesordnungspunkt hinzufügen');
    await page.keyboard.type('Vorschläge sammeln');
    await page.selectOption('#assembly-agenda-2-title-type', 'proposal_collection');
    await page.focus('.agenda-editor__item:nth-child(3) button:has-text("Nach oben")');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.agenda-editor [aria-live="polite"] >> text=„Vorschläge sammeln“ ist jetzt Punkt 2 von 3.');
    // Focus stays on the moved item's button, now in second place.
    expect(await page.evaluate(() => document.activeElement?.closest('li')?.querySelector('input')?.value)).toBe('Vorschläge sammeln');
    await page.click('text=Tagesordnungspunkt hinzufügen');
    await page.keyboard.type('Wird wieder entfernt');
    await page.click('.agenda-editor__item:nth-child(4) button:has-text("Entfernen")');
    expect(await page.locator('.agenda-editor__item').count()).toBe(3);
    await screenshot(page, 'assemblies-form-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'assemblies-form-360');
    await expectFitsPhone(page);
    await page.setViewportSize(DESKTOP);

    await page.click('#assembly button[type="submit"]');
    await page.waitForURL((url) => /^\/assemblies\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPage(page);
    assemblyId = new URL(page.url()).pathname.split('/')[2];
    await page.waitForSelector('text=Die Versammlung ist angelegt.');
    expect(await page.textContent('h1')).toBe(TITLE);
    expect(await page.locator('.assembly-agenda__title').allTextContents()).toEqual([
      'Begrüßung',
      'Vorschläge sammeln',
      'Abstimmung über neue Bänke',
    ]);
    expect(await page.textContent('.assembly-meta--detail')).toContain('18:00');
    joinCode = (await page.textContent('[data-testid="join-code"]'))?.trim() ?? '';
    expect(joinCode).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    // The QR code image loads (it is an SVG from the API) and has a text alternative.
    const qr = page.locator('.assembly-qr__image');
    expect(await qr.getAttribute('alt')).toContain(joinCode);
    expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    expect(await page.getAttribute('a:has-text("Moderationspult öffnen")', 'href')).toBe(`/assemblies/${assemblyId}/console`);
    expect(await page.getAttribute('a:has-text("Protokoll als PDF")', 'href')).toBe(`/api/assemblies/${assemblyId}/minutes.pdf?lang=de`);
    await screenshot(page, 'assemblies-detail-moderator-desktop');
    problems.push(...(await auditBothLanguages(page, '/assemblies/:id (moderator)')));

    // The edit form keeps the agenda in its order.
    await page.click('text=Bearbeiten');
    await page.waitForURL((url) => url.pathname === `/assemblies/${assemblyId}/edit`);
    await waitForPage(page);
    expect(await page.inputValue('#assembly-agenda-1-title')).toBe('Vorschläge sammeln');
    expect(await page.inputValue('#assembly-startsAt')).toBe('2030-05-14T18:00');
    problems.push(...(await audit(page, 'de /assemblies/:id/edit')));

    expect(csp).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a citizen find the assembly in the list and register', async () => {
    expect(assemblyId).not.toBe('');
    const context = await newContext(browser, server.baseUrl, { language: 'de', viewport: DESKTOP, bypassCSP: true });
    const page = await context.newPage();
    const problems: string[] = [];

    // Signed out: the list, the detail with a sign-in prompt instead of the button.
    await open(page, '/assemblies');
    await page.waitForSelector(`.assembly-card >> text=${TITLE}`);
    problems.push(...(await auditBothLanguages(page, '/assemblies')));
    await open(page, `/assemblies/${assemblyId}`);
    await page.waitForSelector('text=Melden Sie sich an, um sich für die Versammlung anzumelden');
    expect(await page.locator('[data-testid="join-code"]').count()).toBe(0);
    problems.push(...(await auditBothLanguages(page, '/assemblies/:id (signed out)')));

    await loginViaForm(page, CITIZEN.email, USER_PASSWORD);
    await open(page, '/assemblies');
    const card = page.locator('.assembly-card', { hasText: TITLE });
    expect(await card.textContent()).toContain('Noch 40 Plätze frei (von 40)');
    await screenshot(page, 'assemblies-list-desktop');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'assemblies-list-360');
    await expectFitsPhone(page);
    await page.setViewportSize(DESKTOP);
    // Per area (a district includes its sub-areas) and upcoming/past, kept in the URL.
    await page.selectOption('#assembly-filter-areaId', { label: 'Brackel' });
    await page.click('#assembly-filter button[type="submit"]');
    await page.waitForURL((url) => url.searchParams.has('areaId'));
    await page.locator('.assembly-card', { hasText: TITLE }).waitFor({ state: 'detached' });
    await page.waitForSelector('.result-count');
    await page.selectOption('#assembly-filter-areaId', { label: 'Aplerbeck' });
    await page.click('#assembly-filter button[type="submit"]');
    await page.waitForSelector(`.assembly-card >> text=${TITLE}`);
    await page.click('.assembly-tabs >> text=Vergangene Versammlungen');
    await page.waitForURL((url) => url.searchParams.get('when') === 'past');
    await page.waitForSelector('h2 >> text=Vergangene Versammlungen');
    expect(await page.getAttribute('.assembly-tabs a[aria-current="page"]', 'href')).toContain('when=past');
    await page.locator('.assembly-card', { hasText: TITLE }).waitFor({ state: 'detached' });
    await page.click('.assembly-tabs >> text=Kommende Versammlungen');
    await page.waitForSelector(`.assembly-card >> text=${TITLE}`);
    await card.locator(`a:has-text("${TITLE}")`).click();
    await page.waitForURL((url) => url.pathname === `/assemblies/${assemblyId}`);
    await waitForPage(page);
    expect(await page.getAttribute('a:has-text("In den Kalender eintragen")', 'href')).toBe(`/api/assemblies/${assemblyId}/calendar.ics`);

    await page.click('button:has-text("Zur Versammlung anmelden")');
    await page.waitForSelector('.registration [role="status"] >> text=Angemeldet: Ihr Platz ist bestätigt.');
    await page.waitForSelector('text=Sie sind angemeldet.');
    await page.waitForSelector('text=Noch 39 Plätze frei (von 40)');
    await mail.waitFor(CITIZEN.email, (m) => m.text.includes(TITLE) || m.subject.includes(TITLE));
    await screenshot(page, 'assemblies-detail-registered-desktop');
    problems.push(...(await audit(page, 'de /assemblies/:id (registered)')));

    // Cancelling gives the place back.
    await page.click('button:has-text("Anmeldung zurückziehen")');
    await page.waitForSelector('.registration [role="status"] >> text=Ihre Anmeldung ist zurückgezogen.');
    await page.waitForSelector('text=Noch 40 Plätze frei (von 40)');
    await page.click('button:has-text("Zur Versammlung anmelden")');
    await page.waitForSelector('text=Sie sind angemeldet.');

    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a guest join by code on a 360 px phone and rejoin on the same device', async () => {
    expect(joinCode).not.toBe('');
    const context = await newContext(browser, server.baseUrl, { language: 'de', viewport: PHONE, isMobile: true, bypassCSP: true });
    const page = await context.newPage();
    const csp = collectCspViolations(page);
    const problems: string[] = [];

    await open(page, '/join');
    expect(await page.textContent('#join-code-hint')).toContain('Buchstaben ohne I, L, O und Ziffern 2–9');
    problems.push(...(await auditBothLanguages(page, '/join')));

    await expectFitsPhone(page);

    // An assembly for account holders only: the guest is asked to sign in, with a link that comes back.
    const accountOnlyCode = await planAccountOnlyAssembly(server.baseUrl);
    await page.fill('#join-code', accountOnlyCode);
    await page.fill('#join-displayName', 'Gesa Gast');
    await page.click('#join button[type="submit"]');
    await page.waitForSelector('[role="alert"] >> text=Für diese Versammlung brauchen Sie ein Benutzerkonto.');
    expect(await page.getAttribute('a:has-text("Anmelden und teilnehmen")', 'href')).toBe(
      `/login?returnTo=${encodeURIComponent(`/join/${accountOnlyCode}`)}`,
    );

    // A code that does not exist: the error sits at the code field.
    await page.fill('#join-code', 'zzzzzz');
    expect(await page.inputValue('#join-code')).toBe('ZZZZZZ');
    await page.fill('#join-displayName', 'Gesa Gast');
    await page.click('#join button[type="submit"]');
    await page.waitForSelector('#join-code-error >> text=Zu diesem Code gibt es keine Versammlung.');
    problems.push(...(await audit(page, 'de /join (wrong code)')));
    await screenshot(page, 'assemblies-join-error-360');
    await expectFitsPhone(page);

    // The right code in lower case, but a check-in card that does not exist.
    await page.fill('#join-code', joinCode.toLowerCase());
    await page.fill('#join-card', 'falsch-12345');
    expect(await page.inputValue('#join-card')).toBe('FALSCH-12345');
    await page.click('#join button[type="submit"]');
    await page.waitForSelector('#join-card-error >> text=Diese Check-in-Karte gilt nicht für diese Versammlung.');

    // Prefilled from the URL (/join/code, as the QR code opens it); without a check-in code it works.
    await open(page, `/join/${joinCode.toLowerCase()}`);
    expect(await page.inputValue('#join-code')).toBe(joinCode);
    await screenshot(page, 'assemblies-join-360');
    await page.fill('#join-displayName', 'Gesa Gast');
    await page.click('#join button[type="submit"]');
    await page.waitForURL((url) => url.pathname === `/assemblies/${assemblyId}/live`);
    const token = await page.evaluate((key) => localStorage.getItem(key), `${GUEST_KEY_PREFIX}${assemblyId}`);
    expect(token).toBeTruthy();

    // Back on the join link later: straight into the assembly, no second guest.
    await page.goto(`/join/${joinCode}`);
    await page.waitForURL((url) => url.pathname === `/assemblies/${assemblyId}/live`);
    expect(await page.evaluate((key) => localStorage.getItem(key), `${GUEST_KEY_PREFIX}${assemblyId}`)).toBe(token);

    // The moderator's participant list has exactly one guest of that name.
    const moderator = await apiSession(server.baseUrl, MODERATOR.email, USER_PASSWORD);
    const list = (await (await moderator.get(`/api/assemblies/${assemblyId}/participants`)).json()) as {
      items: Array<{ displayName: string; isGuest: boolean }>;
    };
    expect(list.items.filter((p) => p.displayName === 'Gesa Gast' && p.isGuest)).toHaveLength(1);
    await moderator.dispose();

    expect(csp).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an administrator add a moderator and limit the places; the next person lands on the waiting list', async () => {
    expect(assemblyId).not.toBe('');
    const problems: string[] = [];
    const context = await newContext(browser, server.baseUrl, { language: 'de', viewport: DESKTOP, bypassCSP: true });
    const page = await context.newPage();
    await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(page, `/assemblies/${assemblyId}/edit`);
    await page.fill('#assembly-moderators-search', 'Mia');
    await page.press('#assembly-moderators-search', 'Enter');
    const add = page.getByRole('button', { name: `Hinzufügen: ${MODERATOR.name}` });
    await add.waitFor();
    problems.push(...(await auditBothLanguages(page, '/assemblies/:id/edit (administrator, moderator search)')));
    await add.click();
    await page.getByRole('button', { name: `Entfernen: ${MODERATOR.name}` }).waitFor();
    await page.fill('#assembly-capacity', '1');
    await page.click('#assembly button[type="submit"]');
    await page.waitForURL((url) => url.pathname === `/assemblies/${assemblyId}`);
    await waitForPage(page);
    await page.waitForSelector('text=Die Änderungen sind gespeichert.');
    expect(await page.textContent('#moderators-title + ul')).toContain(MODERATOR.name);
    expect(await page.textContent('.registration')).toContain('Ausgebucht');
    await context.close();

    // The one place is Ben's; Clara gets the waiting list with her position.
    await createVerifiedUser(server.baseUrl, mail, SECOND_CITIZEN.email, SECOND_CITIZEN.name);
    const clara = await newContext(browser, server.baseUrl, { language: 'de', viewport: PHONE, isMobile: true, bypassCSP: true });
    const claraPage = await clara.newPage();
    await loginViaForm(claraPage, SECOND_CITIZEN.email, USER_PASSWORD);
    await open(claraPage, `/assemblies/${assemblyId}`);
    await claraPage.click('button:has-text("Zur Versammlung anmelden")');
    await claraPage.waitForSelector(
      '.registration [role="status"] >> text=Die Versammlung ist ausgebucht – Sie stehen auf Platz 1 der Warteliste.',
    );
    await claraPage.waitForSelector('text=Sie sind auf Platz 1 der Warteliste.');
    await screenshot(claraPage, 'assemblies-detail-waitlisted-360');
    problems.push(...(await audit(claraPage, 'de /assemblies/:id (waiting list, 360)')));
    await clara.close();

    expect(problems).toEqual([]);
  });

  it('offers "join online" on the detail page while the assembly is live', async () => {
    expect(assemblyId).not.toBe('');
    await openAssembly(server.baseUrl, assemblyId);
    const problems: string[] = [];

    // The registered citizen joins with one button.
    const citizenContext = await newContext(browser, server.baseUrl, { language: 'de', viewport: DESKTOP, bypassCSP: true });
    const citizen = await citizenContext.newPage();
    await loginViaForm(citizen, CITIZEN.email, USER_PASSWORD);
    await open(citizen, '/assemblies');
    expect(await citizen.locator('.assembly-card', { hasText: TITLE }).textContent()).toContain('Läuft jetzt');
    await open(citizen, `/assemblies/${assemblyId}`);
    await citizen.waitForSelector('.join-panel >> text=Die Versammlung läuft jetzt');
    expect(await citizen.textContent('.join-panel')).toContain(`Sie nehmen teil als ${CITIZEN.name}.`);
    await screenshot(citizen, 'assemblies-detail-live-desktop');
    problems.push(...(await auditBothLanguages(citizen, '/assemblies/:id (live)')));
    await citizen.click('.join-panel button:has-text("Teilnehmen")');
    await citizen.waitForURL((url) => url.pathname === `/assemblies/${assemblyId}/live`);
    await citizenContext.close();

    // A guest on a phone enters a name on the detail page.
    const guestContext = await newContext(browser, server.baseUrl, { language: 'de', viewport: PHONE, isMobile: true, bypassCSP: true });
    const guest = await guestContext.newPage();
    await open(guest, `/assemblies/${assemblyId}`);
    await guest.fill('#join-online-displayName', 'Paul Passant');
    await screenshot(guest, 'assemblies-detail-live-360');
    await expectFitsPhone(guest);
    problems.push(...(await audit(guest, 'de /assemblies/:id (live, guest, 360)')));
    await guest.click('#join-online button[type="submit"]');
    await guest.waitForURL((url) => url.pathname === `/assemblies/${assemblyId}/live`);
    expect(await guest.evaluate((key) => localStorage.getItem(key), `${GUEST_KEY_PREFIX}${assemblyId}`)).toBeTruthy();
    // Back on the detail page, the same device continues with one button (no second name).
    await open(guest, `/assemblies/${assemblyId}`);
    await guest.click('.join-panel button:has-text("Weiter teilnehmen")');
    await guest.waitForURL((url) => url.pathname === `/assemblies/${assemblyId}/live`);
    await guestContext.close();

    const moderator = await apiSession(server.baseUrl, MODERATOR.email, USER_PASSWORD);
    const list = (await (await moderator.get(`/api/assemblies/${assemblyId}/participants`)).json()) as {
      items: Array<{ displayName: string; isGuest: boolean }>;
    };
    await moderator.dispose();
    expect(list.items.filter((p) => p.displayName === 'Paul Passant')).toHaveLength(1);
    expect(list.items.filter((p) => p.displayName === CITIZEN.name && !p.isGuest)).toHaveLength(1);

    expect(problems).toEqual([]);
  });
});
