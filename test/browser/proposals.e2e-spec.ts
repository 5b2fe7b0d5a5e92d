import { type Browser, type Page } from 'playwright-core';
import {
  apiSession,
  createVerifiedUser,
  csrfHeaders,
  loginViaForm,
  type SeededProposal,
  seedProposal,
  USER_PASSWORD,
  waitForProposalOrder,
} from './helpers/app';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot, switchLanguage, waitForPage } from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { linkFrom, SmtpSink } from '../helpers/smtp';

// The jest project's testTimeout is not applied per project; real browser journeys need longer.
jest.setTimeout(180_000);

const AUTHOR = { email: 'anna@example.org', name: 'Anna Autorin' };
const CITIZEN = { email: 'carl@example.org', name: 'Carl Citoyen' };

/** Screenshot names without ids, so every run overwrites the same files. */
const NAMES = new Map<string, string>();

function slug(path: string): string {
  return path
    .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, (id) => NAMES.get(id) ?? 'detail')
    .replace(/\W+/g, '-')
    .replace(/^-/, '');
}

async function audit(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const h1 = await page.locator('h1').count();
  if (h1 !== 1) problems.push(`[${label}] expected one h1, found ${h1}`);
  const violations = await axeViolations(page);
  if (violations.length > 0) problems.push(formatViolations(label, violations));
  const mismatches = await labelMismatches(page);
  if (mismatches.length > 0) problems.push(`[${label}] label not at the start of the accessible name: ${mismatches.join('; ')}`);
  return problems;
}

/** Buttons and links whose aria-label does not start with the visible text (WCAG 2.5.3 label in name). */
async function labelMismatches(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button[aria-label], main a[aria-label]')]
      .map((element) => ({ visible: element.innerText.replace(/\s+/g, ' ').trim(), name: element.getAttribute('aria-label') ?? '' }))
      .filter(({ visible, name }) => visible !== '' && !name.toLowerCase().startsWith(visible.toLowerCase()))
      .map(({ visible, name }) => `"${visible}" named "${name}"`),
  );
}

describe('proposals', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  let benches: SeededProposal;
  let playground: SeededProposal;
  let fountain: SeededProposal;

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
    await createVerifiedUser(server.baseUrl, mail, AUTHOR.email, AUTHOR.name);
    await createVerifiedUser(server.baseUrl, mail, CITIZEN.email, CITIZEN.name);
    const author = await apiSession(server.baseUrl, AUTHOR.email);
    benches = await seedProposal(
      author,
      'Nordmarkt',
      'SZ',
      'Mehr Sitzbänke am Nordmarkt',
      'Am Nordmarkt fehlen Sitzgelegenheiten.\nVor allem ältere Menschen brauchen Pausen.\n\nVorschlag:\n- zehn neue Bänke\n- zwei davon im Schatten\n\n<script>alert(1)</script> bleibt Text.',
    );
    playground = await seedProposal(
      author,
      'Hafen',
      'SZ',
      'Spielplatz im Hafen erneuern',
      'Der Spielplatz an der Hafenpromenade ist in die Jahre gekommen und braucht neue Geräte.',
    );
    fountain = await seedProposal(
      author,
      'Hafen',
      'AB',
      'Trinkbrunnen an der Mallinckrodtstraße',
      'Im Sommer wird es heiß; ein öffentlicher Trinkbrunnen würde vielen Menschen helfen.',
    );
    await author.dispose();
    NAMES.set(benches.id, 'benches').set(playground.id, 'playground').set(fountain.id, 'fountain');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  it('lets a citizen find a proposal by search, open it and support it', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de' });
    const page = await context.newPage();
    const csp = collectCspViolations(page);
    await loginViaForm(page, CITIZEN.email, USER_PASSWORD);
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Vorschläge', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/proposals');
    await waitForPage(page);
    expect(await page.locator('.proposal-card').count()).toBe(3);
    // One licence story everywhere: the citizens' texts under CC BY 4.0 (as in the files and on /open-data).
    const licence = (await page.textContent('.proposals-licence')) ?? '';
    expect(licence).toContain('Lizenz der Titel und Texte der Vorschläge: Creative Commons Namensnennung 4.0 International (CC BY 4.0)');
    expect(licence).toContain('(dl-de/zero-2-0)');
    expect(await page.getAttribute('.proposals-licence a[href*="creativecommons"]', 'href')).toBe(
      'https://creativecommons.org/licenses/by/4.0/',
    );

    await page.fill('#proposal-filter-q', 'Sitzbänke');
    await page.click('#proposal-filter button[type="submit"]');
    await page.waitForURL((url) => url.searchParams.get('q') === 'Sitzbänke');
    await page.waitForFunction(() => document.querySelectorAll('.proposal-card').length === 1);
    expect(await page.textContent('.result-count')).toContain('Ein Vorschlag gefunden');
    const card = page.locator('.proposal-card');
    expect(await card.textContent()).toContain('Nordmarkt');
    expect(await card.textContent()).toContain('Eingereicht');
    await screenshot(page, 'de-proposals-search');

    await card.getByRole('link', { name: benches.title }).click();
    await page.waitForURL((url) => url.pathname === `/proposals/${benches.id}`);
    await waitForPage(page);
    expect(await page.textContent('h1')).toBe(benches.title);
    // The body keeps its structure but never becomes markup.
    expect(await page.locator('.proposal-detail__body ul li').count()).toBe(2);
    expect(await page.locator('.proposal-detail__body br').count()).toBe(1);
    expect(await page.locator('.proposal-detail__body p').count()).toBe(3);
    expect(await page.locator('.proposal-detail__body script').count()).toBe(0);
    expect(await page.textContent('.proposal-detail__body')).toContain('<script>alert(1)</script> bleibt Text.');
    expect(await page.locator('#history-title + p + ol.timeline li').count()).toBe(1);

    const support = page.getByRole('button', { name: 'Unterstützen', exact: true });
    expect(await page.textContent('.support__number')).toBe('0');
    await support.click();
    // One support is singular; the button now says how to take it back, and keeps focus.
    await page.waitForSelector('.support [role="status"] >> text=Sie unterstützen diesen Vorschlag. Jetzt 1 Unterstützung.');
    expect(await page.textContent('.support__number')).toBe('1');
    expect(await page.textContent('.support__count')).toBe('1 Unterstützung');
    const undo = page.getByRole('button', { name: 'Unterstützung zurücknehmen', exact: true });
    expect(await undo.textContent()).toContain('Unterstützung zurücknehmen');
    expect(await undo.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await support.count()).toBe(0);
    await screenshot(page, 'de-proposal-supported');

    // The count survives a reload (it came from the server), and the list shows it too.
    await page.reload();
    await waitForPage(page);
    expect(await page.textContent('.support__number')).toBe('1');
    await open(page, '/proposals?sort=supported');
    expect(await page.locator('.proposal-card').first().textContent()).toContain(benches.title);

    // Withdrawing the support counts down again.
    await open(page, `/proposals/${benches.id}`);
    await page.getByRole('button', { name: 'Unterstützung zurücknehmen' }).click();
    await page.waitForSelector('text=Ihre Unterstützung wurde zurückgenommen. Jetzt 0 Unterstützungen.');
    expect(await page.textContent('.support__number')).toBe('0');
    await support.waitFor();
    expect(await support.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(csp).toEqual([]);
    await context.close();
  });

  it('lets a citizen comment, reply, edit the comment and follow the proposal', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de' });
    const page = await context.newPage();
    await loginViaForm(page, CITIZEN.email, USER_PASSWORD);
    await open(page, `/proposals/${playground.id}`);
    await page.fill('#comment-new-body', 'Gute Idee, die Schaukeln sind kaputt.');
    await page.click('#comment-new button[type="submit"]');
    const comment = page.locator('.comment', { hasText: 'Gute Idee, die Schaukeln sind kaputt.' });
    await comment.waitFor();
    await page.waitForSelector('#comments-title >> text=Diskussion (ein Kommentar)');

    // WCAG 2.5.3: every button's accessible name starts with its visible label.
    expect(await labelMismatches(page)).toEqual([]);
    await comment.getByRole('button', { name: `Antworten: ${CITIZEN.name}` }).click();
    await page.fill(`[id^="comment-reply-"][id$="-body"]`, 'Und die Rutsche auch.');
    await page.click('[id^="comment-reply-"] button[type="submit"]');
    await page.locator('.comment-list--replies .comment', { hasText: 'Und die Rutsche auch.' }).waitFor();

    await comment.getByRole('button', { name: 'Bearbeiten: mein Kommentar' }).click();
    await page.fill(`[id^="comment-edit-"][id$="-body"]`, 'Gute Idee, die Schaukeln und Bänke sind kaputt.');
    await page.click('[id^="comment-edit-"] button[type="submit"]');
    await page.locator('.comment', { hasText: 'Gute Idee, die Schaukeln und Bänke sind kaputt.' }).getByText('bearbeitet').waitFor();

    const follow = page.getByRole('button', { name: 'Folgen' });
    expect(await follow.getAttribute('aria-pressed')).toBe('false');
    await follow.click();
    await page.waitForSelector('text=Sie folgen diesem Vorschlag');
    expect(await follow.getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await waitForPage(page);
    await page.waitForSelector('.follow button[aria-pressed="true"]');
    await screenshot(page, 'de-proposal-commented');
    await context.close();
  });

  it('publishes a moderator answer in the history; the follower gets a mail and unsubscribes without login', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de' });
    const page = await context.newPage();
    await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(page, `/proposals/${playground.id}`);
    await page.selectOption('#answer-status', 'accepted');
    await page.fill('#answer-explanation', 'Das Grünflächenamt erneuert den Spielplatz im Frühjahr.');
    await page.click('#answer button[type="submit"]');
    await page.waitForSelector('.timeline >> text=Das Grünflächenamt erneuert den Spielplatz im Frühjahr.');
    expect(await page.textContent('.proposal-detail__status')).toContain('Angenommen');
    await screenshot(page, 'de-proposal-answered');
    await context.close();

    const notice = await mail.waitFor(CITIZEN.email, (m) => m.text.includes('/unsubscribe?token='));
    const link = linkFrom(notice, '/unsubscribe');
    const anonymous = await (await newContext(browser, server.baseUrl, { language: 'de' })).newPage();
    await open(anonymous, `${link.pathname}${link.search}`);
    await anonymous.getByRole('button', { name: 'Abbestellen bestätigen' }).click();
    await anonymous.waitForSelector('text=Erledigt: Sie erhalten keine Benachrichtigungen mehr zu diesem Vorschlag.');
    await screenshot(anonymous, 'de-unsubscribed');
    await anonymous.context().close();
  });

  it('shows an author a similar proposal while typing and publishes the new one', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de', bypassCSP: true });
    const page = await context.newPage();
    await loginViaForm(page, AUTHOR.email, USER_PASSWORD);
    await open(page, '/proposals');
    await page.getByRole('link', { name: 'Vorschlag einreichen' }).click();
    await page.waitForURL((url) => url.pathname === '/proposals/new');
    await waitForPage(page);
    expect(await page.textContent('.page__lead')).toContain(
      'unter der Lizenz Creative Commons Namensnennung 4.0 International (CC BY 4.0)',
    );

    await page.fill('#proposal-title', 'Sitzbänke am Nordmarkt aufstellen');
    const hint = page.locator('.similar-hints[aria-live="polite"]');
    await hint.getByRole('link', { name: new RegExp(benches.title) }).waitFor();
    expect(await hint.textContent()).toContain('Gibt es das schon?');
    expect(await hint.getByRole('link', { name: new RegExp(benches.title) }).getAttribute('href')).toBe(`/proposals/${benches.id}`);
    await screenshot(page, 'de-proposal-new-similar');

    // Browser-side checks first: empty fields are named in the summary.
    await page.click('#proposal button[type="submit"]');
    await page.waitForSelector('#proposal-body-error');
    expect(await page.getAttribute('#proposal-areaId', 'aria-invalid')).toBe('true');

    await page.fill('#proposal-title', 'Schattige Sitzecke am Nordmarkt');
    await page.fill('#proposal-body', 'Eine Sitzecke unter Bäumen.\n\n- mit Tisch\n- barrierefrei erreichbar');
    await page.selectOption('#proposal-fieldOfActionId', { label: 'SZ – Sozialen Zusammenhalt im Quartier stärken' });
    await page.selectOption('#proposal-areaId', { label: 'Nordmarkt' });
    await page.fill('#proposal-address', 'Nordmarkt, Südseite');
    await page.click('#proposal button[type="submit"]');
    await page.waitForURL((url) => /^\/proposals\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPage(page);
    expect(await page.textContent('h1')).toBe('Schattige Sitzecke am Nordmarkt');
    await page.waitForSelector('text=Ihr Vorschlag wurde veröffentlicht. Danke!');
    expect(await page.textContent('.proposal-meta--detail')).toContain('Nordmarkt, Südseite');
    // The author's page asks about "my idea", once.
    expect(await page.locator('h2', { hasText: 'geworden?' }).allTextContents()).toEqual(['Was ist aus meiner Idee geworden?']);
    // The author cannot support her own proposal, but may edit and withdraw it.
    expect(await page.getByRole('button', { name: 'Unterstützen' }).count()).toBe(0);
    await screenshot(page, 'de-proposal-own');

    // Edit within the window (no support yet), then withdraw with a public reason.
    await page.getByRole('link', { name: 'Vorschlag bearbeiten' }).click();
    await page.waitForURL((url) => url.pathname.endsWith('/edit'));
    await waitForPage(page);
    expect(await page.inputValue('#proposal-title')).toBe('Schattige Sitzecke am Nordmarkt');
    await page.fill('#proposal-title', 'Schattige Sitzecke mit Tisch am Nordmarkt');
    await page.click('#proposal button[type="submit"]');
    await page.waitForSelector('h1 >> text=Schattige Sitzecke mit Tisch am Nordmarkt');
    await page.waitForSelector('text=Ihre Änderungen wurden gespeichert.');
    await page.fill('#withdraw-reason', 'Die Bänke aus dem anderen Vorschlag reichen.');
    // Withdrawing asks first, in a dialog that holds focus; cancelling changes nothing and returns focus.
    const withdrawButton = page.locator('#withdraw button[type="submit"]');
    await withdrawButton.click();
    const dialog = page.getByRole('dialog', { name: 'Vorschlag wirklich zurückziehen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Die Bänke aus dem anderen Vorschlag reichen.');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    expect(await audit(page, 'withdraw-confirm')).toEqual([]);
    await screenshot(page, 'de-proposal-withdraw-confirm');
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await withdrawButton.evaluate((button) => button === document.activeElement)).toBe(true);
    expect(await page.textContent('.proposal-detail__status')).toContain('Eingereicht');
    await withdrawButton.click();
    await dialog.getByRole('button', { name: 'Ja, zurückziehen' }).click();
    await page.waitForSelector('.timeline >> text=Die Bänke aus dem anderen Vorschlag reichen.');
    expect(await page.textContent('.proposal-detail__status')).toContain('Zurückgezogen');
    // The banner says what just happened (not the earlier "saved") and has focus.
    await page.waitForSelector('.flash >> text=Ihr Vorschlag wurde zurückgezogen.');
    expect(await page.locator('text=Ihre Änderungen wurden gespeichert.').count()).toBe(0);
    await page.waitForFunction(() => document.activeElement?.classList.contains('flash') === true);
    expect(await audit(page, 'withdrawn')).toEqual([]);
    await screenshot(page, 'de-proposal-withdrawn');

    await open(page, '/account/proposals');
    expect(await page.locator('.proposal-card').count()).toBe(4);
    await context.close();
  });

  it('keeps the random order stable through its seed in the URL', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'en' });
    const page = await context.newPage();
    await open(page, '/proposals');
    await page.selectOption('#proposal-filter-sort', 'random');
    await page.click('#proposal-filter button[type="submit"]');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'random' && Boolean(url.searchParams.get('seed')));
    await waitForPage(page);
    // The previous (newest first) list stays on screen until the random page arrives: wait for the order of this seed.
    await waitForProposalOrder(page, new URL(page.url()).searchParams.get('seed')!);
    const order = await page.locator('.proposal-card h3').allTextContents();
    const shared = page.url();
    const other = await context.newPage();
    await open(other, shared);
    await waitForProposalOrder(other, new URL(shared).searchParams.get('seed')!);
    expect(await other.locator('.proposal-card h3').allTextContents()).toEqual(order);
    // A link without a seed gets one at once, so reloading it keeps its order.
    await open(other, '/proposals?sort=random');
    await other.waitForURL((url) => Boolean(url.searchParams.get('seed')));
    expect(new URL(other.url()).searchParams.get('sort')).toBe('random');
    await context.close();
  });

  it('lets a moderator hide a reported comment with a public reason', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de' });
    const page = await context.newPage();
    await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    const citizen = await apiSession(server.baseUrl, CITIZEN.email);
    const comment = await citizen.post(`/api/proposals/${fountain.id}/comments`, {
      headers: await csrfHeaders(citizen),
      data: { body: 'Ein unfreundlicher Kommentar.' },
    });
    expect(comment.status()).toBe(201);
    await citizen.dispose();

    // The author reports the comment through the report dialog.
    const authorContext = await newContext(browser, server.baseUrl, { language: 'de' });
    const authorPage = await authorContext.newPage();
    await loginViaForm(authorPage, AUTHOR.email, USER_PASSWORD);
    await open(authorPage, `/proposals/${fountain.id}`);
    expect(await labelMismatches(authorPage)).toEqual([]);
    await authorPage.getByRole('button', { name: `Melden: Kommentar von ${CITIZEN.name}` }).click();
    await authorPage.waitForSelector('dialog[open]');
    await authorPage.fill('#report-reason', 'Beleidigend gegenüber Nachbarn.');
    await authorPage.click('dialog #report button[type="submit"]');
    await authorPage.waitForSelector('dialog[open]', { state: 'detached' });
    await authorPage.waitForSelector('text=Danke, Ihre Meldung ist bei der Moderation eingegangen.');
    await authorContext.close();

    await open(page, '/moderation');
    await screenshot(page, 'de-moderation-queue');
    await page
      .locator('.report-card', { hasText: 'Ein unfreundlicher Kommentar.' })
      .getByRole('button', { name: /Ausblenden/ })
      .click();
    await page.waitForSelector('dialog[open]');
    await page.fill('#decision-reason', 'Verstößt gegen die Diskussionsregeln.');
    await page.click('dialog #decision button[type="submit"]');
    await page.waitForSelector('dialog[open]', { state: 'detached' });
    await page.waitForSelector('text=Der Inhalt wurde ausgeblendet.');
    await open(page, `/proposals/${fountain.id}`);
    await page.waitForSelector('text=Verstößt gegen die Diskussionsregeln.');
    await context.close();
  });

  it("lets a moderator enter a proposal from a citizens' assembly on someone's behalf", async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de' });
    const page = await context.newPage();
    await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(page, '/proposals/new');
    await page.fill('#proposal-title', 'Beleuchtung im Hafenpark');
    await page.fill('#proposal-body', 'Abends ist der Weg durch den Hafenpark zu dunkel.');
    await page.selectOption('#proposal-fieldOfActionId', { label: 'SZ – Sozialen Zusammenhalt im Quartier stärken' });
    await page.selectOption('#proposal-areaId', { label: 'Hafen' });
    await page.check('#proposal-onBehalf');
    await page.fill('#proposal-sourceNote', 'Karte aus der Bürgerversammlung Hafen, 12.03.2026');
    await page.click('#proposal button[type="submit"]');
    await page.waitForURL((url) => /^\/proposals\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPage(page);
    await page.waitForSelector('text=Stellvertretend eingetragen');
    expect(await page.textContent('main')).toContain('Karte aus der Bürgerversammlung Hafen, 12.03.2026');
    await screenshot(page, 'de-proposal-on-behalf');
    await context.close();
  });

  it('lets a moderator merge a duplicate; the duplicate links to the original', async () => {
    const citizen = await apiSession(server.baseUrl, CITIZEN.email);
    const duplicate = await seedProposal(
      citizen,
      'Nordmarkt',
      'SZ',
      'Bänke für den Nordmarkt',
      'Auf dem Nordmarkt sollte man sich öfter hinsetzen können.',
    );
    await citizen.dispose();
    const context = await newContext(browser, server.baseUrl, { language: 'de' });
    const page = await context.newPage();
    await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(page, `/proposals/${duplicate.id}`);
    // A pasted link from the address bar names the target.
    await page.fill('#merge-intoId', `${server.baseUrl}/proposals/${benches.id}`);
    await page.fill('#merge-explanation', 'Gleiches Anliegen wie der ältere Vorschlag.');
    await page.click('#merge button[type="submit"]');
    await page.waitForSelector('text=Dieser Vorschlag wurde zusammengeführt');
    await page.getByRole('link', { name: benches.title }).click();
    await page.waitForURL((url) => url.pathname === `/proposals/${benches.id}`);
    await waitForPage(page);
    expect(await page.textContent('h1')).toBe(benches.title);
    await context.close();
  });

  it('passes axe on every proposal page in German and English, also at 360 px', async () => {
    const problems: string[] = [];
    for (const language of ['de', 'en'] as const) {
      const context = await newContext(browser, server.baseUrl, { language, bypassCSP: true });
      const page = await context.newPage();
      const publicPaths = [
        '/proposals',
        `/proposals?q=Spielplatz&status=submitted`,
        `/proposals/${benches.id}`,
        '/unsubscribe?token=some-token',
        '/unsubscribe',
      ];
      for (const path of publicPaths) {
        await open(page, path);
        problems.push(...(await audit(page, `${language} anonymous ${path}`)));
      }
      await screenshot(page, `${language}-unsubscribe`);
      await open(page, '/proposals');
      await screenshot(page, `${language}-proposals`);

      await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await switchLanguage(page, language);
      // Run last: by now the playground has comments, replies and an answer, the fountain a hidden comment.
      const adminPaths = [
        '/proposals/new',
        `/proposals/${benches.id}`,
        `/proposals/${playground.id}`,
        `/proposals/${fountain.id}`,
        '/account/proposals',
        '/moderation',
        '/moderation?status=resolved',
      ];
      for (const path of adminPaths) {
        await open(page, path);
        problems.push(...(await audit(page, `${language} admin ${path}`)));
        await screenshot(page, `${language}-admin-${slug(path)}`);
      }
      // The report dialog and a similar-proposal hint, opened.
      await open(page, '/proposals/new');
      await page.fill('#proposal-title', 'Trinkbrunnen an der Mallinckrodtstraße');
      await page.locator('.similar-hints a').first().waitFor();
      problems.push(...(await audit(page, `${language} admin /proposals/new with hints`)));
      await open(page, `/proposals/${fountain.id}`);
      await page
        .locator('.proposal-actions')
        .getByRole('button', { name: language === 'de' ? 'Melden: dieser Vorschlag' : 'Report this proposal' })
        .click();
      await page.waitForSelector('dialog[open]');
      problems.push(...(await audit(page, `${language} admin report dialog`)));
      await screenshot(page, `${language}-report-dialog`);
      await page.keyboard.press('Escape');
      await page.waitForSelector('dialog[open]', { state: 'detached' });

      await page.setViewportSize({ width: 360, height: 740 });
      for (const path of ['/proposals', `/proposals/${benches.id}`, '/proposals/new']) {
        await open(page, path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) problems.push(`[${language} 360px ${path}] horizontal overflow ${overflow}px`);
        problems.push(...(await audit(page, `${language} 360px ${path}`)));
        await screenshot(page, `${language}-360-${slug(path)}`);
      }
      if (language === 'en') await switchLanguage(page, 'de');
      await page.waitForLoadState('networkidle');
      await context.close();
    }
    if (problems.length > 0) throw new Error(`Accessibility problems:\n\n${problems.join('\n\n')}`);
  });
});
