import { DataSource } from 'typeorm';
import { TokenPurpose, UserToken } from '../../apps/api/src/modules/auth/user-token.entity';
import { User } from '../../apps/api/src/modules/users/user.entity';
import { UserTokensService } from '../../apps/api/src/modules/auth/user-tokens.service';
import type { ApiClient } from './helpers/client';
import { expectErrorShape, PASSWORD, startTestApp, uniqueEmail, type TestApp, type TestUser } from './helpers/app';
import { linkFrom, type ReceivedMail } from '../helpers/smtp';

/**
 * Accounts under attack: taking over an address before it is verified, links that outlive the
 * credentials they were mailed for, and telling registered addresses apart from unknown ones.
 */
const VICTIM_PASSWORD = 'victim password 2024';
const ATTACKER_PASSWORD = 'attacker password 666';
const NEW_PASSWORD = 'a completely new password';

const tokenOf = (mail: ReceivedMail, path: string) => linkFrom(mail, path).searchParams.get('token')!;

describe('security: accounts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  /** Registers and returns the verification mail caused by exactly this registration. */
  async function register(email: string, password: string, displayName: string): Promise<ReceivedMail> {
    const seen = new Set(t.smtp.mails);
    await (await t.client()).post('/api/auth/register', { email, password, displayName }).expect(201);
    return t.smtp.waitFor(email, (m) => !seen.has(m));
  }

  async function loginStatus(email: string, password: string): Promise<number> {
    return (await (await t.client()).post('/api/auth/login', { email, password })).status;
  }

  describe('takeover before verification', () => {
    it('attacker registers first, victim second: the victim’s confirmation gives the victim’s password, the attacker’s is refused', async () => {
      const email = uniqueEmail('victim');
      const attackerMail = await register(email, ATTACKER_PASSWORD, 'Angreifer');
      const victimMail = await register(email, VICTIM_PASSWORD, 'Opfer');

      const c = await t.client();
      // Two registrations wait: the link alone does not say whose password counts.
      await c.post('/api/auth/verify-email', { token: tokenOf(victimMail, '/verify-email') }).expect(422);
      await c.post('/api/auth/verify-email', { token: tokenOf(victimMail, '/verify-email'), password: VICTIM_PASSWORD }).expect(200);

      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(401);
      const login = await c.post('/api/auth/login', { email, password: VICTIM_PASSWORD }).expect(200);
      expect(login.body.user).toEqual(expect.objectContaining({ email, displayName: 'Opfer', emailVerified: true }));
      // The attacker's pending registration is void once the address is confirmed.
      const late = await c.post('/api/auth/verify-email', { token: tokenOf(attackerMail, '/verify-email') }).expect(400);
      expectErrorShape(late.body, 400, 'TOKEN_INVALID');
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(401);
      expect(await loginStatus(email, VICTIM_PASSWORD)).toBe(200);
    });

    it('victim registers first, attacker second: the victim’s own link still works and the attacker gets nothing', async () => {
      const email = uniqueEmail('victim');
      const victimMail = await register(email, VICTIM_PASSWORD, 'Opfer');
      const attackerMail = await register(email, ATTACKER_PASSWORD, 'Angreifer');
      // The second mail tells the owner that somebody asked again, so a link they did not ask for stands out.
      expect(attackerMail.text).not.toBe(victimMail.text);

      const c = await t.client();
      await c.post('/api/auth/verify-email', { token: tokenOf(victimMail, '/verify-email'), password: VICTIM_PASSWORD }).expect(200);
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(401);
      const login = await c.post('/api/auth/login', { email, password: VICTIM_PASSWORD }).expect(200);
      expect(login.body.user.displayName).toBe('Opfer');

      expectErrorShape(
        (await c.post('/api/auth/verify-email', { token: tokenOf(attackerMail, '/verify-email') }).expect(400)).body,
        400,
        'TOKEN_INVALID',
      );
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(401);
      expect(await loginStatus(email, VICTIM_PASSWORD)).toBe(200);
    });

    it('victim first, attacker second: the victim clicking the attacker’s link is asked for a password and gets the victim’s own', async () => {
      const email = uniqueEmail('victim');
      const victimMail = await register(email, VICTIM_PASSWORD, 'Opfer');
      const attackerMail = await register(email, ATTACKER_PASSWORD, 'Angreifer');
      // The later mail tells the owner that the password will be asked for.
      expect(attackerMail.text.replace(/\s+/g, ' ')).toContain('nach dem Passwort, das Sie bei Ihrer Registrierung gewählt haben');

      const c = await t.client();
      const asked = await c.post('/api/auth/verify-email', { token: tokenOf(attackerMail, '/verify-email') });
      expect(asked.status).toBe(422);
      expectErrorShape(asked.body, 422, 'PASSWORD_REQUIRED');
      expect(asked.body.message).toMatch(/password/i);
      // Nothing is confirmed by asking: neither password signs in yet.
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(403);
      expect(await loginStatus(email, VICTIM_PASSWORD)).toBe(401);

      await c.post('/api/auth/verify-email', { token: tokenOf(attackerMail, '/verify-email'), password: VICTIM_PASSWORD }).expect(200);
      const login = await c.post('/api/auth/login', { email, password: VICTIM_PASSWORD }).expect(200);
      expect(login.body.user).toEqual(expect.objectContaining({ email, displayName: 'Opfer', emailVerified: true }));
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(401);
      // Every other link of the address is void now.
      await c.post('/api/auth/verify-email', { token: tokenOf(victimMail, '/verify-email'), password: VICTIM_PASSWORD }).expect(400);
      // The link just used only says the address is confirmed already; it acts no more.
      expectErrorShape(
        (await c.post('/api/auth/verify-email', { token: tokenOf(attackerMail, '/verify-email'), password: ATTACKER_PASSWORD }).expect(409))
          .body,
        409,
        'EMAIL_ALREADY_VERIFIED',
      );
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(401);
      expect(await loginStatus(email, VICTIM_PASSWORD)).toBe(200);
    });

    it('a wrong password confirms nothing; five of them end that link, but not the registration it belongs to', async () => {
      const email = uniqueEmail('victim');
      const victimMail = await register(email, VICTIM_PASSWORD, 'Opfer');
      const attackerMail = await register(email, ATTACKER_PASSWORD, 'Angreifer');
      const c = await t.client();
      const victimLink = tokenOf(victimMail, '/verify-email');

      for (let attempt = 1; attempt <= 4; attempt++) {
        const wrong = await c.post('/api/auth/verify-email', { token: victimLink, password: `wrong guess ${attempt}` });
        expect(wrong.status).toBe(422);
        expectErrorShape(wrong.body, 422, 'REGISTRATION_PASSWORD_WRONG');
      }
      expect(await loginStatus(email, VICTIM_PASSWORD)).toBe(401);
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(403);

      const fifth = await c.post('/api/auth/verify-email', { token: victimLink, password: 'wrong guess 5' });
      expect(fifth.status).toBe(400);
      expectErrorShape(fifth.body, 400, 'TOKEN_INVALID');
      // Gone, even with the right password now.
      await c.post('/api/auth/verify-email', { token: victimLink, password: VICTIM_PASSWORD }).expect(400);
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(403);

      // The one link left is the attacker's: it still does not confirm the attacker's password by itself.
      const attackerLink = tokenOf(attackerMail, '/verify-email');
      expectErrorShape((await c.post('/api/auth/verify-email', { token: attackerLink }).expect(422)).body, 422, 'PASSWORD_REQUIRED');
      await c.post('/api/auth/verify-email', { token: attackerLink, password: VICTIM_PASSWORD }).expect(200);
      expect(await loginStatus(email, VICTIM_PASSWORD)).toBe(200);
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(401);
    });

    it('a registration after the owner’s link expired still asks for the password, and the owner’s one still counts', async () => {
      const email = uniqueEmail('victim');
      await register(email, VICTIM_PASSWORD, 'Opfer');
      const db = t.app.get(DataSource);
      const { id } = await db.getRepository(User).findOneByOrFail({ email });
      await db.getRepository(UserToken).update({ userId: id }, { expiresAt: new Date(Date.now() - 60_000) });
      const attackerMail = await register(email, ATTACKER_PASSWORD, 'Angreifer');
      const c = await t.client();
      const attackerLink = tokenOf(attackerMail, '/verify-email');
      await c.post('/api/auth/verify-email', { token: attackerLink }).expect(422);
      await c.post('/api/auth/verify-email', { token: attackerLink, password: VICTIM_PASSWORD }).expect(200);
      expect(await loginStatus(email, VICTIM_PASSWORD)).toBe(200);
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(401);
    });

    it('the attacker cannot confirm anything without the mailbox', async () => {
      const email = uniqueEmail('victim');
      await register(email, VICTIM_PASSWORD, 'Opfer');
      await register(email, ATTACKER_PASSWORD, 'Angreifer');
      const c = await t.client();
      for (const token of ['a'.repeat(43), 'not-a-link-from-the-mail-0123456789abcdefgh']) {
        const res = await c.post('/api/auth/verify-email', { token, password: ATTACKER_PASSWORD });
        expect(res.status).toBe(400);
        expectErrorShape(res.body, 400);
      }
      // A link the attacker does hold (for an address of their own) does not reach the victim's account.
      const ownMail = await register(uniqueEmail('attacker'), ATTACKER_PASSWORD, 'Angreifer');
      await c.post('/api/auth/verify-email', { token: tokenOf(ownMail, '/verify-email'), password: ATTACKER_PASSWORD }).expect(200);
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(403);
      expect(await loginStatus(email, VICTIM_PASSWORD)).toBe(401);
    });

    it('a single waiting registration is confirmed by its link alone', async () => {
      const email = uniqueEmail('single');
      const mail = await register(email, VICTIM_PASSWORD, 'Allein');
      const c = await t.client();
      await c.post('/api/auth/verify-email', { token: tokenOf(mail, '/verify-email') }).expect(200);
      expect(await loginStatus(email, VICTIM_PASSWORD)).toBe(200);
    });

    it('a resend for a contested address lets the mailbox owner choose the password instead of re-mailing someone’s registration', async () => {
      const email = uniqueEmail('victim');
      const victimMail = await register(email, VICTIM_PASSWORD, 'Opfer');
      const attackerMail = await register(email, ATTACKER_PASSWORD, 'Angreifer');
      const seen = new Set(t.smtp.mails);
      const c = await t.client();
      await c.post('/api/auth/resend-verification', { email }).expect(202);
      const mail = await t.smtp.waitFor(email, (m) => !seen.has(m));
      expect(() => linkFrom(mail, '/verify-email')).toThrow();
      await c.post('/api/auth/password-reset/confirm', { token: tokenOf(mail, '/reset-password'), password: NEW_PASSWORD }).expect(200);

      expect(await loginStatus(email, NEW_PASSWORD)).toBe(200);
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(401);
      for (const earlier of [victimMail, attackerMail]) {
        await c.post('/api/auth/verify-email', { token: tokenOf(earlier, '/verify-email') }).expect(400);
      }
      expect(await loginStatus(email, NEW_PASSWORD)).toBe(200);
    });

    it('a registration token never overwrites the password of an account that is already verified', async () => {
      const email = uniqueEmail('early');
      const attackerMail = await register(email, ATTACKER_PASSWORD, 'Angreifer');
      // The owner proves the mailbox with a reset instead of the registration link.
      const c = await t.client();
      await c.post('/api/auth/password-reset/request', { email }).expect(202);
      const reset = await t.smtp.waitFor(email, (m) => m.subject === 'Passwort zurücksetzen');
      await c.post('/api/auth/password-reset/confirm', { token: tokenOf(reset, '/reset-password'), password: VICTIM_PASSWORD }).expect(200);
      await c.post('/api/auth/verify-email', { token: tokenOf(attackerMail, '/verify-email') }).expect(400);
      expect(await loginStatus(email, ATTACKER_PASSWORD)).toBe(401);
      expect(await loginStatus(email, VICTIM_PASSWORD)).toBe(200);
    });
  });

  describe('credential changes end every outstanding link', () => {
    interface Outstanding {
      reset: string;
      verify: string;
      change: string;
      changeTo: string;
    }

    /** One link of each kind, as they would sit in the person's mailboxes. */
    async function outstanding(u: TestUser): Promise<Outstanding> {
      const c = await t.client();
      await c.post('/api/auth/password-reset/request', { email: u.email }).expect(202);
      const reset = tokenOf(await t.smtp.waitFor(u.email, (m) => m.subject === 'Passwort zurücksetzen'), '/reset-password');
      const changeTo = uniqueEmail('elsewhere');
      await u.client.post('/api/me/email', { newEmail: changeTo, currentPassword: PASSWORD }).expect(202);
      const change = tokenOf(await t.smtp.waitFor(changeTo), '/verify-email');
      // A verification link left over from before (e.g. the account was confirmed by a reset instead).
      const verify = await t.app.get(UserTokensService).issue(u.id, TokenPurpose.VerifyEmail);
      return { reset, verify, change, changeTo };
    }

    async function expectAllVoid(u: TestUser, links: Outstanding, password: string): Promise<void> {
      const c = await t.client();
      const reset = await c.post('/api/auth/password-reset/confirm', { token: links.reset, password: 'taken over password 1' });
      expect(reset.status).toBe(400);
      expectErrorShape(reset.body, 400, 'TOKEN_INVALID');
      const verify = await c.post('/api/auth/verify-email', { token: links.verify });
      expect(verify.status).toBe(400);
      expectErrorShape(verify.body, 400, 'TOKEN_INVALID');
      const change = await c.post('/api/auth/verify-email', { token: links.change });
      expect(change.status).toBe(400);
      expectErrorShape(change.body, 400, 'TOKEN_INVALID');
      expect(await loginStatus(links.changeTo, password)).toBe(401);
      expect(await loginStatus(u.email, 'taken over password 1')).toBe(401);
    }

    it('changing the password', async () => {
      const u = await t.createUser();
      const links = await outstanding(u);
      await u.client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }).expect(200);
      expect((await u.client.get('/api/me').expect(200)).body.pendingEmail).toBeNull();
      await expectAllVoid(u, links, NEW_PASSWORD);
      expect(await loginStatus(u.email, NEW_PASSWORD)).toBe(200);
    });

    it('resetting the password', async () => {
      const u = await t.createUser();
      const links = await outstanding(u);
      await (await t.client()).post('/api/auth/password-reset/confirm', { token: links.reset, password: NEW_PASSWORD }).expect(200);
      await expectAllVoid(u, links, NEW_PASSWORD);
      const again = await t.login(u.email, NEW_PASSWORD);
      expect((await again.get('/api/me').expect(200)).body).toEqual(expect.objectContaining({ email: u.email, pendingEmail: null }));
    });

    it('changing the email address', async () => {
      const u = await t.createUser();
      const links = await outstanding(u);
      const moved = uniqueEmail('moved');
      await u.client.post('/api/me/email', { newEmail: moved, currentPassword: PASSWORD }).expect(202);
      await (await t.client()).post('/api/auth/verify-email', { token: tokenOf(await t.smtp.waitFor(moved), '/verify-email') }).expect(200);
      await expectAllVoid(u, links, PASSWORD);
      expect((await u.client.get('/api/me').expect(200)).body).toEqual(expect.objectContaining({ email: moved, pendingEmail: null }));
      expect(await loginStatus(moved, PASSWORD)).toBe(200);
    });

    it('deleting the account', async () => {
      const u = await t.createUser();
      const links = await outstanding(u);
      await u.client.delete('/api/me', { password: PASSWORD }).expect(204);
      await expectAllVoid(u, links, PASSWORD);
      expect(await loginStatus(u.email, PASSWORD)).toBe(401);
    });
  });

  describe('registered addresses cannot be told apart', () => {
    // Timing is compared at production's hashing cost, which is what keeps the paths alike (the
    // suites' cheap test profile would leave only database noise to compare).
    let suiteApp: TestApp;
    beforeAll(async () => {
      suiteApp = t;
      t = await startTestApp({ PASSWORD_HASH_PROFILE: 'production' });
    });
    afterAll(async () => {
      await t.close();
      t = suiteApp;
    });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

    /** Alternates the two kinds so that load on the machine hits both alike. */
    async function timeBoth(known: () => Promise<unknown>, unknown: () => Promise<unknown>, rounds = 7) {
      const times = { known: [] as number[], unknown: [] as number[] };
      for (let i = 0; i < rounds; i++) {
        for (const [kind, run] of i % 2
          ? ([
              ['unknown', unknown],
              ['known', known],
            ] as const)
          : ([
              ['known', known],
              ['unknown', unknown],
            ] as const)) {
          const start = performance.now();
          await run();
          times[kind].push(performance.now() - start);
        }
      }
      return median(times.known) / median(times.unknown);
    }

    it('registration: same status, body and time for a registered and an unknown address; the owner is told by mail', async () => {
      const owner = await t.createUser();
      const pending = uniqueEmail('pending');
      await register(pending, PASSWORD, 'Wartend');
      const c = await t.client();
      const body = { password: 'some other password 1', displayName: 'Jemand' };
      const known = await c.post('/api/auth/register', { ...body, email: owner.email });
      const unverified = await c.post('/api/auth/register', { ...body, email: pending });
      const fresh = await c.post('/api/auth/register', { ...body, email: uniqueEmail() });
      expect(known.status).toBe(201);
      expect(unverified.status).toBe(fresh.status);
      expect(known.status).toBe(fresh.status);
      expect(known.body).toEqual(fresh.body);
      expect(unverified.body).toEqual(fresh.body);
      const told = await t.smtp.waitFor(owner.email, (m) => m.subject === 'Ihr Konto besteht bereits');
      expect(told.text).toContain('Hallo Test Person');
      await t.login(owner.email, PASSWORD);

      const ratio = await timeBoth(
        () => c.post('/api/auth/register', { ...body, email: owner.email }).expect(201),
        () => c.post('/api/auth/register', { ...body, email: uniqueEmail() }).expect(201),
      );
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    });

    it('email change: an address of another account answers like a free one, the owner is told, nothing changes', async () => {
      const u = await t.createUser();
      const other = await t.createUser({ displayName: 'Besitzerin' });
      const free = uniqueEmail('free');
      const taken = await u.client.post('/api/me/email', { newEmail: other.email, currentPassword: PASSWORD });
      const afterTaken = (await u.client.get('/api/me').expect(200)).body;
      const unused = await u.client.post('/api/me/email', { newEmail: free, currentPassword: PASSWORD });
      const afterFree = (await u.client.get('/api/me').expect(200)).body;
      expect(taken.status).toBe(202);
      expect(unused.status).toBe(202);
      expect(taken.body).toEqual(unused.body);
      expect(afterTaken.pendingEmail).toBe(other.email);
      expect(afterFree.pendingEmail).toBe(free);

      const told = await t.smtp.waitFor(other.email, (m) => m.subject === 'Ihre E-Mail-Adresse wurde für ein anderes Konto angegeben');
      expect(told.text).toContain('Hallo Besitzerin');
      expect(() => linkFrom(told, '/verify-email')).toThrow();
      expect((await u.client.get('/api/me').expect(200)).body.email).toBe(u.email);
      expect((await other.client.get('/api/me').expect(200)).body.email).toBe(other.email);
      await t.login(other.email, PASSWORD);

      const ratio = await timeBoth(
        () => u.client.post('/api/me/email', { newEmail: other.email, currentPassword: PASSWORD }).expect(202),
        () => u.client.post('/api/me/email', { newEmail: uniqueEmail('free'), currentPassword: PASSWORD }).expect(202),
      );
      expect(ratio).toBeGreaterThan(0.5);
      expect(ratio).toBeLessThan(2);
    });

    it('a confirmation link for an address that was taken meanwhile does not take it over', async () => {
      const u = await t.createUser();
      const address = uniqueEmail('contested');
      await u.client.post('/api/me/email', { newEmail: address, currentPassword: PASSWORD }).expect(202);
      const link = tokenOf(await t.smtp.waitFor(address), '/verify-email');
      const ownerMail = await register(address, VICTIM_PASSWORD, 'Eigentümerin');
      const c: ApiClient = await t.client();
      await c.post('/api/auth/verify-email', { token: tokenOf(ownerMail, '/verify-email') }).expect(200);

      const res = await c.post('/api/auth/verify-email', { token: link });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expectErrorShape(res.body, res.status);
      expect((await u.client.get('/api/me').expect(200)).body.email).toBe(u.email);
      expect(await loginStatus(address, VICTIM_PASSWORD)).toBe(200);
      expect(await loginStatus(address, PASSWORD)).toBe(401);
    });
  });
});
