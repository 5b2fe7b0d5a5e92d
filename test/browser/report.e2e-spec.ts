import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GLOSSARY,
  Language,
  type AreaProfileResponse,
  type CityOverviewResponse,
  type IndicatorValue,
  type OpenDataCatalogue,
} from '@app/shared';
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { loginViaForm } from './helpers/app';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot, screenshotOf, switchLanguage, waitForPage } from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { closeWithEscape, openTermByKeyboard } from './helpers/terms';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

// Real browser journeys take longer than the default test timeout.
jest.setTimeout(240_000);

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };
const INDICATOR = 'arbeitslosenrate';
const YEAR = 2020;
const AREA_CODE = 'ar-nordmarkt';
const LOCALES = join(__dirname, '../../apps/web/src/locales');
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

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
  await screenshot(page, `${label}-de`);
  await switchLanguage(page, 'en');
  await waitForPage(page);
  problems.push(...(await audit(page, `en ${label}`)));
  await screenshot(page, `${label}-en`);
  await switchLanguage(page, 'de');
  await waitForPage(page);
  return problems;
}

/** "1.234,5" / "−3,4" / "+2,0" (German) → number; "–" (no value) → null. */
function germanNumber(text: string): number | null {
  const clean = text.trim();
  if (clean === '' || clean === '–') return null;
  return Number(clean.replace(/\./g, '').replace(',', '.').replace('−', '-').replace('+', ''));
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The body rows of a table as cell texts (row header first). */
async function tableCells(table: Locator): Promise<string[][]> {
  return table.evaluate((element) =>
    [...element.querySelectorAll('tbody tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
    ),
  );
}

async function tableHeaders(table: Locator): Promise<string[]> {
  return table.evaluate((element) => [...element.querySelectorAll('thead th')].map((cell) => (cell.textContent ?? '').trim()));
}

/** Parses the German CSV download (BOM, `;`, CRLF, RFC 4180 quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r') continue;
    else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

async function download(page: Page, trigger: Locator): Promise<{ name: string; content: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), content: readFileSync(path) };
}

/** The table cells as the CSV writes them: no thousands separator, empty for "no value". */
function asCsvCells(cells: string[][]): string[][] {
  return cells.map((row) =>
    row.map((cell) => (cell === '–' ? '' : /^[+−-]?[\d.]+(,\d+)?$/.test(cell) ? cell.replace(/\./g, '').replace('−', '-') : cell)),
  );
}

async function expectFitsPhone(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

type Json = Record<string, unknown>;
const flat = (node: unknown, prefix = ''): string[] =>
  typeof node === 'object' && node !== null
    ? Object.entries(node as Json).flatMap(([key, value]) => flat(value, prefix ? `${prefix}.${key}` : key))
    : [prefix];

describe('social report (web)', () => {
  it('has the same report texts in German and English', () => {
    const de = flat(JSON.parse(readFileSync(join(LOCALES, 'report.de.json'), 'utf8'))).sort();
    const en = flat(JSON.parse(readFileSync(join(LOCALES, 'report.en.json'), 'utf8'))).sort();
    expect(en).toEqual(de);
    expect(de.length).toBeGreaterThan(100);
  });

  describe('in the browser', () => {
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

    async function germanPage(viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; csp: string[] }> {
      const context = await newContext(browser, server.baseUrl, { language: 'de', locale: 'de-DE', viewport, bypassCSP: true });
      const page = await context.newPage();
      return { context, page, csp: collectCspViolations(page) };
    }

    it('city overview: chart with a summary, a table with the API numbers, PNG and CSV downloads, axe clean in de and en', async () => {
      const { context, page, csp } = await germanPage();
      const api = (await (
        await page.request.get(`${server.baseUrl}/api/social-report/overview?indicator=${INDICATOR}&year=${YEAR}`)
      ).json()) as CityOverviewResponse;
      expect(api.rows.length).toBeGreaterThanOrEqual(10);
      expect(api.cityValue).not.toBeNull();

      await open(page, '/');
      await page.click('.site-nav a[href="/report"]');
      await page.waitForURL((url) => url.pathname === '/report');
      await waitForPage(page);
      // Choose indicator and year with the filter form, as a person would.
      await page.selectOption('#overview-filter-indicator', INDICATOR);
      await page.click('#overview-filter button[type="submit"]');
      await page.waitForURL((url) => url.searchParams.get('indicator') === INDICATOR);
      await waitForPage(page);
      await page.selectOption('#overview-filter-year', String(YEAR));
      await page.click('#overview-filter button[type="submit"]');
      await page.waitForURL((url) => url.searchParams.get('year') === String(YEAR));
      await page.waitForFunction((year) => document.querySelector('#overview-chart-title')?.textContent?.includes(year), String(YEAR));
      await page.waitForSelector('.report-overview:not([aria-busy="true"])');
      await waitForPage(page);

      const figure = page.locator('#overview-chart');
      const canvas = figure.locator('canvas');
      expect(await canvas.getAttribute('role')).toBe('img');
      const summary = (await canvas.getAttribute('aria-label')) ?? '';
      expect(summary).toContain(String(YEAR));
      expect(summary).toContain(String(api.rows.filter((row) => row.value !== null).length));

      // The table alternative holds exactly the API's numbers (rounded to the indicator's decimals).
      const table = figure.locator('table');
      for (const row of api.rows) {
        const tr = table.locator(`tr[data-row="${row.area.code}"]`);
        expect(await tr.locator('th').innerText()).toBe(row.area.name);
        const value = germanNumber(await tr.locator('td[data-column="value"]').innerText());
        expect(value).toBe(row.value === null ? null : round1(row.value));
        expect(germanNumber(await tr.locator('td[data-column="city"]').innerText())).toBe(round1(api.cityValue ?? 0));
        const difference = germanNumber(await tr.locator('td[data-column="difference"]').innerText());
        expect(difference).toBe(row.differenceToCity === null ? null : round1(row.differenceToCity));
        expect(germanNumber(await tr.locator('td[data-column="rank"]').innerText())).toBe(row.needRank);
      }
      expect(await table.locator('tbody tr').count()).toBe(api.rows.length);
      expect(await page.locator('[data-city-value]').innerText()).toContain(`${String(round1(api.cityValue ?? 0)).replace('.', ',')} %`);
      // Direction explained in words.
      expect(await figure.innerText()).toContain('Niedriger ist besser');

      // PNG download: a real PNG; CSV download: the table's rows and headers, cell for cell.
      await screenshotOf(figure, 'overview-figure');
      const png = await download(page, figure.locator('[data-download="png"]'));
      expect(png.name).toMatch(/\.png$/);
      expect([...png.content.subarray(0, 8)]).toEqual(PNG_MAGIC);
      expect(png.content.length).toBeGreaterThan(2000);
      const csv = await download(page, figure.locator('[data-download="csv"]'));
      expect(csv.name).toMatch(/\.csv$/);
      const parsed = parseCsv(csv.content.toString('utf8'));
      expect(parsed[0]).toEqual(await tableHeaders(table));
      expect(parsed.slice(1)).toEqual(asCsvCells(await tableCells(table)));

      const problems = await auditBothLanguages(page, 'report-overview');
      expect(problems).toEqual([]);
      expect(csp).toEqual([]);

      // The area names lead to the area profile.
      const first = api.rows[0];
      await table.locator(`tr[data-row="${first.area.code}"] th a`).click();
      await page.waitForURL((url) => url.pathname === `/report/areas/${first.area.code}`);
      await waitForPage(page);
      expect(await page.locator('h1').innerText()).toContain(first.area.name);
      await context.close();
    });

    it('area profile: line charts against the city with matching tables, targets, projects and assemblies, axe clean in de and en', async () => {
      const { context, page, csp } = await germanPage();
      const api = (await (await page.request.get(`${server.baseUrl}/api/social-report/areas/${AREA_CODE}`)).json()) as AreaProfileResponse;
      const series = api.indicators.find((item) => item.indicator.key === INDICATOR);
      expect(series).toBeDefined();
      await open(page, `/report/areas/${AREA_CODE}`);
      await page.waitForSelector(`[data-indicator="${INDICATOR}"] canvas`);
      expect(await page.locator('h1').innerText()).toContain(api.area.name);
      expect(await page.locator('.report-indicator').count()).toBe(api.indicators.length);

      const article = page.locator(`[data-indicator="${INDICATOR}"]`);
      expect(await article.locator('canvas').getAttribute('role')).toBe('img');
      expect((await article.locator('canvas').getAttribute('aria-label')) ?? '').toContain(api.area.name);
      // A difference of two percentages is in percentage points, not in per cent.
      expect(await article.innerText()).toMatch(/Abstand zur Stadt: [+−]\d+,\d Prozentpunkte/);
      expect(await article.innerText()).not.toMatch(/Abstand zur Stadt: [+−]\d+,\d %/);
      // The table alternative sits in a disclosure; open it and compare every year.
      await article.locator('details summary').click();
      await screenshotOf(article, 'area-indicator');
      const table = article.locator('table');
      expect(await tableHeaders(table)).toContain('Abstand zur Stadt (Prozentpunkte)');
      for (const point of series?.points ?? []) {
        const tr = table.locator(`tr[data-row="${point.year}"]`);
        expect(germanNumber(await tr.locator('td[data-column="value"]').innerText())).toBe(
          point.value === null ? null : round1(point.value),
        );
        expect(germanNumber(await tr.locator('td[data-column="city"]').innerText())).toBe(
          point.cityValue === null ? null : round1(point.cityValue),
        );
      }
      expect(await table.locator('tbody tr').count()).toBe(series?.points.length);
      // The city target (below 10 %) with its distance.
      if ((series?.targets.length ?? 0) > 0) expect(await article.locator('.report-targets__item').count()).toBe(series?.targets.length);
      expect(await article.innerText()).toContain('Abstand zum Ziel');

      const png = await download(page, article.locator('[data-download="png"]'));
      expect([...png.content.subarray(0, 8)]).toEqual(PNG_MAGIC);
      const csv = await download(page, article.locator('[data-download="csv"]'));
      const parsed = parseCsv(csv.content.toString('utf8'));
      expect(parsed[0]).toEqual(await tableHeaders(table));
      expect(parsed.slice(1)).toEqual(asCsvCells(await tableCells(table)));

      // Projects link to their pages, assemblies to theirs.
      for (const project of api.projects.items.slice(0, 3)) {
        expect(await page.locator(`section[aria-labelledby="area-projects-title"] a[href="/projects/${project.id}"]`).count()).toBe(1);
      }
      for (const assembly of api.assemblies) {
        expect(await page.locator(`section[aria-labelledby="area-assemblies-title"] a[href="/assemblies/${assembly.id}"]`).count()).toBe(1);
      }
      const problems = await auditBothLanguages(page, 'report-area');
      expect(problems).toEqual([]);
      expect(csp).toEqual([]);
      await context.close();
    });

    it('works at 360 px: overview and profile fit the phone', async () => {
      const { context, page } = await germanPage(PHONE);
      await open(page, `/report?indicator=${INDICATOR}&year=${YEAR}`);
      await page.waitForSelector('#overview-chart canvas');
      await expectFitsPhone(page);
      await screenshotOf(page.locator('#overview-chart'), 'overview-figure-phone');
      await screenshot(page, 'report-overview-phone');
      await open(page, `/report/areas/${AREA_CODE}`);
      await page.waitForSelector('.report-indicator canvas');
      await expectFitsPhone(page);
      await screenshotOf(page.locator('.report-indicator').first(), 'area-indicator-phone');
      await screenshot(page, 'report-area-phone');
      await open(page, '/report/participation');
      await expectFitsPhone(page);
      await open(page, '/open-data');
      await expectFitsPhone(page);
      await screenshot(page, 'open-data-phone');
      await context.close();
    });

    it('explains SGB-II-Quote and Bedarfsgemeinschaft in place, in Turkish, with the keyboard only (360 and 1280 px, axe)', async () => {
      const turkish = JSON.parse(readFileSync(join(LOCALES, 'tr.json'), 'utf8')) as {
        term: { whatIs: string };
        terms: Record<string, string>;
      };
      const { explanations } = GLOSSARY[Language.Turkish];
      const { terms } = turkish;
      const whatIs = (term: string) => turkish.term.whatIs.replace('{{term}}', term);
      for (const viewport of [DESKTOP, PHONE]) {
        const context = await newContext(browser, server.baseUrl, { language: 'tr', viewport, bypassCSP: true });
        const page = await context.newPage();
        await open(page, '/report?indicator=sgb2_quote');
        await page.waitForSelector('#overview-chart canvas');
        expect(await page.evaluate(() => document.documentElement.lang)).toBe('tr');
        // The terms sit under the chart's title; the indicator's name stays as the city entered it.
        const figure = page.locator('#overview-chart');
        expect(await figure.locator('.report-terms').innerText()).toContain(terms.benefitCommunity);
        // From the top of the document: Tab scrolls the page.
        const canvasTop = () => figure.locator('canvas').evaluate((canvas) => canvas.getBoundingClientRect().top + window.scrollY);
        const before = await canvasTop();

        const term = await openTermByKeyboard(page, whatIs(terms.sgb2Rate), explanations.sgb2Rate);
        // In place: the explanation pushes the chart down instead of covering it.
        const height = (await term.panel.boundingBox())?.height ?? 0;
        expect(height).toBeGreaterThan(20);
        expect(await canvasTop()).toBeGreaterThanOrEqual(before + height);
        if (viewport === PHONE) await expectFitsPhone(page);
        expect(formatViolations(`tr sgb2 term ${viewport.width}`, await axeViolations(page))).toBe('');
        await screenshotOf(figure.locator('.report-terms'), `report-term-sgb2-tr-${viewport.width}`);
        await screenshot(page, `report-term-sgb2-tr-page-${viewport.width}`);
        await closeWithEscape(page, term);
        expect(Math.abs((await canvasTop()) - before)).toBeLessThan(1);

        // Bedarfsgemeinschaft next to it, the same way.
        await closeWithEscape(page, await openTermByKeyboard(page, whatIs(terms.benefitCommunity), explanations.benefitCommunity));

        // An Aktionsraum's profile: its type explained, and each hard term once, at the first indicator that uses it.
        if (viewport === DESKTOP) {
          await open(page, `/report/areas/${AREA_CODE}`);
          await page.waitForSelector('.report-indicator canvas');
          const count = (term: string) => page.locator(`button[data-term="${term}"]`).count();
          expect([await count('actionArea'), await count('sgb2Rate'), await count('benefitCommunity')]).toEqual([1, 1, 1]);
          await closeWithEscape(page, await openTermByKeyboard(page, whatIs(terms.actionArea), explanations.actionArea));
        }
        await context.close();
      }
    });

    it('participation statistics render with a chart, its table and the filters', async () => {
      const { context, page } = await germanPage();
      await open(page, '/report/participation');
      const figure = page.locator('#participation-chart');
      expect(await figure.locator('canvas').getAttribute('role')).toBe('img');
      const api = (await (await page.request.get(`${server.baseUrl}/api/social-report/participation`)).json()) as {
        months: string[];
        totals: { proposals: number };
      };
      expect(await figure.locator('table tbody tr').count()).toBe(api.months.length);
      expect(await page.locator('[data-total="proposals"]').innerText()).toBe(String(api.totals.proposals));
      // A narrower range through the filter form.
      const last = api.months[api.months.length - 1];
      await page.fill('#participation-filter-from', last);
      await page.fill('#participation-filter-to', last);
      await page.click('#participation-filter button[type="submit"]');
      await page.waitForURL((url) => url.searchParams.get('from') === last);
      await waitForPage(page);
      expect(await figure.locator('table tbody tr').count()).toBe(1);
      const problems = await auditBothLanguages(page, 'report-participation');
      expect(problems).toEqual([]);
      await context.close();
    });

    it('open data lists every dataset with licence and working CSV and JSON links', async () => {
      const { context, page } = await germanPage();
      await open(page, '/report');
      await page.click('.report-nav a[href="/open-data"]');
      await page.waitForURL((url) => url.pathname === '/open-data');
      await waitForPage(page);
      const catalogue = (await (await page.request.get(`${server.baseUrl}/api/open-data`)).json()) as OpenDataCatalogue;
      expect(await page.locator('.report-dataset').count()).toBe(catalogue.datasets.length);
      for (const dataset of catalogue.datasets) {
        const item = page.locator(`[data-dataset="${dataset.id}"]`);
        expect(await item.locator('h2').innerText()).toBe(dataset.title.de);
        expect(await item.innerText()).toContain(dataset.licence);
        for (const format of ['csv', 'json']) {
          const href = await item.locator(`a[data-format="${format}"]`).getAttribute('href');
          expect(href).toBe(`/api/open-data/${dataset.id}.${format}`);
          const response = await page.request.get(`${server.baseUrl}${href}`);
          expect(response.status()).toBe(200);
          expect(response.headers()['content-type']).toContain(format === 'csv' ? 'text/csv' : 'application/json');
        }
      }
      const problems = await auditBothLanguages(page, 'open-data');
      expect(problems).toEqual([]);
      await context.close();
    });

    it('admin: the dry run lists a bad row by line and imports nothing; a clean file imports', async () => {
      const { context, page, csp } = await germanPage();
      await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.click('.site-nav a[href="/admin"]');
      await waitForPage(page);
      await page.click('main a[href="/admin/indicators"]');
      await page.waitForURL((url) => url.pathname === '/admin/indicators');
      await waitForPage(page);
      expect(await page.locator('section[aria-labelledby="indicator-list-title"] table tbody tr').count()).toBeGreaterThan(0);

      const valuesOf = async () =>
        (await (
          await page.request.get(`${server.baseUrl}/api/indicators/${INDICATOR}/values?from=2021&to=2021`)
        ).json()) as IndicatorValue[];
      const before = (await valuesOf()).find((value) => value.areaCode === AREA_CODE);
      expect(before).toBeDefined();
      const newValue = round1((before?.value ?? 20) + 1.3);

      const bad = `Gebiet;Indikator;Jahr;Wert\r\n${AREA_CODE};${INDICATOR};2021;${String(newValue).replace('.', ',')}\r\nar-gibt-es-nicht;${INDICATOR};2021;12,5\r\n`;
      await page.setInputFiles('#indicator-import-file', { name: 'fehler.csv', mimeType: 'text/csv', buffer: Buffer.from(bad, 'utf8') });
      const importButton = page.locator('button[data-action="import"]');
      expect(await importButton.isDisabled()).toBe(true);
      await page.click('#indicator-import button[type="submit"]');
      const result = page.locator('[data-import-result]');
      await result.locator('table').waitFor();
      // Focus moved to the result; the bad row is named by line with its error.
      expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-import-result'))).toBe(true);
      const rows = await tableCells(result.locator('table'));
      expect(rows).toHaveLength(1);
      expect(rows[0][0]).toBe('3');
      expect(rows[0].join(' ')).toContain('Unbekanntes Gebiet');
      expect(await result.innerText()).toContain('1 Fehler');
      expect(await importButton.isDisabled()).toBe(true);
      await screenshotOf(page.locator('section[aria-labelledby="indicator-import-title"]'), 'admin-import-errors');
      expect((await valuesOf()).find((value) => value.areaCode === AREA_CODE)?.value).toBe(before?.value);

      const clean = `area,indicator,year,value\n${AREA_CODE},${INDICATOR},2021,${newValue}\n`;
      await page.setInputFiles('#indicator-import-file', { name: 'sauber.csv', mimeType: 'text/csv', buffer: Buffer.from(clean, 'utf8') });
      await page.click('#indicator-import button[type="submit"]');
      await page.waitForFunction(() => document.querySelector('[data-import-result]')?.textContent?.includes('ohne Fehler'));
      expect(await result.locator('table').count()).toBe(0);
      // One row is one "Zeile" (plural rules, not "1 Zeilen").
      expect(await result.innerText()).toContain('Prüfung ohne Fehler: 1 Zeile gelesen.');
      expect(await result.innerText()).toContain('1 geändert');
      expect(await importButton.isDisabled()).toBe(false);
      await importButton.click();
      await page.waitForFunction(() => document.querySelector('[data-import-result]')?.textContent?.includes('Import abgeschlossen'));
      expect(await result.innerText()).toContain('0 neu, 1 geändert, 0 unverändert');
      expect(await result.innerText()).toContain('Import abgeschlossen: 1 Zeile.');
      expect(await importButton.isDisabled()).toBe(true);
      expect((await valuesOf()).find((value) => value.areaCode === AREA_CODE)?.value).toBe(newValue);
      await screenshotOf(page.locator('section[aria-labelledby="indicator-import-title"]'), 'admin-import-done');

      const problems = await auditBothLanguages(page, 'admin-indicators');
      // The edit page with the targets editor.
      await page.click(`a[href="/admin/indicators/${INDICATOR}"]`);
      await page.waitForURL((url) => url.pathname === `/admin/indicators/${INDICATOR}`);
      await waitForPage(page);
      expect(await page.inputValue('#indicator-nameDe')).toContain('Arbeitslosenrate');
      const targetRows = page.locator('section[aria-labelledby="indicator-targets-title"] table tbody tr');
      const targetsBefore = await targetRows.count();
      expect(targetsBefore).toBeGreaterThan(0);
      // An area target with a decimal comma, added with the form.
      await page.selectOption('#target-scope', { label: 'Nordmarkt' });
      await page.fill('#target-value', '12,5');
      await page.fill('#target-dueYear', '2030');
      await page.click('#target button[type="submit"]');
      await page.waitForFunction(
        (count) => document.querySelectorAll('section[aria-labelledby="indicator-targets-title"] table tbody tr').length === count,
        targetsBefore + 1,
      );
      const targets = (await (await page.request.get(`${server.baseUrl}/api/indicator-targets?indicator=${INDICATOR}`)).json()) as Array<{
        areaCode: string;
        value: number;
        dueYear: number;
      }>;
      expect(targets.find((target) => target.areaCode === AREA_CODE)).toMatchObject({ value: 12.5, dueYear: 2030 });

      // The values of one area by year: correct one with the form (decimal comma), delete another after confirming.
      const areaId = before?.areaId ?? '';
      const areaValues = async (year: number) =>
        (await (
          await page.request.get(`${server.baseUrl}/api/indicators/${INDICATOR}/values?areaId=${areaId}&from=${year}&to=${year}`)
        ).json()) as IndicatorValue[];
      const valuesSection = page.locator('section[aria-labelledby="indicator-values-title"]');
      await page.selectOption('#indicator-values-area', { label: 'Nordmarkt' });
      await page.waitForFunction(() =>
        document.querySelector('section[aria-labelledby="indicator-values-title"] caption')?.textContent?.includes('Nordmarkt'),
      );
      const valueRows = valuesSection.locator('table tbody tr');
      const rowsBefore = await valueRows.count();
      expect(rowsBefore).toBeGreaterThanOrEqual(10);
      const original2022 = (await areaValues(2022))[0];
      expect(original2022).toBeDefined();
      expect(await valuesSection.locator('table').innerText()).toContain(`${String(round1(original2022.value)).replace('.', ',')} %`);
      await valuesSection.locator('button[aria-label^="Ändern: 2022,"]').click();
      expect(await page.inputValue('#indicator-value-year')).toBe('2022');
      expect(await page.inputValue('#indicator-value-value')).toBe(String(original2022.value).replace('.', ','));
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('indicator-value-value');
      await page.fill('#indicator-value-value', '16,8');
      await page.click('#indicator-value button[type="submit"]');
      await page.waitForFunction(() => document.querySelector('#indicator-value [role="status"]')?.textContent?.includes('gespeichert'));
      expect((await areaValues(2022))[0]).toMatchObject({ id: original2022.id, year: 2022, value: 16.8, areaCode: AREA_CODE });
      await page.waitForFunction(() =>
        [...document.querySelectorAll('section[aria-labelledby="indicator-values-title"] tbody tr')].some(
          (row) => row.querySelector('th')?.textContent === '2022' && row.textContent?.includes('16,8 %'),
        ),
      );
      // A wrong number is refused in the browser, with the field named.
      await page.fill('#indicator-value-year', '2022');
      await page.fill('#indicator-value-value', '12,34567');
      await page.click('#indicator-value button[type="submit"]');
      await page.locator('#indicator-value-value[aria-invalid="true"]').waitFor();
      expect((await areaValues(2022))[0].value).toBe(16.8);

      const doomed = (await areaValues(2023))[0];
      expect(doomed).toBeDefined();
      await valuesSection.locator('button[aria-label^="Löschen: 2023,"]').click();
      const dialog = page.locator('dialog[aria-labelledby="indicator-value-delete-title"]');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('2023');
      problems.push(...(await audit(page, 'de value-delete-dialog')));
      await screenshotOf(dialog, 'admin-value-delete-dialog');
      await dialog.locator('[data-action="confirm-delete"]').click();
      await page.waitForFunction(() =>
        document.querySelector('section[aria-labelledby="indicator-values-title"] [role="status"]')?.textContent?.includes('gelöscht'),
      );
      expect(await areaValues(2023)).toEqual([]);
      // Keyboard users land on the message, not on the removed row.
      await page.waitForFunction(() => document.activeElement?.classList.contains('report-values__status'));
      await page.waitForFunction(
        (count) => document.querySelectorAll('section[aria-labelledby="indicator-values-title"] tbody tr').length === count,
        rowsBefore - 1,
      );
      expect(await valuesSection.locator('tbody th', { hasText: /^2023$/ }).count()).toBe(0);
      await screenshotOf(valuesSection, 'admin-values');
      await page.setViewportSize(PHONE);
      await expectFitsPhone(page);
      await screenshotOf(valuesSection, 'admin-values-phone');
      await page.setViewportSize(DESKTOP);
      problems.push(...(await auditBothLanguages(page, 'admin-indicator-edit')));
      expect(problems).toEqual([]);
      expect(csp).toEqual([]);
      await context.close();
    });
  });
});
