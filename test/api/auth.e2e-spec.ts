import { SESSION_COOKIE } from '@app/shared';
import { ADMIN, expectErrorShape, PASSWORD, startTestApp, uniqueEmail, type TestApp } from './helpers/app';
import { linkFrom } from '../helpers/smtp';

describe('auth: register, verify, login, logout, reset', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('registers, mails a working German verification link, then lets the person sign in and out', async () => {
    const c = await t.client();
    const email = uniqueEmail();
    const reg = await c
      .post('/api/auth/register', { email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: 'Nachbarin' })
      .expect(201);
    expect(reg.body.message).toEqual(expect.any(String));

    const mail = await t.smtp.waitFor(email);
    expect(mail.subject).toBe('Bitte bestätigen Sie Ihre E-Mail-Adresse');
    expect(mail.text).toContain('Hallo Nachbarin');
    expect(mail.html).toContain('<html lang="de" dir="ltr">');
    const link = linkFrom(mail, '/verify-email');
    expect(link.origin).toBe(t.url);

    const early = await c.post('/api/auth/login', { email, password: PASSWORD }).expect(403);
    expectErrorShape(early.body, 403, 'EMAIL_NOT_VERIFIED');

    await c.post('/api/auth/verify-email', { token: link.searchParams.get('token') }).expect(200);
    // Opened again, the used link says the address is confirmed (not "invalid") and changes nothing.
    const again = await c.post('/api/auth/verify-email', { token: link.searchParams.get('token') }).expect(409);
    expectErrorShape(again.body, 409, 'EMAIL_ALREADY_VERIFIED');
    expect(again.body.message).toMatch(/confirmed already/);

    const login = await c.post('/api/auth/login', { email, password: PASSWORD }).expect(200);
    expect(login.body.user).toEqual(
      expect.objectContaining({ email, displayName: 'Nachbarin', role: 'citizen', emailVerified: true, language: 'de' }),
    );
    const cookie = ([] as string[]).concat(login.headers['set-cookie']).find((h) => h.startsWith(`${SESSION_COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    expect((await c.get('/api/auth/session').expect(200)).body.user.email).toBe(email);
    await c.post('/api/auth/logout').expect(204);
    expect((await c.get('/api/auth/session').expect(200)).body.user).toBeNull();
    expectErrorShape((await c.get('/api/me').expect(401)).body, 401, 'UNAUTHENTICATED');
  });

  it('writes the mail in English for English speakers', async () => {
    const c = await t.client();
    const email = uniqueEmail();
    await c.post('/api/auth/register', { email, password: PASSWORD, displayName: 'Neighbour', language: 'en' }).expect(201);
    const mail = await t.smtp.waitFor(email);
    expect(mail.subject).toBe('Please confirm your email address');
    expect(mail.text).toContain('Hello Neighbour');
  });

  it('carries the page the person registered from (returnTo) into the mailed link, and only a page of this app', async () => {
    const c = await t.client();
    const email = uniqueEmail();
    await c
      .post('/api/auth/register', { email, password: PASSWORD, displayName: 'Gast im Saal', returnTo: '/join/ABC123?lang=tr' })
      .expect(201);
    const link = linkFrom(await t.smtp.waitFor(email), '/verify-email');
    expect(link.searchParams.get('returnTo')).toBe('/join/ABC123?lang=tr');
    expect(link.searchParams.get('token')).toEqual(expect.any(String));
    await c.post('/api/auth/verify-email', { token: link.searchParams.get('token') }).expect(200);

    // Another host, a protocol-relative or backslash path, spaces: refused with the field named, nothing mailed.
    for (const returnTo of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'join/ABC123',
      '/join /x',
      `/${'a'.repeat(300)}`,
      42,
    ]) {
      const other = uniqueEmail();
      const refused = await c.post('/api/auth/register', { email: other, password: PASSWORD, displayName: 'Gast', returnTo }).expect(400);
      expectErrorShape(refused.body, 400, 'VALIDATION_FAILED');
      expect(refused.body.details).toEqual([expect.objectContaining({ field: 'returnTo' })]);
    }
    // Without returnTo the link carries only the token.
    const plain = uniqueEmail();
    await c.post('/api/auth/register', { email: plain, password: PASSWORD, displayName: 'Nachbar' }).expect(201);
    expect([...linkFrom(await t.smtp.waitFor(plain), '/verify-email').searchParams.keys()]).toEqual(['token']);
  });

  it('escapes the display name in the HTML mail', async () => {
    const c = await t.client();
    const email = uniqueEmail();
    await c.post('/api/auth/register', { email, password: PASSWORD, displayName: '<img src=x onerror=alert(1)>' }).expect(201);
    const mail = await t.smtp.waitFor(email);
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('answers a registration for a taken address like any other and tells the owner by mail', async () => {
    const user = await t.createUser();
    const c = await t.client();
    const res = await c
      .post('/api/auth/register', { email: user.email, password: 'another password 1', displayName: 'Intruder' })
      .expect(201);
    const fresh = await c.post('/api/auth/register', { email: uniqueEmail(), password: PASSWORD, displayName: 'Someone' }).expect(201);
    expect(res.body).toEqual(fresh.body);
    const mail = await t.smtp.waitFor(user.email, (m) => m.subject === 'Ihr Konto besteht bereits');
    expect(linkFrom(mail, '/reset-password')).toBeTruthy();
    // The old password still works: nothing was overwritten.
    await t.login(user.email, user.password);
  });

  it('carries the page a registration started from into the "you have an account already" mail', async () => {
    const user = await t.createUser();
    const c = await t.client();
    await c
      .post('/api/auth/register', {
        email: user.email,
        password: 'another password 1',
        displayName: 'Vergesslich',
        returnTo: '/join/ABC123',
      })
      .expect(201);
    const mail = await t.smtp.waitFor(user.email, (m) => m.subject === 'Ihr Konto besteht bereits');
    const link = linkFrom(mail, '/reset-password');
    expect({ token: Boolean(link.searchParams.get('token')), returnTo: link.searchParams.get('returnTo') }).toEqual({
      token: true,
      returnTo: '/join/ABC123',
    });
  });

  it('refuses wrong credentials with one message, known address or not', async () => {
    const user = await t.createUser();
    const c = await t.client();
    const wrong = await c.post('/api/auth/login', { email: user.email, password: 'wrong password!' }).expect(401);
    const unknown = await c.post('/api/auth/login', { email: uniqueEmail(), password: 'wrong password!' }).expect(401);
    expectErrorShape(wrong.body, 401, 'INVALID_CREDENTIALS');
    expect(unknown.body).toEqual(wrong.body);
  });

  it('resends the verification link, and only for unverified accounts', async () => {
    const c = await t.client();
    const email = uniqueEmail();
    await c.post('/api/auth/register', { email, password: PASSWORD, displayName: 'Later' }).expect(201);
    const first = await t.smtp.waitFor(email);
    await c.post('/api/auth/resend-verification', { email }).expect(202);
    const second = await t.smtp.waitFor(email, (m) => m !== first);
    // The new link replaces the old one.
    const oldToken = linkFrom(first, '/verify-email').searchParams.get('token');
    expectErrorShape((await c.post('/api/auth/verify-email', { token: oldToken }).expect(400)).body, 400, 'TOKEN_INVALID');
    await c.post('/api/auth/verify-email', { token: linkFrom(second, '/verify-email').searchParams.get('token') }).expect(200);
    const before = t.smtp.countTo(email);
    await c.post('/api/auth/resend-verification', { email }).expect(202);
    await c.post('/api/auth/resend-verification', { email: uniqueEmail() }).expect(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(t.smtp.countTo(email)).toBe(before);
  });

  it('resets a password by mailed one-time link and signs out every session', async () => {
    const user = await t.createUser({ language: 'en' as never });
    const other = await t.login(user.email, user.password);
    const c = await t.client();
    await c.post('/api/auth/password-reset/request', { email: user.email }).expect(202);
    await c.post('/api/auth/password-reset/request', { email: uniqueEmail() }).expect(202);
    const mail = await t.smtp.waitFor(user.email, (m) => m.subject === 'Reset your password');
    const token = linkFrom(mail, '/reset-password').searchParams.get('token');

    const short = await c.post('/api/auth/password-reset/confirm', { token, password: 'short' }).expect(400);
    expectErrorShape(short.body, 400, 'VALIDATION_FAILED');
    expect(short.body.details[0].field).toBe('password');

    await c.post('/api/auth/password-reset/confirm', { token, password: 'a brand new password' }).expect(200);
    expectErrorShape(
      (await c.post('/api/auth/password-reset/confirm', { token, password: 'yet another password' }).expect(400)).body,
      400,
      'TOKEN_INVALID',
    );
    expectErrorShape((await user.client.get('/api/me').expect(401)).body, 401);
    expectErrorShape((await other.get('/api/me').expect(401)).body, 401);
    await c.post('/api/auth/login', { email: user.email, password: user.password }).expect(401);
    await c.post('/api/auth/login', { email: user.email, password: 'a brand new password' }).expect(200);
  });

  it('refuses forged, malformed and missing tokens', async () => {
    const c = await t.client();
    expectErrorShape((await c.post('/api/auth/verify-email', { token: 'A'.repeat(43) }).expect(400)).body, 400, 'TOKEN_INVALID');
    expectErrorShape((await c.post('/api/auth/verify-email', { token: '../../etc/passwd' }).expect(400)).body, 400, 'VALIDATION_FAILED');
    expectErrorShape((await c.post('/api/auth/verify-email', {}).expect(400)).body, 400, 'VALIDATION_FAILED');
  });

  it('ignores a forged session cookie', async () => {
    const c = await t.client();
    const res = await c.get('/api/me').set('Cookie', `${SESSION_COOKIE}=forged-session-token`).expect(401);
    expectErrorShape(res.body, 401, 'UNAUTHENTICATED');
  });

  it('lets the administrator from the environment sign in', async () => {
    const admin = await t.admin();
    expect((await admin.get('/api/me').expect(200)).body).toEqual(expect.objectContaining({ email: ADMIN.email, role: 'administrator' }));
  });
});
