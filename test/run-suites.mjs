#!/usr/bin/env node
/**
 * npm test's suites, after its build:
 *   1. unit + API e2e on the embedded SQLite default (jest workers, each spec its own database),
 *   2. the browser tests (real Chromium, one at a time),
 * and, when TEST_POSTGRES_URL is set (CI sets it, with TEST_REDIS_URL):
 *   - the API e2e suite again on PostgreSQL + Redis, running beside 1 and 2 (every test app has its own
 *     database copied from a per-run template and its own Redis key prefix, so the passes never meet;
 *     its output is printed when it ends),
 *   - then the production topology (test/deploy: nginx in front of two API processes).
 * Exits non-zero when any of them fails; a summary line names each. Arguments are passed to every jest
 * run as a file filter (`node test/run-suites.mjs areas` runs the files matching "areas" in each pass).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');
const postgresUrl = process.env.TEST_POSTGRES_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const filter = process.argv.slice(2);

function jest(args, { env = {}, output } = {}) {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [jestBin, '--config', 'jest.config.js', ...filter, ...args, ...(filter.length ? ['--passWithNoTests'] : [])],
    {
      env: { ...process.env, ...env },
      stdio: output ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    },
  );
  if (output) {
    child.stdout.pipe(output, { end: false });
    child.stderr.pipe(output, { end: false });
  }
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, seconds: 0, error }));
    child.on('close', (code) => resolve({ code: code ?? 1, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

const log = (line) => console.log(`\n==> ${line}`);
const results = [];
const postgresEnv = { DATABASE_URL: postgresUrl, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) };

let postgresPass = null;
let postgresLog = null;
if (postgresUrl) {
  const dir = mkdtempSync(join(tmpdir(), 'postgres-pass-'));
  postgresLog = { dir, file: join(dir, 'jest.log') };
  const output = createWriteStream(postgresLog.file);
  log(`API e2e suite on PostgreSQL${redisUrl ? ' + Redis' : ''} started beside the SQLite passes (output follows when it ends)`);
  postgresPass = jest(['--selectProjects', 'api'], { env: postgresEnv, output }).then((result) => {
    output.end();
    return result;
  });
} else {
  log('TEST_POSTGRES_URL is not set: the PostgreSQL pass and the production topology test are left to CI (.ci/run sets it)');
}

log('Unit + API e2e on SQLite');
results.push(['SQLite unit + API e2e', await jest(['--selectProjects', 'unit', 'api'])]);

log('Browser tests (Chromium)');
results.push(['browser', await jest(['--selectProjects', 'browser', '--runInBand'])]);

if (postgresPass) {
  const result = await postgresPass;
  log(`API e2e suite on PostgreSQL${redisUrl ? ' + Redis' : ''} (ran beside the SQLite passes)`);
  process.stdout.write(readFileSync(postgresLog.file, 'utf8'));
  rmSync(postgresLog.dir, { recursive: true, force: true });
  results.push(['PostgreSQL API e2e', result]);

  log('Production topology: nginx in front of two API processes on PostgreSQL + Redis (test/deploy)');
  results.push(['production topology', await jest(['--selectProjects', 'deploy'], { env: { DATABASE_URL: postgresUrl } })]);
}

log(`Test results: ${results.map(([name, r]) => `${name} ${r.code === 0 ? 'passed' : 'FAILED'} (${r.seconds} s)`).join(', ')}`);
process.exit(results.every(([, r]) => r.code === 0) ? 0 : 1);
