#!/usr/bin/env node
/**
 * npm test's suites, after its build:
 *   - unit + API e2e on the embedded SQLite default (jest workers, each spec its own database),
 *   - then the browser tests (real Chromium; two files at a time, each with its own server and browser),
 * and, when TEST_POSTGRES_URL is set (CI sets it, with TEST_REDIS_URL):
 *   - beside them the API e2e suite again on PostgreSQL + Redis (every test app has its own database
 *     copied from a per-run template and its own Redis key prefix, so the passes never meet; its
 *     output is printed when it ends),
 *   - then, alone, the production topology (test/deploy: nginx in front of two API processes).
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

/** A pass running beside the others; its output is kept in a file and printed when it is awaited. */
function background(name, args, env) {
  const dir = mkdtempSync(join(tmpdir(), 'test-pass-'));
  const file = join(dir, 'jest.log');
  const output = createWriteStream(file);
  log(`${name}: started beside the other passes (its output follows when it ends)`);
  const done = jest(args, { env, output }).then((result) => new Promise((resolve) => output.end(() => resolve(result))));
  return async () => {
    const result = await done;
    log(`${name} (ran beside the other passes)`);
    process.stdout.write(readFileSync(file, 'utf8'));
    rmSync(dir, { recursive: true, force: true });
    results.push([name, result]);
  };
}

// The PostgreSQL API pass runs beside the SQLite one, the browser pass after them: measured on this
// 2-core machine, running the browser pass beside both took as long in all (546 s against 541 s) with
// more contention for the timing-sensitive browser steps. Alone, two browser files at a time took 337 s
// in CI against 435 s one at a time (each file about 1.4 times as long beside another); each has its own
// server, data folder and browser, and every step waits for the content it expects.
const postgresPass = postgresUrl
  ? background(`API e2e suite on PostgreSQL${redisUrl ? ' + Redis' : ''}`, ['--selectProjects', 'api'], {
      DATABASE_URL: postgresUrl,
      ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    })
  : null;
if (!postgresUrl)
  log('TEST_POSTGRES_URL is not set: the PostgreSQL pass and the production topology test are left to CI (.ci/run sets it)');

log('Unit + API e2e on SQLite');
results.push(['SQLite unit + API e2e', await jest(['--selectProjects', 'unit', 'api'])]);

log('Browser tests (Chromium)');
results.push(['browser', await jest(['--selectProjects', 'browser', '--maxWorkers=2'])]);

if (postgresPass) {
  await postgresPass();
  log('Production topology: nginx in front of two API processes on PostgreSQL + Redis (test/deploy)');
  results.push(['production topology', await jest(['--selectProjects', 'deploy'], { env: { DATABASE_URL: postgresUrl } })]);
}

log(`Test results: ${results.map(([name, r]) => `${name} ${r.code === 0 ? 'passed' : 'FAILED'} (${r.seconds} s)`).join(', ')}`);
process.exit(results.every(([, r]) => r.code === 0) ? 0 : 1);
