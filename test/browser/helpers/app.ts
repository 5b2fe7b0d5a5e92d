import { request, type APIRequestContext, type Page } from 'playwright-core';
import { waitForPage } from './browser';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from './server';
import { linkFrom, type SmtpSink } from '../../helpers/smtp';

export const USER_PASSWORD = 'Sichere-Passphrase-42';

/** Signs in through the login form and waits for the home page. */
export async function loginViaForm(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await waitForPage(page);
  await page.fill('#login-email', email);
  await page.fill('#login-password', password);
  await page.click('#login button[type="submit"]');
  await page.waitForURL((url) => url.pathname === '/');
  // Attached, not visible: on phones the navigation is behind the menu button.
  await page.waitForSelector('.site-nav__user', { state: 'attached' });
  await waitForPage(page);
}

/** The CSRF header for a write over an API session (any GET sets the cookie). */
export async function csrfHeaders(api: APIRequestContext): Promise<Record<string, string>> {
  await api.get('/api/auth/session');
  const { cookies } = await api.storageState();
  const token = cookies.find((cookie) => cookie.name === 'csrf_token')?.value ?? '';
  return { 'x-csrf-token': token };
}

/** Registers an account over HTTP and confirms it with the link from the real mail. */
export async function createVerifiedUser(
  baseUrl: string,
  mail: SmtpSink,
  email: string,
  displayName: string,
  language: 'de' | 'en' = 'de',
): Promise<void> {
  const api = await request.newContext({ baseURL: baseUrl });
  try {
    const registered = await api.post('/api/auth/register', {
      headers: await csrfHeaders(api),
      data: { email, password: USER_PASSWORD, displayName, language },
    });
    if (registered.status() !== 201) throw new Error(`register ${registered.status()}: ${await registered.text()}`);
    const token = linkFrom(await mail.waitFor(email), '/verify-email').searchParams.get('token');
    const verified = await api.post('/api/auth/verify-email', { headers: await csrfHeaders(api), data: { token } });
    if (verified.status() !== 200) throw new Error(`verify ${verified.status()}: ${await verified.text()}`);
  } finally {
    await api.dispose();
  }
}

/** An API session of a registered user, for seeding data the way the app would. */
export async function apiSession(baseUrl: string, email: string, password = USER_PASSWORD): Promise<APIRequestContext> {
  const api = await request.newContext({ baseURL: baseUrl });
  const login = await api.post('/api/auth/login', { headers: await csrfHeaders(api), data: { email, password } });
  if (login.status() !== 200) throw new Error(`login ${login.status()}: ${await login.text()}`);
  return api;
}

export interface SeededProposal {
  id: string;
  title: string;
}

/** Submits a proposal over the API in the named area and field of action. */
export async function seedProposal(
  api: APIRequestContext,
  areaName: string,
  fieldCode: string,
  title: string,
  body: string,
): Promise<SeededProposal> {
  const areas = (await (await api.get('/api/areas')).json()) as Array<{ id: string; name: string }>;
  const fields = (await (await api.get('/api/fields-of-action')).json()) as Array<{ id: string; code: string }>;
  const areaId = areas.find((area) => area.name === areaName)?.id;
  const fieldOfActionId = fields.find((field) => field.code === fieldCode)?.id;
  const created = await api.post('/api/proposals', { headers: await csrfHeaders(api), data: { title, body, areaId, fieldOfActionId } });
  if (created.status() !== 201) throw new Error(`proposal ${created.status()}: ${await created.text()}`);
  return (await created.json()) as SeededProposal;
}

/**
 * Waits until the proposal list shows the first page of the random order of `seed` (the titles the
 * API gives for it, in that order): the list keeps the previous page on screen while the next loads.
 */
export async function waitForProposalOrder(page: Page, seed: string, pageSize = 10): Promise<void> {
  const answer = await page.request.get(`/api/proposals?sort=random&seed=${encodeURIComponent(seed)}&pageSize=${pageSize}`);
  if (answer.status() !== 200) throw new Error(`proposals ${answer.status()}: ${await answer.text()}`);
  const titles = ((await answer.json()) as { items: Array<{ title: string }> }).items.map((item) => item.title);
  await page.waitForFunction((expected) => {
    const shown = [...document.querySelectorAll('.proposal-card h3')].map((heading) => heading.textContent?.trim());
    return shown.length === expected.length && shown.every((title, index) => title === expected[index]);
  }, titles);
}

/** A JSON write over an API session that must answer with `status`; returns the parsed answer. */
export async function postJson<T>(api: APIRequestContext, path: string, data: unknown, status = 200): Promise<T> {
  const res = await api.post(path, { headers: await csrfHeaders(api), data });
  if (res.status() !== status) throw new Error(`${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The administrator gives the account the moderator role (no area scope = every area). */
export async function makeModerator(baseUrl: string, email: string): Promise<void> {
  const admin = await apiSession(baseUrl, ADMIN_EMAIL, ADMIN_PASSWORD);
  try {
    const found = (await (await admin.get(`/api/admin/users?q=${encodeURIComponent(email)}`)).json()) as { items: Array<{ id: string }> };
    const id = found.items[0]?.id;
    const updated = await admin.patch(`/api/admin/users/${id}`, { headers: await csrfHeaders(admin), data: { role: 'moderator' } });
    if (updated.status() !== 200) throw new Error(`role ${updated.status()}: ${await updated.text()}`);
  } finally {
    await admin.dispose();
  }
}
