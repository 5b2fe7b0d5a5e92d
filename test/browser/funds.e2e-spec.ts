import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { calendarDate } from '@app/shared';
import { APPLICATION_STATE_INFO, APPLICATION_STATES, APPLICATION_TRANSITIONS, MoneyProblem } from '@app/shared/funds';
import { type Browser, type Page } from 'playwright-core';
import { apiSession, createVerifiedUser, csrfHeaders, loginViaForm, seedProposal, USER_PASSWORD } from './helpers/app';
import { launchBrowser, newContext, open, screenshot, switchLanguage, waitForPage } from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { audit } from './helpers/layout';
import { auditBothLanguages, scrollWidth } from './helpers/pages';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';
import { onePagePdf } from './helpers/files';

// Real browser journeys take longer than the default test timeout.
jest.setTimeout(300_000);

const RESIDENT = { email: 'rana.nachbarin@example.org', name: 'Rana Nachbarin' };
const AREA = 'Borsigplatz';
// A year of its own, so the demo data's funds of this year never collide with the one opened here.
const YEAR = 2031;
const TITLE = 'Nachbarschaftsfest am Borsigplatz';
const GROUP = 'Nachbarschaftsinitiative Borsigplatz';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const LOCALES = join(__dirname, '../../apps/web/src/locales');

const pdf = () => onePagePdf('Angebot');

const day = (offset: number) => calendarDate(new Date(Date.now() + offset * 86_400_000));

type Json = Record<string, unknown>;
const lookup = (tree: Json, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Json | undefined)?.[part], tree);

async function expectFitsPhone(page: Page): Promise<void> {
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
}

describe('Aktionsraumfonds (web)', () => {
  it('has a text for every state, transition, transition field and money problem in every language', () => {
    const keys = new Set<string>();
    for (const state of APPLICATION_STATES)
      keys.add(APPLICATION_STATE_INFO[state].labelKey).add(APPLICATION_STATE_INFO[state].descriptionKey);
    for (const transition of APPLICATION_TRANSITIONS) {
      keys.add(transition.labelKey).add(`funds.transitionHints.${transition.id}`).add(`funds.timeline.steps.${transition.id}`);
      for (const guard of transition.fields) keys.add(`funds.fields.${guard.field}`);
    }
    for (const problem of Object.values(MoneyProblem)) keys.add(`funds.money.${problem}`);
    for (const language of ['de', 'en', 'tr', 'ar', 'bg', 'ro', 'pl', 'uk', 'ru', 'de-x-ls']) {
      const tree = JSON.parse(readFileSync(join(LOCALES, `funds.${language}.json`), 'utf8')) as Json;
      const missing = [...keys].filter((key) => typeof lookup(tree, key) !== 'string' || !(lookup(tree, key) as string).trim());
      expect({ language, missing }).toEqual({ language, missing: [] });
    }
  });

  describe('in the browser', () => {
    let mail: SmtpSink;
    let server: RunningServer;
    let browser: Browser;
    let fundId = '';
    let applicationId = '';
    let fundTitle = '';

    beforeAll(async () => {
      mail = await new SmtpSink().start();
      server = await startServer(mail.port);
      browser = await launchBrowser();
      await createVerifiedUser(server.baseUrl, mail, RESIDENT.email, RESIDENT.name);
    });

    afterAll(async () => {
      await browser?.close();
      await server?.stop();
      await mail?.stop();
    });

    it('lets an administrator open a fund on the admin page', async () => {
      const context = await newContext(browser, server.baseUrl, { language: 'de', viewport: DESKTOP, bypassCSP: true });
      const page = await context.newPage();
      const csp = collectCspViolations(page);
      await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await open(page, `/admin/fonds?jahr=${YEAR}`);
      await page.getByText(`Für ${YEAR} ist noch kein Fonds eingerichtet.`).waitFor();
      const problems = await auditBothLanguages(page, '/admin/fonds', 'Set up a new fund', 'funds-admin');

      const form = page.locator('#fund-new');
      await form.getByLabel('Aktionsraum').selectOption({ label: AREA });
      await form.getByLabel('Jahr').fill(String(YEAR));
      await form.getByLabel('Fondssumme in Euro').fill('5.000,00');
      // A German "1.500" could be 1.50 or 1500: refused at the field with the way out.
      await form.getByLabel('Höchstbetrag je Antrag in Euro').fill('1.500');
      await form.getByLabel('Antragsfrist ab').fill(day(-1));
      await form.getByLabel('Antragsfrist bis').fill(day(30));
      await form.getByLabel('Projektkonferenz').fill(day(40));
      await form.getByLabel('Beschreibung').fill('Geld für Nachbarschaftsprojekte am Borsigplatz.');
      await form.getByRole('button', { name: 'Fonds einrichten' }).click();
      await form.locator('#fund-new-maxPerApplicationCents-error').getByText('nicht eindeutig').waitFor();
      // Focus went to the error summary, which links to the field.
      expect(await page.evaluate(() => document.activeElement?.closest('.kern-alert, [role="alert"], .error-summary') !== null)).toBe(true);
      await form.getByLabel('Höchstbetrag je Antrag in Euro').fill('1500');
      await form.getByRole('button', { name: 'Fonds einrichten' }).click();
      await page.getByRole('status').getByText('ist eingerichtet').waitFor();
      // Focus is on the year's heading above the table, which now lists the fund.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('funds-year-title');
      const row = page.locator('table tbody tr').filter({ hasText: AREA });
      await row.waitFor();
      fundTitle = (await row.locator('th a').innerText()).trim();
      fundId = ((await row.locator('th a').getAttribute('href')) ?? '').split('/').pop() ?? '';
      expect(fundId).not.toBe('');
      // The year's exports (built by another part of the API) are linked.
      expect(await page.locator(`a[href="/api/funds/export.csv?year=${YEAR}"]`).count()).toBe(1);
      expect(await page.locator(`a[href="/api/funds/export.xlsx?year=${YEAR}"]`).count()).toBe(1);
      expect(problems).toEqual([]);
      expect(csp).toEqual([]);
      await context.close();
    });

    it('lets a resident apply on a phone: draft with cost items, then submit', async () => {
      const context = await newContext(browser, server.baseUrl, { language: 'de', viewport: PHONE, bypassCSP: true });
      const page = await context.newPage();
      const csp = collectCspViolations(page);
      await loginViaForm(page, RESIDENT.email, USER_PASSWORD);
      await open(page, '/fonds');
      const card = page.locator('.fund-card').filter({ hasText: fundTitle });
      await card.getByText('Anträge möglich').waitFor();
      const problems = await auditBothLanguages(page, '/fonds', 'Action area funds');
      await screenshot(page, 'funds-list-360');
      await expectFitsPhone(page);
      await card.getByRole('link', { name: /^Antrag stellen/ }).click();
      await page.getByRole('heading', { level: 1, name: `Antrag an den ${fundTitle}` }).waitFor();
      await waitForPage(page);

      await page.getByLabel('Titel des Projekts').fill(`${TITLE} (Entwurf)`);
      await page
        .getByLabel('Worum geht es?')
        .fill('Ein Fest für alle Nachbarinnen und Nachbarn am Borsigplatz, mit Musik und Essen aus vielen Ländern.');
      await page.getByLabel('Kostenposten 1: wofür?').fill('Miete Festzelt');
      await page.getByLabel('Kostenposten 1: Betrag in Euro').fill('600');
      await page.getByRole('button', { name: 'Weiteren Kostenposten hinzufügen' }).click();
      // The new row's first field takes focus.
      await page.waitForFunction(() => document.activeElement?.id === 'application-costItems-1-label');
      await page.keyboard.type('Musik');
      await page.getByLabel('Kostenposten 2: Betrag in Euro').fill('12,345');
      await page.getByText('Beantragter Betrag: Bitte alle Beträge eintragen.').waitFor();
      await page.getByRole('button', { name: 'Entwurf speichern' }).click();
      // The parser's problem at the field, in German.
      await page.locator('#application-costItems-1-amountCents-error').getByText('nicht eindeutig').waitFor();
      await page.getByLabel('Kostenposten 2: Betrag in Euro').fill('400,00');
      // The requested amount is the sum, shown as it is typed.
      await page.getByText(/Beantragter Betrag \(Summe\): 1\.000,00\s€/).waitFor();
      await page.getByLabel('Wer stellt den Antrag?').selectOption('group');
      await page.getByLabel('Öffentlicher Name').fill(GROUP);
      await page.getByLabel('Name', { exact: true }).fill(RESIDENT.name);
      await page.getByLabel('E-Mail').fill(RESIDENT.email);
      problems.push(...(await audit(page, 'de application form')));
      await screenshot(page, 'funds-form-360');
      await expectFitsPhone(page);
      await page.getByRole('button', { name: 'Entwurf speichern' }).click();

      // The draft's page: state, amounts, the upload of an attachment and the submit step.
      await page.getByRole('heading', { level: 1, name: `${TITLE} (Entwurf)` }).waitFor();
      await page.locator('.application-state').getByText('Entwurf', { exact: true }).waitFor();
      applicationId = new URL(page.url()).pathname.split('/').pop() ?? '';
      await page.setInputFiles('#application-attachments-file', { name: 'angebot.pdf', mimeType: 'application/pdf', buffer: pdf() });
      await page.getByLabel('Beschreibung (bei Bildern: Alternativtext)').fill('Angebot für das Festzelt');
      await page.getByRole('button', { name: 'Hochladen' }).click();
      const attachment = page.locator('section[aria-labelledby="attachments-title"]').getByRole('link', { name: 'angebot.pdf' });
      await attachment.waitFor();
      // The new file's entry takes focus.
      await page.waitForFunction(() => document.activeElement?.id.startsWith('attachment-') === true);

      // Changing the draft: the form comes back filled in, with the cost items in euros.
      await page.getByRole('link', { name: 'Antrag bearbeiten' }).click();
      await page.getByRole('heading', { level: 1, name: `Antrag bearbeiten: ${TITLE} (Entwurf)` }).waitFor();
      await waitForPage(page);
      expect(await page.getByLabel('Kostenposten 2: Betrag in Euro').inputValue()).toBe('400,00');
      await page.getByLabel('Titel des Projekts').fill(TITLE);
      await page.getByRole('button', { name: 'Entwurf speichern' }).click();
      await page.getByRole('heading', { level: 1, name: TITLE, exact: true }).waitFor();
      await page.getByText(`Der Antrag „${TITLE}“ ist gespeichert.`).waitFor();
      await page.getByRole('button', { name: 'Antrag einreichen' }).click();
      await page.locator('#step-submit').getByRole('button', { name: 'Antrag einreichen' }).click();
      await page.locator('.application-state').getByText('Eingereicht', { exact: true }).waitFor();
      await page.getByRole('status').getByText('Erledigt: Antrag einreichen.').waitFor();
      // After the step, focus is on the panel's heading, which announces what happened.
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('application-actions-title');
      // Only the applicant and staff see the contact; the page says so.
      await page.getByText(RESIDENT.email).waitFor();
      problems.push(...(await auditBothLanguages(page, '/fonds/antraege/:id', 'What is it about?')));
      await screenshot(page, 'funds-application-360');
      await expectFitsPhone(page);

      await open(page, '/account/antraege');
      await page.locator('.application-list').getByText(TITLE).waitFor();
      await page.locator('.application-list').getByText('Eingereicht', { exact: true }).waitFor();
      problems.push(...(await audit(page, 'de /account/antraege')));
      expect(problems).toEqual([]);
      expect(csp).toEqual([]);
      await context.close();
    });

    it('lets the administrator check it; the fund page and the public timeline show it', async () => {
      const context = await newContext(browser, server.baseUrl, { language: 'de', viewport: DESKTOP, bypassCSP: true });
      const page = await context.newPage();
      const csp = collectCspViolations(page);
      await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await open(page, `/fonds/${fundId}/bearbeitung`);
      await page.getByRole('heading', { name: 'Eingereicht (ein Antrag)' }).waitFor();
      const problems = await audit(page, 'de processing list');
      await page.getByRole('button', { name: `Schritte für „${TITLE}“` }).click();
      // A public reason shorter than the rule is refused at the field before anything is sent.
      await page.getByRole('button', { name: 'Zurückgeben' }).click();
      await page.locator('#step-return').getByRole('button', { name: 'Zurückgeben' }).click();
      await page.locator('#step-return-reason-error').waitFor();
      await page.locator('#step-return').getByRole('button', { name: 'Abbrechen' }).click();
      // Cancelling returns focus to the step's button.
      await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.step === 'return');
      await page.getByRole('button', { name: 'Als geprüft markieren' }).click();
      await page.locator('#step-check').getByRole('button', { name: 'Als geprüft markieren' }).click();
      await page.getByRole('heading', { name: 'Geprüft (ein Antrag)' }).waitFor();
      // The entry moved to another state's group: the list's heading takes focus and says what happened.
      await page.getByRole('status').getByText('Erledigt: Als geprüft markieren.').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('processing-list-title');
      problems.push(...(await audit(page, 'de processing list after a step')));
      await screenshot(page, 'funds-processing-1280');

      // The public fund page (signed out as well as in): balance, period, the application under its state.
      const visitor = await newContext(browser, server.baseUrl, { language: 'de', viewport: DESKTOP, bypassCSP: true });
      const publicPage = await visitor.newPage();
      await open(publicPage, `/fonds/${fundId}`);
      await publicPage.getByRole('heading', { name: 'Geprüft (ein Antrag)' }).waitFor();
      await publicPage.getByRole('link', { name: TITLE }).waitFor();
      await publicPage.getByText('5.000,00 €').first().waitFor();
      problems.push(...(await auditBothLanguages(publicPage, '/fonds/:id', 'Money and dates', 'funds-fund-1280')));

      // The application's public timeline: every step with date, role and no contact data for the public.
      await open(publicPage, `/fonds/antraege/${applicationId}`);
      const timeline = publicPage.locator('.application-timeline');
      await timeline.getByText('Als geprüft markiert').waitFor();
      await timeline.getByText('Antrag eingereicht').waitFor();
      expect(await timeline.getByText('Projektbüro').count()).toBeGreaterThan(0);
      expect(await publicPage.getByText(RESIDENT.email).count()).toBe(0);
      await publicPage.getByRole('cell', { name: /1\.000,00\s€/ }).waitFor();
      problems.push(...(await auditBothLanguages(publicPage, 'public application', 'History', 'funds-application-1280')));

      // Right to left: the fund page in Arabic, on a phone.
      await publicPage.setViewportSize(PHONE);
      await switchLanguage(publicPage, 'ar');
      await open(publicPage, `/fonds/${fundId}`);
      await publicPage.getByText('المال والمواعيد').waitFor();
      expect(await publicPage.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await screenshot(publicPage, 'funds-fund-ar-360');
      await expectFitsPhone(publicPage);
      await visitor.close();

      expect(problems).toEqual([]);
      expect(csp).toEqual([]);
      await context.close();
    });

    it('takes it on to approval with a lower amount, payment and the proof of use by cost item', async () => {
      const admin = await newContext(browser, server.baseUrl, { language: 'de', viewport: DESKTOP, bypassCSP: true });
      const page = await admin.newPage();
      await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await open(page, `/fonds/antraege/${applicationId}`);
      // The application read again after the step answers late (a slow link), so the next step's form
      // is opened while the first step is still being completed: it must stay open when that ends.
      const detail = new RegExp(`/api/applications/${applicationId}$`);
      await page.route(detail, async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1_500));
        await route.continue();
      });
      await page.getByRole('button', { name: 'Auf die Tagesordnung setzen' }).click();
      await page.locator('#step-put_on_agenda').getByRole('button', { name: 'Auf die Tagesordnung setzen' }).click();
      await page.locator('.application-state').getByText('Auf der Tagesordnung', { exact: true }).waitFor();

      // Less than requested without a reason: the API's refusal appears at the reason field.
      await page.getByRole('button', { name: 'Bewilligen' }).click();
      await page.getByRole('status').getByText('Erledigt: Auf die Tagesordnung setzen.').waitFor();
      await page.unroute(detail);
      const approve = page.locator('#step-approve');
      await approve.waitFor();
      expect(await approve.getByLabel('Bewilligter Betrag in Euro').inputValue()).toBe('1000,00');
      await approve.getByLabel('Bewilligter Betrag in Euro').fill('900');
      await approve.getByRole('button', { name: 'Bewilligen' }).click();
      await approve.locator('#step-approve-reason-error').getByText('öffentliche Begründung').waitFor();
      await approve.getByLabel('Öffentliche Begründung').fill('Die Musik wird vom Stadtteilzentrum gestellt, daher 100 Euro weniger.');
      await approve.getByRole('button', { name: 'Bewilligen' }).click();
      await page.locator('.application-state').getByText('Bewilligt', { exact: true }).waitFor();
      await page.getByRole('status').getByText('Erledigt: Bewilligen.').waitFor();
      await page.waitForFunction(() => document.activeElement?.id === 'application-actions-title');

      await page.getByRole('button', { name: 'Auszahlung eintragen' }).click();
      expect(await page.locator('#step-pay').getByLabel('Ausgezahlter Betrag in Euro').inputValue()).toBe('900,00');
      await page.locator('#step-pay').getByRole('button', { name: 'Auszahlung eintragen' }).click();
      await page.locator('.application-state').getByText('Ausgezahlt', { exact: true }).waitFor();
      await admin.close();

      // The resident hands in the proof of use: what was spent on each cost item.
      const resident = await newContext(browser, server.baseUrl, { language: 'de', viewport: PHONE, bypassCSP: true });
      const own = await resident.newPage();
      await loginViaForm(own, RESIDENT.email, USER_PASSWORD);
      await open(own, `/fonds/antraege/${applicationId}`);
      await own.getByRole('button', { name: 'Verwendungsnachweis einreichen' }).click();
      const proof = own.locator('#step-submit_proof');
      // The first cost item's field takes focus.
      await own.waitForFunction(() => document.activeElement?.id === 'step-submit_proof-spentItems-0-amountCents');
      await proof.getByLabel('Ausgegeben für „Miete Festzelt“ in Euro').fill('600');
      await proof.getByLabel('Ausgegeben für „Musik“ in Euro').fill('250');
      await proof.getByText(/Ausgegeben \(Summe\): 850,00\s€; ausgezahlt wurden 900,00\s€/).waitFor();
      await proof.getByLabel('Kurzer Bericht').fill('Das Fest fand statt, 120 Nachbarinnen und Nachbarn kamen. Belege folgen als Anhang.');
      await proof.getByRole('button', { name: 'Verwendungsnachweis einreichen' }).click();
      await own.locator('.application-state').getByText('Verwendungsnachweis eingereicht', { exact: true }).waitFor();
      const proofSection = own.locator('section[aria-labelledby="proof-title"]');
      await proofSection.getByRole('cell', { name: /850,00\s€/ }).waitFor();
      const problems = await auditBothLanguages(own, 'application with proof of use', 'Proof of use');
      await screenshot(own, 'funds-proof-360');
      await expectFitsPhone(own);
      expect(problems).toEqual([]);
      await resident.close();
    });

    it('lets the jury enter its decision on the whole agenda at once, refusing a lower amount without a reason', async () => {
      // Set-up over the API: a fund of its own year with two applications on the agenda.
      const adminApi = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
      const residentApi = await apiSession(server.baseUrl, RESIDENT.email);
      const post = async (api: typeof adminApi, path: string, data: Json) => {
        const res = await api.post(path, { headers: await csrfHeaders(api), data });
        if (!res.ok()) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
        return (await res.json()) as Json;
      };
      const areaId = ((await (await adminApi.get(`/api/funds/${fundId}`)).json()) as { area: { id: string } }).area.id;
      const fund = await post(adminApi, '/api/funds', {
        areaId,
        year: YEAR + 1,
        amountCents: 200_000,
        maxPerApplicationCents: 150_000,
        applicationStart: day(-1),
        applicationEnd: day(30),
      });
      const titles = ['Sprachcafé im Nachbarschaftstreff', 'Pflanzkübel für den Platz'];
      for (const title of titles) {
        const created = await post(residentApi, `/api/funds/${String(fund.id)}/applications`, {
          title,
          purpose: 'Ein Angebot für alle Nachbarinnen und Nachbarn im Quartier, offen und kostenlos.',
          costItems: [{ label: 'Material', amountCents: 80_000 }],
          requestedAmountCents: 80_000,
          applicantKind: 'group',
          applicantName: GROUP,
          contact: { name: RESIDENT.name, email: RESIDENT.email, phone: null, address: null },
        });
        await post(residentApi, `/api/applications/${String(created.id)}/transitions/submit`, {});
        await post(adminApi, `/api/applications/${String(created.id)}/transitions/check`, {});
        await post(adminApi, `/api/applications/${String(created.id)}/transitions/put_on_agenda`, {});
      }
      await adminApi.dispose();
      await residentApi.dispose();

      const context = await newContext(browser, server.baseUrl, { language: 'de', viewport: DESKTOP, bypassCSP: true });
      const page = await context.newPage();
      await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await open(page, `/fonds/${String(fund.id)}/bearbeitung`);
      const jury = page.locator('section[aria-labelledby="jury-title"]');
      await jury.getByRole('heading', { name: 'Entscheidung der Jury eintragen' }).waitFor();
      const problems = await auditBothLanguages(page, 'jury decision', "Enter the jury's decision");
      const line = (title: string) => jury.locator('fieldset').filter({ hasText: title });
      // The first gets less than requested, the second is rejected; both without a reason first.
      await line(titles[0]).getByLabel('Bewilligter Betrag in Euro').fill('700');
      await line(titles[1]).getByLabel('Entscheidung').selectOption('reject');
      expect(await line(titles[1]).getByLabel('Bewilligter Betrag in Euro').count()).toBe(0);
      await jury.getByRole('button', { name: 'Entscheidung eintragen' }).click();
      await jury.locator('[id$="-lines-0-reason-error"]').waitFor();
      await line(titles[0])
        .getByLabel('Öffentliche Begründung')
        .fill('Das Material stellt zum Teil der Nachbarschaftstreff, daher 100 Euro weniger.');
      await line(titles[1])
        .getByLabel('Öffentliche Begründung')
        .fill('Für Pflanzkübel ist das Grünflächenamt zuständig; es hat sie bereits zugesagt.');
      await jury.getByRole('button', { name: 'Entscheidung eintragen' }).click();
      await page.getByRole('status').getByText('Die Entscheidung der Jury ist eingetragen.').waitFor();
      // Decided once: the form is gone, the fund page says how it was decided, the money is committed.
      await jury.waitFor({ state: 'detached' });
      await open(page, `/fonds/${String(fund.id)}`);
      await page.getByText(/Die Jury der Projektkonferenz hat am .* entschieden\./).waitFor();
      await page.locator('main').getByText('Bewilligt', { exact: true }).first().waitFor();
      problems.push(...(await audit(page, 'de fund decided by the jury')));
      await screenshot(page, 'funds-jury-decided');
      expect(problems).toEqual([]);
      await context.close();
    });

    it("starts an application from a proposal's page: the link carries the proposal to the form", async () => {
      const residentApi = await apiSession(server.baseUrl, RESIDENT.email);
      const proposal = await seedProposal(
        residentApi,
        AREA,
        'SZ',
        'Bücherschrank am Borsigplatz',
        'Ein offener Bücherschrank für alle, mit Büchern in vielen Sprachen.',
      );
      await residentApi.dispose();
      const context = await newContext(browser, server.baseUrl, { language: 'de', viewport: PHONE, bypassCSP: true });
      const page = await context.newPage();
      await loginViaForm(page, RESIDENT.email, USER_PASSWORD);
      await open(page, `/proposals/${proposal.id}`);
      await page.getByRole('link', { name: 'Geld für diese Idee aus dem Aktionsraumfonds beantragen' }).click();
      // The open fund's "Antrag stellen" carries the proposal on to the form, where it is filled in.
      const apply = page.getByRole('link', { name: `Antrag stellen – ${fundTitle}` });
      await apply.waitFor();
      expect(await apply.getAttribute('href')).toBe(`/fonds/${fundId}/antrag?vorschlag=${proposal.id}`);
      await apply.click();
      const field = page.getByLabel('Vorschlag, aus dem der Antrag entstanden ist');
      await field.waitFor();
      expect(await field.inputValue()).toContain(proposal.id);
      await context.close();
    });

    it("keeps the resident's application where they can find it over the API too", async () => {
      const api = await apiSession(server.baseUrl, RESIDENT.email);
      try {
        const mine = (await (await api.get('/api/applications/mine')).json()) as Array<{ id: string; state: string }>;
        expect(mine.find((item) => item.id === applicationId)?.state).toBe('proof_submitted');
      } finally {
        await api.dispose();
      }
    });
  });
});
