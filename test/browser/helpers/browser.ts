import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const SCREENS_DIR = '/tmp/screens';
export const LANGUAGE_STORAGE_KEY = 'soziale-stadt.language';

export function launchBrowser(): Promise<Browser> {
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
    ],
  });
}

export interface ContextOptions extends BrowserContextOptions {
  language?: 'de' | 'en';
}

/** A fresh browser profile; `language` pre-sets the device language like a returning visitor. */
export async function newContext(browser: Browser, baseUrl: string, options: ContextOptions = {}): Promise<BrowserContext> {
  const { language, ...rest } = options;
  const context = await browser.newContext({ baseURL: baseUrl, acceptDownloads: true, ...rest });
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

/** Waits until the route has rendered its h1 and every loading indicator is gone. */
export async function waitForPage(page: Page): Promise<void> {
  await page.waitForSelector('main h1');
  await page.waitForFunction(() => document.querySelectorAll('.loading').length === 0);
  await page.waitForLoadState('networkidle');
}

export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await waitForPage(page);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENS_DIR}/${name}.png`, fullPage: true });
}

/** Switches the UI language with the header switcher, as a person would. */
export async function switchLanguage(page: Page, language: 'de' | 'en'): Promise<void> {
  const current = await page.evaluate(() => document.documentElement.lang);
  if (current === language) return;
  await page.click(`.language-switcher button[lang="${language}"]`);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}
