#!/usr/bin/env node
/**
 * Benchmark: the indicator CSV import with a 100,000-row file in the German
 * statistics-office dialect (BOM, semicolons, decimal comma), over HTTP against the BUILT API
 * (apps/api/dist) in this process, on a fresh database: SQLite by default, PostgreSQL with
 * --postgres <url> (a new database is created beside the one the URL names and dropped after).
 *
 * Steps, each timed from the client (request sent → report received) and by the server
 * (durationMs in the report): dry run of the clean file; the real import (one transaction,
 * 100,000 inserts); the same file again (all unchanged, nothing written); the file with every
 * tenth value changed (10,000 updates); and a dry run of a file with 1,000 bad rows (all reported).
 *
 *   npm run build -w apps/api && node bench/indicator-import.js [--rows 100000] [--postgres postgres://…] [--write]
 *
 * Baselines, measured in the same run (before and after the five steps; the ratios use their mean),
 * because the machine is shared and absolute figures drift with its load:
 *   (a) parse: the clean file's bytes decoded and parsed by csv-parse/sync alone, with the options
 *       the importer uses (apps/api/src/modules/indicators/csv-import.ts);
 *   (b) write floor: the same 100,000 rows inserted in one transaction with chunked multi-row
 *       INSERTs (2,000 rows each, as the importer) into a scratch table of the same shape as
 *       indicator_values (bigint value, same unique and area indexes, same foreign keys), through
 *       the app's own DataSource (same database file / server and driver); dropped afterwards.
 * Each step is reported as a multiple of (a)+(b).
 *
 * --write appends the results to BENCHMARKS.md.
 */
require('reflect-metadata');
const { randomBytes, randomUUID } = require('node:crypto');
const { appendFileSync, existsSync, mkdtempSync, rmSync } = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'apps/api/dist/apps/api/src');
const ADMIN = { email: 'admin@example.org', password: 'Admin-Passwort-2024!' };
const CSRF = randomBytes(32).toString('base64url');
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '100000' },
    postgres: { type: 'string' },
    write: { type: 'boolean', default: false },
  },
});
const ROWS = Number(args.rows);
const YEARS = Array.from({ length: 34 }, (_, i) => 1991 + i); // 1991–2024
const SCRATCH = 'bench_scratch_indicator_values';
const CHUNK = 2000; // rows per INSERT, as UPSERT_CHUNK in indicator-import.service.ts
const elapsedMs = (started) => Number(process.hrtime.bigint() - started) / 1e6;

async function freshPostgres(base) {
  const { Client } = require('pg');
  const name = `bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** A tiny browser: the CSRF double-submit cookie and header, and the session cookie after login. */
function client(base) {
  let session = '';
  const call = async (method, url, body, type = 'application/json') => {
    const headers = { cookie: `csrf_token=${CSRF}${session ? `; ${session}` : ''}` };
    if (method !== 'GET') headers['x-csrf-token'] = CSRF;
    if (body !== undefined) headers['content-type'] = type;
    const res = await fetch(`${base}${url}`, {
      method,
      headers,
      body: body === undefined ? undefined : type === 'application/json' ? JSON.stringify(body) : body,
    });
    const setCookie = res.headers.getSetCookie?.() ?? [];
    const sid = setCookie.find((c) => c.startsWith('sid='));
    if (sid) session = sid.split(';')[0];
    const text = await res.text();
    // The default write limit (120 per account and minute) holds up the set-up's indicator
    // definitions: wait as the answer says and send again. The timed import steps are single requests.
    if (res.status === 429 && method !== 'GET') {
      await new Promise((wait) => setTimeout(wait, (Number(res.headers.get('retry-after')) || 5) * 1000));
      return call(method, url, body, type);
    }
    if (res.status >= 400) throw new Error(`${method} ${url} → ${res.status} ${text.slice(0, 300)}`);
    return text ? JSON.parse(text) : null;
  };
  return call;
}

/** value for row i: decimal comma, one decimal; `changed` shifts every tenth value. */
const valueOf = (i, changed) => {
  const tenths = 100 + ((i * 7919) % 4000) + (changed && i % 10 === 0 ? 5 : 0);
  return `${Math.floor(tenths / 10)},${tenths % 10}`;
};

function csvFile(keys, areaCodes, { changed = false, bad = 0 } = {}) {
  const lines = ['\ufeffGebiet;Indikator;Jahr;Wert'];
  let i = 0;
  outer: for (const key of keys) {
    for (const area of areaCodes) {
      for (const year of YEARS) {
        if (i >= ROWS) break outer;
        // Bad rows, spread over the file: unknown area, non-numeric value, year out of range, in turn.
        if (bad && i % Math.floor(ROWS / bad) === 0) {
          const kind = (i / Math.floor(ROWS / bad)) % 3;
          lines.push(
            kind === 0 ? `ar-unbekannt;${key};${year};1,0` : kind === 1 ? `${area};${key};${year};n/a` : `${area};${key};1850;1,0`,
          );
        } else {
          lines.push(`${area};${key};${year};${valueOf(i, changed)}`);
        }
        i++;
      }
    }
  }
  if (i < ROWS) throw new Error(`Only ${i} distinct rows; add indicators or areas`);
  return `${lines.join('\r\n')}\r\n`;
}

/** The rows of the clean file as the importer stores them: [indicatorId, areaId, scope, year, valueScaled]. */
function cleanRows(keys, areaCodes, indicatorIds, areaIds) {
  const rows = [];
  let i = 0;
  outer: for (const key of keys) {
    for (const area of areaCodes) {
      for (const year of YEARS) {
        if (i >= ROWS) break outer;
        const areaId = area === 'stadt' ? null : areaIds.get(area.toLowerCase());
        const [whole, tenth] = valueOf(i, false).split(',').map(Number);
        rows.push([indicatorIds.get(key), areaId, areaId ?? 'city', year, (whole * 10 + tenth) * 1000]);
        i++;
      }
    }
  }
  return rows;
}

/** Baseline (a): decode the file's bytes and parse them with csv-parse/sync alone, with the importer's options. */
function parseBaseline(bytes) {
  const { parse } = require('csv-parse/sync');
  const started = process.hrtime.bigint();
  const input = bytes.toString('utf8');
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records = parse(text, {
    delimiter: ';',
    info: true,
    raw: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  });
  const ms = elapsedMs(started);
  if (records.length !== ROWS + 1) throw new Error(`csv-parse read ${records.length} records, expected ${ROWS + 1}`);
  return ms;
}

/**
 * Baseline (b): the write floor. A scratch table shaped like indicator_values (migration
 * 1764800000000-social-report), the rows inserted in one transaction with chunked multi-row
 * INSERTs through the app's DataSource, then counted and dropped. Only the transaction is timed.
 */
async function writeFloor(ds, pg, rows) {
  const uuid = pg ? 'uuid' : 'varchar';
  const ts = pg ? 'timestamptz' : 'datetime';
  const now = pg ? 'now()' : "STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')";
  const ph = (n) => (pg ? `$${n}` : '?');
  await ds.query(`DROP TABLE IF EXISTS "${SCRATCH}"`);
  await ds.query(
    `CREATE TABLE "${SCRATCH}" (` +
      `"id" ${uuid} PRIMARY KEY NOT NULL, ` +
      `"indicatorId" ${uuid} NOT NULL REFERENCES "indicators" ("id") ON DELETE RESTRICT, ` +
      `"areaId" ${uuid} REFERENCES "areas" ("id") ON DELETE RESTRICT, ` +
      `"scope" varchar(36) NOT NULL, "year" integer NOT NULL, "valueScaled" bigint NOT NULL, ` +
      `"createdAt" ${ts} NOT NULL DEFAULT (${now}), "updatedAt" ${ts} NOT NULL DEFAULT (${now}))`,
  );
  try {
    await ds.query(`CREATE UNIQUE INDEX "${SCRATCH}_uq" ON "${SCRATCH}" ("indicatorId", "scope", "year")`);
    await ds.query(`CREATE INDEX "${SCRATCH}_area" ON "${SCRATCH}" ("areaId")`);
    const started = process.hrtime.bigint();
    await ds.transaction(async (m) => {
      for (let start = 0; start < rows.length; start += CHUNK) {
        const params = [];
        const tuples = rows.slice(start, start + CHUNK).map((row) => {
          const first = params.length + 1;
          params.push(randomUUID(), ...row);
          return `(${[0, 1, 2, 3, 4, 5].map((k) => ph(first + k)).join(', ')})`;
        });
        await m.query(
          `INSERT INTO "${SCRATCH}" ("id", "indicatorId", "areaId", "scope", "year", "valueScaled") VALUES ${tuples.join(', ')}`,
          params,
        );
      }
    });
    const ms = elapsedMs(started);
    const [{ n }] = await ds.query(`SELECT COUNT(*) AS n FROM "${SCRATCH}"`);
    if (Number(n) !== rows.length) throw new Error(`Write floor stored ${n} rows, expected ${rows.length}`);
    return ms;
  } finally {
    await ds.query(`DROP TABLE IF EXISTS "${SCRATCH}"`);
  }
}

async function main() {
  if (!existsSync(path.join(DIST, 'app.factory.js'))) throw new Error('Run `npm run build -w apps/api` first.');
  const loadBefore = os.loadavg();
  const startedAt = new Date();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-indicators-'));
  const pg = args.postgres ? await freshPostgres(args.postgres) : null;
  const env = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    SEED_DEMO_DATA: 'true',
    PORT: '0',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // The default rate limits, as a city runs them.
    ...(pg ? { DATABASE_URL: pg.url } : {}),
  };
  // Column types follow DATABASE_URL when the entity files load: set it before requiring them.
  if (pg) process.env.DATABASE_URL = pg.url;
  const { loadConfig } = require(path.join(DIST, 'config/config.js'));
  const { createApp } = require(path.join(DIST, 'app.factory.js'));
  const { DataSource } = require('typeorm');
  const app = await createApp(loadConfig(env));
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const api = client(base);
  await api('GET', '/api/auth/session');
  await api('POST', '/api/auth/login', ADMIN);

  // Enough (indicator, area, year) combinations: every area of the demo data and the city, 34 years.
  const areaCodes = ['stadt', ...(await api('GET', '/api/areas?include=all')).map((a) => a.code)];
  const needed = Math.ceil(ROWS / (areaCodes.length * YEARS.length));
  const keys = [];
  for (let k = 0; k < needed; k++) {
    const key = `bench_${String(k).padStart(3, '0')}`;
    await api('POST', '/api/indicators', {
      key,
      name: { de: `Benchmark ${k}`, en: `Benchmark ${k}` },
      unit: '%',
      direction: 'lower_is_better',
      description: { de: 'Benchmark', en: 'Benchmark' },
      source: 'bench/indicator-import.js',
    });
    keys.push(key);
  }
  const clean = csvFile(keys, areaCodes);
  const changed = csvFile(keys, areaCodes, { changed: true });
  const bad = csvFile(keys, areaCodes, { bad: 1000 });
  const ds = app.get(DataSource);
  const rows = cleanRows(
    keys,
    areaCodes,
    new Map((await ds.query(`SELECT "id", "key" FROM "indicators"`)).map((r) => [r.key, r.id])),
    new Map((await ds.query(`SELECT "id", "code" FROM "areas"`)).map((r) => [r.code.toLowerCase(), r.id])),
  );
  if (rows.length !== ROWS || rows.some((r) => !r[0] || r[1] === undefined)) throw new Error('Could not map the file rows to ids');
  const cleanBytes = Buffer.from(clean, 'utf8');
  const baselines = [];
  const baseline = async (when) => {
    parseBaseline(cleanBytes); // warm-up: JIT and csv-parse loaded, not counted
    const parseMs = parseBaseline(cleanBytes);
    const writeMs = await writeFloor(ds, Boolean(pg), rows);
    console.log(`baseline ${when.padEnd(6)} parse ${parseMs.toFixed(0).padStart(6)} ms  write floor ${writeMs.toFixed(0).padStart(6)} ms`);
    baselines.push({ when, parseMs, writeMs });
  };
  await baseline('before');

  const step = async (name, body, dryRun) => {
    const started = process.hrtime.bigint();
    const report = await api('POST', `/api/indicators/import${dryRun ? '?dryRun=true' : ''}`, body, 'text/csv');
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const line = { name, ms, serverMs: report.durationMs, ...report.counts, errors: report.errorCount, imported: report.imported };
    console.log(
      `${name.padEnd(48)} ${ms.toFixed(0).padStart(6)} ms (server ${String(report.durationMs).padStart(6)} ms)  ${JSON.stringify(report.counts)} errors ${report.errorCount}`,
    );
    return line;
  };
  const results = [
    await step('dry run, clean file', clean, true),
    await step('import (one transaction)', clean, false),
    await step('re-import of the same file', clean, false),
    await step('import with every 10th value changed', changed, false),
    await step('dry run, file with 1,000 bad rows', bad, true),
  ];
  await baseline('after');
  const loadAfter = os.loadavg();
  const mean = (f) => baselines.reduce((sum, b) => sum + f(b), 0) / baselines.length;
  const parseMs = mean((b) => b.parseMs);
  const writeMs = mean((b) => b.writeMs);
  const baseMs = parseMs + writeMs;
  const times = (ms) => `${(ms / baseMs).toFixed(2)} ×`;
  const [{ n }] = await ds.query(
    `SELECT COUNT(*) AS n FROM "indicator_values" v JOIN "indicators" i ON i."id" = v."indicatorId" WHERE i."key" LIKE 'bench_%'`,
  );
  if (Number(n) !== ROWS) throw new Error(`Expected ${ROWS} stored values, found ${n}`);
  const dbName = pg ? 'PostgreSQL' : 'SQLite (WAL)';
  const version = pg ? (await ds.query('SHOW server_version'))[0].server_version : (await ds.query('SELECT sqlite_version() AS v'))[0].v;

  const report = [
    `\n## Indicator CSV import, ${ROWS.toLocaleString('en')} rows, ${dbName} — ${startedAt.toISOString().slice(0, 10)}`,
    '',
    `- Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; ${dbName} ${version}; run started ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC; load average (1/5/15 min) before the run ${loadBefore.map((l) => l.toFixed(1)).join(' / ')}, after ${loadAfter.map((l) => l.toFixed(1)).join(' / ')}`,
    `- Command: \`npm run build -w apps/api && node bench/indicator-import.js --rows ${ROWS}${pg ? ' --postgres postgres://…' : ''}\``,
    `- File: ${(Buffer.byteLength(clean) / 2 ** 20).toFixed(1)} MB, German statistics-office dialect (BOM, \`;\`, decimal comma, CRLF), ${keys.length} indicators × ${areaCodes.length} area keys (incl. \`stadt\`) × ${YEARS.length} years; POST /api/indicators/import over HTTP to the built API in the same process, as administrator; "client" = request sent to report received, "server" = the report's durationMs`,
    `- Baseline, same run and process, measured before and after the five steps (mean used): (a) parse = the file's bytes decoded and parsed by csv-parse/sync alone with the importer's options; (b) write floor = the same ${ROWS.toLocaleString('en')} rows inserted in one transaction with chunked multi-row INSERTs (${CHUNK.toLocaleString('en')} rows each) into a scratch table shaped like indicator_values (bigint value, same unique index, area index and foreign keys) through the app's DataSource (same ${pg ? 'server' : 'database file'}, same driver), dropped afterwards`,
    '',
    '| baseline | before ms | after ms | mean ms |',
    '|---|---|---|---|',
    `| (a) parse (csv-parse/sync) | ${baselines[0].parseMs.toFixed(0)} | ${baselines[1].parseMs.toFixed(0)} | ${parseMs.toFixed(0)} |`,
    `| (b) write floor (plain chunked INSERT, one transaction) | ${baselines[0].writeMs.toFixed(0)} | ${baselines[1].writeMs.toFixed(0)} | ${writeMs.toFixed(0)} |`,
    `| (a) + (b) | ${(baselines[0].parseMs + baselines[0].writeMs).toFixed(0)} | ${(baselines[1].parseMs + baselines[1].writeMs).toFixed(0)} | ${baseMs.toFixed(0)} |`,
    '',
    '| step | client ms | server ms | client ÷ baseline | server ÷ baseline | inserted | updated | unchanged | errors |',
    '|---|---|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.ms.toFixed(0)} | ${r.serverMs} | ${times(r.ms)} | ${times(r.serverMs)} | ${r.inserted} | ${r.updated} | ${r.unchanged} | ${r.errors} |`,
    ),
    '',
    `Stored afterwards: ${Number(n).toLocaleString('en')} values of the benchmark indicators (checked). Goal: 100,000 rows checked and written in one transaction in well under 10 s.`,
  ].join('\n');
  console.log(report);
  if (args.write) appendFileSync(path.join(ROOT, 'BENCHMARKS.md'), `${report}\n`);
  await app.close();
  if (pg) await pg.drop();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
