import { randomBytes } from 'node:crypto';
import { Client as PgClient } from 'pg';
import sqlite3 from 'sqlite3';
import {
  AgendaItemType,
  CSRF_COOKIE,
  CSRF_HEADER,
  type AssemblyDetail,
  type CreateAssemblyRequest,
  type JoinAssemblyResponse,
} from '@app/shared';
import { PROCESS_ADMIN } from '../../helpers/process';

/**
 * What tests need to drive the BUILT API as a child process (test/helpers/process.ts) over plain
 * HTTP and to read its database behind its back: a cookie-keeping client, an administrator, an
 * assembly, guests, and direct queries on the SQLite file or the PostgreSQL database.
 */

const CSRF = `process_${randomBytes(24).toString('hex')}`;

/** A tiny cookie-keeping HTTP client for a process (the CSRF cookie is fixed and echoed). */
export class Http {
  session = '';
  constructor(readonly baseUrl: string) {}

  get cookie(): string {
    return [`${CSRF_COOKIE}=${CSRF}`, this.session].filter(Boolean).join('; ');
  }

  async request<T>(method: string, path: string, body?: unknown, expected = 200): Promise<T> {
    const { status, body: answer, text } = await this.send<T>(method, path, body);
    if (status !== expected) throw new Error(`${method} ${path}: expected ${expected}, got ${status}: ${text}`);
    return answer;
  }

  /** Any answer, with its status: for tests that count what was acknowledged and what was refused. */
  async send<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T; text: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie, [CSRF_HEADER]: CSRF },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const sid = response.headers.getSetCookie().find((c) => c.startsWith('sid='));
    if (sid) this.session = sid.split(';')[0];
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, body: parsed as T, text };
  }

  /** Points the same session at another process (sessions live in the shared database). */
  on(baseUrl: string): Http {
    const other = new Http(baseUrl);
    other.session = this.session;
    return other;
  }
}

export async function loginAdmin(baseUrl: string): Promise<Http> {
  const http = new Http(baseUrl);
  await http.request('POST', '/api/auth/login', { email: PROCESS_ADMIN.email, password: PROCESS_ADMIN.password });
  if (!http.session) throw new Error('login set no session cookie');
  return http;
}

/** Plans an assembly in a new Stadtbezirk of its own; `overrides` may add registration, capacity and so on. */
export async function createAssembly(admin: Http, overrides: Partial<CreateAssemblyRequest> = {}): Promise<AssemblyDetail> {
  const suffix = randomBytes(3).toString('hex');
  const area = await admin.request<{ id: string }>(
    'POST',
    '/api/areas',
    { type: 'district', code: `d-res-${suffix}`, name: `Resilienz ${suffix}`, validFrom: '2024-01-01' },
    201,
  );
  const startsAt = new Date(Date.now() + 3_600_000);
  return admin.request<AssemblyDetail>(
    'POST',
    '/api/assemblies',
    {
      title: 'Bürgerversammlung Belastungsprobe',
      place: 'Bürgerhaus',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
      areaIds: [area.id],
      agenda: [{ title: 'Abstimmung', type: AgendaItemType.Vote }],
      ...overrides,
    },
    201,
  );
}

export async function joinGuest(
  baseUrl: string,
  joinCode: string,
  displayName: string,
): Promise<JoinAssemblyResponse & { guestToken: string }> {
  const joined = await new Http(baseUrl).request<JoinAssemblyResponse>('POST', '/api/assemblies/join', { code: joinCode, displayName });
  if (!joined.guestToken) throw new Error('a new guest got no guestToken');
  return joined as JoinAssemblyResponse & { guestToken: string };
}

/** Runs fn over items with at most `limit` at once, keeping the order of the results. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await fn(items[index], index);
      }
    }),
  );
  return results;
}

/**
 * Reads the SQLite file the API writes (WAL: a reader next to the running process is fine); with
 * `write`, a second writer that waits for the API's write lock like any SQLite writer does.
 */
export async function querySqlite<T>(file: string, sql: string, params: unknown[] = [], options: QueryOptions = {}): Promise<T[]> {
  const mode = options.write ? sqlite3.OPEN_READWRITE : sqlite3.OPEN_READONLY;
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(file, mode, (error) => (error ? reject(error) : resolve(opened)));
  });
  db.configure('busyTimeout', 10_000);
  try {
    return await new Promise<T[]>((resolve, reject) =>
      db.all(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
    );
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

export interface QueryOptions {
  write?: boolean;
}

/** Reads (or, with `write`, changes) the database the processes use, not through the API; `$1`… placeholders. */
export type Query = <T>(sql: string, params: unknown[], options?: QueryOptions) => Promise<T[]>;

export const sqliteQuery =
  (file: string): Query =>
  (sql, params, options) =>
    querySqlite(file, sql.replace(/\$\d+/g, '?'), params, options);

export const postgresQuery =
  (url: string): Query =>
  async <T>(sql: string, params: unknown[]) => {
    const client = new PgClient({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
