import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { CSRF_COOKIE, CSRF_HEADER, Role, SESSION_COOKIE } from '@app/shared';
import type { ApiClient } from './helpers/client';
import { ADMIN, expectErrorShape, PASSWORD, startTestApp, type TestApp, type TestUser } from './helpers/app';
import { tinyPng } from './helpers/files';
import { documentedOperations, fetchOpenApi, fillPath, type HttpMethod } from './helpers/routes';

/**
 * Who may call what. Every route the OpenAPI document lists must appear here, so that a new
 * route cannot ship without somebody deciding who may call it.
 *   public        – anybody, signed in or not
 *   signed-in     – any account (citizen, moderator, administrator)
 *   moderator     – moderators and administrators
 *   administrator – administrators only (administrators pass every role check)
 */
type Access = 'public' | 'signed-in' | 'moderator' | 'administrator';

const ROUTES: Record<string, Access> = {
  'GET /api/health': 'public',
  'GET /api/privacy/retention': 'public',
  'GET /api/auth/session': 'public',
  'POST /api/auth/register': 'public',
  'POST /api/auth/verify-email': 'public',
  'POST /api/auth/resend-verification': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'public',
  'POST /api/auth/password-reset/request': 'public',
  'POST /api/auth/password-reset/confirm': 'public',

  'GET /api/me': 'signed-in',
  'PATCH /api/me': 'signed-in',
  'DELETE /api/me': 'signed-in',
  'POST /api/me/email': 'signed-in',
  'POST /api/me/password': 'signed-in',
  'GET /api/me/export': 'signed-in',

  'GET /api/users/{id}': 'public',
  'GET /api/admin/users': 'administrator',
  'PATCH /api/admin/users/{id}': 'administrator',

  'GET /api/areas': 'public',
  'GET /api/areas/{id}': 'public',
  'POST /api/areas': 'administrator',
  'PATCH /api/areas/{id}': 'administrator',

  'GET /api/fields-of-action': 'public',
  'GET /api/fields-of-action/{id}': 'public',
  'POST /api/fields-of-action': 'administrator',
  'PATCH /api/fields-of-action/{id}': 'administrator',
  'GET /api/languages': 'public',
  'GET /api/translations': 'public',
  'POST /api/proposals/{id}/translations': 'public',
  'POST /api/comments/{id}/translations': 'public',
  'PUT /api/languages/{language}/review': 'administrator',
  'GET /api/sign-language-video': 'public',
  'GET /api/sign-language-video/{id}/video': 'public',
  'GET /api/sign-language-video/{id}/captions.vtt': 'public',
  // Multipart uploads; the matrix's empty JSON body gets 400 (no video) and the delete 404 (none published) once past the guard.
  'PUT /api/sign-language-video': 'administrator',
  'DELETE /api/sign-language-video': 'administrator',

  'GET /api/proposals': 'public',
  'GET /api/proposals/similar': 'public',
  'GET /api/proposals/{id}': 'public',
  'POST /api/proposals': 'signed-in',
  'POST /api/proposals/on-behalf': 'moderator',
  'PATCH /api/proposals/{id}': 'signed-in',
  'POST /api/proposals/{id}/withdraw': 'signed-in',
  'PUT /api/proposals/{id}/support': 'signed-in',
  'DELETE /api/proposals/{id}/support': 'signed-in',
  'GET /api/me/proposals': 'signed-in',
  'POST /api/proposals/{id}/attachments': 'signed-in',
  'GET /api/proposals/{id}/attachments/{attachmentId}': 'public',
  'DELETE /api/proposals/{id}/attachments/{attachmentId}': 'signed-in',

  'GET /api/proposals/export.csv': 'public',
  'GET /api/proposals/export.json': 'public',
  'GET /api/admin/proposals/export.csv': 'administrator',
  'GET /api/admin/proposals/export.json': 'administrator',

  'GET /api/proposals/{id}/comments': 'public',
  'POST /api/proposals/{id}/comments': 'signed-in',
  'PATCH /api/comments/{id}': 'signed-in',
  'POST /api/reports': 'signed-in',

  'GET /api/moderation/reports': 'moderator',
  'GET /api/moderation/proposals/{id}': 'moderator',
  'POST /api/moderation/proposals/{id}/hide': 'moderator',
  'POST /api/moderation/proposals/{id}/restore': 'moderator',
  'POST /api/moderation/comments/{id}/hide': 'moderator',
  'POST /api/moderation/comments/{id}/restore': 'moderator',
  'POST /api/proposals/{id}/answer': 'moderator',
  'POST /api/proposals/{id}/merge': 'moderator',
  'GET /api/admin/audit': 'administrator',
  'GET /api/admin/mails': 'administrator',
  'POST /api/admin/mails/{id}/retry': 'administrator',

  'GET /api/proposals/{id}/follow': 'signed-in',
  'PUT /api/proposals/{id}/follow': 'signed-in',
  'DELETE /api/proposals/{id}/follow': 'signed-in',
  'POST /api/follows/unsubscribe': 'public',

  'GET /api/assemblies': 'public',
  'GET /api/assemblies/{id}': 'public',
  'POST /api/assemblies': 'moderator',
  'PATCH /api/assemblies/{id}': 'moderator',
  'PUT /api/assemblies/{id}/registration': 'signed-in',
  'DELETE /api/assemblies/{id}/registration': 'signed-in',
  'GET /api/assemblies/{id}/calendar.ics': 'public',
  'GET /api/assemblies/{id}/qr.svg': 'public',
  'POST /api/assemblies/join': 'public',
  'GET /api/assemblies/{id}/participants': 'moderator',
  'GET /api/assemblies/{id}/check-in-cards': 'moderator',
  'POST /api/assemblies/{id}/check-in-cards': 'moderator',
  'POST /api/assemblies/{id}/check-in-cards/door': 'moderator',
  'POST /api/assemblies/{id}/check-in-cards/{cardId}/revoke': 'moderator',
  'POST /api/assemblies/{id}/check-in-cards/{cardId}/replace': 'moderator',
  // Public routes whose service decides: moderators any time, everybody once closed and public (minutes.e2e-spec).
  'GET /api/assemblies/{id}/minutes.md': 'public',
  'GET /api/assemblies/{id}/minutes.pdf': 'public',

  'GET /api/projects': 'public',
  'GET /api/projects/{id}': 'public',
  'POST /api/projects': 'moderator',
  'POST /api/projects/{id}/proposals': 'moderator',
  'DELETE /api/projects/{id}/proposals/{linkId}': 'moderator',
  // Any account may ask; citizens see every step with allowedForRole false.
  'GET /api/projects/{id}/transitions': 'signed-in',
  'POST /api/projects/{id}/transitions': 'moderator',
  'PUT /api/projects/{id}/evaluation': 'administrator',
  // Moderators of the project's areas and administrators; the service refuses other areas (projects-progress.e2e-spec).
  'POST /api/projects/{id}/milestones': 'moderator',
  'PATCH /api/projects/{id}/milestones/{milestoneId}': 'moderator',
  'DELETE /api/projects/{id}/milestones/{milestoneId}': 'moderator',
  'POST /api/projects/{id}/status-reports': 'moderator',
  'GET /api/projects/grouping': 'moderator',
  'GET /api/projects/portfolio': 'administrator',
  'GET /api/projects/portfolio.csv': 'administrator',
  'GET /api/projects/portfolio.xlsx': 'administrator',

  'GET /api/funds': 'public',
  'GET /api/funds/{id}': 'public',
  'POST /api/funds': 'administrator',
  'PATCH /api/funds/{id}': 'administrator',
  'GET /api/funds/{id}/agenda': 'moderator',
  // Moderators of the fund's area and administrators; the service refuses other areas (funds-money.e2e-spec).
  'POST /api/funds/{id}/decision': 'moderator',
  // The online vote: public reading; the area's staff open, print codes, close, confirm (funds-online-vote.e2e-spec).
  'GET /api/funds/{id}/online-vote': 'public',
  'POST /api/funds/{id}/online-vote': 'moderator',
  'POST /api/funds/{id}/online-vote/codes': 'moderator',
  'POST /api/funds/{id}/online-vote/close': 'moderator',
  'POST /api/funds/{id}/online-vote/confirm': 'moderator',
  // Public route: binding votes take a voting code without an account; consultative ones refuse anonymous ballots (401).
  'POST /api/funds/{id}/online-vote/ballots': 'public',
  // Anybody signed in applies; moderators and administrators may also enter paper applications (with a source note).
  'POST /api/funds/{id}/applications': 'signed-in',
  'GET /api/applications/mine': 'signed-in',
  'GET /api/applications/{id}': 'public',
  // The applicant's (and, per transition, the office's or the area's moderators'): the service decides (funds.e2e-spec).
  'PATCH /api/applications/{id}': 'signed-in',
  'DELETE /api/applications/{id}': 'signed-in',
  'POST /api/applications/{id}/transitions/{transitionId}': 'signed-in',
  'POST /api/applications/{id}/attachments': 'signed-in',
  'POST /api/applications/{id}/proof-attachments': 'signed-in',
  'GET /api/applications/{id}/attachments/{attachmentId}': 'public',
  'DELETE /api/applications/{id}/attachments/{attachmentId}': 'signed-in',

  // Aktionsraumfonds after the decision (funds-after.e2e-spec).
  'POST /api/applications/{id}/project': 'administrator',
  'GET /api/funds/export.csv': 'administrator',
  'GET /api/funds/export.xlsx': 'administrator',
  'GET /api/funds/{id}/export.csv': 'administrator',
  'GET /api/funds/{id}/export.xlsx': 'administrator',

  'GET /api/indicators': 'public',
  'GET /api/indicators/{key}': 'public',
  'POST /api/indicators': 'administrator',
  'PATCH /api/indicators/{key}': 'administrator',
  'DELETE /api/indicators/{key}': 'administrator',
  'POST /api/indicators/import': 'administrator',
  'GET /api/indicators/{key}/values': 'public',
  'PUT /api/indicators/{key}/values': 'administrator',
  'DELETE /api/indicators/{key}/values/{id}': 'administrator',
  'GET /api/indicator-targets': 'public',
  'POST /api/indicator-targets': 'administrator',
  'PATCH /api/indicator-targets/{id}': 'administrator',
  'DELETE /api/indicator-targets/{id}': 'administrator',
  'GET /api/social-report/overview': 'public',
  'GET /api/social-report/participation': 'public',
  'GET /api/social-report/areas/{area}': 'public',
  'GET /api/open-data': 'public',
  'GET /api/open-data/{file}': 'public',
};

type Caller = 'anonymous' | Role;
const ALLOWED: Record<Access, Caller[]> = {
  public: ['anonymous', Role.Citizen, Role.Moderator, Role.Administrator],
  'signed-in': [Role.Citizen, Role.Moderator, Role.Administrator],
  moderator: [Role.Moderator, Role.Administrator],
  administrator: [Role.Administrator],
};
const CALLERS: Caller[] = ['anonymous', Role.Citizen, Role.Moderator, Role.Administrator];

const entries = Object.entries(ROUTES) as Array<[string, Access]>;
const protectedRoutes = entries.filter(([, access]) => access !== 'public').map(([key]) => key);
const restrictedRoutes = entries.filter(([, access]) => access === 'moderator' || access === 'administrator');
const splitKey = (key: string) => {
  const [method, path] = key.split(' ');
  return { method: method.toLowerCase() as HttpMethod, path };
};

describe('role matrix: who may call which route', () => {
  let t: TestApp;
  let areaId: string;
  let fieldId: string;
  /** An ordinary account the admin routes and the public profile route point at. */
  let target: TestUser;
  const users = {} as Record<Exclude<Caller, 'anonymous'>, TestUser>;
  let anonymous: ApiClient;
  /** A proposal by the target account: the one everybody reads and supports. */
  let targetProposalId: string;
  /** One proposal of each signed-in caller: editing and withdrawing are the author's, so each acts on its own. */
  const ownProposalId = {} as Record<Exclude<Caller, 'anonymous'>, string>;
  /** A comment by the target account on its proposal, and one by each signed-in caller (editing is the author's). */
  let targetCommentId: string;
  const ownCommentId = {} as Record<Exclude<Caller, 'anonymous'>, string>;
  /** An image on the target proposal, for reading; removal points at an id that does not exist. */
  let targetAttachmentId: string;
  /** An assembly with registration, planned by the bootstrap administrator. */
  let assemblyId: string;
  /** A project idea created by the bootstrap administrator. */
  let projectId: string;
  /** A fund opened by the bootstrap administrator, and a submitted application to it by the target account. */
  let fundId: string;
  let applicationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.admin();
    areaId = (await admin.get('/api/areas').expect(200)).body[0].id;
    fieldId = (await admin.get('/api/fields-of-action').expect(200)).body[0].id;
    target = await t.createUser({ displayName: 'Zielperson' });
    users[Role.Citizen] = await t.createUser({ displayName: 'Bürgerin' });
    users[Role.Moderator] = await t.createUser({ role: Role.Moderator, displayName: 'Moderatorin' });
    // A second administrator, so that nothing done here can touch the bootstrap admin's session.
    users[Role.Administrator] = await t.createUser({ role: Role.Administrator, displayName: 'Zweite Verwaltung' });
    anonymous = await t.client();

    const actionAreaId = (await admin.get('/api/areas?type=action_area').expect(200)).body[0].id as string;
    const propose = async (author: TestUser, title: string) =>
      (
        await author.client
          .post('/api/proposals', {
            title,
            body: 'Ein Vorschlag, auf den die Rollenmatrix zeigt, mit genug Text.',
            fieldOfActionId: fieldId,
            areaId: actionAreaId,
          })
          .expect(201)
      ).body.id as string;
    targetProposalId = await propose(target, 'Vorschlag der Zielperson');
    const comment = async (author: TestUser, body: string) =>
      (await author.client.post(`/api/proposals/${targetProposalId}/comments`, { body }).expect(201)).body.id as string;
    targetCommentId = await comment(target, 'Kommentar der Zielperson');
    targetAttachmentId = (
      await target.client
        .upload(`/api/proposals/${targetProposalId}/attachments`, { file: { data: await tinyPng(), name: 'bild.png' } })
        .expect(201)
    ).body.id;
    assemblyId = (
      await admin
        .post('/api/assemblies', {
          title: 'Versammlung der Rollenmatrix',
          place: 'Rathaus',
          startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          endsAt: new Date(Date.now() + 7 * 86_400_000 + 7_200_000).toISOString(),
          areaIds: [actionAreaId],
          registrationEnabled: true,
        })
        .expect(201)
    ).body.id;
    projectId = (
      await admin
        .post('/api/projects', {
          title: 'Projektidee der Rollenmatrix',
          description: 'Eine Projektidee, auf die die Rollenmatrix zeigt.',
          fieldOfActionId: fieldId,
          areaIds: [actionAreaId],
        })
        .expect(201)
    ).body.id;
    fundId = (
      await admin
        .post('/api/funds', {
          areaId: actionAreaId,
          year: 2099,
          amountCents: 500_000,
          maxPerApplicationCents: 150_000,
          applicationStart: '2000-01-01',
          applicationEnd: '2100-12-31',
        })
        .expect(201)
    ).body.id;
    applicationId = (
      await target.client
        .post(`/api/funds/${fundId}/applications`, {
          title: 'Antrag der Rollenmatrix',
          purpose: 'Ein Antrag, auf den die Rollenmatrix zeigt.',
          costItems: [{ label: 'Material', amountCents: 10_000 }],
          requestedAmountCents: 10_000,
          applicantKind: 'person',
          applicantName: 'Zielperson',
          contact: { name: 'Zielperson', email: null, phone: null, address: null },
        })
        .expect(201)
    ).body.id;
    await target.client.post(`/api/applications/${applicationId}/transitions/submit`, {}).expect(200);
    for (const role of [Role.Citizen, Role.Moderator, Role.Administrator] as const) {
      ownProposalId[role] = await propose(users[role], `Vorschlag der Rolle ${role}`);
      ownCommentId[role] = await comment(users[role], `Kommentar der Rolle ${role}`);
    }
  });
  afterAll(() => t.close());

  /**
   * A real URL for a route key: path ids point at existing records. Editing and withdrawing a
   * proposal, and editing a comment, point at the caller's own one (anybody else is refused by
   * the author rule, a 403 that is not the guard's); everything else at the target account's.
   */
  function urlFor(key: string, caller: Caller = 'anonymous'): string {
    const { method, path } = splitKey(key);
    if (!path.includes('{')) return path;
    if (path.startsWith('/api/areas/')) return fillPath(path, { id: areaId });
    if (path.startsWith('/api/fields-of-action/')) return fillPath(path, { id: fieldId });
    if (path.startsWith('/api/users/') || path.startsWith('/api/admin/users/')) return fillPath(path, { id: target.id });
    if (path === '/api/proposals/{id}' && method === 'patch') return fillPath(path, { id: ownProposalFor(caller) });
    if (path === '/api/proposals/{id}/withdraw') return fillPath(path, { id: ownProposalFor(caller) });
    if (path.includes('{attachmentId}'))
      return fillPath(path, { id: targetProposalId, attachmentId: method === 'get' ? targetAttachmentId : randomUUID() });
    if (path.startsWith('/api/proposals/') || path.startsWith('/api/moderation/proposals/'))
      return fillPath(path, { id: targetProposalId });
    if (path === '/api/comments/{id}') return fillPath(path, { id: caller === 'anonymous' ? targetCommentId : ownCommentId[caller] });
    if (path.startsWith('/api/comments/')) return fillPath(path, { id: targetCommentId });
    if (path.startsWith('/api/moderation/comments/')) return fillPath(path, { id: targetCommentId });
    // The minutes of the planned assembly are its moderators' only (a 403 that is not the guard's): point at none.
    if (path.includes('/minutes.')) return fillPath(path, { id: randomUUID() });
    if (path.startsWith('/api/assemblies/')) return fillPath(path, { id: assemblyId, cardId: randomUUID() });
    if (path.startsWith('/api/projects/')) return fillPath(path, { id: projectId, linkId: randomUUID(), milestoneId: randomUUID() });
    if (path.startsWith('/api/funds/')) return fillPath(path, { id: fundId });
    // Reading points at the target's submitted application; writes are the applicant's (a 403 that is not the guard's): point at none.
    if (path.startsWith('/api/applications/'))
      return fillPath(path, {
        id: method === 'get' ? applicationId : randomUUID(),
        attachmentId: randomUUID(),
        transitionId: 'submit',
      });
    // Indicator writes point at a key nobody created (404 once past the guard): the matrix must not delete the demo indicators.
    if (path.startsWith('/api/indicators/'))
      return fillPath(path, { key: method === 'get' ? 'arbeitslosenrate' : 'role_matrix_probe', id: randomUUID() });
    if (path.startsWith('/api/indicator-targets/')) return fillPath(path, { id: randomUUID() });
    if (path.startsWith('/api/social-report/areas/')) return fillPath(path, { area: 'ar-nordmarkt' });
    if (path.startsWith('/api/open-data/')) return fillPath(path, { file: 'areas.json' });
    // A mail nobody queued (404 once past the guard).
    if (path.startsWith('/api/admin/mails/')) return fillPath(path, { id: randomUUID() });
    // A translation's review state.
    if (path.startsWith('/api/languages/')) return fillPath(path, { language: 'ru' });
    // A sign language video nobody published (404 once past the guard).
    if (path.startsWith('/api/sign-language-video/')) return fillPath(path, { id: randomUUID() });
    throw new Error(`role-matrix: tell urlFor() which record ${key} should point at`);
  }

  function ownProposalFor(caller: Caller): string {
    return caller === 'anonymous' ? targetProposalId : ownProposalId[caller];
  }

  function clientFor(caller: Caller): ApiClient {
    return caller === 'anonymous' ? anonymous : users[caller].client;
  }

  /** Calls a route as a caller with an empty JSON body on writes; nothing here is meant to succeed in changing much. */
  async function call(key: string, caller: Caller) {
    const { method } = splitKey(key);
    const client = clientFor(caller);
    return method === 'get' ? client.get(urlFor(key, caller)) : client.request(method, urlFor(key, caller), {});
  }

  /** Some public routes end the caller's session (logout); sign back in so later checks still run as that role. */
  async function keepSignedIn(caller: Caller): Promise<void> {
    if (caller === 'anonymous') return;
    const session = await users[caller].client.get('/api/auth/session').expect(200);
    if (session.body.user) return;
    users[caller] = { ...users[caller], client: await t.login(users[caller].email, users[caller].password) };
  }

  it('classifies every route of the OpenAPI document, and lists no route that does not exist', async () => {
    const documented = documentedOperations(await fetchOpenApi(t)).map((o) => o.key);
    const unclassified = documented.filter((k) => !(k in ROUTES));
    const stale = Object.keys(ROUTES).filter((k) => !documented.includes(k));
    expect({ unclassified, stale }).toEqual({ unclassified: [], stale: [] });
  });

  it('has signed-in callers of every role', async () => {
    for (const role of [Role.Citizen, Role.Moderator, Role.Administrator]) {
      const me = await users[role].client.get('/api/me').expect(200);
      expect(me.body).toEqual(expect.objectContaining({ id: users[role].id, role }));
    }
  });

  it.each(protectedRoutes)('%s refuses anonymous callers with 401 UNAUTHENTICATED', async (key) => {
    const res = await call(key, 'anonymous');
    expect({ key, status: res.status }).toEqual({ key, status: 401 });
    expectErrorShape(res.body, 401, 'UNAUTHENTICATED');
  });

  it.each(protectedRoutes)('%s refuses a forged session cookie with 401', async (key) => {
    const { method } = splitKey(key);
    const csrf = 'c'.repeat(43); // double-submit: any well-formed token works when cookie and header agree
    const server = request(t.url);
    let req = server[method](urlFor(key)).set('Cookie', `${CSRF_COOKIE}=${csrf}; ${SESSION_COOKIE}=${'x'.repeat(43)}`);
    if (method !== 'get') req = req.set(CSRF_HEADER, csrf).send({});
    const res = await req;
    expect({ key, status: res.status }).toEqual({ key, status: 401 });
    expectErrorShape(res.body, 401, 'UNAUTHENTICATED');
  });

  it.each(restrictedRoutes)('%s (%s only) refuses lower roles with 403 FORBIDDEN, before looking at the input', async (key, access) => {
    const refused = CALLERS.filter((c) => c !== 'anonymous' && !ALLOWED[access].includes(c));
    expect(refused.length).toBeGreaterThan(0);
    for (const caller of refused) {
      const res = await call(key, caller);
      expect({ key, caller, status: res.status }).toEqual({ key, caller, status: 403 });
      expectErrorShape(res.body, 403, 'FORBIDDEN');
      await keepSignedIn(caller);
    }
  });

  it.each(entries)('%s (%s) lets every allowed caller past the guard', async (key, access) => {
    for (const caller of ALLOWED[access]) {
      const res = await call(key, caller);
      expect({ key, caller, status: res.status, passedGuard: ![401, 403].includes(res.status) && res.status < 500 }).toEqual({
        key,
        caller,
        status: res.status,
        passedGuard: true,
      });
      await keepSignedIn(caller);
    }
  });

  describe('private data stays private', () => {
    let a: TestUser;
    let b: TestUser;
    beforeAll(async () => {
      a = await t.createUser({ displayName: 'Person A' });
      b = await t.createUser({ displayName: 'Person B' });
    });

    it('GET /api/users/:id shows only the id and the display name, to anybody', async () => {
      for (const viewer of [anonymous, a.client, users[Role.Moderator].client]) {
        const res = await viewer.get(`/api/users/${b.id}`).expect(200);
        expect(res.body).toStrictEqual({ id: b.id, displayName: 'Person B' });
        expect(JSON.stringify(res.body)).not.toContain(b.email);
      }
    });

    it('a citizen cannot change another account (or their own role) through the admin route', async () => {
      const adminId = (await (await t.admin()).get('/api/me').expect(200)).body.id as string;
      for (const [who, id] of [
        ['A → B', b.id],
        ['A → A', a.id],
        ['A → bootstrap admin', adminId],
      ]) {
        for (const body of [{ role: Role.Administrator }, { role: Role.Citizen }, { moderatorAreaIds: [] }]) {
          const res = await a.client.patch(`/api/admin/users/${id}`, body);
          expect({ who, body, status: res.status }).toEqual({ who, body, status: 403 });
          expectErrorShape(res.body, 403, 'FORBIDDEN');
        }
      }
      const list = await (await t.admin()).get('/api/admin/users?pageSize=100').expect(200);
      const roleOf = (id: string) => list.body.items.find((u: { id: string }) => u.id === id)?.role;
      expect({ a: roleOf(a.id), b: roleOf(b.id) }).toEqual({ a: Role.Citizen, b: Role.Citizen });
    });

    it('/api/me always shows the caller, whatever the address or body says', async () => {
      for (const [user, other] of [
        [a, b],
        [b, a],
      ]) {
        for (const url of ['/api/me', `/api/me?id=${other.id}`, `/api/me?userId=${other.id}`]) {
          const res = await user.client.get(url);
          // A query parameter that is not part of the route may be refused, never followed.
          if (res.status === 400) continue;
          expect(res.status).toBe(200);
          expect(res.body).toEqual(expect.objectContaining({ id: user.id, email: user.email }));
        }
        const session = await user.client.get('/api/auth/session').expect(200);
        expect(session.body.user).toEqual(expect.objectContaining({ id: user.id, email: user.email }));
      }
      const admin = await (await t.admin()).get('/api/me').expect(200);
      expect(admin.body.email).toBe(ADMIN.email);
    });

    it('PATCH /api/me changes only the caller and cannot be pointed at another account', async () => {
      const hijack = await a.client.patch('/api/me', { id: b.id, displayName: 'Gekapert' }).expect(400);
      expectErrorShape(hijack.body, 400, 'VALIDATION_FAILED');
      expect(hijack.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'id' })]));

      const own = await a.client.patch('/api/me', { displayName: 'Person A neu' }).expect(200);
      expect(own.body).toEqual(expect.objectContaining({ id: a.id, displayName: 'Person A neu' }));
      expect((await anonymous.get(`/api/users/${b.id}`).expect(200)).body.displayName).toBe('Person B');
      expect((await b.client.get('/api/me').expect(200)).body.displayName).toBe('Person B');
    });

    it('GET /api/me/export contains only the caller’s account, sessions and actions', async () => {
      // Another administrator acts on A: that is the administrator's action, not A's.
      const admin2 = users[Role.Administrator];
      await admin2.client.patch(`/api/admin/users/${a.id}`, { role: Role.Moderator }).expect(200);
      await admin2.client.patch(`/api/admin/users/${a.id}`, { role: Role.Citizen }).expect(200);
      await t.login(a.email, a.password); // A now has two sessions

      const res = await a.client.get('/api/me/export').expect(200);
      expect(res.headers['content-disposition']).toMatch(/^attachment/);
      expect(res.headers['cache-control']).toContain('no-store');
      expect(res.body.account).toEqual(expect.objectContaining({ id: a.id, email: a.email }));
      expect(res.body.sessions).toHaveLength(2);
      expect(res.body.actionsTaken).toEqual([]);
      const text = JSON.stringify(res.body);
      for (const foreign of [b.id, b.email, admin2.id, admin2.email, ADMIN.email, target.id])
        expect({ leaked: text.includes(foreign), foreign }).toEqual({ leaked: false, foreign });
      expect(text).not.toMatch(/passwordHash|tokenHash|\$argon2/);

      const adminExport = await admin2.client.get('/api/me/export').expect(200);
      expect(adminExport.body.account.id).toBe(admin2.id);
      // The second administrator also acted in the matrix above; its two changes to A are its own.
      expect(adminExport.body.actionsTaken.filter((x: { entityId: string }) => x.entityId === a.id)).toEqual([
        expect.objectContaining({ action: 'user.role_changed', entityType: 'user', entityId: a.id }),
        expect.objectContaining({ action: 'user.role_changed', entityType: 'user', entityId: a.id }),
      ]);
      expect(JSON.stringify(adminExport.body)).not.toContain(a.email);
    });

    it('DELETE /api/me deletes the caller only, and only with the caller’s own password', async () => {
      const c = await t.createUser({ displayName: 'Person C' });
      const d = await t.createUser({ displayName: 'Person D' });
      const dPassword = 'another secret 4567';
      await d.client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: dPassword }).expect(200);

      const wrongPassword = await c.client.delete('/api/me', { password: dPassword }).expect(401);
      expectErrorShape(wrongPassword.body, 401, 'INVALID_CREDENTIALS');
      const pointed = await c.client.delete('/api/me', { password: PASSWORD, id: d.id }).expect(400);
      expect(pointed.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'id' })]));
      expect((await c.client.get('/api/me').expect(200)).body.id).toBe(c.id);

      await c.client.delete('/api/me', { password: PASSWORD }).expect(204);

      expectErrorShape((await c.client.get('/api/me').expect(401)).body, 401, 'UNAUTHENTICATED');
      const relogin = await (await t.client()).post('/api/auth/login', { email: c.email, password: PASSWORD }).expect(401);
      expectErrorShape(relogin.body, 401, 'INVALID_CREDENTIALS');
      expect((await anonymous.get(`/api/users/${c.id}`).expect(200)).body).toStrictEqual({ id: c.id, displayName: null });

      expect((await d.client.get('/api/me').expect(200)).body).toEqual(
        expect.objectContaining({ id: d.id, email: d.email, displayName: 'Person D' }),
      );
      expect((await anonymous.get(`/api/users/${d.id}`).expect(200)).body).toStrictEqual({ id: d.id, displayName: 'Person D' });
      await t.login(d.email, dPassword);

      const list = await (await t.admin()).get('/api/admin/users?pageSize=100').expect(200);
      const find = (id: string) => list.body.items.find((u: { id: string }) => u.id === id);
      expect(find(c.id)).toEqual(expect.objectContaining({ deleted: true, email: null, displayName: null }));
      expect(find(d.id)).toEqual(expect.objectContaining({ deleted: false, email: d.email }));
    });
  });
});
