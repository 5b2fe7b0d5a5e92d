import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPostgresDatabase } from '../api/helpers/database';

/**
 * The BUILT API (`npm run build -w apps/api`) as a real child process with its own environment:
 * for tests that need what only a separate process gives — kill -9, restarts on the same data,
 * two processes side by side (scale-out over Redis).
 */

export const ROOT = resolve(__dirname, '../..');
export const API_MAIN = join(ROOT, 'apps/api/dist/apps/api/src/main.js');
export const PROCESS_ADMIN = { email: 'admin@example.org', password: 'Admin-Passwort-2024!' };
/** Where PostgreSQL runs on this machine and in CI when DATABASE_URL is not set. */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolvePort(port));
    });
  });
}

export function assertApiBuilt(): void {
  if (!existsSync(API_MAIN)) throw new Error(`${API_MAIN} is missing: run "npm run build -w apps/api" first.`);
}

/** Waits until GET /api/health answers 200; fails early when the process exits. */
export async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`API exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`API did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

export interface ApiProcessOptions {
  /** Extra environment (DATA_DIR/SQLITE_PATH or DATABASE_URL, REDIS_URL, …); wins over the defaults. */
  env?: Record<string, string>;
  /** Default: a free port. A restart keeps the port it had. */
  port?: number;
  healthTimeoutMs?: number;
}

/** One running API process; `restart()` starts a new process with the same environment and port. */
export class ApiProcess {
  private child: ChildProcess | null = null;
  private log = '';
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    readonly port: number,
    readonly env: Record<string, string>,
    private readonly healthTimeoutMs: number,
  ) {}

  static async start(options: ApiProcessOptions = {}): Promise<ApiProcess> {
    assertApiBuilt();
    const port = options.port ?? (await freePort());
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      // Cheap argon2id: tests create many accounts; production's cost is asserted in config.spec.ts.
      PASSWORD_HASH_PROFILE: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      ADMIN_EMAIL: PROCESS_ADMIN.email,
      ADMIN_PASSWORD: PROCESS_ADMIN.password,
      SEED_DEMO_DATA: 'false',
      // With SEED_DEMO_DATA=true: demo areas, assemblies and projects, but no demo residents' proposals.
      SEED_DEMO_PARTICIPATION: 'false',
      LOG_LEVEL: 'warn',
      // No RATE_LIMIT_*: hundreds of clients from one address fit the limits a city runs.
      ...options.env,
    };
    const api = new ApiProcess(port, env, options.healthTimeoutMs ?? 60_000);
    await api.launch();
    return api;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The last 20,000 characters the process wrote (stdout and stderr). */
  output(): string {
    return this.log;
  }

  /** Resident memory of the process now (kB) and its peak (kB), from /proc. */
  memory(): { rssKb: number; peakRssKb: number } | null {
    if (!this.pid) return null;
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
      return { rssKb: kb('VmRSS'), peakRssKb: kb('VmHWM') };
    } catch {
      return null;
    }
  }

  private async launch(): Promise<void> {
    // Only what a server needs from the parent (PATH, HOME, …); never the test run's DATABASE_URL & co.
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(
        ([key]) => !/^(DATABASE_URL|REDIS_URL|REDIS_KEY_PREFIX|DATA_DIR|SQLITE_PATH|UPLOAD_DIR|SMTP_URL|WEB_DIST|NODE_OPTIONS)$/.test(key),
      ),
    );
    const child = spawn(process.execPath, [API_MAIN], { cwd: ROOT, env: { ...inherited, ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise((done) => child.once('exit', () => done()));
    const collect = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-20_000);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    try {
      await waitForHealth(this.baseUrl, child, () => this.log, this.healthTimeoutMs);
    } catch (error) {
      await this.kill();
      throw error;
    }
  }

  /** kill -9: no shutdown hooks, no flushing — what a crash or the OOM killer does. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM (Nest's shutdown hooks run); SIGKILL after graceMs. */
  async stop(graceMs = 10_000): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** A new process on the same environment (database, port) after this one has ended. */
  async restart(): Promise<void> {
    if (this.running) throw new Error('restart() needs a stopped or killed process');
    this.log += '\n---- restart ----\n';
    await this.launch();
  }
}

/** A temp folder with a SQLite file for one or more processes on the same data. */
export interface SqliteData {
  dataDir: string;
  sqlitePath: string;
  env: Record<string, string>;
  remove(): void;
}

export function createSqliteData(prefix = 'soziale-stadt-proc-'): SqliteData {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  const sqlitePath = join(dataDir, 'db.sqlite');
  return {
    dataDir,
    sqlitePath,
    env: { DATA_DIR: dataDir, SQLITE_PATH: sqlitePath },
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** A fresh PostgreSQL database beside DATABASE_URL (or the local server when it is unset), dropped by drop(). */
export interface PostgresData {
  url: string;
  dataDir: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function createPostgresData(base = process.env.DATABASE_URL || DEFAULT_POSTGRES_URL): Promise<PostgresData> {
  const database = await createPostgresDatabase(base);
  const dataDir = mkdtempSync(join(tmpdir(), 'soziale-stadt-proc-pg-'));
  return {
    url: database.url,
    dataDir,
    env: { DATA_DIR: dataDir, DATABASE_URL: database.url },
    drop: async () => {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
