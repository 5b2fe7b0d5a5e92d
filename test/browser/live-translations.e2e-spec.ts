import { request, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiSession, csrfHeaders, loginViaForm, postJson } from './helpers/app';
import { newContext, launchBrowser, open, screenshot, waitForPage } from './helpers/browser';
import { audit, outsideViewport } from './helpers/layout';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

jest.setTimeout(300_000);

const PHONE = { width: 360, height: 640 };
const DESKTOP = { width: 1366, height: 900 };
const ITEM = 'Neugestaltung des Marktplatzes';
const ITEM_AR = 'إعادة تصميم ساحة السوق';
const QUESTION = 'Welche Bank kommt an den Brunnen?';
const OPTIONS = ['Holzbank', 'Steinbank', 'Keine Bank'];
const TR = { question: 'Çeşmenin yanına hangi bank gelsin?', options: ['Ahşap bank', 'Taş bank', 'Bank yok'] };
const TR_CHANGED = 'Çeşmenin yanına hangi bank konulsun?';
const AR = { question: 'أيّ مقعد يوضع بجانب النافورة؟', options: ['مقعد خشبي', 'مقعد حجري', 'بدون مقعد'] };

/** A button's name: its visible verb plus the visually hidden object ("Aufrufen: <title>"). */
const named = (verb: string, object: string) => new RegExp(`^${verb}\\W+${object.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** The lang and dir of an element, and the direction the browser lays it out in. */
const languageOf = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((element) => ({
      lang: element.getAttribute('lang'),
      dir: element.getAttribute('dir'),
      direction: getComputedStyle(element).direction,
      text: element.textContent?.trim(),
    }));

describe('the live assembly in several languages', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  let assemblyId: string;
  let joinCode: string;
  const contexts: BrowserContext[] = [];
  let moderator: Page;

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
    const admin = await apiSession(server.baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
    const areas = (await (await admin.get('/api/areas')).json()) as Array<{ id: string }>;
    const created = await postJson<{ id: string; joinCode: string }>(
      admin,
      '/api/assemblies',
      {
        title: 'Bürgerversammlung Nordmarkt',
        place: 'Nachbarschaftstreff',
        startsAt: new Date(Date.now() + 60_000).toISOString(),
        endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
        areaIds: [areas[0].id],
        agenda: [
          { title: 'Begrüßung', type: 'information' },
          { title: ITEM, type: 'vote' },
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

  async function context(viewport: { width: number; height: number }, language = 'de'): Promise<BrowserContext> {
    const created = await newContext(browser, server.baseUrl, { language, viewport, bypassCSP: true });
    contexts.push(created);
    return created;
  }

  /** A phone of a guest who joined over the API, its interface in `language`. */
  async function guestPhone(displayName: string, language: string): Promise<Page> {
    const joinApi = await request.newContext({ baseURL: server.baseUrl });
    const joined = await joinApi.post('/api/assemblies/join', {
      headers: await csrfHeaders(joinApi),
      data: { code: joinCode, displayName },
    });
    const { guestToken } = (await joined.json()) as { guestToken: string };
    await joinApi.dispose();
    const phoneContext = await context(PHONE, language);
    await phoneContext.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
      `soziale-stadt.guest.${assemblyId}`,
      guestToken,
    ] as const);
    return phoneContext.newPage();
  }

  it('the moderator enters a Turkish translation with the round; a Turkish phone sees it, marked, with the original one tap away, and votes', async () => {
    moderator = await (await context(DESKTOP)).newPage();
    await loginViaForm(moderator, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(moderator, `/assemblies/${assemblyId}/console`);
    await moderator.getByText('Verbunden – Sie sehen den aktuellen Stand').waitFor();
    await moderator.getByRole('button', { name: 'Versammlung eröffnen' }).click();
    await moderator.getByText('läuft', { exact: true }).waitFor();
    await moderator.getByRole('button', { name: named('Aufrufen', ITEM) }).click();
    await moderator.locator('.live-agenda__item.is-current', { hasText: ITEM }).waitFor();

    // A new round with its Turkish translation, typed in the round's form.
    await moderator.getByRole('tab', { name: /^Abstimmungen/ }).click();
    await moderator.fill('#round-question', QUESTION);
    await moderator.selectOption('#round-type', 'single_choice');
    await moderator.fill('#round-options', OPTIONS.join('\n'));
    const form = moderator.locator('form.live-form--round');
    await form.locator('summary', { hasText: 'Übersetzungen (0)' }).click();
    await form.getByLabel('Sprache', { exact: true }).selectOption('tr');
    await form.getByRole('button', { name: 'Übersetzung hinzufügen' }).click();
    // Focus is in the new language's first field, which is typed in Turkish.
    await moderator.waitForFunction(() => document.activeElement?.id === 'round-translation-tr-question');
    expect(await languageOf(moderator, '#round-translation-tr-question')).toMatchObject({ lang: 'tr', dir: 'ltr' });
    await moderator.keyboard.type(TR.question);
    for (const [i, option] of TR.options.entries()) await moderator.fill(`#round-translation-tr-option-${i}`, option);
    await form.getByText('Original: Steinbank').waitFor();
    await screenshot(moderator, 'live-translations-console-create-de');
    const problems = await audit(moderator, 'console, round with a translation being entered');
    await moderator.getByRole('button', { name: 'Abstimmung anlegen' }).click();
    const round = moderator.locator('.live-round', { hasText: QUESTION });
    await round.locator('summary', { hasText: 'Übersetzungen (1)' }).waitFor();
    await round.getByRole('button', { name: 'Abstimmung öffnen' }).click();
    await round.getByRole('button', { name: 'Abstimmung schließen' }).waitFor();

    // A phone in Turkish: the Turkish question and options with lang="tr", marked as the moderators' translation.
    const phone = await guestPhone('Ayşe Yılmaz', 'tr');
    await open(phone, `/assemblies/${assemblyId}/live`);
    const ballot = phone.getByRole('group', { name: TR.question });
    await ballot.waitFor();
    expect(await languageOf(phone, '.live-vote__legend span[lang]')).toMatchObject({ lang: 'tr', dir: 'ltr', text: TR.question });
    for (const option of TR.options) await ballot.getByRole('radio', { name: option, exact: true }).waitFor();
    expect(await phone.locator('.live-vote label span[lang="tr"]').allTextContents()).toEqual(TR.options);
    await phone.locator('.live-vote__legend .live-translated-mark', { hasText: 'Moderatörlerin çevirisi.' }).waitFor();
    await screenshot(phone, 'live-translations-phone-360-tr');
    // The whole ballot still fits a 360×640 phone's first screen.
    const submit = await phone.getByRole('button', { name: 'Oy ver' }).boundingBox();
    expect(submit!.y + submit!.height).toBeLessThanOrEqual(PHONE.height);
    problems.push(...(await audit(phone, 'phone in Turkish with a translated ballot')));

    // The original is one tap away, in German (lang="de"), and back.
    await phone.getByRole('button', { name: 'Orijinali göster' }).click();
    await phone.getByRole('group', { name: QUESTION }).waitFor();
    expect(await languageOf(phone, '.live-vote__legend span[lang]')).toMatchObject({ lang: 'de', dir: 'auto', text: QUESTION });
    expect(await phone.locator('.live-vote label span[lang="de"]').allTextContents()).toEqual(OPTIONS);
    await phone.getByText('Orijinal metni görüyorsunuz.').waitFor();
    await screenshot(phone, 'live-translations-phone-360-tr-original');
    await phone.getByRole('button', { name: 'Çeviriyi göster' }).click();
    await ballot.waitFor();

    // The moderator changes the Turkish question while the round is open: the phone shows it at once.
    await round.locator('summary', { hasText: 'Übersetzungen (1)' }).click();
    await round.getByLabel(/^Frage/).fill(TR_CHANGED);
    await round.getByRole('button', { name: 'Türkçe speichern' }).click();
    await phone.getByRole('group', { name: TR_CHANGED }).waitFor();

    // The vote sends the option, not its words: it counts for "Steinbank".
    await phone.getByRole('radio', { name: 'Taş bank', exact: true }).check();
    await phone.getByRole('button', { name: 'Oy ver' }).click();
    await phone.getByText('Oyunuz sayıldı.').waitFor();
    expect(await phone.locator('.live-voted span[lang="tr"]').textContent()).toBe(TR_CHANGED);
    await round.getByText('1 Stimmzettel in der App').waitFor();
    problems.push(...(await audit(moderator, 'console, round with its translations')));
    expect(problems).toEqual([]);
  });

  it('the projector shows a second language chosen in the console (Arabic right to left), fits 1280×720 and 1920×1080', async () => {
    // The Arabic translation, added to the open round; the item's title in Arabic; Arabic as the projector's second language.
    const round = moderator.locator('.live-round', { hasText: QUESTION });
    await round.getByLabel('Sprache', { exact: true }).selectOption('ar');
    await round.getByRole('button', { name: 'Übersetzung hinzufügen' }).click();
    await moderator.waitForFunction(() => document.activeElement?.getAttribute('lang') === 'ar');
    expect(await languageOf(moderator, `[id$="-translation-ar-question"]`)).toMatchObject({ lang: 'ar', dir: 'rtl', direction: 'rtl' });
    await moderator.keyboard.type(AR.question);
    for (const [i, option] of AR.options.entries()) await round.locator(`[id$="-translation-ar-option-${i}"]`).fill(option);
    await round.getByRole('button', { name: 'العربية speichern' }).click();
    await round.locator('summary', { hasText: 'Übersetzungen (2)' }).waitFor();
    await screenshot(moderator, 'live-translations-console-round-de');
    await moderator.getByRole('tab', { name: /^Ablauf/ }).click();
    const item = moderator.locator('.live-agenda__item', { hasText: ITEM });
    await item.locator('summary').click();
    await item.getByLabel('Sprache', { exact: true }).selectOption('ar');
    await item.getByRole('button', { name: 'Übersetzung hinzufügen' }).click();
    await moderator.keyboard.type(ITEM_AR);
    await item.getByRole('button', { name: 'العربية speichern' }).click();
    await item.locator('summary', { hasText: 'Übersetzungen (1)' }).waitFor();
    await moderator.getByLabel('Zweite Sprache auf dem Beamer').selectOption('ar');
    await moderator.getByRole('button', { name: 'Übernehmen' }).click();
    await moderator.getByText('Zweite Sprache auf dem Beamer: العربية.').waitFor();
    await screenshot(moderator, 'live-translations-console-agenda-de');
    const problems = await audit(moderator, 'console, agenda with a translated title and the projector language');

    // The projector, German first: labels, title, question and counts in Arabic too, each Arabic block right to left.
    const projector = await (await context({ width: 1280, height: 720 })).newPage();
    await projector.goto(`/assemblies/${assemblyId}/projector`);
    await waitForPage(projector);
    await projector.locator('.projector__question--second', { hasText: AR.question }).waitFor();
    expect(await languageOf(projector, '.projector__question--second')).toMatchObject({ lang: 'ar', dir: 'rtl', direction: 'rtl' });
    expect(await languageOf(projector, '.projector__item--second')).toMatchObject({
      lang: 'ar',
      dir: 'rtl',
      direction: 'rtl',
      text: ITEM_AR,
    });
    expect(await languageOf(projector, '.projector__question')).toMatchObject({ lang: 'de', text: QUESTION });
    expect(await projector.locator('#projector-item-title .live-second').getAttribute('lang')).toBe('ar');
    await projector.locator('.projector__ballots .live-second[dir="rtl"]').waitFor();
    // The Arabic block starts at the right: its text ends near the right edge of its column.
    const arabic = await projector.locator('.projector__question--second').evaluate((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const text = range.getBoundingClientRect();
      const box = element.getBoundingClientRect();
      return { textRight: text.right, boxRight: box.right, textLeft: text.left, boxLeft: box.left };
    });
    expect(arabic.boxRight - arabic.textRight).toBeLessThan(2);
    expect(arabic.textLeft - arabic.boxLeft).toBeGreaterThan(50);
    expect(await outsideViewport(projector)).toEqual([]);
    await screenshot(projector, 'live-translations-projector-1280x720-de-ar-open');

    // Close and publish: the result in both languages (table, chart, notes), still one screen.
    await moderator.getByRole('tab', { name: /^Abstimmungen/ }).click();
    await round.getByRole('button', { name: 'Abstimmung schließen' }).click();
    // The ballot counted for the option the Turkish phone chose, whatever its words.
    await round.locator('table').waitFor();
    expect(await round.locator('tbody th').allTextContents()).toEqual(OPTIONS);
    expect(await round.locator('tbody td:last-child').allTextContents()).toEqual(['0', '1', '0']);
    await round.getByRole('button', { name: 'Ergebnis veröffentlichen' }).click();
    await projector.locator('.projector__results table').waitFor();
    const rows = projector.locator('.projector__results tbody th');
    expect(await rows.locator('span[lang="de"]').allTextContents()).toEqual(OPTIONS);
    expect(await rows.locator('.live-second[dir="rtl"]').allTextContents()).toEqual(AR.options);
    expect(await projector.locator('.projector__results thead .live-second[lang="ar"]').count()).toBeGreaterThan(0);
    expect(await outsideViewport(projector)).toEqual([]);
    await screenshot(projector, 'live-translations-projector-1280x720-de-ar');
    problems.push(...(await audit(projector, 'projector with Arabic as second language, 1280×720')));
    await projector.setViewportSize({ width: 1920, height: 1080 });
    await projector.reload();
    await waitForPage(projector);
    await projector.locator('.projector__results table').waitFor();
    await projector.locator('.projector__question--second', { hasText: AR.question }).waitFor();
    expect(await outsideViewport(projector)).toEqual([]);
    await screenshot(projector, 'live-translations-projector-1920x1080-de-ar');
    problems.push(...(await audit(projector, 'projector with Arabic as second language, 1920×1080')));

    // `?second=tr` on the projector's address wins over the console's choice; `?second=none` shows one language.
    await projector.setViewportSize({ width: 1280, height: 720 });
    await projector.goto(`/assemblies/${assemblyId}/projector?second=tr`);
    await waitForPage(projector);
    await projector.locator('.projector__question--second[lang="tr"]', { hasText: TR_CHANGED }).waitFor();
    expect(await projector.locator('.projector__results tbody .live-second[lang="tr"]').allTextContents()).toEqual(TR.options);
    expect(await projector.locator('[lang="ar"]').count()).toBe(0);
    expect(await outsideViewport(projector)).toEqual([]);
    await screenshot(projector, 'live-translations-projector-1280x720-de-tr');
    await projector.goto(`/assemblies/${assemblyId}/projector?second=none`);
    await waitForPage(projector);
    await projector.locator('.projector__results table').waitFor();
    expect(await projector.locator('.live-second').count()).toBe(0);
    // A projector in Arabic with German beside it: the Arabic translation first (right to left), the typed original second.
    await projector.goto(`/assemblies/${assemblyId}/projector?lang=ar&second=de`);
    await waitForPage(projector);
    await projector.locator('.projector__question--second[lang="de"]', { hasText: QUESTION }).waitFor();
    expect(await languageOf(projector, '.projector__question')).toMatchObject({
      lang: 'ar',
      dir: 'rtl',
      direction: 'rtl',
      text: AR.question,
    });
    expect(await projector.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await outsideViewport(projector)).toEqual([]);
    await screenshot(projector, 'live-translations-projector-1280x720-ar-de');
    problems.push(...(await audit(projector, 'projector in Arabic with German as second language')));

    // The phone in Arabic: the published result with the Arabic labels, right to left.
    const phone = await guestPhone('Omar', 'ar');
    await open(phone, `/assemblies/${assemblyId}/live`);
    await phone.locator('.live-results__question', { hasText: AR.question }).waitFor();
    expect(await languageOf(phone, '.live-results__question span[lang]')).toMatchObject({ lang: 'ar', dir: 'rtl', direction: 'rtl' });
    expect(await phone.locator('.live-results tbody th span[lang="ar"]').allTextContents()).toEqual(AR.options);
    await phone.locator('.live-item__title', { hasText: ITEM_AR }).waitFor();
    await phone.locator('.live-translated bdi[lang="de"]', { hasText: ITEM }).waitFor();
    await screenshot(phone, 'live-translations-phone-360-ar-result');
    problems.push(...(await audit(phone, 'phone in Arabic with a translated result')));
    expect(problems).toEqual([]);
  });
});
