import type { Browser, Page } from 'playwright-core';
import { createVerifiedUser, loginViaForm } from './helpers/app';
import { launchBrowser, newContext, open, screenshot, switchLanguage, waitForPage } from './helpers/browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

// The jest project's testTimeout is not applied per project; real browser journeys need longer.
jest.setTimeout(120_000);

function isoDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

describe('administration of reference data', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
    const context = await newContext(browser, server.baseUrl, { language: 'de' });
    page = await context.newPage();
    await loginViaForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  it('sends anonymous visitors of admin pages to the login and back', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de' });
    const anonymous = await context.newPage();
    await anonymous.goto('/admin/areas');
    await anonymous.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('returnTo') === '/admin/areas');
    await anonymous.waitForSelector('text=Bitte melden Sie sich an, um diese Seite zu sehen.');
    await anonymous.fill('#login-email', ADMIN_EMAIL);
    await anonymous.fill('#login-password', ADMIN_PASSWORD);
    await anonymous.click('#login button[type="submit"]');
    await anonymous.waitForURL((url) => url.pathname === '/admin/areas');
    await waitForPage(anonymous);
    expect(await anonymous.textContent('h1')).toBe('Gebiete');
    await context.close();
  });

  it('renames an Aktionsraum and the new name shows on the home page', async () => {
    await open(page, '/admin/areas');
    await page.getByRole('link', { name: 'Bearbeiten Nordmarkt', exact: true }).click();
    await page.waitForURL(/\/admin\/areas\/[^/]+$/);
    await waitForPage(page);
    expect(await page.inputValue('#area-name')).toBe('Nordmarkt');
    await page.fill('#area-name', 'Nordmarkt (Quartiersbüro)');
    await page.click('#area button[type="submit"]');

    await page.waitForURL((url) => url.pathname === '/admin/areas');
    await page.waitForSelector('text=Das Gebiet „Nordmarkt (Quartiersbüro)“ wurde gespeichert.');
    await waitForPage(page);
    expect(await page.getByRole('rowheader', { name: /Nordmarkt \(Quartiersbüro\)/ }).count()).toBe(1);

    await open(page, '/');
    expect(await page.locator('.district-card .kern-list li', { hasText: 'Nordmarkt (Quartiersbüro)' }).count()).toBe(1);
  });

  it('retires an Aktionsraum by setting "valid until"; it stays listed but leaves the home page', async () => {
    await open(page, '/admin/areas');
    await page.getByRole('link', { name: 'Bearbeiten Marten', exact: true }).click();
    await page.waitForURL(/\/admin\/areas\/[^/]+$/);
    await waitForPage(page);
    await page.fill('#area-validTo', isoDate(-1));
    await page.click('#area button[type="submit"]');
    await page.waitForSelector('text=Das Gebiet „Marten“ wurde gespeichert.');
    await waitForPage(page);

    const row = page.getByRole('row', { name: /Marten/ });
    expect(await row.textContent()).toContain('Nicht aktuell');
    await screenshot(page, 'de-admin-areas-after-retire');

    await open(page, '/');
    expect(await page.locator('.district-card .kern-list li', { hasText: /^Marten$/ }).count()).toBe(0);
    expect(await page.locator('.district-card .kern-list li', { hasText: 'Hafen' }).count()).toBe(1);
  });

  it('rejects an end date before the start date next to the field', async () => {
    await open(page, '/admin/areas/new');
    await page.selectOption('#area-type', 'action_area');
    await page.fill('#area-name', 'Testgebiet');
    await page.fill('#area-code', 'ar-testgebiet');
    await page.fill('#area-validFrom', isoDate(0));
    await page.fill('#area-validTo', isoDate(-10));
    await page.click('#area button[type="submit"]');
    await page.waitForSelector('#area-validTo-error');
    expect(await page.getAttribute('#area-validTo', 'aria-invalid')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
  });

  it('makes a citizen a moderator for one Aktionsraum', async () => {
    await createVerifiedUser(server.baseUrl, mail, 'mod@example.org', 'Mo Deration');
    // The whole table fits at 1280 px (the demo residents' long addresses included) and no button label is cut.
    await open(page, '/admin/users');
    const fits = () =>
      page.evaluate(() => {
        const region = document.querySelector('.table-region') as HTMLElement;
        const buttons = [...region.querySelectorAll<HTMLElement>('button')];
        // A label is cut when its visible text runs past the button's box.
        const cut = buttons.filter((button) => {
          const label = (button.querySelector('.kern-label') as HTMLElement).getBoundingClientRect();
          return label.right > button.getBoundingClientRect().right + 1;
        });
        return { tableFits: region.scrollWidth <= region.clientWidth, cut: cut.length, buttons: buttons.length };
      });
    expect(await fits()).toEqual({ tableFits: true, cut: 0, buttons: expect.any(Number) });
    await screenshot(page, 'de-admin-users-1280');
    await page.setViewportSize({ width: 360, height: 800 });
    // At 360 px the table scrolls inside its region, but still cuts no button.
    expect((await fits()).cut).toBe(0);
    await screenshot(page, 'de-admin-users-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await open(page, '/admin/users?q=mod%40example.org');
    await page.getByRole('button', { name: 'Bearbeiten Mo Deration' }).click();
    await page.waitForSelector('dialog[open]');
    await page.selectOption('#edit-user-role', 'moderator');
    // "All areas" is an explicit choice, not what an empty list silently means.
    expect(await page.locator('#edit-user-scope option:checked').textContent()).toBe('allen Gebieten');
    await page.selectOption('#edit-user-scope', 'chosen');
    await page.click('dialog #edit-user button[type="submit"]');
    await page.waitForSelector('#edit-user-areas-error >> text=Bitte wählen Sie mindestens einen Aktionsraum');
    // Both levels: a Stadtbezirk ticks all its Aktionsräume at once, and shows "some" when only some are.
    const district = page.locator('dialog fieldset.scope-district', { has: page.getByLabel('Hafen', { exact: true }) });
    const districtBox = district.locator('.scope-district__all input');
    expect(await district.locator('legend').textContent()).toContain('Stadtbezirk');
    await districtBox.check();
    const inDistrict = district.locator('.scope-list input[type="checkbox"]');
    expect(await inDistrict.count()).toBeGreaterThan(1);
    expect(await inDistrict.evaluateAll((boxes) => boxes.every((box) => (box as HTMLInputElement).checked))).toBe(true);
    await districtBox.uncheck();
    await page.locator('dialog').getByLabel('Hafen', { exact: true }).check();
    expect(await districtBox.evaluate((box) => (box as HTMLInputElement).indeterminate)).toBe(true);
    await screenshot(page, 'de-admin-user-dialog');
    await page.setViewportSize({ width: 360, height: 800 });
    await screenshot(page, 'de-admin-user-dialog-360');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.click('dialog #edit-user button[type="submit"]');
    await page.waitForSelector('dialog[open]', { state: 'detached' });
    await page.waitForSelector('text=Die Änderungen für Mo Deration wurden gespeichert.');
    const row = page.getByRole('row', { name: /Mo Deration/ });
    await row.getByText('Hafen').waitFor();
    expect(await row.textContent()).toContain('Moderation');
  });

  it('deactivates a field of action', async () => {
    await open(page, '/admin/fields-of-action');
    await page.locator('tr', { hasText: 'SZ' }).getByRole('link').click();
    await page.waitForURL(/\/admin\/fields-of-action\/[^/]+$/);
    await waitForPage(page);
    await page.uncheck('#field-of-action-active');
    await page.click('#field-of-action button[type="submit"]');
    await page.waitForSelector('text=Das Handlungsfeld SZ wurde gespeichert.');
    await waitForPage(page);
    expect(await page.locator('tr', { hasText: 'SZ' }).textContent()).toContain('Deaktiviert');
  });

  it("shows the API's field errors translated by their rule, in German and after switching to English", async () => {
    await open(page, '/admin/fields-of-action/new');
    // Both pass the browser's checks; the API refuses the code's form and the name's length.
    await page.fill('#field-of-action-code', 'ab-1');
    await page.fill('#field-of-action-name-de', 'X');
    await page.fill('#field-of-action-name-en', 'Field of action');
    await page.fill('#field-of-action-description-de', 'Beschreibung');
    await page.fill('#field-of-action-description-en', 'Description');
    await page.click('#field-of-action button[type="submit"]');
    await page.waitForSelector('#field-of-action-code-error');
    expect(await page.getAttribute('#field-of-action-name-de', 'aria-invalid')).toBe('true');
    expect(await page.textContent('#field-of-action-code-error')).toContain('Diese Angabe hat nicht die erwartete Form');
    expect(await page.textContent('#field-of-action-name-de-error')).toContain('Diese Angabe ist zu kurz oder zu lang.');
    expect(await page.textContent('.error-summary')).toContain('Kürzel: Diese Angabe hat nicht die erwartete Form');
    await screenshot(page, 'de-admin-field-of-action-api-errors');

    try {
      await switchLanguage(page, 'en');
      expect(await page.textContent('#field-of-action-code-error')).toContain('This entry is not in the expected form');
      expect(await page.textContent('#field-of-action-name-de-error')).toContain('This entry is too short or too long.');
      expect(await page.textContent('.error-summary')).toContain('Name (German): This entry is too short or too long.');
    } finally {
      // The switcher saves the language to the admin's account; later journeys expect German.
      await switchLanguage(page, 'de');
      await page.waitForLoadState('networkidle');
    }
  });
});
