import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ADMIN_EMAIL = 'admin@example.org';
export const ADMIN_PASSWORD = 'Admin-Passwort-2024!';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'apps/api/dist/apps/api/src/main.js');
const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolvePort(port));
    });
  });
}

// Two browser files start their servers at once; on a busy 2-core machine a start (migrations, demo data)
// took over a minute, so the limit is generous: a server that fails to start exits, and that is reported at once.
async function waitForHealth(baseUrl: string, child: ChildProcess, output: () => string, timeoutMs = 100_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with code ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`API did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

/** Starts the built API (which also serves the built web app) on a fresh data directory; `env` adds settings (e.g. TRANSLATE_URL). */
export async function startServer(smtpPort: number, env: Record<string, string> = {}): Promise<RunningServer> {
  for (const file of [MAIN, WEB_INDEX]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'soziale-stadt-browser-'));
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      // 'test' allows the cheap argon2id profile (refused in production); nothing else reads NODE_ENV.
      NODE_ENV: 'test',
      PASSWORD_HASH_PROFILE: 'test',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      SQLITE_PATH: join(dataDir, 'db.sqlite'),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      ADMIN_EMAIL,
      ADMIN_PASSWORD,
      SEED_DEMO_DATA: 'true',
      SEED_DEMO_PARTICIPATION: 'false',
      LOG_LEVEL: 'warn',
      RATE_LIMIT_AUTH: '1000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }

  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
