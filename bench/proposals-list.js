#!/usr/bin/env node
/**
 * Benchmark: the public proposal list with 10,000 proposals and 100,000 supports on SQLite (default)
 * or PostgreSQL, next to a bare NestJS route returning constant JSON, in the same run on the same
 * machine. Load comes from autocannon in a separate process (50 connections), so the server keeps its
 * core. The "while supports arrive" targets run a second process beside it that gives supports over
 * HTTP at a steady rate (20 per second by default), each from a signed-in person with the CSRF token,
 * as browsers do: every support changes what the list shows. The API runs with its default settings
 * (rate limits and caches as a city runs them); only the sessions are created directly through the
 * API's own SessionService instead of 1,000 password logins.
 *
 *   npm run build && node bench/proposals-list.js [--db sqlite|postgres] [--duration 5] [--connections 50]
 *     [--rounds 3] [--supports-per-second 20] [--write]
 *
 * --db postgres uses TEST_POSTGRES_URL (default: the local server's database "test" over its socket) to
 * create a scratch database for the run and drops it afterwards. --write appends to BENCHMARKS.md.
 */
require('reflect-metadata');
const { spawn } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { mkdtempSync, rmSync, appendFileSync, existsSync, writeFileSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'apps/api/dist/apps/api/src');
const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    db: { type: 'string', default: 'sqlite' },
    'supports-per-second': { type: 'string', default: '20' },
    write: { type: 'boolean', default: false },
    writer: { type: 'string' },
  },
});
const POSTGRES = args.db === 'postgres';
/** The seed's SQL is written for SQLite ("?" placeholders); PostgreSQL numbers them. */
const sql = (text) =>
  POSTGRES
    ? text.replace(
        /\?/g,
        (
          (n) => () =>
            `$${++n}`
        )(0),
      )
    : text;
const insertIgnore = (text) => (POSTGRES ? `${text} ON CONFLICT DO NOTHING` : text.replace('INSERT INTO', 'INSERT OR IGNORE INTO'));
const PROPOSALS = 10_000;
const USERS = 1_000;
const SUPPORTS_PER_USER = 100; // 100,000 supports

async function seed(ds) {
  const areas = (await ds.query(`SELECT id FROM areas WHERE type = 'action_area' AND "validTo" IS NULL`)).map((r) => r.id);
  const fields = (await ds.query('SELECT id FROM fields_of_action')).map((r) => r.id);
  const users = Array.from({ length: USERS }, () => randomUUID());
  const words = [
    'Spielplatz',
    'Bänke',
    'Beleuchtung',
    'Sprachcafé',
    'Nachbarschaft',
    'Grünfläche',
    'Jobcenter',
    'Elterncafé',
    'Radweg',
    'Treffpunkt',
  ];
  const pick = (list, i) => list[i % list.length];
  const runner = ds.createQueryRunner();
  await runner.startTransaction();
  for (let i = 0; i < USERS; i += 500) {
    const batch = users.slice(i, i + 500);
    await runner.query(
      sql(
        `INSERT INTO users (id, email, "displayName", role, "emailVerifiedAt") VALUES ${batch.map(() => `(?, ?, ?, 'citizen', ?)`).join(',')}`,
      ),
      batch.flatMap((id, j) => [id, `bench-${i + j}@example.org`, `Person ${i + j}`, timestamp(new Date())]),
    );
  }
  const proposals = Array.from({ length: PROPOSALS }, () => randomUUID());
  for (let i = 0; i < PROPOSALS; i += 200) {
    const batch = proposals.slice(i, i + 200);
    await runner.query(
      sql(
        `INSERT INTO proposals (id, title, body, "searchText", "fieldOfActionId", "areaId", "authorId", "submittedById", status, "createdAt") VALUES ${batch
          .map(() => `(?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?)`)
          .join(',')}`,
      ),
      batch.flatMap((id, j) => {
        const n = i + j;
        const author = pick(users, n * 7);
        const title = `${pick(words, n)} und ${pick(words, n * 3 + 1)} (${n})`;
        const body = `Vorschlag ${n}: Wir wünschen uns ${pick(words, n + 2)} im Quartier, weil viele Familien davon profitieren würden.`;
        return [
          id,
          title,
          body,
          `${title}\n${body}`.toLocaleLowerCase('de-DE'),
          pick(fields, n),
          pick(areas, n),
          author,
          author,
          timestamp(new Date(Date.UTC(2026, 0, 1) + n * 60_000)),
        ];
      }),
    );
  }
  // Each user supports 100 distinct proposals: 100,000 rows, skewed so the counts differ.
  for (let u = 0; u < USERS; u++) {
    // k·101 mod 10,000 is distinct for k < 100 (101 and 10,000 are coprime): no duplicates.
    const unique = Array.from({ length: SUPPORTS_PER_USER }, (_, k) => [proposals[(u * 37 + k * 101) % PROPOSALS], users[u]]);
    await runner.query(
      sql(insertIgnore(`INSERT INTO proposal_supports ("proposalId", "userId") VALUES ${unique.map(() => '(?, ?)').join(',')}`)),
      unique.flat(),
    );
  }
  await runner.query(
    `UPDATE proposals SET "supportCount" = (SELECT COUNT(*) FROM proposal_supports s WHERE s."proposalId" = proposals.id)`,
  );
  await runner.commitTransaction();
  await runner.release();
  const [{ n: supports }] = await ds.query('SELECT COUNT(*) AS n FROM proposal_supports');
  if (POSTGRES) await ds.query('ANALYZE');
  return { proposals: PROPOSALS, supports: Number(supports), areas: areas.length, userIds: users, proposalIds: proposals };
}

/** A timestamp as both databases take it (SQLite stores the app's timestamps as text in this form). */
function timestamp(date) {
  return POSTGRES ? date : date.toISOString().replace('T', ' ').replace('Z', '');
}

async function startBare() {
  const { NestFactory } = require('@nestjs/core');
  const { Controller, Get, Module } = require('@nestjs/common');
  class BareController {
    get() {
      return { items: [], total: 0, page: 1, pageSize: 20 };
    }
  }
  Controller('bare')(BareController);
  Get()(BareController.prototype, 'get', Object.getOwnPropertyDescriptor(BareController.prototype, 'get'));
  class BareModule {}
  Module({ controllers: [BareController] })(BareModule);
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
}

function load(url, connections, duration) {
  return new Promise((resolve, reject) => {
    const bin = path.join(ROOT, 'node_modules/autocannon/autocannon.js');
    // Like a browser after its first visit: it sends back the CSRF cookie the API set.
    const cookie = ['-H', 'Cookie=csrf_token=bench0123456789abcdefghijklmnopqrstuvwxyzABCD'];
    const child = spawn(process.execPath, [bin, '-c', String(connections), '-d', String(duration), ...cookie, '-j', url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', () => {
      const r = JSON.parse(out);
      resolve({ rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, total: r.requests.total });
    });
  });
}

/**
 * The writer process: gives supports at a steady rate (without waiting for the previous answer, as many
 * people do at once) until stdin closes, then prints what it saw. One job = one person and a proposal.
 */
async function writer(file) {
  const { base, rate, jobs } = JSON.parse(require('node:fs').readFileSync(file, 'utf8'));
  const statuses = {};
  const latencies = [];
  const pending = new Set();
  let stop = false;
  process.stdin.on('end', () => (stop = true)).resume();
  for (let i = 0; !stop && i < jobs.length; i++) {
    const job = jobs[i];
    const started = performance.now();
    const request = fetch(`${base}/api/proposals/${job.proposalId}/support`, {
      method: 'PUT',
      headers: { cookie: `sid=${job.token}; csrf_token=${job.csrf}`, 'x-csrf-token': job.csrf },
    })
      .then(async (res) => {
        await res.arrayBuffer();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        latencies.push(performance.now() - started);
      })
      .catch(() => (statuses.failed = (statuses.failed ?? 0) + 1))
      .finally(() => pending.delete(request));
    pending.add(request);
    await new Promise((wait) => setTimeout(wait, 1000 / rate));
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const p99 = latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))] : 0;
  process.stdout.write(JSON.stringify({ sent: latencies.length + (statuses.failed ?? 0), statuses, p99: Math.round(p99) }));
}

/** Starts the writer; stop() ends it and resolves with its figures. */
function startWriter(jobFile) {
  const child = spawn(process.execPath, [__filename, '--writer', jobFile], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  const done = new Promise((resolve) => child.on('close', () => resolve(JSON.parse(out))));
  return {
    stop() {
      child.stdin.end();
      return done;
    },
  };
}

/** People (signed in through the API's own session service) with proposals they have not supported yet. */
async function supportJobs(app, seeded, count) {
  const { SessionService } = require(path.join(DIST, 'modules/auth/session.service.js'));
  const sessions = app.get(SessionService);
  const jobs = [];
  for (let k = SUPPORTS_PER_USER; jobs.length < count; k++) {
    for (let u = 0; u < USERS && jobs.length < count; u++) {
      const n = (u * 37 + k * 101) % PROPOSALS;
      if (seeded.userIds[(n * 7) % USERS] === seeded.userIds[u]) continue; // the author cannot support
      jobs.push({ userIndex: u, proposalId: seeded.proposalIds[n] });
    }
  }
  const tokens = new Map();
  for (const job of jobs) {
    if (!tokens.has(job.userIndex)) tokens.set(job.userIndex, await sessions.create(seeded.userIds[job.userIndex]));
    job.token = tokens.get(job.userIndex);
    job.csrf = `bench${String(job.userIndex).padStart(6, '0')}abcdefghijklmnopqrstuvwxyzABCDEFG`;
  }
  return jobs;
}

/** A scratch PostgreSQL database for the run: its URL and how to drop it. */
async function scratchPostgres() {
  const { Client } = require('pg');
  const admin = new URL(process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@localhost/test?host=/var/run/postgresql');
  const name = `bench_proposals_${process.pid}`;
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

async function main() {
  if (args.writer) return writer(args.writer);
  if (!existsSync(path.join(DIST, 'app.factory.js'))) throw new Error('Run `npm run build` first.');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-proposals-'));
  const postgres = POSTGRES ? await scratchPostgres() : null;
  const env = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'true',
    PORT: '0',
    ...(postgres ? { DATABASE_URL: postgres.url } : {}),
  };
  const { loadConfig } = require(path.join(DIST, 'config/config.js'));
  const { createApp } = require(path.join(DIST, 'app.factory.js'));
  const { DataSource } = require('typeorm');
  const app = await createApp(loadConfig(env));
  await app.listen(0, '127.0.0.1');
  const seeded = await seed(app.get(DataSource));
  const bare = await startBare();
  const base = (a) => `http://127.0.0.1:${a.getHttpServer().address().port}`;
  const connections = Number(args.connections);
  const duration = Number(args.duration);
  const someArea = (await app.get(DataSource).query(`SELECT id FROM areas WHERE type = 'action_area' AND "validTo" IS NULL LIMIT 1`))[0].id;
  const rate = Number(args['supports-per-second']);
  // Enough people and proposals for every "while supports arrive" load (and its warm-up), never the same pair twice.
  const jobsPerLoad = Math.ceil(rate * (duration + 1));
  const jobs = await supportJobs(app, seeded, jobsPerLoad * (Number(args.rounds) + 1) * 3);
  let nextJob = 0;
  /** [name, url, gives supports meanwhile] */
  const targets = [
    ['bare NestJS route (constant JSON)', `${base(bare)}/bare`, false],
    ['GET /api/proposals (newest, page 1 of 20)', `${base(app)}/api/proposals`, false],
    ['GET /api/proposals?sort=supported', `${base(app)}/api/proposals?sort=supported`, false],
    ['GET /api/proposals?areaId=…&q=spielplatz', `${base(app)}/api/proposals?areaId=${someArea}&q=spielplatz`, false],
    [`GET /api/proposals (newest), ${rate} supports/s arriving`, `${base(app)}/api/proposals`, true],
    [`GET /api/proposals?sort=supported, ${rate} supports/s arriving`, `${base(app)}/api/proposals?sort=supported`, true],
    [
      `GET /api/proposals?areaId=…&q=spielplatz, ${rate} supports/s arriving`,
      `${base(app)}/api/proposals?areaId=${someArea}&q=spielplatz`,
      true,
    ],
  ];
  const jobFile = path.join(dataDir, 'jobs.json');
  /** One autocannon load; with writes, the writer gives supports at the rate during it. */
  async function measure(url, withWrites, c, d) {
    if (!withWrites) return load(url, c, d);
    writeFileSync(jobFile, JSON.stringify({ base: base(app), rate, jobs: jobs.slice(nextJob, nextJob + jobsPerLoad) }));
    nextJob += jobsPerLoad;
    const writes = startWriter(jobFile);
    const result = await load(url, c, d);
    return { ...result, writes: await writes.stop() };
  }
  // The machine is shared and noisy: targets take turns, round after round, and each figure is the
  // median over the rounds, so a slow moment hits the baseline and the list alike.
  const rounds = Number(args.rounds);
  const runs = targets.map(() => []);
  for (const [, url, withWrites] of targets) await measure(url, withWrites, 10, 2); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [i, [, url, withWrites]] of targets.entries()) runs[i].push(await measure(url, withWrites, connections, duration));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = targets.map(([name, , withWrites], i) => ({
    name,
    rps: median(runs[i].map((r) => r.rps)),
    p50: median(runs[i].map((r) => r.p50)),
    p99: median(runs[i].map((r) => r.p99)),
    worstP99: Math.max(...runs[i].map((r) => r.p99)),
    errors: runs[i].reduce((sum, r) => sum + r.errors, 0),
    ratios: runs[i].map((r, k) => r.rps / runs[0][k].rps),
    writes: withWrites
      ? {
          sent: runs[i].reduce((sum, r) => sum + r.writes.sent, 0),
          ok: runs[i].reduce((sum, r) => sum + (r.writes.statuses[200] ?? 0), 0),
          other: runs[i].flatMap((r) => Object.entries(r.writes.statuses).filter(([status]) => status !== '200')),
          p99: Math.max(...runs[i].map((r) => r.writes.p99)),
        }
      : null,
  }));
  for (const r of results) {
    console.log(
      `${r.name.padEnd(60)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms (worst ${r.worstP99})  errors ${r.errors}${r.writes ? `  supports ${r.writes.ok}/${r.writes.sent} ok, p99 ${r.writes.p99} ms ${JSON.stringify(r.writes.other)}` : ''}`,
    );
  }
  const bareRps = results[0].rps;
  const lines = results
    .slice(1)
    .map(
      (r) =>
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} (${r.worstP99}) | ${((r.rps / bareRps) * 100).toFixed(0)} % (${r.ratios.map((x) => `${(x * 100).toFixed(0)} %`).join(', ')}) | ${r.errors} | ${r.writes ? `${r.writes.ok} of ${r.writes.sent} answered 200${r.writes.other.length ? ` (${r.writes.other.map(([status, n]) => `${n}× ${status}`).join(', ')})` : ''}, p99 ${r.writes.p99} ms` : '–'} |`,
    );
  const report = [
    `\n## Proposal list on ${POSTGRES ? 'PostgreSQL' : 'SQLite'} — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `- Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
    `- Command: \`npm run build && node bench/proposals-list.js --db ${POSTGRES ? 'postgres' : 'sqlite'} --duration ${duration} --connections ${connections} --rounds ${rounds} --supports-per-second ${rate}\``,
    `- Data: ${seeded.proposals} proposals, ${seeded.supports} supports, ${seeded.areas} Aktionsräume; ${POSTGRES ? 'PostgreSQL (local server, Unix socket)' : 'SQLite (WAL)'}, default settings, LOG_LEVEL=warn; supports (where named) from a second process over HTTP, signed in and with the CSRF token, at a steady rate during the load, each a new person–proposal pair; autocannon in a separate process sending the CSRF cookie like a returning browser, ${connections} connections; targets take turns for ${rounds} rounds of ${duration} s each after a 2 s warm-up; figures are medians over the rounds`,
    `- Baseline in the same run: bare NestJS route, ${bareRps.toFixed(0)} req/s (median), p99 ${results[0].p99} ms`,
    '',
    '| target | req/s | p50 ms | p99 ms (worst round) | share of bare route (median; per round) | errors | supports given meanwhile |',
    '|---|---|---|---|---|---|---|',
    ...lines,
    '',
    `Goals: p99 under 50 ms; list at least 40 % of the bare route's throughput.`,
  ].join('\n');
  console.log(report);
  if (args.write) {
    const file = path.join(ROOT, 'BENCHMARKS.md');
    if (!existsSync(file))
      writeFileSync(
        file,
        '# Benchmarks\n\nResults of the benchmarks in `bench/`. Figures are from one run on the machine named; ratios compare targets measured in the same run.\n',
      );
    appendFileSync(file, `${report}\n`);
  }
  await bare.close();
  await app.close();
  await postgres?.drop();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
