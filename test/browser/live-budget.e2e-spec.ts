import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiSession, loginViaForm, postJson } from './helpers/app';
import { launchBrowser, newContext, open, screenshot, waitForPage } from './helpers/browser';
import { audit, outsideViewport } from './helpers/layout';
import { guestPhone as joinAsGuest } from './helpers/live';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

// The budget vote of a project conference: console, two phones and the projector in one browser.
jest.setTimeout(300_000);

const PHONE = { width: 360, height: 640 };
const DESKTOP = { width: 1366, height: 900 };
const QUESTION = 'Welche Anträge fördern wir aus dem Aktionsraumfonds?';
const ITEMS: Array<[string, string]> = [
  ['Straßenfest Nordmarkt', '1.500,00'],
  ['Reparatur-Café', '800'],
  ['Pflanzkübel am Platz', '1200'],
];

describe('live budget vote', () => {
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
    const admin = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const areas = (await (await admin.get('/api/areas')).json()) as Array<{ id: string }>;
    const now = Date.now();
    const created = await postJson<{ id: string; joinCode: string }>(
      admin,
      '/api/assemblies',
      {
        title: 'Projektkonferenz Nordmarkt',
        place: 'Nachbarschaftstreff Nordmarkt',
        startsAt: new Date(now + 60_000).toISOString(),
        endsAt: new Date(now + 3 * 3_600_000).toISOString(),
        areaIds: [areas[0].id],
        requireCheckIn: false,
        agenda: [{ title: 'Aktionsraumfonds: Anträge', type: 'vote' }],
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

  async function context(viewport: { width: number; height: number }): Promise<BrowserContext> {
    const created = await newContext(browser, server.baseUrl, { language: 'de', viewport, bypassCSP: true });
    contexts.push(created);
    return created;
  }

  async function guestPhone(displayName: string): Promise<Page> {
    return joinAsGuest(server.baseUrl, await context(PHONE), { id: assemblyId, joinCode }, displayName);
  }

  it('a budget round from the console, ballots within the budget on phones, the allocation confirmed and on the projector', async () => {
    const problems: string[] = [];
    const moderator = await (await context(DESKTOP)).newPage();
    await loginViaForm(moderator, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(moderator, `/assemblies/${assemblyId}/console`);
    await moderator.getByRole('button', { name: 'Versammlung eröffnen' }).click();
    await moderator.getByText('läuft', { exact: true }).waitFor();
    const phones = [await guestPhone('Ayşe Yılmaz'), await guestPhone('Łukasz Nowak')];

    // --- the console: budget in euros, items with label and amount (a third row added) ---
    await moderator.getByRole('tab', { name: /^Abstimmungen/ }).click();
    await moderator.fill('#round-question', QUESTION);
    await moderator.getByLabel('Art der Abstimmung').selectOption({ label: 'Budgetabstimmung' });
    await moderator.getByLabel('Budget in Euro').fill('3.000');
    // "3.000" can be read two ways: refused with the console's text.
    await moderator.getByRole('button', { name: 'Abstimmung anlegen' }).click();
    await moderator.getByText('Bitte geben Sie das Budget als Betrag in Euro ein').waitFor();
    await moderator.getByLabel('Budget in Euro').fill('3000');
    await moderator.getByRole('button', { name: 'Vorhaben hinzufügen' }).click();
    for (const [index, [label, amount]] of ITEMS.entries()) {
      await moderator.getByLabel(`Bezeichnung von Vorhaben ${index + 1}`).fill(label);
      await moderator.getByLabel(`Betrag von Vorhaben ${index + 1} in Euro`).fill(amount);
    }
    problems.push(...(await audit(moderator, 'console with a budget round form')));
    await moderator.getByRole('button', { name: 'Abstimmung anlegen' }).click();
    await moderator.getByRole('button', { name: 'Abstimmung öffnen' }).click();
    await moderator.getByRole('button', { name: 'Abstimmung schließen' }).waitFor();

    // --- a phone: checkboxes with amounts, the running sum, over the budget refused before sending ---
    const [ayse, lukasz] = phones;
    await ayse.getByRole('group', { name: QUESTION }).waitFor();
    await ayse.getByText('Zusammen höchstens 3.000,00 €', { exact: false }).waitFor();
    for (const [label] of ITEMS) await ayse.getByRole('checkbox', { name: new RegExp(label) }).check();
    await ayse.getByText('Die ausgewählten Vorhaben kosten zusammen 3.500,00 €, mehr als das Budget von 3.000,00 €.').first().waitFor();
    await ayse.getByRole('button', { name: 'Stimme abgeben' }).click();
    await ayse.getByRole('alert').getByText('mehr als das Budget von 3.000,00 €', { exact: false }).waitFor();
    // Keyboard: focus the third checkbox and toggle it with the space bar.
    await ayse.getByRole('checkbox', { name: /Pflanzkübel/ }).focus();
    await ayse.keyboard.press('Space');
    expect(await ayse.getByRole('checkbox', { name: /Pflanzkübel/ }).isChecked()).toBe(false);
    await ayse.getByText('Ausgewählt: 2.300,00 € von 3.000,00 € · noch frei: 700,00 €').waitFor();
    expect(await ayse.locator('.live-budget-sum').getAttribute('aria-live')).toBe('polite');
    await screenshot(ayse, 'live-budget-phone-ballot');
    problems.push(...(await audit(ayse, 'phone with a budget ballot')));
    await ayse.getByRole('button', { name: 'Stimme abgeben' }).click();
    await ayse.getByText('Ihre Stimme wurde gezählt.').waitFor();
    await lukasz.getByRole('checkbox', { name: /Reparatur-Café/ }).check();
    await lukasz.getByRole('checkbox', { name: /Pflanzkübel/ }).check();
    await lukasz.getByRole('button', { name: 'Stimme abgeben' }).click();
    await lukasz.getByText('Ihre Stimme wurde gezählt.').waitFor();

    // --- close, publish, confirm the allocation (asked once more) ---
    await moderator.getByText('2 Stimmzettel in der App').first().waitFor();
    await moderator.getByRole('button', { name: 'Abstimmung schließen' }).click();
    await moderator.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await moderator.getByRole('button', { name: 'Zuteilung bestätigen' }).click();
    await moderator.getByText('Die Zuteilung wird damit endgültig: 2 Vorhaben erhalten zusammen 2.000,00 €.', { exact: false }).waitFor();
    await moderator.getByRole('button', { name: 'Ja, Zuteilung bestätigen' }).click();
    await moderator.getByTestId('allocation-confirmed').waitFor();
    problems.push(...(await audit(moderator, 'console with a confirmed allocation')));

    // --- the phone's reading ---
    await lukasz.locator('.live-budget').getByText('Übrig: 1.000,00 €').waitFor();
    // Reparatur-Café 2 votes; Pflanzkübel and Straßenfest 1 each, the smaller amount first: 800 + 1.200 funded, 1.500 no longer fits.
    await lukasz.locator('.live-budget').getByText('passt nicht mehr ins Budget').waitFor();

    // --- the projector: the bar filled by the funded items, both lists, the remaining money; fits both screens ---
    const projector = await (await context({ width: 1280, height: 720 })).newPage();
    await projector.goto(`/assemblies/${assemblyId}/projector`);
    await waitForPage(projector);
    await projector.locator('.live-budget__bar').waitFor();
    const bar = projector.getByRole('img', { name: 'Budget 3.000,00 €: 2.000,00 € zugeteilt, 1.000,00 € übrig' });
    await bar.waitFor();
    expect(await projector.locator('.live-budget__bar .live-budget__segment').count()).toBe(3);
    await projector.getByText('Gefördert (2)').waitFor();
    await projector.getByText('Nicht gefördert (1)').waitFor();
    await projector.getByText('Zuteilung bestätigt.').waitFor();
    await projector
      .getByText(
        'Stimmengleichheit (1 je Vorhaben): „Pflanzkübel am Platz“ vor „Straßenfest Nordmarkt“ – entschieden durch den kleineren Betrag.',
      )
      .waitFor();
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await projector.setViewportSize(size);
      await projector.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect({ size, problems: await outsideViewport(projector) }).toEqual({ size, problems: [] });
      expect(await bar.isVisible()).toBe(true);
      await screenshot(projector, `live-budget-projector-${size.width}x${size.height}-de`);
    }
    problems.push(...(await audit(projector, 'projector with a budget result')));

    // --- the most items a round takes (20), with long names: the projector still fits both screens ---
    await moderator.fill('#round-question', 'Aktionsraumfonds Nordmarkt: zweite Runde');
    await moderator.getByLabel('Art der Abstimmung').selectOption({ label: 'Budgetabstimmung' });
    await moderator.getByLabel('Budget in Euro').fill('5000');
    for (let n = 3; n <= 20; n++) await moderator.getByRole('button', { name: 'Vorhaben hinzufügen' }).click();
    for (let n = 1; n <= 20; n++) {
      await moderator
        .getByLabel(`Bezeichnung von Vorhaben ${n}`, { exact: true })
        .fill(`Nachbarschaftsprojekt ${n} im Quartier Nordmarkt mit einem langen Namen`);
      await moderator.getByLabel(`Betrag von Vorhaben ${n} in Euro`, { exact: true }).fill(String(100 * n));
    }
    await moderator.getByRole('button', { name: 'Abstimmung anlegen' }).click();
    await moderator.getByRole('button', { name: 'Abstimmung öffnen' }).click();
    await ayse.getByRole('group', { name: 'Aktionsraumfonds Nordmarkt: zweite Runde' }).waitFor();
    for (const n of [1, 5, 12, 20]) await ayse.getByRole('checkbox', { name: new RegExp(`Nachbarschaftsprojekt ${n} im`) }).check();
    await ayse.getByRole('button', { name: 'Stimme abgeben' }).click();
    await ayse.getByText('Ihre Stimme wurde gezählt.').waitFor();
    await moderator.getByRole('button', { name: 'Abstimmung schließen' }).click();
    await moderator.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await projector.getByText('Nicht gefördert (16)').waitFor();
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
    ]) {
      await projector.setViewportSize(size);
      await projector.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect({ size, items: 20, problems: await outsideViewport(projector) }).toEqual({ size, items: 20, problems: [] });
      await screenshot(projector, `live-budget-projector-20-items-${size.width}x${size.height}-de`);
    }
    expect(problems).toEqual([]);
  });
});
