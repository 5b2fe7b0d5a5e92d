import { request, type BrowserContext, type Page } from 'playwright-core';
import { csrfHeaders } from './app';
import { open } from './browser';

/**
 * A guest on a phone in a live assembly: joined with the code over HTTP (as the join page does), the
 * device credential put where the app keeps it, the live view open and showing the guest's name.
 */
export async function guestPhone(
  baseUrl: string,
  phoneContext: BrowserContext,
  assembly: { id: string; joinCode: string },
  displayName: string,
): Promise<Page> {
  const joinApi = await request.newContext({ baseURL: baseUrl });
  const joined = await joinApi.post('/api/assemblies/join', {
    headers: await csrfHeaders(joinApi),
    data: { code: assembly.joinCode, displayName },
  });
  if (joined.status() >= 300) throw new Error(`join ${joined.status()}: ${await joined.text()}`);
  const { guestToken } = (await joined.json()) as { guestToken: string };
  await joinApi.dispose();
  await phoneContext.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [
    `soziale-stadt.guest.${assembly.id}`,
    guestToken,
  ] as const);
  const page = await phoneContext.newPage();
  await open(page, `/assemblies/${assembly.id}/live`);
  await page.getByText('Sie nehmen teil als', { exact: false }).waitFor();
  return page;
}
