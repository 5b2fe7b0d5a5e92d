import { mkdirSync, readFileSync } from 'node:fs';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
  type Request,
} from 'playwright-core';

export const SCREENS_DIR = '/tmp/screens';
/**
 * Screenshots are for people to look at (360 and 1280 px, both languages); they assert nothing. CI, where
 * nobody looks at them, sets TEST_SCREENSHOTS=off: a full-page capture re-renders the whole page, about
 * 0.2 core-seconds each, some 12 % of the accessibility spec's time on the 2-core CI machine.
 */
export const SCREENSHOTS = process.env.TEST_SCREENSHOTS !== 'off';
export const LANGUAGE_STORAGE_KEY = 'soziale-stadt.language';

/**
 * Chromium's --disable-features is one list and the last one on the command line wins, so ours repeats the
 * list Playwright passes (playwright-core 1.65, coreBundle.js `disabledFeatures`) and adds the omnibox popups:
 * headless Chromium 156 still builds two omnibox popup WebUI pages (a renderer each) for every context.
 */
const PLAYWRIGHT_VERSION = '1.65.1';
const DISABLED_FEATURES = [
  ...['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable'],
  ...['LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect'],
  ...['TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch'],
  ...['msForceBrowserSignIn', 'msEdgeUpdateLaunchServicesPreferredVersion'],
  ...['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'],
];

/**
 * Headless Chromium for the tests. Besides the flags the machine needs (no sandbox as root, no background
 * networking), a few that cut its CPU time without changing what a page does or how it is laid out: no
 * software GPU (SwiftShader) and software compositing instead, at most two renderer processes per browser
 * where pages may share one (never across contexts), no site-isolation trials, no omnibox popups. Measured
 * on the proposals spec (9 tests, 2-core CI machine): 152, 153, 157 busy core-seconds before, 128 and 114 after.
 */
export function launchBrowser(): Promise<Browser> {
  const installed = (JSON.parse(readFileSync(require.resolve('playwright-core/package.json'), 'utf8')) as { version: string }).version;
  if (installed !== PLAYWRIGHT_VERSION) {
    throw new Error(`playwright-core ${installed}: compare its disabledFeatures with DISABLED_FEATURES here, then set PLAYWRIGHT_VERSION`);
  }
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
      '--disable-software-rasterizer',
      '--disable-gpu-compositing',
      '--renderer-process-limit=2',
      '--disable-site-isolation-trials',
      `--disable-features=${DISABLED_FEATURES.join(',')}`,
    ],
  });
}

export interface ContextOptions extends BrowserContextOptions {
  language?: string;
}

/**
 * A fresh browser profile of a German browser (its languages decide a first visit's language; pass
 * `locale` for another); `language` pre-sets the device language like a returning visitor.
 */
export async function newContext(browser: Browser, baseUrl: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const { language, ...rest } = options;
  const context = await browser.newContext({ baseURL: baseUrl, acceptDownloads: true, locale: 'de-DE', ...rest });
  trackApiRequests(context);
  if (language) {
    await context.addInitScript(
      ([key, value]) => {
        if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, value);
      },
      [LANGUAGE_STORAGE_KEY, language] as const,
    );
  }
  return context;
}

/** The API requests each page of a tracked context has in flight (the page's own fetches, not page.request). */
const pendingApi = new WeakMap<Page, Set<Request>>();
const trackedContexts = new WeakSet<BrowserContext>();

function trackApiRequests(context: BrowserContext): void {
  trackedContexts.add(context);
  const pageOf = (request: Request): Page | null => {
    try {
      return request.frame().page();
    } catch {
      return null; // a service worker's request
    }
  };
  context.on('request', (request) => {
    const page = pageOf(request);
    if (!page || !new URL(request.url()).pathname.startsWith('/api/')) return;
    const pending = pendingApi.get(page) ?? new Set<Request>();
    pendingApi.set(page, pending.add(request));
  });
  const done = (request: Request) => {
    const page = pageOf(request);
    if (page) pendingApi.get(page)?.delete(request);
  };
  context.on('requestfinished', done);
  context.on('requestfailed', done);
}

/**
 * Waits until the page has had no API request in flight for `quietMs`: the data it asked for has
 * arrived (a list keeps its previous page on screen while the next one loads, without a loading
 * indicator). Pages of contexts not made by newContext fall back to 'networkidle'.
 */
export async function waitForApiQuiet(page: Page, quietMs = 100, timeoutMs = 30_000): Promise<void> {
  if (!trackedContexts.has(page.context())) return page.waitForLoadState('networkidle');
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  for (;;) {
    const pending = pendingApi.get(page)?.size ?? 0;
    if (pending > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`${pending} API request(s) still in flight after ${timeoutMs} ms on ${page.url()}`);
    await new Promise((wait) => setTimeout(wait, 20));
  }
}

/**
 * Waits until the route has rendered its h1, its API requests have come back and every loading
 * indicator is gone: explicit conditions instead of 'networkidle' (half a second of silence on any
 * connection after every step).
 */
export async function waitForPage(page: Page): Promise<void> {
  await page.waitForSelector('main h1');
  await waitForApiQuiet(page);
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
}

export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForPage(page);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/${name}.png`, fullPage: true });
}

/** A picture of one part of the page (full-page shots of long pages are too tall to look at). */
export async function screenshotOf(locator: Locator, name: string): Promise<void> {
  if (!SCREENSHOTS) return;
  mkdirSync(SCREENS_DIR, { recursive: true });
  await locator.screenshot({ path: `${SCREENS_DIR}/${name}.png` });
}

/** Switches the UI language with the header's language list, as a person would; waits until its texts are on the page. */
export async function switchLanguage(page: Page, language: string): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.dataset.language);
  if (current === language) return;
  // On phones the languages sit behind the header's menu button.
  const menu = page.locator('.site-menu-button');
  const opened = (await menu.isVisible()) && (await menu.getAttribute('aria-expanded')) === 'false';
  if (opened) await menu.click();
  await page.selectOption('.language-switcher select', language);
  // The language is set and the page's own text sets (lib/text-sets) are in: not the German fallback of a moment.
  await page.waitForFunction(
    (lang) => document.documentElement.dataset.language === lang && !document.documentElement.dataset.textsLoading,
    language,
  );
  if (opened) await menu.click();
}
