import type { RedisConnection } from '../redis/redis.module';
import { RateLimitedError } from '../errors/rate-limited-error';
import { AttemptLimiter, type AttemptLimit } from './attempt-limiter';

const LIMIT: AttemptLimit = { scope: 'test', limit: 3, windowMs: 15 * 60_000 };

describe('AttemptLimiter in memory (no REDIS_URL)', () => {
  let now = 1_000_000;
  let limiter: AttemptLimiter;
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    limiter = new AttemptLimiter({ client: null, keyPrefix: 'test:' } as unknown as RedisConnection);
  });
  afterEach(() => jest.restoreAllMocks());

  it('blocks a key after `limit` failures until the window that began with the first one ends', async () => {
    expect(await limiter.peek(LIMIT, 'a')).toEqual({ failures: 0, blocked: false, retryAfterSeconds: 0 });
    await limiter.count(LIMIT, 'a');
    now += 60_000;
    await limiter.count(LIMIT, 'a');
    expect((await limiter.peek(LIMIT, 'a')).blocked).toBe(false);
    expect(await limiter.count(LIMIT, 'a')).toEqual({ failures: 3, blocked: true, retryAfterSeconds: 14 * 60 });
    // Other keys and scopes have their own counts.
    expect((await limiter.peek(LIMIT, 'b')).failures).toBe(0);
    expect((await limiter.peek({ ...LIMIT, scope: 'other' }, 'a')).failures).toBe(0);
    now += 14 * 60_000 - 1;
    expect((await limiter.peek(LIMIT, 'a')).blocked).toBe(true);
    now += 1;
    expect(await limiter.peek(LIMIT, 'a')).toEqual({ failures: 0, blocked: false, retryAfterSeconds: 0 });
  });

  it('takes back a reserved attempt and forgets a key on clear', async () => {
    await limiter.count(LIMIT, 'a');
    await limiter.count(LIMIT, 'a');
    await limiter.uncount(LIMIT, 'a');
    expect((await limiter.peek(LIMIT, 'a')).failures).toBe(1);
    await limiter.clear(LIMIT, 'a');
    expect((await limiter.peek(LIMIT, 'a')).failures).toBe(0);
    await limiter.uncount(LIMIT, 'a');
    expect((await limiter.peek(LIMIT, 'a')).failures).toBe(0);
  });

  it('refuses with 429 RATE_LIMITED, the seconds to wait and the minutes in the message', async () => {
    for (let i = 0; i < 3; i++) await limiter.count(LIMIT, 'a');
    const refusal = limiter.refusal(await limiter.peek(LIMIT, 'a'), (minutes) => `Please wait ${minutes} min.`);
    expect(refusal).toBeInstanceOf(RateLimitedError);
    expect(refusal.status).toBe(429);
    expect(refusal.retryAfterSeconds).toBe(15 * 60);
    expect(refusal.message).toBe('Please wait 15 min.');
  });
});
