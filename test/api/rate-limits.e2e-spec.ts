import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutboxMail } from '../../apps/api/src/modules/mail/outbox-mail.entity';
import { expectErrorShape, PASSWORD, startTestApp, uniqueEmail, type TestApp, type TestUser } from './helpers/app';
import type { ApiClient } from './helpers/client';
import { createAssembly } from './helpers/live';

/**
 * The limits a city runs (no RATE_LIMIT_* variables), everything from one address (127.0.0.1) as
 * in a hall behind one public address. The tests share one app and run in order: each counts what
 * the earlier ones used of the address's budgets. Several processes sharing the counters in Redis:
 * redis-rate-limit.e2e-spec.ts.
 */
jest.setTimeout(120_000);

/** Runs `task` for 0..count-1 with at most `width` at a time; the results in order. */
async function inParallel<T>(count: number, width: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results = new Array<T>(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      results[i] = await task(i);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
}

const LOCK_WINDOW_SECONDS = 15 * 60;

describe('rate limits with the defaults: a hall behind one address', () => {
  let t: TestApp;
  let admin: ApiClient;
  beforeAll(async () => {
    // On the PostgreSQL pass with Redis the counters live in Redis, as with several API processes.
    t = await startTestApp(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}, { defaultLimits: true });
    admin = await t.admin();
  });
  afterAll(() => t.close());

  it('starts with the defaults', () => {
    expect(t.config.rateLimit).toEqual({ auth: 30, write: 120, address: 3000, windowMs: 60_000 });
  });

  it('lets 1,000 guests join one assembly by code from one address under the default limits', async () => {
    const assembly = await createAssembly(t, admin);
    const guest = await t.client();
    const began = Date.now();
    let leastLeft = Infinity;
    const statuses = await inParallel(1000, 20, async (i) => {
      const res = await guest.post('/api/assemblies/join', { code: assembly.joinCode, displayName: `Gast ${i + 1}` });
      leastLeft = Math.min(leastLeft, Number(res.headers['x-ratelimit-remaining-address']));
      return res.status;
    });
    // How fast a hall gets in is a benchmark figure (bench/live-ballots.js, BENCHMARKS.md), not a timed test:
    // here every join of the one address is let in under the default limits.
    const seconds = (Date.now() - began) / 1000;
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    // The address's ceiling counted them and had room for a second hall.
    expect(leastLeft).toBeGreaterThanOrEqual(3000 - 1000 - 20);
    const list = await admin.get(`/api/assemblies/${assembly.id}/participants`).expect(200);
    expect(list.body.counts.total).toBe(1000);
    console.log(`1,000 guest joins from one address: ${seconds.toFixed(1)} s`);
  });

  let users: TestUser[] = [];
  it('lets 200 account holders sign in from one address within the window', async () => {
    // createUser signs each one in already; then all 200 sign in again at once, 20 at a time.
    users = await inParallel(200, 10, () => t.createUser());
    const statuses = await inParallel(200, 20, async (i) => {
      const c = await t.client();
      return (await c.post('/api/auth/login', { email: users[i].email, password: PASSWORD })).status;
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  });

  /** Failed sign-ins counted for 127.0.0.1 so far. */
  let addressFailures = 0;

  it('locks one account after 10 wrong passwords (429, Retry-After, its right password too) while another signs in', async () => {
    const [victim, neighbour] = users;
    const c = await t.client();
    for (let i = 0; i < 10; i++) {
      const res = await c.post('/api/auth/login', { email: victim.email, password: `wrong password ${i}` }).expect(401);
      expectErrorShape(res.body, 401, 'INVALID_CREDENTIALS');
    }
    addressFailures += 10;
    const locked = await c.post('/api/auth/login', { email: victim.email, password: 'wrong again' }).expect(429);
    expectErrorShape(locked.body, 429, 'RATE_LIMITED');
    expect(locked.body.message).toMatch(/account is locked.*try again in 15 min/);
    const retryAfter = Number(locked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(LOCK_WINDOW_SECONDS - 60);
    expect(retryAfter).toBeLessThanOrEqual(LOCK_WINDOW_SECONDS);
    // The lock holds for the right password too, and it says so.
    expectErrorShape((await c.post('/api/auth/login', { email: victim.email, password: PASSWORD }).expect(429)).body, 429, 'RATE_LIMITED');
    // Parallel guesses cannot slip past the lock.
    const burst = await Promise.all(
      Array.from({ length: 10 }, (_, i) => c.post('/api/auth/login', { email: victim.email, password: `parallel ${i}` })),
    );
    expect(burst.map((r) => r.status)).toEqual(Array<number>(10).fill(429));
    // Another account from the same address signs in.
    await (await t.client()).post('/api/auth/login', { email: neighbour.email, password: PASSWORD }).expect(200);
  });

  it('counts parallel wrong passwords for a fresh account exactly: 10 answered 401, the rest 429', async () => {
    const target = users[2];
    const burst = await Promise.all(
      Array.from({ length: 25 }, async (_, i) =>
        (await t.client()).post('/api/auth/login', { email: target.email, password: `guess ${i}` }),
      ),
    );
    const statuses = burst.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array<number>(10).fill(401), ...Array<number>(15).fill(429)]);
    addressFailures += 10;
  });

  it('answers wrong passwords from an address with 100 failures 429, while a right password still signs in', async () => {
    const c = await t.client();
    const statuses: number[] = [];
    for (let i = addressFailures; i < 100; i++)
      statuses.push((await c.post('/api/auth/login', { email: uniqueEmail('nobody'), password: 'wrong password' })).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const blocked = await c.post('/api/auth/login', { email: uniqueEmail('nobody'), password: 'wrong password' }).expect(429);
    expectErrorShape(blocked.body, 429, 'RATE_LIMITED');
    expect(blocked.body.message).toMatch(/failed sign-ins from your network/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(blocked.headers['retry-after'])).toBeLessThanOrEqual(LOCK_WINDOW_SECONDS);
    await (await t.client()).post('/api/auth/login', { email: users[3].email, password: PASSWORD }).expect(200);
  });

  it('counts writes per signed-in account, not per address: 120 a minute for one account, others unaffected', async () => {
    const [, , , , busy, other] = users;
    const statuses = await inParallel(121, 10, async (i) => (await busy.client.patch('/api/me', { displayName: `Eilig ${i}` })).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(120);
    const refused = await busy.client.patch('/api/me', { displayName: 'Noch einmal' }).expect(429);
    expectErrorShape(refused.body, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await other.client.patch('/api/me', { displayName: 'Nachbarin' }).expect(200);
  });

  it('limits join code guessing from one address: 200 wrong codes, then 429 (the right code too); joining by id stays open', async () => {
    const assembly = await createAssembly(t, admin);
    const guest = await t.client();
    const wrong = () => {
      for (;;) {
        const code = randomBytes(6).toString('hex').toUpperCase().replace(/[01]/g, '7').slice(0, 6);
        if (code !== assembly.joinCode) return code;
      }
    };
    const statuses = await inParallel(
      200,
      20,
      async () => (await guest.post('/api/assemblies/join', { code: wrong(), displayName: 'Rater' })).status,
    );
    expect(statuses.filter((s) => s !== 404)).toEqual([]);
    const blocked = await guest.post('/api/assemblies/join', { code: wrong(), displayName: 'Rater' }).expect(429);
    expectErrorShape(blocked.body, 429, 'RATE_LIMITED');
    expect(blocked.body.message).toMatch(/wrong join codes/);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(LOCK_WINDOW_SECONDS - 60);
    await guest.post('/api/assemblies/join', { code: assembly.joinCode, displayName: 'Rater' }).expect(429);
    await guest.post('/api/assemblies/join', { assemblyId: assembly.id, displayName: 'Gast mit Link' }).expect(200);
  });

  it('sends at most 10 mails an hour to one address through the public routes, answering every request the same', async () => {
    const c = await t.client();
    const email = users[6].email;
    for (let i = 0; i < 12; i++) await c.post('/api/auth/password-reset/request', { email }).expect(202);
    expect(await t.app.get(DataSource).getRepository(OutboxMail).countBy({ to: email })).toBe(10);
  });

  it('limits registration and password reset per address and route (30 a minute), not reading', async () => {
    const c = await t.client();
    const registered = await inParallel(
      30,
      5,
      async () => (await c.post('/api/auth/register', { email: uniqueEmail(), password: PASSWORD, displayName: 'Viele' })).status,
    );
    expect(registered).toEqual(Array<number>(30).fill(201));
    const refused = await c.post('/api/auth/register', { email: uniqueEmail(), password: PASSWORD, displayName: 'Viele' }).expect(429);
    expectErrorShape(refused.body, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Another route has its own count (12 resets above, one more here).
    await c.post('/api/auth/password-reset/request', { email: uniqueEmail() }).expect(202);
    for (let i = 0; i < 10; i++) await c.get('/api/areas').expect(200);
  });
});
