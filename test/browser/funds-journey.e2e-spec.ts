import type { ApplicationDetail, FundDetail } from '@app/shared/funds';
import type { APIRequestContext, Browser, BrowserContext, Page } from 'playwright-core';
import { applicationBody, day } from '../api/helpers/funds';
import { SmtpSink } from '../helpers/smtp';
import { apiSession, createVerifiedUser, loginViaForm, makeModerator, postJson, USER_PASSWORD } from './helpers/app';
import { launchBrowser, newContext, open, screenshot, waitForPage } from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { audit, outsideViewport } from './helpers/layout';
import { guestPhone } from './helpers/live';
import { auditBothLanguages, scrollWidth } from './helpers/pages';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';

// The whole way of an Aktionsraumfonds application: applied, checked, decided by the project
// conference's budget vote in the live assembly, paid, accounted for, closed and turned into a project.
jest.setTimeout(600_000);

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1366, height: 900 };
const PROJECTOR = { width: 1280, height: 720 };
// A year of its own, so the demo data's funds and the other browser specs' funds never collide.
const YEAR = 2034;
/** The project conference's moderator (a moderator account, not the administrator). */
const MODERATOR = { email: 'jana.moderation@example.org', name: 'Jana Moderation' };
const FORM_RESIDENT = { email: 'selin.hof@example.org', name: 'Selin Hof' };
const API_RESIDENTS = [
  { email: 'marek.garten@example.org', name: 'Marek Garten' },
  { email: 'olena.buecher@example.org', name: 'Olena Bücher' },
];
/** The browser form's application (900 €, the most votes: funded and taken all the way). */
const FEST = 'Hoffest im Quartier';
/** The API's applications: 700 € (funded) and 600 € (no longer fits the 2.000 € fund). */
const CAFE = 'Sprachcafé im Stadtteilladen';
const SHELF = 'Offener Bücherschrank';

describe('Aktionsraumfonds: from the application to the project (web)', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  let admin: APIRequestContext;
  let fund: FundDetail;
  /** A later year's fund of the same Aktionsraum, with nothing on its agenda yet. */
  let emptyFund: FundDetail;
  let assembly: { id: string; joinCode: string };
  const contexts: BrowserContext[] = [];
  const csp: string[][] = [];

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
    for (const person of [FORM_RESIDENT, ...API_RESIDENTS]) await createVerifiedUser(server.baseUrl, mail, person.email, person.name);
    await createVerifiedUser(server.baseUrl, mail, MODERATOR.email, MODERATOR.name);
    await makeModerator(server.baseUrl, MODERATOR.email);
    admin = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const areas = (await (await admin.get('/api/areas?type=action_area')).json()) as Array<{ id: string }>;
    fund = await postJson<FundDetail>(
      admin,
      '/api/funds',
      {
        areaId: areas[0].id,
        year: YEAR,
        amountCents: 200_000,
        maxPerApplicationCents: 100_000,
        applicationStart: day(-5),
        applicationEnd: day(5),
        conferenceDate: day(0),
      },
      201,
    );
    emptyFund = await postJson<FundDetail>(
      admin,
      '/api/funds',
      {
        areaId: areas[0].id,
        year: YEAR + 1,
        amountCents: 100_000,
        maxPerApplicationCents: 50_000,
        applicationStart: day(-5),
        applicationEnd: day(5),
      },
      201,
    );
    const now = Date.now();
    assembly = await postJson(
      admin,
      '/api/assemblies',
      {
        title: `Projektkonferenz ${fund.area.name}`,
        place: 'Stadtteilladen',
        startsAt: new Date(now + 60_000).toISOString(),
        endsAt: new Date(now + 3 * 3_600_000).toISOString(),
        areaIds: [fund.area.id],
        requireCheckIn: false,
        agenda: [{ title: 'Aktionsraumfonds: Anträge', type: 'vote' }],
      },
      201,
    );
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await admin?.dispose();
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  async function page(viewport: { width: number; height: number }, language = 'de'): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, { language, viewport, bypassCSP: true });
    contexts.push(context);
    const created = await context.newPage();
    csp.push(collectCspViolations(created));
    return created;
  }

  const state = (p: Page, label: string) => p.locator('.application-state').getByText(label, { exact: true }).waitFor();

  /** Opens a step's form on the application page and sends it with the form's own button. */
  async function step(p: Page, id: string, label: string): Promise<void> {
    await p.getByRole('button', { name: label, exact: true }).first().click();
    await p.locator(`#step-${id}`).getByRole('button', { name: label, exact: true }).click();
    await p.getByRole('status').getByText(`Erledigt: ${label}.`).waitFor();
  }

  let festId = '';

  it('residents apply (one through the form) and the administrator puts the applications on the agenda', async () => {
    // Two applications over the API, as their applicants' app would send them.
    for (const [i, [title, cents]] of (
      [
        [CAFE, 70_000],
        [SHELF, 60_000],
      ] as const
    ).entries()) {
      const resident = await apiSession(server.baseUrl, API_RESIDENTS[i].email);
      const body = applicationBody({ title, costItems: [{ label: 'Material', amountCents: cents }], requestedAmountCents: cents });
      const created = await postJson<ApplicationDetail>(resident, `/api/funds/${fund.id}/applications`, body, 201);
      await postJson(resident, `/api/applications/${created.id}/transitions/submit`, {});
      await resident.dispose();
      await postJson(admin, `/api/applications/${created.id}/transitions/check`, {});
      await postJson(admin, `/api/applications/${created.id}/transitions/put_on_agenda`, {});
    }

    // The third through the form, on a phone.
    const own = await page(PHONE);
    await loginViaForm(own, FORM_RESIDENT.email, USER_PASSWORD);
    await open(own, `/fonds/${fund.id}/antrag`);
    await own.getByRole('heading', { level: 1, name: `Antrag an den ${fund.title}` }).waitFor();
    await waitForPage(own);
    await own.getByLabel('Titel des Projekts').fill(FEST);
    await own.getByLabel('Worum geht es?').fill('Ein Fest im Innenhof für alle Nachbarinnen und Nachbarn, mit Musik und Essen.');
    await own.getByLabel('Kostenposten 1: wofür?').fill('Miete Festzelt');
    await own.getByLabel('Kostenposten 1: Betrag in Euro').fill('600');
    await own.getByRole('button', { name: 'Weiteren Kostenposten hinzufügen' }).click();
    await own.getByLabel('Kostenposten 2: wofür?').fill('Musik');
    await own.getByLabel('Kostenposten 2: Betrag in Euro').fill('300');
    await own.getByText(/Beantragter Betrag \(Summe\): 900,00\s€/).waitFor();
    await own.getByLabel('Wer stellt den Antrag?').selectOption('group');
    await own.getByLabel('Öffentlicher Name').fill('Hofgemeinschaft');
    await own.getByLabel('Name', { exact: true }).fill(FORM_RESIDENT.name);
    await own.getByLabel('E-Mail').fill(FORM_RESIDENT.email);
    await own.getByRole('button', { name: 'Entwurf speichern' }).click();
    await own.getByRole('heading', { level: 1, name: FEST, exact: true }).waitFor();
    await state(own, 'Entwurf');
    festId = new URL(own.url()).pathname.split('/').pop() ?? '';
    await step(own, 'submit', 'Antrag einreichen');
    await state(own, 'Eingereicht');
    expect(await scrollWidth(own)).toBeLessThanOrEqual(PHONE.width);

    // The administrator checks it and puts it on the agenda with the application page's buttons.
    const office = await page(DESKTOP);
    await loginViaForm(office, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(office, `/fonds/antraege/${festId}`);
    await state(office, 'Eingereicht');
    await step(office, 'check', 'Als geprüft markieren');
    await state(office, 'Geprüft');
    await step(office, 'put_on_agenda', 'Auf die Tagesordnung setzen');
    await state(office, 'Auf der Tagesordnung');
    const problems = await auditBothLanguages(office, 'application on the agenda', 'What is it about?');
    expect(problems).toEqual([]);
  });

  it('the project conference fills its budget vote from the fund, votes on phones and in the hall, and decides the fund', async () => {
    const problems: string[] = [];
    const moderator = await page(DESKTOP);
    await loginViaForm(moderator, MODERATOR.email, USER_PASSWORD);
    await open(moderator, `/assemblies/${assembly.id}/console`);
    await moderator.getByRole('button', { name: 'Versammlung eröffnen' }).click();
    await moderator.getByText('läuft', { exact: true }).waitFor();
    const phones: Page[] = [];
    for (const name of ['Ayşe Yılmaz', 'Łukasz Nowak', 'Chiara Rossi']) {
      const context = await newContext(browser, server.baseUrl, { language: 'de', viewport: PHONE, bypassCSP: true });
      contexts.push(context);
      phones.push(await guestPhone(server.baseUrl, context, assembly, name));
    }

    // --- the console: the budget round taken over from the fund ---
    await moderator.getByRole('tab', { name: /^Abstimmungen/ }).click();
    await moderator.getByLabel('Art der Abstimmung').selectOption({ label: 'Budgetabstimmung' });
    const fundSelect = moderator.getByLabel('Aus dem Aktionsraumfonds übernehmen');
    // The undecided funds, those of the assembly's Aktionsraum first.
    await moderator.locator('#round-fund option').first().waitFor({ state: 'attached' });
    expect(await fundSelect.locator('option').first().innerText()).toContain(fund.area.name);
    expect(await fundSelect.locator(`option[value="${fund.id}"]`).count()).toBe(1);
    // A fund with nothing on its agenda: said so (and read out as an alert), nothing filled in.
    await fundSelect.selectOption(emptyFund.id);
    await moderator.getByRole('button', { name: 'Anträge übernehmen' }).click();
    await moderator.getByRole('alert').getByText(`${emptyFund.title} hat keine Anträge auf der Tagesordnung.`, { exact: false }).waitFor();
    expect(await moderator.getByLabel('Budget in Euro').inputValue()).toBe('');
    await fundSelect.selectOption(fund.id);
    await moderator.getByRole('button', { name: 'Anträge übernehmen' }).click();
    // Focus stays on the button; the console's live region reads the result, also shown below it.
    await moderator.locator('#round-fund-status').getByText(`Übernommen aus ${fund.title}: Budget 2.000,00`, { exact: false }).waitFor();
    expect(await moderator.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Anträge übernehmen');
    await moderator.locator('.live-sr-only[aria-live="polite"]').getByText(`Übernommen aus ${fund.title}`, { exact: false }).waitFor();
    expect(await moderator.getByLabel('Budget in Euro').inputValue()).toBe('2000,00');
    const labels = await moderator
      .locator('.live-budget-items__row input[id$="-label"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect([...labels].sort()).toEqual([FEST, CAFE, SHELF].sort());
    expect(await moderator.locator('#round-question').inputValue()).toBe(`Welche Anträge fördern wir aus dem ${fund.title}?`);
    problems.push(...(await auditBothLanguages(moderator, 'console with a round from the fund', 'Take over from the action area fund')));
    await screenshot(moderator, 'funds-journey-console-1366');
    await moderator.getByRole('button', { name: 'Abstimmung anlegen' }).click();
    await moderator.getByRole('button', { name: 'Abstimmung öffnen' }).click();
    await moderator.getByRole('button', { name: 'Abstimmung schließen' }).waitFor();

    // --- three phones: budget ballots (900 + 700, 900 + 600, 700 + 600 of 2.000 €) ---
    const ballots = [
      [FEST, CAFE],
      [FEST, SHELF],
      [CAFE, SHELF],
    ];
    for (const [index, phone] of phones.entries()) {
      await phone.getByRole('group', { name: `Welche Anträge fördern wir aus dem ${fund.title}?` }).waitFor();
      for (const label of ballots[index]) await phone.getByRole('checkbox', { name: new RegExp(label) }).check();
      if (index === 0) {
        await phone.getByText('noch frei: 400,00 €', { exact: false }).waitFor();
        await screenshot(phone, 'funds-journey-phone-ballot-360');
        expect(await scrollWidth(phone)).toBeLessThanOrEqual(PHONE.width);
        problems.push(...(await audit(phone, 'phone with the fund budget ballot')));
      }
      await phone.getByRole('button', { name: 'Stimme abgeben' }).click();
      await phone.getByText('Ihre Stimme wurde gezählt.').waitFor();
    }
    await moderator.getByText('3 Stimmzettel in der App').first().waitFor();
    await moderator.getByRole('button', { name: 'Abstimmung schließen' }).click();

    // --- the hall's count by show of hands: the festival 4, the café 2, the bookshelf 1 ---
    await moderator.getByRole('button', { name: 'Saalzählung eintragen' }).click();
    const hall = moderator.locator('form.live-hall');
    for (const [label, count] of [
      [FEST, '4'],
      [CAFE, '2'],
      [SHELF, '1'],
    ])
      await hall.getByLabel(label, { exact: false }).fill(count);
    await hall.getByLabel('Abstimmende im Saal').fill('7');
    await hall.getByRole('button', { name: 'Saalzählung speichern' }).click();
    await moderator.getByText('7 Personen haben im Saal abgestimmt', { exact: false }).first().waitFor();
    await moderator.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();

    // --- the projector: 900 + 700 funded, 600 no longer fits, 400 € left ---
    const projector = await page(PROJECTOR);
    await projector.goto(`/assemblies/${assembly.id}/projector`);
    await waitForPage(projector);
    const bar = projector.getByRole('img', { name: 'Budget 2.000,00 €: 1.600,00 € zugeteilt, 400,00 € übrig' });
    await bar.waitFor();
    await projector.getByText('Gefördert (2)').waitFor();
    await projector.getByText('Nicht gefördert (1)').waitFor();
    await projector.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    expect(await outsideViewport(projector)).toEqual([]);
    await screenshot(projector, 'funds-journey-projector-1280x720');
    problems.push(...(await audit(projector, 'projector with the fund budget result')));

    // --- the allocation confirmed: the fund is decided in the same step ---
    await moderator.getByRole('button', { name: 'Zuteilung bestätigen' }).click();
    await moderator.getByText('2 Vorhaben erhalten zusammen 1.600,00 €', { exact: false }).waitFor();
    await moderator.getByRole('button', { name: 'Ja, Zuteilung bestätigen' }).click();
    await moderator.getByTestId('allocation-confirmed').waitFor();
    await projector.getByText('Zuteilung bestätigt.').waitFor();

    const visitor = await page(DESKTOP);
    await open(visitor, `/fonds/${fund.id}`);
    await visitor.getByRole('heading', { name: 'Bewilligt (2 Anträge)' }).waitFor();
    await visitor.getByRole('heading', { name: 'Abgelehnt (ein Antrag)' }).waitFor();
    await visitor.getByText(/^Die Projektkonferenz hat am .+ abgestimmt\.$/).waitFor();
    await visitor.getByText('400,00 €').first().waitFor();
    problems.push(...(await auditBothLanguages(visitor, '/fonds/:id decided', 'Decision', 'funds-journey-fund-1280')));
    await open(visitor, `/fonds/antraege/${festId}`);
    await state(visitor, 'Bewilligt');
    expect(problems).toEqual([]);
  });

  it('pays, takes the proof of use, closes and turns the application into an Einzelprojekt', async () => {
    const office = await page(DESKTOP);
    await loginViaForm(office, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(office, `/fonds/antraege/${festId}`);
    await state(office, 'Bewilligt');
    await office.getByRole('button', { name: 'Auszahlung eintragen' }).click();
    expect(await office.locator('#step-pay').getByLabel('Ausgezahlter Betrag in Euro').inputValue()).toBe('900,00');
    await office.locator('#step-pay').getByRole('button', { name: 'Auszahlung eintragen' }).click();
    await state(office, 'Ausgezahlt');

    const own = await page(PHONE);
    await loginViaForm(own, FORM_RESIDENT.email, USER_PASSWORD);
    await open(own, `/fonds/antraege/${festId}`);
    await state(own, 'Ausgezahlt');
    await own.getByRole('button', { name: 'Verwendungsnachweis einreichen' }).click();
    const proof = own.locator('#step-submit_proof');
    await proof.getByLabel('Ausgegeben für „Miete Festzelt“ in Euro').fill('600');
    await proof.getByLabel('Ausgegeben für „Musik“ in Euro').fill('250');
    await proof.getByLabel('Kurzer Bericht').fill('Das Hoffest fand statt, 80 Nachbarinnen und Nachbarn kamen. Die Belege liegen bei.');
    await proof.getByRole('button', { name: 'Verwendungsnachweis einreichen' }).click();
    await state(own, 'Verwendungsnachweis eingereicht');

    await office.reload();
    await waitForPage(office);
    await state(office, 'Verwendungsnachweis eingereicht');
    await step(office, 'close', 'Abschließen');
    await state(office, 'Abgeschlossen');
    await office.getByRole('button', { name: 'Einzelprojekt anlegen' }).click();
    await office.getByRole('status').getByText(`Das Einzelprojekt „${FEST}“ ist angelegt.`).waitFor();
    const problems = await auditBothLanguages(office, 'closed application with its project', 'History');
    await office.locator('main').getByRole('link', { name: FEST, exact: true }).click();
    await office.getByRole('heading', { level: 1, name: FEST }).waitFor();
    // Its description and its timeline's first step say where it came from.
    await office.locator('.project-timeline').getByText(`Hervorgegangen aus dem Antrag „${FEST}“ an den ${fund.title}`).waitFor();
    expect(await office.getByText(`Hervorgegangen aus dem Antrag „${FEST}“`).count()).toBe(2);
    await waitForPage(office);
    problems.push(...(await auditBothLanguages(office, 'project from the application', 'Grew out of the application')));
    await screenshot(office, 'funds-journey-project-1366');
    expect(problems).toEqual([]);
    expect(csp.flat()).toEqual([]);
  });
});
