#!/usr/bin/env node
/**
 * npm test's suites, after its build, one after the other:
 *   - the size budgets of the built web app (apps/web/scripts/check-size-budgets.mjs),
 *   - unit + API e2e on the embedded SQLite default (jest workers, each spec its own database),
 *   - when TEST_POSTGRES_URL is set (CI sets it, with TEST_REDIS_URL): the API e2e suite again on
 *     PostgreSQL + Redis (every test app has its own database copied from a per-run template and its
 *     own Redis key prefix),
 *   - the browser tests (real Chromium; two files at a time, each with its own server and browser),
 *   - with TEST_POSTGRES_URL: the production topology (test/deploy: nginx in front of two API processes).
 * Exits non-zero when any of them fails; a summary line names each. Arguments are passed to every jest
 * run as a file filter (`node test/run-suites.mjs areas` runs the files matching "areas" in each pass).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const jestBin = createRequire(import.meta.url).resolve('jest/bin/jest');
const postgresUrl = process.env.TEST_POSTGRES_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const filter = process.argv.slice(2);

function jest(args, { env = {} } = {}) {
  return run([jestBin, '--config', 'jest.config.js', ...filter, ...args, ...(filter.length ? ['--passWithNoTests'] : [])], { env });
}

/** Runs a Node.js script to its end; resolves with its exit code and how long it took. */
function run(args, { env = {} } = {}) {
  const started = Date.now();
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'inherit' });
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ code: 1, seconds: 0, error }));
    child.on('close', (code) => resolve({ code: code ?? 1, seconds: Math.round((Date.now() - started) / 1000) }));
  });
}

const log = (line) => console.log(`\n==> ${line}`);
const results = [];

// The size budgets of the built web app (issue 15): a second, no jest; it fails the run like a suite.
log('Size budgets of the web app (apps/web/scripts/check-size-budgets.mjs)');
results.push(['size budgets', await run(['apps/web/scripts/check-size-budgets.mjs'])]);

// One pass after the other: each keeps the 2-core CI machine busy on its own (unit + API on SQLite used
// 1.7 cores, the API suite on PostgreSQL 1.8, the browser pass 1.8), and running them side by side made
// the same work cost about a third more CPU time (measured: SQLite + PostgreSQL passes and the static
// checks together 811 core-seconds in 408 s against 618 one after the other).
log('Unit + API e2e on SQLite');
results.push(['SQLite unit + API e2e', await jest(['--selectProjects', 'unit', 'api'])]);

if (postgresUrl) {
  log(`API e2e suite on PostgreSQL${redisUrl ? ' + Redis' : ''}`);
  results.push([
    `API e2e suite on PostgreSQL${redisUrl ? ' + Redis' : ''}`,
    await jest(['--selectProjects', 'api'], { env: { DATABASE_URL: postgresUrl, ...(redisUrl ? { REDIS_URL: redisUrl } : {}) } }),
  ]);
} else {
  log('TEST_POSTGRES_URL is not set: the PostgreSQL pass and the production topology test are left to CI (.ci/run sets it)');
}

// Two browser files at a time (each with its own server, data folder and browser; every step waits for the
// content it expects): in CI 337 s against 435 s one at a time.
log('Browser tests (Chromium)');
results.push(['browser', await jest(['--selectProjects', 'browser', '--maxWorkers=2'])]);

if (postgresUrl) {
  log('Production topology: nginx in front of two API processes on PostgreSQL + Redis (test/deploy)');
  results.push(['production topology', await jest(['--selectProjects', 'deploy'], { env: { DATABASE_URL: postgresUrl } })]);
}

log(`Test results: ${results.map(([name, r]) => `${name} ${r.code === 0 ? 'passed' : 'FAILED'} (${r.seconds} s)`).join(', ')}`);
process.exit(results.every(([, r]) => r.code === 0) ? 0 : 1);
