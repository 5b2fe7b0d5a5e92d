#!/usr/bin/env node
/**
 * Benchmark: the public proposal list with 10,000 proposals and 100,000 supports on
 * SQLite, next to a bare NestJS route returning constant JSON, in the same run on the same machine.
 * Load comes from autocannon in a separate process (50 connections), so the server keeps its core.
 *
 *   npm run build && node bench/proposals-list.js [--duration 5] [--connections 50] [--rounds 3] [--write]
 *
 * --write appends the results to BENCHMARKS.md.
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
    write: { type: 'boolean', default: false },
  },
});
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
      `INSERT INTO users (id, email, "displayName", role, "emailVerifiedAt") VALUES ${batch.map(() => `(?, ?, ?, 'citizen', STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'))`).join(',')}`,
      batch.flatMap((id, j) => [id, `bench-${i + j}@example.org`, `Person ${i + j}`]),
    );
  }
  const proposals = Array.from({ length: PROPOSALS }, () => randomUUID());
  for (let i = 0; i < PROPOSALS; i += 200) {
    const batch = proposals.slice(i, i + 200);
    await runner.query(
      `INSERT INTO proposals (id, title, body, "searchText", "fieldOfActionId", "areaId", "authorId", "submittedById", status, "createdAt") VALUES ${batch
        .map(() => `(?, ?, ?, ?, ?, ?, ?, ?, 'submitted', ?)`)
        .join(',')}`,
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
          new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString().replace('T', ' ').replace('Z', ''),
        ];
      }),
    );
  }
  // Each user supports 100 distinct proposals: 100,000 rows, skewed so the counts differ.
  for (let u = 0; u < USERS; u++) {
    // k·101 mod 10,000 is distinct for k < 100 (101 and 10,000 are coprime): no duplicates.
    const unique = Array.from({ length: SUPPORTS_PER_USER }, (_, k) => [proposals[(u * 37 + k * 101) % PROPOSALS], users[u]]);
    await runner.query(
      `INSERT OR IGNORE INTO proposal_supports ("proposalId", "userId") VALUES ${unique.map(() => '(?, ?)').join(',')}`,
      unique.flat(),
    );
  }
  await runner.query(
    `UPDATE proposals SET "supportCount" = (SELECT COUNT(*) FROM proposal_supports s WHERE s."proposalId" = proposals.id)`,
  );
  await runner.commitTransaction();
  await runner.release();
  const [{ n: supports }] = await ds.query('SELECT COUNT(*) AS n FROM proposal_supports');
  return { proposals: PROPOSALS, supports: Number(supports), areas: areas.length };
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

async function main() {
  if (!existsSync(path.join(DIST, 'app.factory.js'))) throw new Error('Run `npm run build` first.');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-proposals-'));
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'true', PORT: '0' };
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
  const targets = [
    ['bare NestJS route (constant JSON)', `${base(bare)}/bare`],
    ['GET /api/proposals (newest, page 1 of 20)', `${base(app)}/api/proposals`],
    ['GET /api/proposals?sort=supported', `${base(app)}/api/proposals?sort=supported`],
    ['GET /api/proposals?areaId=…&q=spielplatz', `${base(app)}/api/proposals?areaId=${someArea}&q=spielplatz`],
  ];
  // The machine is shared and noisy: targets take turns, round after round, and each figure is the
  // median over the rounds, so a slow moment hits the baseline and the list alike.
  const rounds = Number(args.rounds);
  const runs = targets.map(() => []);
  for (const [, url] of targets) await load(url, 10, 2); // warm-up
  for (let round = 0; round < rounds; round++) {
    for (const [i, [, url]] of targets.entries()) runs[i].push(await load(url, connections, duration));
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const results = targets.map(([name], i) => ({
    name,
    rps: median(runs[i].map((r) => r.rps)),
    p50: median(runs[i].map((r) => r.p50)),
    p99: median(runs[i].map((r) => r.p99)),
    errors: runs[i].reduce((sum, r) => sum + r.errors, 0),
    ratios: runs[i].map((r, k) => r.rps / runs[0][k].rps),
  }));
  for (const r of results) {
    console.log(
      `${r.name.padEnd(45)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  errors ${r.errors}`,
    );
  }
  const bareRps = results[0].rps;
  const lines = results
    .slice(1)
    .map(
      (r) =>
        `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${((r.rps / bareRps) * 100).toFixed(0)} % (${r.ratios.map((x) => `${(x * 100).toFixed(0)} %`).join(', ')}) | ${r.errors} |`,
    );
  const report = [
    `\n## Proposal list on SQLite — ${new Date().toISOString().slice(0, 10)}`,
    '',
    `- Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`,
    `- Command: \`npm run build && node bench/proposals-list.js --duration ${duration} --connections ${connections} --rounds ${rounds}\``,
    `- Data: ${seeded.proposals} proposals, ${seeded.supports} supports, ${seeded.areas} Aktionsräume; SQLite (WAL), LOG_LEVEL=warn; autocannon in a separate process sending the CSRF cookie like a returning browser, ${connections} connections; targets take turns for ${rounds} rounds of ${duration} s each after a 2 s warm-up; figures are medians over the rounds`,
    `- Baseline in the same run: bare NestJS route, ${bareRps.toFixed(0)} req/s (median), p99 ${results[0].p99} ms`,
    '',
    '| target | req/s | p50 ms | p99 ms | share of bare route (median; per round) | errors |',
    '|---|---|---|---|---|---|',
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
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
