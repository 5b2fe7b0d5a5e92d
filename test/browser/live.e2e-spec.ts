import { request, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiSession, createVerifiedUser, csrfHeaders, loginViaForm, postJson, USER_PASSWORD } from './helpers/app';
import {
  LANGUAGE_STORAGE_KEY,
  launchBrowser,
  newContext,
  open,
  SCREENS_DIR,
  SCREENSHOTS,
  screenshot,
  switchLanguage,
  waitForPage,
} from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { audit, outsideViewport } from './helpers/layout';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

// A whole assembly with five pages in one browser takes a while on a 2-core machine.
jest.setTimeout(300_000);

const CITIZEN = { email: 'konto@example.org', name: 'Karla Konto' };
const PHONE = { width: 360, height: 640 };
const DESKTOP = { width: 1366, height: 900 };
const PROJECTOR = { width: 1920, height: 1080 };
const ITEM_TITLE = 'Neugestaltung des Marktplatzes';
const PROPOSAL = 'Mehr Schatten durch Bäume auf dem Marktplatz';
const QUESTION = 'Soll der Marktplatz autofrei werden?';

/** Where the ballot's submit button is, before anything scrolled. */
function firstScreenBallot(page: Page) {
  return page.evaluate(() => {
    const button = document.querySelector('form.live-vote button[type="submit"]');
    return {
      scrollY: window.scrollY,
      bottom: button ? Math.round(button.getBoundingClientRect().bottom) : null,
      height: window.innerHeight,
    };
  });
}

/** A button's name: its visible verb plus the visually hidden object ("Approve: <text>"). */
function named(verb: string, object: string): RegExp {
  return new RegExp(`^${verb}\\W+${object.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

/** The numbers of the results table (rows: option label → total). */
async function tableTotals(page: Page, scope: string): Promise<Record<string, number>> {
  return page.$$eval(`${scope} table tbody tr`, (rows) =>
    Object.fromEntries(
      rows.map((row) => {
        const cells = row.querySelectorAll('td');
        return [row.querySelector('th')?.textContent?.trim() ?? '', Number(cells[cells.length - 1]?.textContent)];
      }),
    ),
  );
}

describe('live assembly', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  let assemblyId: string;
  let joinCode: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
    await createVerifiedUser(server.baseUrl, mail, CITIZEN.email, CITIZEN.name);
    const admin = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const areas = (await (await admin.get('/api/areas')).json()) as Array<{ id: string; name: string }>;
    const now = Date.now();
    const created = await postJson<{ id: string; joinCode: string }>(
      admin,
      '/api/assemblies',
      {
        title: 'Bürgerversammlung Altstadt',
        description: 'Wie soll der Marktplatz künftig aussehen?',
        place: 'Rathaus, Großer Saal',
        startsAt: new Date(now + 60_000).toISOString(),
        endsAt: new Date(now + 3 * 3_600_000).toISOString(),
        areaIds: [areas[0].id],
        agenda: [
          { title: 'Begrüßung', type: 'information' },
          { title: ITEM_TITLE, type: 'vote', description: 'Vorschläge sammeln und abstimmen.' },
        ],
      },
      201,
    );
    ({ id: assemblyId, joinCode } = created);
    await admin.dispose();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  async function context(viewport: { width: number; height: number }, language: 'de' | 'en' = 'de'): Promise<BrowserContext> {
    const created = await newContext(browser, server.baseUrl, { language, viewport, bypassCSP: true });
    contexts.push(created);
    return created;
  }

  /** A phone of a guest who joined with the assembly's code (over the API); the page is not opened yet. */
  async function guestPhone(displayName: string): Promise<Page> {
    const joinApi = await request.newContext({ baseURL: server.baseUrl });
    const joined = await joinApi.post('/api/assemblies/join', {
      headers: await csrfHeaders(joinApi),
      data: { code: joinCode, displayName },
    });
    expect(joined.status()).toBeLessThan(300);
    const { guestToken } = (await joined.json()) as { guestToken: string };
    await joinApi.dispose();
    const guestContext = await context(PHONE);
    await guestContext.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      `soziale-stadt.guest.${assemblyId}`,
      guestToken,
    ] as const);
    return guestContext.newPage();
  }

  it('runs an agenda item with a proposal, a vote and a speaker across console, phones and projector', async () => {
    const problems: string[] = [];

    // --- moderator (administrator) at the desk ---
    const moderatorContext = await context(DESKTOP);
    const moderator = await moderatorContext.newPage();
    const moderatorCsp = collectCspViolations(moderator);
    await loginViaForm(moderator, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(moderator, `/assemblies/${assemblyId}/console`);
    await moderator.getByText('Verbunden – Sie sehen den aktuellen Stand').waitFor();
    await moderator.getByRole('button', { name: 'Versammlung eröffnen' }).click();
    await moderator.getByText('läuft', { exact: true }).waitFor();

    // --- guest 1 joins through the join page, guest 2 over the API, the account holder on the live page ---
    const guest1Context = await context(PHONE);
    const guest1 = await guest1Context.newPage();
    const guestCsp = collectCspViolations(guest1);
    await open(guest1, `/join/${joinCode}`);
    await guest1.fill('#join-displayName', 'Gustav Gast');
    await guest1.click('#join button[type="submit"]');
    await guest1.waitForURL((url) => url.pathname === `/assemblies/${assemblyId}/live`);
    await waitForPage(guest1);

    const guest2 = await guestPhone('Greta Gast');
    await open(guest2, `/assemblies/${assemblyId}/live`);

    const citizenContext = await context(PHONE);
    const citizen = await citizenContext.newPage();
    await loginViaForm(citizen, CITIZEN.email, USER_PASSWORD);
    await open(citizen, `/assemblies/${assemblyId}/live`);
    await citizen.getByRole('button', { name: 'Jetzt teilnehmen' }).click();
    await citizen.getByText(`Sie nehmen teil als ${CITIZEN.name}`).waitFor();

    const participants = [guest1, guest2, citizen];
    for (const page of participants) await page.getByText('Sie nehmen teil als', { exact: false }).waitFor();

    // --- projector ---
    const projectorContext = await context(PROJECTOR);
    const projector = await projectorContext.newPage();
    const projectorCsp = collectCspViolations(projector);
    await projector.goto(`/assemblies/${assemblyId}/projector`);
    await waitForPage(projector);
    await projector.locator('.projector__code', { hasText: joinCode }).waitFor();
    expect(await projector.locator('img.projector__qr').getAttribute('alt')).toContain(joinCode);
    expect(await projector.locator('button, input, select, textarea').count()).toBe(0);

    // --- the moderator calls the item and opens the intake ---
    await moderator.getByRole('button', { name: named('Aufrufen', ITEM_TITLE) }).click();
    for (const page of participants) await page.locator('.live-item__title', { hasText: ITEM_TITLE }).waitFor();
    await projector.locator('.projector__item', { hasText: ITEM_TITLE }).waitFor();
    await moderator.getByRole('tab', { name: /^Vorschläge/ }).click();
    await moderator.getByRole('button', { name: 'Einreichung öffnen' }).click();

    // --- a participant submits a proposal, the moderator approves it, everybody sees it ---
    await guest1.fill('#live-proposal-text', PROPOSAL);
    await guest1.getByRole('button', { name: 'Vorschlag einreichen' }).click();
    await guest1.getByText('Danke! Ihr Vorschlag ist eingegangen').waitFor();
    await moderator.getByRole('button', { name: named('Freigeben', PROPOSAL) }).click();
    for (const page of participants) await page.locator('.live-proposals__text', { hasText: PROPOSAL }).waitFor();
    await guest2.getByRole('button', { name: named('Unterstützen', PROPOSAL) }).click();
    await guest2.getByRole('button', { name: named('Unterstützen', PROPOSAL), pressed: true }).waitFor();
    await citizen.getByText('1 Unterstützung').waitFor();

    // --- a yes/no/abstain round: create, open, three ballots ---
    await moderator.getByRole('tab', { name: /^Abstimmungen/ }).click();
    await moderator.fill('#round-question', QUESTION);
    await moderator.getByRole('button', { name: 'Abstimmung anlegen' }).click();
    await moderator.getByRole('button', { name: 'Abstimmung öffnen' }).click();
    await moderator.getByRole('button', { name: 'Abstimmung schließen' }).waitFor();
    const choices: Array<[Page, string]> = [
      [guest1, 'Ja'],
      [guest2, 'Ja'],
      [citizen, 'Nein'],
    ];
    for (const [page, choice] of choices) {
      await page.getByRole('group', { name: QUESTION }).waitFor();
      // On a 360×640 phone the whole ballot, its button included, is on the first screen (from the top:
      // the earlier steps scrolled these pages down to the proposals).
      await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
      const ballot = await firstScreenBallot(page);
      expect(ballot.scrollY).toBe(0);
      expect(ballot.bottom).toBeLessThanOrEqual(ballot.height);
      await page.getByRole('radio', { name: choice, exact: true }).check();
      if (page === guest1) {
        await screenshot(page, 'live-participant-vote');
        problems.push(...(await audit(page, 'participant voting de')));
      }
      await page.getByRole('button', { name: 'Stimme abgeben' }).click();
      await page.getByText('Ihre Stimme wurde gezählt.').waitFor();
      // The form is gone: focus is on the confirmation, so a screen reader reads it.
      await page.waitForFunction(() => document.activeElement?.textContent?.includes('Ihre Stimme wurde gezählt.') === true);
    }
    // A reload keeps the confirmation (the server knows who voted, not what).
    await guest2.reload();
    await waitForPage(guest2);
    await guest2.getByText('Ihre Stimme wurde gezählt.').waitFor();
    await moderator.getByText('3 Stimmzettel in der App').first().waitFor();
    // A secret round (the default): while it is open even the console shows the count only.
    await moderator.getByText('Geheime Abstimmung: Die Verteilung der Stimmen erscheint erst').waitFor();
    expect(await moderator.locator('.live-round table').count()).toBe(0);
    await projector.getByText('3 Stimmzettel in der App').waitFor();

    // --- close and publish; the projector shows chart and table with the same numbers ---
    await moderator.getByRole('button', { name: 'Abstimmung schließen' }).click();
    await moderator.locator('.live-round table').waitFor();
    expect(await tableTotals(moderator, '.live-round')).toEqual({ Ja: 2, Nein: 1, Enthaltung: 0 });
    // The hall voted by show of hands: the moderator adds that count, kept apart from the app's.
    await moderator.getByRole('button', { name: 'Saalzählung eintragen' }).click();
    const hall = moderator.locator('form.live-hall');
    await hall.getByLabel('Ja', { exact: true }).fill('5');
    await hall.getByLabel('Nein', { exact: true }).fill('2');
    await hall.getByLabel('Enthaltung', { exact: true }).fill('1');
    await hall.getByLabel('Abstimmende im Saal').fill('8');
    await hall.getByLabel('Hinweis').fill('Handzeichen');
    await hall.getByRole('button', { name: 'Saalzählung speichern' }).click();
    await moderator.getByText('8 Personen haben im Saal abgestimmt').waitFor();
    await moderator.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await projector.locator('.projector__results table').waitFor();
    const tableNumbers = await tableTotals(projector, '.projector__results');
    expect(tableNumbers).toEqual({ Ja: 7, Nein: 3, Enthaltung: 1 });
    await projector.getByText('8 Personen haben im Saal abgestimmt', { exact: false }).waitFor();
    await projector.waitForFunction(() => document.querySelector('.live-chart')?.getAttribute('data-values') !== null);
    const chartNumbers = JSON.parse((await projector.locator('.live-chart').getAttribute('data-values')) ?? '{}') as Record<string, number>;
    expect(chartNumbers).toEqual(tableNumbers);
    for (const page of participants) expect(await tableTotals(page, '.live-results')).toEqual(tableNumbers);

    // --- a participant asks to speak; the moderator sets a time limit and gives the floor ---
    await guest2.getByRole('button', { name: 'Wortmeldung', exact: true }).click();
    await guest2.getByText('Sie stehen auf Platz 1 der Redeliste.').waitFor();
    await moderator.getByRole('tab', { name: /^Redeliste/ }).click();
    await moderator.fill('#speaker-limit', '120');
    await moderator.getByRole('button', { name: 'Redezeit speichern' }).click();
    // The console announces the acknowledged change (politely, to screen readers).
    await moderator.getByText('Redezeit gespeichert.').waitFor({ state: 'attached' });
    await moderator.getByRole('button', { name: named('Aufrufen', 'Greta Gast') }).click();
    await projector
      .locator('.projector__speaker-name', { hasText: 'Greta Gast' })
      .waitFor()
      .catch(async (error: unknown) => {
        await screenshot(moderator, 'live-debug-console');
        await screenshot(projector, 'live-debug-projector');
        throw error;
      });
    await projector.locator('.projector__speaker [role="timer"]').waitFor();
    const timer = (await projector.locator('.projector__speaker [role="timer"]').textContent()) ?? '';
    expect(timer).toMatch(/^[12]:\d\d$/);
    await guest2.getByText('Es spricht: Greta Gast (Sie)').waitFor();
    await guest1.locator('[role="timer"]').waitFor();

    // --- the speaker replaced the result on the projector (phones keep it); the moderator shows it again ---
    await projector.locator('.projector__results').waitFor({ state: 'detached' });
    expect(await tableTotals(guest1, '.live-results')).toEqual(tableNumbers);
    for (const page of [guest1, citizen]) await page.getByRole('button', { name: 'Wortmeldung', exact: true }).click();
    await projector.getByText('Als Nächstes: Gustav Gast, Karla Konto (2 Wortmeldungen)').waitFor();
    await moderator.getByRole('tab', { name: /^Abstimmungen/ }).click();
    await moderator.getByRole('button', { name: named('Ergebnis erneut zeigen', QUESTION) }).click();
    await projector.locator('.projector__results table').waitFor();
    await moderator.getByText('Wird auf dem Beamer gezeigt.').waitFor();
    expect(await tableTotals(projector, '.projector__results')).toEqual(tableNumbers);

    // --- the projector fits both screens with item, result, speaker, timer and queue; nothing for the operator ---
    for (const size of [PROJECTOR, { width: 1280, height: 720 }]) {
      await projector.setViewportSize(size);
      // Two frames: the chart follows its new size on the next one.
      await projector.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect({ size, problems: await outsideViewport(projector) }).toEqual({ size, problems: [] });
      for (const selector of [
        '.projector__item',
        '.projector__speaker-name',
        '.projector [role="timer"]',
        '.projector__queue',
        'img.projector__qr',
      ]) {
        expect(await projector.locator(selector).isVisible()).toBe(true);
      }
      expect(await projector.locator('img.projector__qr').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(
        true,
      );
      expect(await projector.getByText('Verbunden', { exact: false }).count()).toBe(0);
      await screenshot(projector, `live-projector-${size.width}-de`);
    }
    await projector.setViewportSize(PROJECTOR);

    // --- screenshots (looked at by a person) ---
    await screenshot(guest1, 'live-participant-de');
    await screenshot(moderator, 'live-console-de');

    // --- accessibility in German and English ---
    problems.push(...(await audit(guest1, 'participant de')));
    problems.push(...(await audit(moderator, 'console de')));
    problems.push(...(await audit(projector, 'projector de')));
    await switchLanguage(guest1, 'en');
    await guest1.getByText('Your vote was counted.').waitFor();
    await switchLanguage(moderator, 'en');
    await moderator.getByRole('tab', { name: /^List of speakers/ }).click();
    await moderator.getByRole('heading', { name: 'List of speakers' }).waitFor();
    await projector.evaluate(([key]) => window.localStorage.setItem(key, 'en'), [LANGUAGE_STORAGE_KEY]);
    await projector.reload();
    await waitForPage(projector);
    await projector.locator('.projector__results table').waitFor();
    await projector.getByText('Time left').waitFor();
    problems.push(...(await audit(guest1, 'participant en')));
    problems.push(...(await audit(moderator, 'console en')));
    problems.push(...(await audit(projector, 'projector en')));
    await screenshot(guest1, 'live-participant-en');
    await screenshot(projector, 'live-projector-1920-en');

    // --- the next item replaces the result on the projector; the speaker stays ---
    await moderator.getByRole('tab', { name: /^Running order/ }).click();
    await moderator.getByRole('button', { name: named('Make current', 'Begrüßung') }).click();
    await projector.locator('.projector__item', { hasText: 'Begrüßung' }).waitFor();
    await projector.locator('.projector__results').waitFor({ state: 'detached' });
    await projector.locator('.projector__speaker-name', { hasText: 'Greta Gast' }).waitFor();

    expect(problems).toEqual([]);
    expect([...moderatorCsp, ...guestCsp, ...projectorCsp]).toEqual([]);
  });

  it('shows an error the person can retry when an action fails while offline, and reconnects with the current state', async () => {
    const page = await guestPhone('Olga Offline');
    await open(page, `/assemblies/${assemblyId}/live`);
    await page.getByText('Verbunden – Sie sehen den aktuellen Stand').waitFor();

    await page.context().setOffline(true);
    await page.getByText(/Keine Verbindung – Aktionen|Verbindung unterbrochen/).waitFor();
    await page.getByRole('button', { name: 'Wortmeldung', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Ihre Aktion wurde nicht übermittelt' });
    await alert.waitFor();
    await screenshot(page, 'live-participant-offline');

    await page.context().setOffline(false);
    await page.getByText('Verbunden – Sie sehen den aktuellen Stand').waitFor({ timeout: 30_000 });
    await alert.getByRole('button', { name: 'Erneut versuchen' }).click();
    await page.getByText(/Sie stehen auf Platz \d der Redeliste\./).waitFor();
  });

  it('says "connected – you see the current state" only once that state has arrived', async () => {
    const page = await guestPhone('Sam Spät');
    // Between the page and the server: the answer to the state request after connecting is held back
    // (socket.io packets: the client sends 42/live,<id>["live:sync",…], the server answers 43/live,<id>[…]).
    let releaseSync: () => void = () => undefined;
    let syncArrived: () => void = () => undefined;
    const syncHeld = new Promise<void>((resolve) => (syncArrived = resolve));
    // Installed before the page opens: a socket opened earlier would pass unrouted.
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const upstream = ws.connectToServer();
      let syncId: string | null = null;
      ws.onMessage((message) => {
        const sync = typeof message === 'string' ? /^42\/live,(\d+)\["live:sync"/.exec(message) : null;
        if (sync && syncId === null) syncId = sync[1];
        upstream.send(message);
      });
      upstream.onMessage((message) => {
        if (syncId !== null && typeof message === 'string' && message.startsWith(`43/live,${syncId}[`)) {
          releaseSync = () => ws.send(message);
          syncArrived();
          return;
        }
        ws.send(message);
      });
    });
    await open(page, `/assemblies/${assemblyId}/live`);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      syncHeld,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no live:sync answer passed the routed WebSocket within 30 s')), 30_000);
      }),
    ]).finally(() => clearTimeout(timer));
    // Connected, but the state has not arrived: the page says it is still connecting and shows no actions.
    await page.getByText('Verbindung wird aufgebaut …').waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByText('Verbunden – Sie sehen den aktuellen Stand').count()).toBe(0);
    expect(await page.locator('.live-participant').count()).toBe(0);
    releaseSync();
    await page.getByText('Verbunden – Sie sehen den aktuellen Stand').waitFor();
    await page.locator('.live-participant').getByText('Sam Spät', { exact: false }).waitFor();
  });

  it('runs a multiple-choice and a dot-voting round with the form fields, ballot inputs, checks and tallies of their types', async () => {
    const moderator = await (await context(DESKTOP)).newPage();
    await loginViaForm(moderator, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(moderator, `/assemblies/${assemblyId}/console`);
    // The first test left the administrator's language at English.
    await waitForPage(moderator);
    await switchLanguage(moderator, 'de');
    await moderator.getByText('Verbunden – Sie sehen den aktuellen Stand').waitFor();
    const guest = await guestPhone('Vera Vielwahl');
    await open(guest, `/assemblies/${assemblyId}/live`);
    await guest.getByText('Sie nehmen teil als Vera Vielwahl').waitFor();
    const newest = '.live-round:first-of-type';
    const submit = () => guest.getByRole('button', { name: 'Stimme abgeben' }).click();

    // Multiple choice, at most two: a third choice is refused before sending, two are counted.
    const multi = 'Was soll auf den Marktplatz?';
    await moderator.getByRole('tab', { name: /^Abstimmungen/ }).click();
    await moderator.fill('#round-question', multi);
    await moderator.selectOption('#round-type', 'multiple_choice');
    await moderator.fill('#round-options', 'Bänke\nBäume\nBrunnen');
    await moderator.fill('#round-max', '2');
    await moderator.getByRole('button', { name: 'Abstimmung anlegen' }).click();
    await moderator.locator(newest, { hasText: 'Mehrfachauswahl' }).getByRole('button', { name: 'Abstimmung öffnen' }).click();
    await guest.getByRole('group', { name: multi }).waitFor();
    await guest.getByText('Wählen Sie höchstens 2 Antworten.', { exact: false }).waitFor();
    for (const label of ['Bänke', 'Bäume', 'Brunnen']) await guest.getByRole('checkbox', { name: label, exact: true }).check();
    await submit();
    await guest.getByRole('alert').filter({ hasText: 'Bitte wählen Sie höchstens 2 Antworten.' }).waitFor();
    await guest.getByRole('checkbox', { name: 'Brunnen', exact: true }).uncheck();
    await guest.getByText('2 von höchstens 2 gewählt').waitFor();
    await submit();
    await guest.getByText('Ihre Stimme wurde gezählt.').waitFor();
    await moderator.locator(newest).getByRole('button', { name: 'Abstimmung schließen' }).click();
    await moderator.locator(`${newest} table`).waitFor();
    expect(await tableTotals(moderator, newest)).toEqual({ Bänke: 1, Bäume: 1, Brunnen: 0 });

    // Dot voting with three points: none is refused, two on one option are counted as two points.
    const dots = 'Wofür soll das Geld zuerst reichen?';
    await moderator.fill('#round-question', dots);
    await moderator.selectOption('#round-type', 'dot_voting');
    await moderator.fill('#round-options', 'Bänke\nBäume\nBrunnen');
    await moderator.fill('#round-points', '3');
    await moderator.getByRole('button', { name: 'Abstimmung anlegen' }).click();
    await moderator.locator(newest, { hasText: 'Punkte verteilen' }).getByRole('button', { name: 'Abstimmung öffnen' }).click();
    await guest.getByRole('group', { name: dots }).waitFor();
    await guest.getByText('Verteilen Sie bis zu 3 Punkte auf die Möglichkeiten.', { exact: false }).waitFor();
    await submit();
    await guest.getByRole('alert').filter({ hasText: 'Bitte vergeben Sie mindestens einen Punkt.' }).waitFor();
    for (let i = 0; i < 2; i++) await guest.getByRole('button', { name: 'Einen Punkt mehr für Bäume' }).click();
    await guest.getByText('Noch 1 von 3 Punkten übrig').waitFor();
    await screenshot(guest, 'live-participant-dot-voting');
    expect(await audit(guest, 'participant dot voting de')).toEqual([]);
    await submit();
    await guest.getByText('Ihre Stimme wurde gezählt.').waitFor();
    await moderator.locator(newest).getByRole('button', { name: 'Abstimmung schließen' }).click();
    await moderator.locator(`${newest} table`).waitFor();
    expect(await tableTotals(moderator, newest)).toEqual({ Bänke: 0, Bäume: 2, Brunnen: 0 });
    await moderator.locator(`${newest} th`, { hasText: 'Punkte' }).first().waitFor();
    await screenshot(moderator, 'live-console-dot-voting');
    expect(await audit(moderator, 'console dot voting de')).toEqual([]);
  });

  it('collapses the header to a menu button on phones and brings a person who signs in from /join/CODE back to the assembly', async () => {
    const page = await (await context(PHONE)).newPage();
    await open(page, `/join/${joinCode}`);
    const menu = page.getByRole('button', { name: 'Menü' });
    const navigation = page.getByRole('navigation', { name: 'Hauptnavigation' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await navigation.isVisible()).toBe(false);
    await screenshot(page, 'live-join-phone-de');

    // A disclosure: Enter opens, Escape closes and keeps focus on the button, Space opens again.
    await menu.focus();
    await page.keyboard.press('Enter');
    await navigation.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('#site-languages') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await navigation.waitFor({ state: 'hidden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await menu.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await navigation.waitFor();
    await screenshot(page, 'live-join-phone-menu-de');
    const problems = await audit(page, 'join page, menu open');

    // The help: guest or account, the check-in card, secret or named votes.
    await page.getByText('Hilfe zur Teilnahme', { exact: false }).click();
    await page.getByRole('heading', { name: 'Die Check-in-Karte' }).waitFor();
    await page.getByText('persönliche Karte, die Sie am Eingang bekommen', { exact: false }).waitFor();
    problems.push(...(await audit(page, 'join page, help open')));
    expect(problems).toEqual([]);

    // Signing in from the menu comes back to /join/CODE, signed in; joining opens the assembly. Registering would too.
    expect(await navigation.getByRole('link', { name: 'Registrieren', exact: true }).getAttribute('href')).toBe(
      `/register?returnTo=${encodeURIComponent(`/join/${joinCode}`)}`,
    );
    await navigation.getByRole('link', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/login');
    await waitForPage(page);
    await page.fill('#login-email', CITIZEN.email);
    await page.fill('#login-password', USER_PASSWORD);
    await page.click('#login button[type="submit"]');
    await page.waitForURL((url) => url.pathname === `/join/${joinCode}`);
    await page.getByText(`Sie nehmen teil als ${CITIZEN.name}.`).waitFor();
    await page.click('#join button[type="submit"]');
    await page.waitForURL((url) => url.pathname === `/assemblies/${assemblyId}/live`);
    await page.getByText(`Sie nehmen teil als ${CITIZEN.name}`).waitFor();
  });

  it('prepares a vote in the agenda editor and starts it with one action in the console; every console section is one tab away, by keyboard too', async () => {
    const PREPARED = 'Welche Bank kommt an den Brunnen?';
    const page = await (await context({ width: 360, height: 640 })).newPage();
    await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(page, `/assemblies/${assemblyId}/edit`);
    await waitForPage(page);
    await switchLanguage(page, 'de');
    const vote = page.getByRole('group', { name: `Vorbereitete Abstimmung zu „${ITEM_TITLE}“` });
    await vote.getByLabel('Frage', { exact: true }).fill(PREPARED);
    await vote.getByLabel('Art der Abstimmung').selectOption('single_choice');
    await vote.getByLabel('Antwortmöglichkeiten').fill('Holzbank');
    await vote.getByLabel('Geheime Abstimmung', { exact: false }).uncheck();
    // One option is not enough: the voting model's rule, checked before sending and named in the summary.
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByRole('link', { name: /^Antwortmöglichkeiten der Abstimmung in Punkt 2/ }).waitFor();
    await vote.getByText('Bitte geben Sie 2 bis 20 verschiedene Antwortmöglichkeiten ein', { exact: false }).waitFor();
    if (SCREENSHOTS) await vote.screenshot({ path: `${SCREENS_DIR}/assembly-agenda-vote-360-de.png` });
    const problems = await audit(page, 'agenda editor with a prepared vote (error)');
    await vote.getByLabel('Antwortmöglichkeiten').fill('Holzbank\nSteinbank\nKeine Bank');
    await page.getByRole('button', { name: 'Speichern' }).click();
    await page.getByText('Die Änderungen sind gespeichert.').waitFor();

    // The console on a 1366×768 laptop: the prepared vote on its item, started with one action.
    await page.setViewportSize({ width: 1366, height: 768 });
    await open(page, `/assemblies/${assemblyId}/console`);
    await page.getByText('Verbunden – Sie sehen den aktuellen Stand').waitFor();
    const agendaTab = page.getByRole('tab', { name: /^Ablauf/ });
    expect(await agendaTab.getAttribute('aria-selected')).toBe('true');
    await page.getByText(PREPARED).first().waitFor();
    await page.getByRole('button', { name: named('Abstimmung starten', PREPARED) }).click();
    // Focus moves to the open round in the status bar, which stays in sight.
    await page.waitForFunction(() => document.activeElement?.id === 'console-open-round');
    const bar = page.locator('#console-open-round');
    await bar.getByText(PREPARED).waitFor();
    await page.getByText('Abstimmung läuft', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: named('Abstimmung starten', PREPARED) }).count()).toBe(0);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENS_DIR}/live-console-1366x768-de.png` });
    problems.push(...(await audit(page, 'console, agenda section')));

    // Keyboard: arrows move through the tabs (wrapping), Home and End jump; each section's heading is on the first screen.
    const sections: Array<[RegExp, string]> = [
      [/^Ablauf/, 'Tagesordnung'],
      [/^Vorschläge/, 'Vorschläge'],
      [/^Abstimmungen/, 'Abstimmungen'],
      [/^Redeliste/, 'Redeliste'],
      [/^Einlass/, 'Einlass'],
    ];
    // From the bottom of the page: a section chosen there starts right below the sticky tabs.
    await page.evaluate(() => window.scrollTo({ top: document.body.scrollHeight, behavior: 'instant' }));
    await agendaTab.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    for (const [index, [tab, heading]] of sections.entries()) {
      if (index > 0) await page.keyboard.press('ArrowRight');
      const selected = page.getByRole('tab', { name: tab });
      expect(await selected.getAttribute('aria-selected')).toBe('true');
      expect(await selected.evaluate((element) => element === document.activeElement)).toBe(true);
      const title = page
        .getByRole('tabpanel')
        .getByRole('heading', { name: new RegExp(`^${heading}`) })
        .first();
      await title.waitFor();
      const box = (await title.boundingBox())!;
      const tabsBottom = await page.locator('.live-console__top').evaluate((element) => element.getBoundingClientRect().bottom);
      expect(box.y).toBeGreaterThanOrEqual(tabsBottom);
      expect(box.y + box.height).toBeLessThanOrEqual(768);
    }
    await page.keyboard.press('ArrowRight');
    expect(await agendaTab.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('End');
    expect(await page.getByRole('tab', { name: /^Einlass/ }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('tab', { name: /^Einlass/ }).getAttribute('aria-selected')).toBe('true');

    // The started round is in the voting section with the prepared definition.
    await page.getByRole('button', { name: 'Zur Abstimmung' }).click();
    await page.waitForFunction(() => document.activeElement?.id === 'console-section-voting');
    const round = page.locator('.live-round', { hasText: PREPARED });
    await round.getByText('Eine Auswahl ·', { exact: false }).waitFor();
    expect(await round.locator('tbody th').allTextContents()).toEqual(['Holzbank', 'Steinbank', 'Keine Bank']);
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENS_DIR}/live-console-voting-1366x768-de.png` });
    problems.push(...(await audit(page, 'console, voting section')));
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('tab', { name: /^Ablauf/ }).click();
    if (SCREENSHOTS) await page.screenshot({ path: `${SCREENS_DIR}/live-console-1280-de.png` });
    await page.getByRole('tab', { name: /^Abstimmungen/ }).click();
    await round.getByRole('button', { name: 'Abstimmung schließen' }).click();
    await page.getByText('keine offen').waitFor();
    expect(problems).toEqual([]);
  });

  it('checks people in at the entrance: a card for a person without a phone (code shown once), a printed sheet, the cards listed', async () => {
    const admin = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const areas = (await (await admin.get('/api/areas')).json()) as Array<{ id: string }>;
    const created = await postJson<{ id: string; joinCode: string }>(
      admin,
      '/api/assemblies',
      {
        title: 'Einwohnerversammlung Südstadt',
        place: 'Bürgerhaus',
        startsAt: new Date(Date.now() + 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
        areaIds: [areas[0].id],
        requireCheckIn: true,
      },
      201,
    );
    const { id } = created;
    await admin.dispose();
    const page = await (await context(DESKTOP)).newPage();
    await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(page, `/assemblies/${id}/console`);
    await page.getByText('Verbunden – Sie sehen den aktuellen Stand').waitFor();
    await page.getByRole('tab', { name: /^Einlass/ }).click();
    await page.getByText('Stimmberechtigt: 0 · Karten ausgegeben: 0 · gesperrt: 0').waitFor();
    await page.getByLabel('Oder: Name einer Person ohne Handy').fill('Herr Öztürk');
    await page.getByRole('button', { name: 'Karte ausgeben' }).click();
    const issued = page.getByTestId('check-in-issued');
    await issued.waitFor();
    expect(await issued.textContent()).toMatch(/^Karte Nr\. 1 für Herr Öztürk\. Code: [2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'check-in-issued');
    await page.getByText('Stimmberechtigt: 1 · Karten ausgegeben: 1 · gesperrt: 0').waitFor();
    await page.getByRole('cell', { name: 'Herr Öztürk' }).waitFor();

    await page.getByLabel('Anzahl Karten (1–300)').fill('3');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PDF erstellen' }).click()]);
    expect(download.suggestedFilename()).toBe('check-in-karten-2-4.pdf');
    await page.getByText('Stimmberechtigt: 1 · Karten ausgegeben: 4 · gesperrt: 0').waitFor();
    await page.getByRole('button', { name: 'Karte Nr. 1 sperren', exact: true }).click();
    await page.getByText('Stimmberechtigt: 0 · Karten ausgegeben: 4 · gesperrt: 1').waitFor();
    await screenshot(page, 'live-console-checkin-1366-de');
    const problems = await audit(page, 'console, entrance');
    await page.setViewportSize(PHONE);
    await screenshot(page, 'live-console-checkin-360-de');
    await page.setViewportSize(DESKTOP);

    // A binding round while nobody holds a card: the console says why nobody can vote; then turnout.
    await page.getByRole('tab', { name: /^Ablauf/ }).click();
    await page.getByRole('button', { name: 'Versammlung eröffnen' }).click();
    await page.getByText('läuft', { exact: true }).waitFor();
    await page.getByRole('tab', { name: /^Abstimmungen/ }).click();
    await page.fill('#round-question', 'Soll der Spielplatz erneuert werden?');
    // The assembly's votes are binding: a new round starts out requiring a card.
    expect(await page.getByLabel('Verbindlich: nur mit Check-in-Karte, eine Stimme pro Karte').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Abstimmung anlegen' }).click();
    await page.getByRole('button', { name: 'Abstimmung öffnen' }).click();
    await page.getByRole('button', { name: 'Abstimmung schließen' }).waitFor();
    await page.getByTestId('nobody-checked-in').getByText('Niemand ist eingecheckt', { exact: true }).waitFor();
    await screenshot(page, 'live-console-nobody-checked-in-de');
    problems.push(...(await audit(page, 'console, binding round without cards')));
    await page.getByRole('tab', { name: /^Einlass/ }).click();
    await page.getByLabel('Oder: Name einer Person ohne Handy').fill('Frau Yılmaz');
    await page.getByRole('button', { name: 'Karte ausgeben' }).click();
    await page.getByText('Stimmberechtigt: 1 · Karten ausgegeben: 5 · gesperrt: 1').waitFor();
    await page.getByRole('tab', { name: /^Abstimmungen/ }).click();
    await page.getByTestId('turnout').getByText('Stimmberechtigt: 1 · abgestimmt: 0 · Beteiligung: 0 %').waitFor();
    expect(problems).toEqual([]);
  });
});
