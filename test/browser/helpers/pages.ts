import type { Page } from 'playwright-core';
import { screenshot, switchLanguage, waitForPage } from './browser';
import { audit } from './layout';

/** axe and one h1 in German, then in English (switched with the header's switcher, waiting for an English text), back to German. */
export async function auditBothLanguages(page: Page, label: string, englishText: string, shot?: string): Promise<string[]> {
  const problems = await audit(page, `de ${label}`);
  if (shot) await screenshot(page, `${shot}-de`);
  await switchLanguage(page, 'en');
  await page.locator('main').getByText(englishText).first().waitFor();
  await waitForPage(page);
  problems.push(...(await audit(page, `en ${label}`)));
  if (shot) await screenshot(page, `${shot}-en`);
  await switchLanguage(page, 'de');
  await waitForPage(page);
  return problems;
}

/** The page is no wider than the phone's screen (nothing to scroll sideways). */
export async function scrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}
