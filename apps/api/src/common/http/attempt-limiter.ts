import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { normalizeIp } from '@nestjs/throttler';
import type { Redis } from 'ioredis';
import { RedisConnection } from '../redis/redis.module';
import { RateLimitedError } from '../errors/rate-limited-error';

/**
 * Failed attempts per (scope, key): what an attacker could guess (a password, a join code, a
 * check-in credential) is limited by what the attempt identifies — the account, the card, the
 * assembly, the client address — not by the address alone, which a whole hall shares.
 *
 * A limit is a scope, a number of failures and a fixed window that starts with the first failure:
 * once `limit` failures are counted, the key is blocked until the window ends (`retryAfterSeconds`).
 * Successes are not counted (call `clear` where a success should end an earlier run of failures).
 * Counters live in Redis when REDIS_URL is set (shared by every API process, keys hashed, each with
 * its expiry) and in this process's memory otherwise. If Redis fails, attempts are let through and
 * the outage is logged, like the request limiter: a limiter outage must not lock everybody out.
 *
 * Two ways to use it:
 * - **check, then count the failure** (`peek` before, `count` on failure): nothing is reserved, so
 *   many people behind one address trying at once are never refused for each other's attempts; a
 *   burst of concurrent failures can pass the limit by the number in flight;
 * - **reserve** (`count` first, refuse when `failures > limit`, `clear` or `uncount` on success):
 *   exact under concurrency, for keys one person owns (an account, a card).
 *
 * Example (a per-card check-in credential):
 * ```ts
 * const CHECK_IN_PER_CARD: AttemptLimit = { scope: 'check-in:card', limit: 10, windowMs: 15 * 60_000 };
 * const before = await limiter.peek(CHECK_IN_PER_CARD, assemblyId);
 * if (before.blocked) throw limiter.refusal(before, (minutes) => `Too many wrong codes. Please try again in ${minutes} minutes.`);
 * if (!valid) { await limiter.count(CHECK_IN_PER_CARD, assemblyId); throw new DomainError(...); }
 * ```
 * `refusal` builds a 429 RATE_LIMITED error whose HTTP answer carries `Retry-After`; over a socket
 * the message says how long to wait.
 */
export interface AttemptLimit {
  /** Names the counter family, e.g. 'login:account'; part of the storage key. */
  scope: string;
  /** Failures allowed per window; the next attempt is refused. */
  limit: number;
  windowMs: number;
}

export interface AttemptState {
  /** Failures counted in the current window (0 when none). */
  failures: number;
  /** `failures >= limit`: attempts are refused until the window ends. */
  blocked: boolean;
  /** Seconds until the window ends (0 when nothing is counted). */
  retryAfterSeconds: number;
}

interface Counter {
  count: number;
  resetAt: number;
}

const COUNT = `
local n = redis.call('INCRBY', KEYS[1], ARGV[2])
if n <= 0 then redis.call('DEL', KEYS[1]); return {0, 0} end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;
const PEEK = `return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1])}`;

/** The counting key of a client address: IPv6 addresses by their /64, as the request limiter does. */
export const addressKey = (ip: string | undefined): string => normalizeIp(ip ?? 'unknown');

@Injectable()
export class AttemptLimiter {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: Redis | null;
  private readonly prefix: string;
  private readonly memory = new Map<string, Counter>();
  private writes = 0;

  constructor(connection: RedisConnection) {
    this.redis = connection.client;
    this.prefix = connection.keyPrefix;
  }

  /** The state of a key without counting anything. */
  async peek(limit: AttemptLimit, key: string): Promise<AttemptState> {
    const id = this.id(limit, key);
    if (!this.redis) return this.state(limit, this.live(id));
    try {
      const [count, ttl] = (await this.redis.eval(PEEK, 1, id)) as [number, number];
      return this.state(limit, count > 0 ? { count, resetAt: Date.now() + Math.max(ttl, 0) } : undefined);
    } catch (error) {
      return this.failOpen(error);
    }
  }

  /** Counts one failure (or a reserved attempt) and returns the state after it. */
  count(limit: AttemptLimit, key: string): Promise<AttemptState> {
    return this.add(limit, key, 1);
  }

  /** Takes back one reserved attempt that turned out not to be a failure. */
  async uncount(limit: AttemptLimit, key: string): Promise<void> {
    await this.add(limit, key, -1);
  }

  /** Forgets the failures of a key (e.g. after a successful sign-in or a password reset). */
  async clear(limit: AttemptLimit, key: string): Promise<void> {
    const id = this.id(limit, key);
    if (!this.redis) {
      this.memory.delete(id);
      return;
    }
    try {
      await this.redis.del(id);
    } catch (error) {
      this.failOpen(error);
    }
  }

  /** The 429 answer for a blocked key; `message` gets the minutes (at least 1) to wait. */
  refusal(state: AttemptState, message: (minutes: number) => string): RateLimitedError {
    const seconds = Math.max(1, state.retryAfterSeconds);
    return new RateLimitedError(message(Math.ceil(seconds / 60)), seconds);
  }

  private async add(limit: AttemptLimit, key: string, by: 1 | -1): Promise<AttemptState> {
    const id = this.id(limit, key);
    if (!this.redis) {
      const now = Date.now();
      let counter = this.live(id, now);
      if (!counter) {
        if (by < 0) return this.state(limit, undefined);
        counter = { count: 0, resetAt: now + limit.windowMs };
        this.memory.set(id, counter);
        if (++this.writes % 1000 === 0) this.sweep(now);
      }
      counter.count = Math.max(0, counter.count + by);
      return this.state(limit, counter);
    }
    try {
      const [count, ttl] = (await this.redis.eval(COUNT, 1, id, limit.windowMs, by)) as [number, number];
      return this.state(limit, { count, resetAt: Date.now() + ttl });
    } catch (error) {
      return this.failOpen(error);
    }
  }

  private id(limit: AttemptLimit, key: string): string {
    // Hashed: the store holds no e-mail addresses, client addresses or codes.
    return `${this.prefix}attempts:${limit.scope}:${createHash('sha256').update(key).digest('base64url').slice(0, 32)}`;
  }

  private live(id: string, now = Date.now()): Counter | undefined {
    const counter = this.memory.get(id);
    if (counter && counter.resetAt <= now) {
      this.memory.delete(id);
      return undefined;
    }
    return counter;
  }

  private sweep(now: number): void {
    for (const [id, counter] of this.memory) if (counter.resetAt <= now) this.memory.delete(id);
  }

  private state(limit: AttemptLimit, counter: Counter | undefined): AttemptState {
    if (!counter || counter.count <= 0) return { failures: 0, blocked: false, retryAfterSeconds: 0 };
    return {
      failures: counter.count,
      blocked: counter.count >= limit.limit,
      retryAfterSeconds: Math.max(1, Math.ceil((counter.resetAt - Date.now()) / 1000)),
    };
  }

  private failOpen(error: unknown): AttemptState {
    this.logger.error(`Attempt limit skipped, Redis failed: ${(error as Error).message}`);
    return { failures: 0, blocked: false, retryAfterSeconds: 0 };
  }
}
