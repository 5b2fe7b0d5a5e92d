import { randomBytes } from 'node:crypto';
import { AttemptLimiter } from '../../apps/api/src/common/http/attempt-limiter';
import { expectErrorShape, startTestApp, uniqueEmail, type TestApp } from './helpers/app';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Two API processes' worth of application (two Nest apps, two databases) sharing one Redis. */
describe('rate limits shared through Redis (REDIS_URL)', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    const env = { REDIS_URL, REDIS_KEY_PREFIX: `test-${randomBytes(4).toString('hex')}:`, RATE_LIMIT_AUTH: '4' };
    a = await startTestApp(env);
    b = await startTestApp(env);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('reports Redis in the health check', async () => {
    const res = await (await a.client()).get('/api/health').expect(200);
    expect(res.body).toEqual(expect.objectContaining({ status: 'ok', redis: 'up' }));
  });

  it('counts requests to a credential route across both instances and blocks the 5th with Retry-After', async () => {
    const ca = await a.client();
    const cb = await b.client();
    const reset = (c: typeof ca) => c.post('/api/auth/password-reset/request', { email: uniqueEmail() });
    for (const c of [ca, cb, ca, cb]) await reset(c).expect(202);
    const blocked = await reset(ca).expect(429);
    expectErrorShape(blocked.body, 429, 'RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect((await reset(cb)).status).toBe(429);
  });

  it('counts failed sign-ins of one account across both instances: the 11th is refused on either', async () => {
    const ca = await a.client();
    const cb = await b.client();
    const body = { email: uniqueEmail('target'), password: 'wrong password' };
    for (let i = 0; i < 10; i++) await (i % 2 ? cb : ca).post('/api/auth/login', body).expect(401);
    const blocked = await ca.post('/api/auth/login', body).expect(429);
    expectErrorShape(blocked.body, 429, 'RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect((await cb.post('/api/auth/login', body)).status).toBe(429);
  });

  it('keeps the AttemptLimiter counts in Redis: one window for both, reserve and take back, clear', async () => {
    const limit = { scope: `spec-${randomBytes(3).toString('hex')}`, limit: 2, windowMs: 60_000 };
    const [la, lb] = [a.app.get(AttemptLimiter), b.app.get(AttemptLimiter)];
    expect(await la.peek(limit, 'k')).toEqual({ failures: 0, blocked: false, retryAfterSeconds: 0 });
    await la.count(limit, 'k');
    const second = await lb.count(limit, 'k');
    expect(second).toEqual({ failures: 2, blocked: true, retryAfterSeconds: expect.any(Number) });
    expect(second.retryAfterSeconds).toBeGreaterThan(55);
    expect(second.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await la.peek(limit, 'k')).blocked).toBe(true);
    await lb.uncount(limit, 'k');
    expect((await la.peek(limit, 'k')).failures).toBe(1);
    await la.clear(limit, 'k');
    expect((await lb.peek(limit, 'k')).failures).toBe(0);
    // Taking back what is not counted leaves nothing behind.
    await la.uncount(limit, 'k');
    await la.count(limit, 'k');
    expect((await lb.peek(limit, 'k')).failures).toBe(1);
  });
});

describe('when Redis is unreachable', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    t = await startTestApp({ REDIS_URL: 'redis://127.0.0.1:1', RATE_LIMIT_AUTH: '2' });
  });
  afterAll(() => t.close());

  it('keeps serving (rate limiting fails open) and says so in the health check', async () => {
    const c = await t.client();
    const health = await c.get('/api/health').expect(200);
    expect(health.body).toEqual(expect.objectContaining({ status: 'degraded', database: 'up', redis: 'down' }));
    for (let i = 0; i < 3; i++) await c.post('/api/auth/password-reset/request', { email: uniqueEmail() }).expect(202);
    for (let i = 0; i < 12; i++) await c.post('/api/auth/login', { email: 'nobody@example.org', password: 'wrong password' }).expect(401);
  });
});
