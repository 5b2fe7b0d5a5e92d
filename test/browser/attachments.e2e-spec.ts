import { type APIRequestContext, type Browser, type Page } from 'playwright-core';
import sharp from 'sharp';
import { apiSession, createVerifiedUser, csrfHeaders, loginViaForm, seedProposal, USER_PASSWORD } from './helpers/app';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot, switchLanguage, waitForPage } from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';
import { onePagePdf } from './helpers/files';

// The jest project's testTimeout is not applied per project; real browser journeys need longer.
jest.setTimeout(180_000);

const AUTHOR = { email: 'paula@example.org', name: 'Paula Planerin' };
const CITIZEN = { email: 'dora@example.org', name: 'Dora Dortmunderin' };
const ALT_TEXT = 'Umgestürzte Bank am Nordmarkt, die Sitzfläche fehlt';

async function uploadViaApi(
  api: APIRequestContext,
  proposalId: string,
  name: string,
  mimeType: string,
  buffer: Buffer,
  description?: string,
) {
  const response = await api.post(`/api/proposals/${proposalId}/attachments`, {
    headers: await csrfHeaders(api),
    multipart: { file: { name, mimeType, buffer }, ...(description ? { description } : {}) },
  });
  if (response.status() !== 201) throw new Error(`upload ${response.status()}: ${await response.text()}`);
}

/** A real PNG: a blue field with a lighter bar, like a tiny photo. */
function png(width = 480, height = 360): Promise<Buffer> {
  const bar = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#1f5f8b"/><rect y="${height / 2}" width="100%" height="${height / 6}" fill="#f2c14e"/></svg>`,
  );
  return sharp(bar).png().toBuffer();
}

const pdf = () => onePagePdf('Lageplan');

async function audit(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const h1 = await page.locator('h1').count();
  if (h1 !== 1) problems.push(`[${label}] expected one h1, found ${h1}`);
  const violations = await axeViolations(page);
  if (violations.length > 0) problems.push(formatViolations(label, violations));
  return problems;
}

async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('proposal attachments and support limits', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
    await createVerifiedUser(server.baseUrl, mail, AUTHOR.email, AUTHOR.name);
    await createVerifiedUser(server.baseUrl, mail, CITIZEN.email, CITIZEN.name);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  it('lets a citizen attach an image with alt text, explains a wrong file type and removes the image again', async () => {
    const context = await newContext(browser, server.baseUrl, { language: 'de' });
    const page = await context.newPage();
    const csp = collectCspViolations(page);
    await loginViaForm(page, CITIZEN.email, USER_PASSWORD);

    // The new-proposal page says where attachments are added.
    await open(page, '/proposals/new');
    expect(await page.textContent('main')).toContain(
      'Fotos und PDF-Dokumente können Sie nach dem Einreichen auf der Seite Ihres Vorschlags anhängen.',
    );
    await page.fill('#proposal-title', 'Neue Bank für den Nordmarkt');
    await page.fill('#proposal-body', 'Die Bank an der Südseite des Nordmarkts ist umgestürzt und sollte ersetzt werden.');
    await page.selectOption('#proposal-fieldOfActionId', { label: 'SZ – Sozialen Zusammenhalt im Quartier stärken' });
    await page.selectOption('#proposal-areaId', { label: 'Nordmarkt' });
    await page.click('#proposal button[type="submit"]');
    await page.waitForURL((url) => /^\/proposals\/[0-9a-f-]{36}$/.test(url.pathname));
    await waitForPage(page);

    const section = page.locator('section.attachments');
    const upload = page.locator('section[aria-labelledby="attachment-upload-title"]');
    await upload.getByRole('heading', { name: 'Bild oder Dokument hinzufügen' }).waitFor();
    expect(await upload.textContent()).toContain('Noch keine Anhänge.');
    expect(await section.count()).toBe(0);
    expect(await page.getAttribute('#attachment-file', 'accept')).toContain('image/png');
    expect(await page.getAttribute('#attachment-description', 'aria-describedby')).toBe('attachment-description-hint');
    expect(await page.textContent('#attachment-description-hint')).toContain('Screenreader');

    // A text file is refused in the browser, with the same message the server would give.
    await page.setInputFiles('#attachment-file', { name: 'notizen.txt', mimeType: 'text/plain', buffer: Buffer.from('Nur Text.') });
    await page.click('#attachment button[type="submit"]');
    await page.waitForSelector('#attachment-file-error');
    expect(await page.textContent('#attachment-file-error')).toContain('Dieser Dateityp wird nicht angenommen.');
    expect(await page.getAttribute('#attachment-file', 'aria-invalid')).toBe('true');
    expect(await page.getAttribute('#attachment-file', 'aria-describedby')).toBe('attachment-file-hint attachment-file-error');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    await screenshot(page, 'de-attachment-type-error');

    // Too large for the limit: the browser says so before sending anything.
    await page.setInputFiles('#attachment-file', {
      name: 'scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.alloc(5 * 1024 * 1024 + 1, 0x20),
    });
    await page.click('#attachment button[type="submit"]');
    await page.waitForSelector('#attachment-file-error >> text=Die Datei ist zu groß: Erlaubt sind höchstens 5 MB.');

    // A text file in disguise passes the browser, but the server checks the content.
    await page.setInputFiles('#attachment-file', { name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('Das ist kein Bild.') });
    await page.click('#attachment button[type="submit"]');
    await page.waitForSelector('.error-summary >> text=Die Datei wurde nicht hochgeladen.');
    expect(await page.textContent('#attachment-file-error')).toContain('Dieser Dateityp wird nicht angenommen.');

    // A real image with its alternative text.
    await page.setInputFiles('#attachment-file', { name: 'bank.png', mimeType: 'image/png', buffer: await png() });
    await page.fill('#attachment-description', ALT_TEXT);
    await page.click('#attachment button[type="submit"]');
    const image = section.locator(`img[alt="${ALT_TEXT}"]`);
    await image.waitFor();
    await page.waitForSelector('text=Der Anhang „bank.png“ wurde hinzugefügt.');
    expect(await page.locator('.error-summary').count()).toBe(0);
    expect(await page.inputValue('#attachment-description')).toBe('');
    // Focus moves to the new attachment.
    expect(await page.evaluate(() => document.activeElement?.closest('.attachment-gallery__item') !== null)).toBe(true);
    await page.waitForFunction((alt) => {
      const img = document.querySelector<HTMLImageElement>(`img[alt="${alt}"]`);
      return Boolean(img?.complete && img.naturalWidth > 0);
    }, ALT_TEXT);
    const link = section.getByRole('link', { name: `${ALT_TEXT} (Bild in voller Größe öffnen)` });
    const full = await page.request.get((await link.getAttribute('href')) ?? '');
    expect(full.status()).toBe(200);
    expect(full.headers()['content-type']).toMatch(/^image\//);
    expect(await section.textContent()).toMatch(/bank\.png \(PNG, [\d,]+ (Byte|kB)\)/);
    await screenshot(page, 'de-attachment-image');
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'de-360-attachment-image');
    await page.setViewportSize({ width: 1280, height: 720 });

    // Removing asks first; afterwards the section heading has focus and the removal is announced.
    await section.getByRole('button', { name: 'Entfernen: bank.png' }).click();
    const dialog = page.locator('dialog[open]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Möchten Sie „bank.png“ wirklich entfernen?');
    await screenshot(page, 'de-attachment-remove-dialog');
    await dialog.getByRole('button', { name: 'Ja, entfernen' }).click();
    await page.waitForSelector('dialog[open]', { state: 'detached' });
    await page.waitForSelector('.attachments [role="status"] >> text=Der Anhang „bank.png“ wurde entfernt.');
    expect(await section.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('attachments-title');
    const gone = await page.request.get((await page.evaluate(() => location.pathname)).replace('/proposals/', '/api/proposals/'));
    expect(((await gone.json()) as { attachments: unknown[] }).attachments).toEqual([]);
    expect(csp).toEqual([]);
    await context.close();
  });

  it('shows images and documents accessibly in German and English, also at 360 px', async () => {
    const author = await apiSession(server.baseUrl, AUTHOR.email);
    const proposal = await seedProposal(
      author,
      'Nordmarkt',
      'SZ',
      'Sitzecke mit Lageplan am Nordmarkt',
      'Eine schattige Sitzecke an der Nordseite; Foto und Lageplan hängen an.',
    );
    await uploadViaApi(author, proposal.id, 'nordmarkt-sitzecke-an-der-nordseite-mit-baeumen.png', 'image/png', await png(), ALT_TEXT);
    await uploadViaApi(author, proposal.id, 'ohne-beschreibung.png', 'image/png', await png(300, 400));
    await uploadViaApi(author, proposal.id, 'lageplan.pdf', 'application/pdf', pdf(), 'Lageplan der Sitzecke mit Maßen');
    await author.dispose();

    const problems: string[] = [];
    for (const language of ['de', 'en'] as const) {
      // The public view: no upload form, no remove buttons.
      const anonymousContext = await newContext(browser, server.baseUrl, { language, bypassCSP: true });
      const anonymous = await anonymousContext.newPage();
      await open(anonymous, `/proposals/${proposal.id}`);
      expect(await anonymous.locator('#attachment').count()).toBe(0);
      expect(await anonymous.locator('.attachment__remove').count()).toBe(0);
      const fallback = language === 'de' ? 'Bild zum Vorschlag: ohne-beschreibung.png' : 'Image for the proposal: ohne-beschreibung.png';
      expect(await anonymous.locator(`img[alt="${fallback}"]`).count()).toBe(1);
      const pdfLink = anonymous.getByRole('link', { name: /lageplan\.pdf \(PDF, / });
      expect(await pdfLink.count()).toBe(1);
      expect(await anonymous.textContent('.attachment-documents')).toContain('Lageplan der Sitzecke mit Maßen');
      problems.push(...(await audit(anonymous, `${language} anonymous attachments`)));
      await anonymousContext.close();

      // The author's view with the upload form.
      const context = await newContext(browser, server.baseUrl, { language, bypassCSP: true });
      const page = await context.newPage();
      await loginViaForm(page, AUTHOR.email, USER_PASSWORD);
      await switchLanguage(page, language);
      await open(page, `/proposals/${proposal.id}`);
      await page.locator('#attachment-file').waitFor();
      expect(await page.textContent('#attachment-file-hint')).toContain(language === 'de' ? 'noch 2 möglich' : '2 more possible');
      problems.push(...(await audit(page, `${language} author attachments`)));
      await screenshot(page, `${language}-attachments-author`);
      // An empty submit names the file field.
      await page.click('#attachment button[type="submit"]');
      await page.waitForSelector('#attachment-file-error');
      problems.push(...(await audit(page, `${language} author attachments with error`)));
      await page.setViewportSize({ width: 360, height: 740 });
      await open(page, `/proposals/${proposal.id}`);
      const wide = await overflow(page);
      if (wide > 0) problems.push(`[${language} 360px attachments] horizontal overflow ${wide}px`);
      problems.push(...(await audit(page, `${language} 360px attachments`)));
      await screenshot(page, `${language}-360-attachments-author`);
      if (language === 'en') await switchLanguage(page, 'de');
      await page.waitForLoadState('networkidle');
      await context.close();
    }
    if (problems.length > 0) throw new Error(`Accessibility problems:\n\n${problems.join('\n\n')}`);
  });

  it('lets an admin limit supports per person in an Aktionsraum; a citizen sees what is left and why a support is refused', async () => {
    const admin = await newContext(browser, server.baseUrl, { language: 'de' });
    const adminPage = await admin.newPage();
    await loginViaForm(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD);
    // The limit exists for Aktionsräume only.
    await open(adminPage, '/admin/areas/new');
    expect(await adminPage.locator('#area-supportLimit').count()).toBe(1);
    await adminPage.selectOption('#area-type', 'neighbourhood');
    expect(await adminPage.locator('#area-supportLimit').count()).toBe(0);

    await open(adminPage, '/admin/areas');
    await adminPage.getByRole('link', { name: 'Bearbeiten Hafen', exact: true }).click();
    await adminPage.waitForURL(/\/admin\/areas\/[^/]+$/);
    await waitForPage(adminPage);
    expect(await adminPage.inputValue('#area-supportLimit')).toBe('');
    await adminPage.fill('#area-supportLimit', '0');
    await adminPage.click('#area button[type="submit"]');
    await adminPage.waitForSelector('#area-supportLimit-error >> text=Bitte geben Sie eine ganze Zahl von 1 bis 1000 ein.');
    await screenshot(adminPage, 'de-admin-area-support-limit-error');
    await adminPage.fill('#area-supportLimit', '1');
    await adminPage.click('#area button[type="submit"]');
    await adminPage.waitForSelector('text=Das Gebiet „Hafen“ wurde gespeichert.');
    expect(await adminPage.locator('tr', { hasText: 'ar-hafen' }).textContent()).toContain('höchstens eine Unterstützung je Person');
    await adminPage.getByRole('link', { name: 'Bearbeiten Hafen', exact: true }).click();
    await adminPage.waitForURL(/\/admin\/areas\/[^/]+$/);
    await waitForPage(adminPage);
    expect(await adminPage.inputValue('#area-supportLimit')).toBe('1');
    await screenshot(adminPage, 'de-admin-area-support-limit');
    await admin.close();

    const author = await apiSession(server.baseUrl, AUTHOR.email);
    const first = await seedProposal(author, 'Hafen', 'SZ', 'Mehr Licht an der Hafenpromenade', 'Abends ist die Promenade zu dunkel.');
    const second = await seedProposal(
      author,
      'Hafen',
      'SZ',
      'Fahrradbügel am Hafenbecken',
      'Am Hafenbecken fehlen Abstellplätze für Räder.',
    );
    await author.dispose();

    const context = await newContext(browser, server.baseUrl, { language: 'de', bypassCSP: true });
    const page = await context.newPage();
    await loginViaForm(page, CITIZEN.email, USER_PASSWORD);
    await open(page, `/proposals/${first.id}`);
    const support = page.getByRole('button', { name: 'Unterstützen' });
    expect(await page.textContent('.support__limit')).toContain('Sie können in Hafen noch 1 von 1 Unterstützung vergeben.');
    expect(await support.getAttribute('aria-describedby')).toBe(`support-limit-${first.id}`);
    await support.click();
    await page.waitForSelector('.support [role="status"] >> text=Sie unterstützen diesen Vorschlag.');
    expect(await page.textContent('.support [role="status"]')).toContain('Sie können in Hafen noch 0 von 1 Unterstützung vergeben.');

    await open(page, `/proposals/${second.id}`);
    expect(await page.textContent('.support__limit')).toContain('Sie haben Ihre Unterstützung in Hafen schon vergeben');
    await page.getByRole('button', { name: 'Unterstützen' }).click();
    await page.waitForSelector('.support [role="alert"] >> text=Sie haben alle Ihre Unterstützungen in diesem Gebiet vergeben.');
    expect(await page.textContent('.support__number')).toBe('0');
    // Not counted: the button still offers to support, not to take a support back.
    expect(await page.getByRole('button', { name: 'Unterstützen', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Unterstützung zurücknehmen' }).count()).toBe(0);
    await screenshot(page, 'de-support-limit-reached');
    const problems = await audit(page, 'de support limit reached');

    await switchLanguage(page, 'en');
    await page.waitForSelector('.support__limit >> text=You have already used your support in Hafen');
    expect(await page.textContent('.support [role="alert"]')).toContain('You have used all your supports in this area.');
    problems.push(...(await audit(page, 'en support limit reached')));
    await screenshot(page, 'en-support-limit-reached');
    await page.setViewportSize({ width: 360, height: 740 });
    const wide = await overflow(page);
    if (wide > 0) problems.push(`[en 360px support limit] horizontal overflow ${wide}px`);
    await screenshot(page, 'en-360-support-limit-reached');

    // Withdrawing the first support frees the place again.
    await open(page, `/proposals/${first.id}`);
    await page.getByRole('button', { name: 'Support' }).click();
    await page.waitForSelector('.support [role="status"] >> text=You have 1 of 1 support left in Hafen.');
    await switchLanguage(page, 'de');
    await page.waitForLoadState('networkidle');
    await context.close();
    if (problems.length > 0) throw new Error(`Accessibility problems:\n\n${problems.join('\n\n')}`);
  });
});
