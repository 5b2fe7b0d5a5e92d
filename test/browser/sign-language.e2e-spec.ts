import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loginViaForm } from './helpers/app';
import { axeViolations, formatViolations } from './helpers/axe';
import { launchBrowser, newContext, open, screenshot, waitForPage } from './helpers/browser';
import { collectCspViolations } from './helpers/csp';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type RunningServer } from './helpers/server';
import { SmtpSink } from '../helpers/smtp';

// Real browser journeys with uploads and video playback need longer than the default.
jest.setTimeout(240_000);

const PHONE = { width: 360, height: 740 };
const PLANNED = 'Das Video in Deutscher Gebärdensprache ist in Planung.';
const DESCRIPTION = 'Das Video erklärt in einer Minute, wie Sie Vorschläge machen.\n\nAbschrift: https://stadt.example/dgs-abschrift';
const CAPTIONS =
  'WEBVTT\n\n00:00.000 --> 00:00.600\nWillkommen auf dem Beteiligungsportal.\n\n00:00.600 --> 00:01.200\nHier erklären wir, wie Sie mitmachen.\n';

async function audit(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  const h1 = await page.locator('h1').count();
  if (h1 !== 1) problems.push(`[${label}] expected one h1, found ${h1}`);
  const violations = await axeViolations(page);
  if (violations.length > 0) problems.push(formatViolations(label, violations));
  return problems;
}

/** A real, playable WebM of a little over a second, recorded from a canvas by the browser itself (no ffmpeg needed). */
async function recordWebm(page: Page): Promise<Buffer> {
  const bytes = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 180;
    const context = canvas.getContext('2d')!;
    const recorder = new MediaRecorder(canvas.captureStream(15), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    let frame = 0;
    const paint = setInterval(() => {
      context.fillStyle = `hsl(${(frame++ * 25) % 360} 60% 45%)`;
      context.fillRect(0, 0, 320, 180);
    }, 60);
    const stopped = new Promise((done) => (recorder.onstop = done));
    recorder.start();
    await new Promise((done) => setTimeout(done, 1300));
    recorder.stop();
    await stopped;
    clearInterval(paint);
    return Array.from(new Uint8Array(await new Blob(chunks).arrayBuffer()));
  });
  return Buffer.from(bytes);
}

describe('the sign language video (BITV 2.0 § 4)', () => {
  let mail: SmtpSink;
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** A context that lets axe in (bypassCSP); `phone` for the residents' view at 360 px. */
  async function page(phone = false): Promise<Page> {
    const context = await newContext(browser, server.baseUrl, { bypassCSP: true, ...(phone ? { viewport: PHONE } : {}) });
    contexts.push(context);
    return context.newPage();
  }

  beforeAll(async () => {
    mail = await new SmtpSink().start();
    server = await startServer(mail.port);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
    await mail?.stop();
  });

  it('says honestly that the video is planned while there is none, and the statement lists it as a barrier', async () => {
    const visitor = await page(true);
    await open(visitor, '/gebaerdensprache');
    await visitor.getByText(PLANNED).waitFor();
    expect(await visitor.locator('video').count()).toBe(0);
    const problems = await audit(visitor, 'gebaerdensprache ohne Video');
    await open(visitor, '/barrierefreiheit');
    expect(await visitor.textContent('main')).toContain(
      'Deutsche Gebärdensprache: Ein Video mit Erklärungen in Deutscher Gebärdensprache ist in Planung',
    );
    problems.push(...(await audit(visitor, 'barrierefreiheit ohne Video')));
    await open(visitor, '/leichte-sprache');
    expect(await visitor.textContent('main')).toContain('Ein Video in Deutscher Gebärden-Sprache gibt es noch nicht.');
    problems.push(...(await audit(visitor, 'leichte-sprache ohne Video')));
    expect(problems).toEqual([]);
  });

  it('lets an administrator publish a captioned video, shows it to everybody with its captions, and remove it again', async () => {
    const admin = await page();
    await loginViaForm(admin, ADMIN_EMAIL, ADMIN_PASSWORD);
    await open(admin, '/admin');
    await admin.getByRole('link', { name: 'Video in Gebärdensprache' }).click();
    await admin.waitForURL((url) => url.pathname === '/admin/sign-language');
    await waitForPage(admin);
    await admin.getByText('Es ist noch kein Video veröffentlicht.').waitFor();
    const problems = await audit(admin, 'admin ohne Video');
    await screenshot(admin, 'sign-language-admin-empty-1280');

    // Without captions nothing is sent: the error summary names the field and takes focus.
    const webm = await recordWebm(admin);
    await admin.setInputFiles('#sign-language-video', { name: 'erklaerung.webm', mimeType: 'video/webm', buffer: webm });
    await admin.click('#sign-language button[type="submit"]');
    await admin.locator('#sign-language-captions-error').waitFor();
    await admin.waitForFunction(() => document.activeElement?.classList.contains('error-summary'));
    expect(await admin.textContent('.error-summary')).toContain('Untertitel-Datei (WebVTT)');

    // A file that only claims to be a video is refused by the server (content, not name), next to the field.
    await admin.setInputFiles('#sign-language-video', {
      name: 'kein-video.mp4',
      mimeType: 'video/mp4',
      buffer: Buffer.from('Das ist Text.'),
    });
    await admin.setInputFiles('#sign-language-captions', { name: 'untertitel.vtt', mimeType: 'text/vtt', buffer: Buffer.from(CAPTIONS) });
    await admin.click('#sign-language button[type="submit"]');
    await admin.getByText('Diese Datei ist kein MP4- oder WebM-Video.').first().waitFor();
    expect(await admin.textContent('#sign-language-video-error')).toContain('kein MP4- oder WebM-Video');
    problems.push(...(await audit(admin, 'admin mit Fehlern')));

    // The real thing: a recorded WebM, German captions, a description with a transcript link.
    await admin.setInputFiles('#sign-language-video', { name: 'erklaerung.webm', mimeType: 'video/webm', buffer: webm });
    await admin.setInputFiles('#sign-language-captions', { name: 'untertitel.vtt', mimeType: 'text/vtt', buffer: Buffer.from(CAPTIONS) });
    await admin.fill('#sign-language-description', DESCRIPTION);
    await admin.click('#sign-language button[type="submit"]');
    await admin.getByText('Das Video ist veröffentlicht und steht jetzt auf der Seite „Gebärdensprache“.').waitFor();
    await admin.waitForFunction(() => document.activeElement?.id === 'sign-language-current-title');
    expect(await admin.textContent('main')).toContain('erklaerung.webm (WebM,');
    expect(await admin.textContent('main')).toContain('untertitel.vtt (WebVTT,');
    await admin.getByRole('heading', { name: 'Video ersetzen' }).waitFor();
    problems.push(...(await audit(admin, 'admin mit Video')));
    await screenshot(admin, 'sign-language-admin-published-1280');

    // Everybody sees it (here on a phone): the player with German captions by default, the description with its link.
    const visitor = await page(true);
    await open(visitor, '/gebaerdensprache');
    const video = visitor.locator('main video');
    await video.waitFor();
    expect(await visitor.getByText(PLANNED).count()).toBe(0);
    expect(
      await video.evaluate((element: HTMLVideoElement) => ({
        controls: element.controls,
        preload: element.getAttribute('preload'),
        playsinline: element.hasAttribute('playsinline'),
        source: element.querySelector('source')?.getAttribute('type'),
        track: ['kind', 'srclang', 'label'].map((name) => element.querySelector('track')?.getAttribute(name)),
        defaultTrack: element.querySelector('track')?.hasAttribute('default'),
        name: element.getAttribute('aria-labelledby') && document.getElementById(element.getAttribute('aria-labelledby')!)?.textContent,
      })),
    ).toEqual({
      controls: true,
      preload: 'none',
      playsinline: true,
      source: 'video/webm',
      track: ['captions', 'de', 'Deutsch'],
      defaultTrack: true,
      name: expect.stringContaining('Deutscher Gebärdensprache'),
    });
    expect(await visitor.textContent('main')).toContain('Das Video erklärt in einer Minute, wie Sie Vorschläge machen.');
    expect(await visitor.getAttribute('main a[href="https://stadt.example/dgs-abschrift"]', 'class')).toContain('kern-link');
    problems.push(...(await audit(visitor, 'gebaerdensprache mit Video')));
    // Nothing wider than the phone.
    expect(await visitor.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(visitor, 'sign-language-public-360');

    // It plays under the site's real Content-Security-Policy (a context that does not bypass it): the
    // browser fetches it with Range requests, and the captions are read from the .vtt.
    const strictContext = await newContext(browser, server.baseUrl);
    contexts.push(strictContext);
    const strict = await strictContext.newPage();
    const csp = collectCspViolations(strict);
    const ranges: string[] = [];
    strict.on('request', (request) => {
      if (request.url().endsWith('/video')) ranges.push(request.headers().range ?? '');
    });
    await open(strict, '/gebaerdensprache');
    const player = strict.locator('main video');
    await player.evaluate(async (element: HTMLVideoElement) => {
      element.muted = true;
      await element.play();
    });
    await strict.waitForFunction(() => {
      const element = document.querySelector('main video') as HTMLVideoElement;
      return element.currentTime > 0 && (element.textTracks[0]?.cues?.length ?? 0) === 2;
    });
    expect(await player.evaluate((element: HTMLVideoElement) => element.textTracks[0].mode)).toBe('showing');
    expect(ranges.some((range) => range.startsWith('bytes='))).toBe(true);
    expect(csp).toEqual([]);

    // The statement no longer lists the missing video; Leichte Sprache says where it is.
    await open(visitor, '/barrierefreiheit');
    expect(await visitor.textContent('main')).not.toContain('Ein Video mit Erklärungen in Deutscher Gebärdensprache ist in Planung');
    problems.push(...(await audit(visitor, 'barrierefreiheit mit Video')));
    await open(visitor, '/leichte-sprache');
    expect(await visitor.textContent('main')).toContain('Es gibt ein Video in Deutscher Gebärden-Sprache.');
    expect(await visitor.textContent('main')).not.toContain('gibt es noch nicht');

    // Removing it asks first; afterwards focus is on "Aktuelles Video" and the page is planned again.
    await admin.getByRole('button', { name: 'Video entfernen' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Video entfernen?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await admin.waitForFunction(() => document.activeElement?.textContent?.includes('Video entfernen'));
    await admin.getByRole('button', { name: 'Video entfernen' }).click();
    await dialog.getByRole('button', { name: 'Ja, entfernen' }).click();
    await admin.getByText('Das Video wurde entfernt.').waitFor();
    await admin.waitForFunction(() => document.activeElement?.id === 'sign-language-current-title');
    await admin.getByText('Es ist noch kein Video veröffentlicht.').waitFor();
    await open(visitor, '/gebaerdensprache');
    await visitor.getByText(PLANNED).waitFor();
    expect(await visitor.locator('video').count()).toBe(0);

    expect(problems).toEqual([]);
  });
});
