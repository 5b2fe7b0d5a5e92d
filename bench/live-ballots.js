#!/usr/bin/env node
/**
 * Benchmark: N socket.io clients (default 1,000) join one assembly — guests via
 * POST /api/assemblies/join, then a websocket each — and each casts one ballot, spread evenly over
 * a 2 s window; then the moderator closes and publishes right after the last ack. A second round
 * sends all ballots at once (burst) to show the capacity beyond the 2 s window.
 *
 * Server: the BUILT API (apps/api/dist, `npm run build -w apps/api`) as a child process on a fresh
 * SQLite file. Baseline in the same run: bench/live-bare-server.js (socket.io, same protocol, all
 * in memory). Load: bench/live-ballots-load.js in its own process (server and clients never share
 * an event loop). Server RSS is read from /proc/<pid>/status; lost or doubled ballots are checked
 * against the receipts and tallies in the SQLite file.
 *
 *   npm run build -w apps/api && node bench/live-ballots.js [--clients 1000] [--window 2000] [--write]
 *
 * --write appends the results to BENCHMARKS.md; --profile <dir> writes a CPU profile of the API.
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'apps/api/dist/apps/api/src/main.js');
const ADMIN = { email: 'admin@example.org', password: 'Admin-Passwort-2024!' };
const CSRF = `bench_${randomBytes(24).toString('hex')}`;
const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    window: { type: 'string', default: '2000' },
    write: { type: 'boolean', default: false },
    /** Writes a V8 CPU profile of the API process to this folder (for finding where the time goes). */
    profile: { type: 'string' },
  },
});
const CLIENTS = Number(args.clients);
const WINDOW_MS = Number(args.window);
const ROUNDS = [
  { label: `${WINDOW_MS / 1000} s window`, windowMs: WINDOW_MS },
  { label: 'burst (all at once)', windowMs: 0 },
];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Starts a server process and waits for GET /api/health. */
async function startServer(name, argv, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [...argv, String(port)], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log = (log + d).slice(-10_000)));
  child.stderr.on('data', (d) => (log = (log + d).slice(-10_000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited: ${log}`);
    if (Date.now() > deadline) throw new Error(`${name} not healthy: ${log}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).status === 200) break;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    name,
    baseUrl,
    pid: child.pid,
    log: () => log,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
}

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function request(baseUrl, method, pathname, body, cookie = '') {
  const response = await fetch(`${baseUrl}${pathname}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: `csrf_token=${CSRF}${cookie ? `; ${cookie}` : ''}`, 'x-csrf-token': CSRF },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} ${pathname}: ${response.status} ${text}`);
  return { body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** Admin login, an area and an assembly on the API; returns what the load generator needs. */
async function prepareApi(baseUrl) {
  const login = await request(baseUrl, 'POST', '/api/auth/login', ADMIN);
  const sid = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('sid='))
    ?.split(';')[0];
  const area = await request(
    baseUrl,
    'POST',
    '/api/areas',
    { type: 'district', code: 'd-bench', name: 'Bench', validFrom: '2024-01-01' },
    sid,
  );
  const startsAt = new Date(Date.now() + 3_600_000);
  const assembly = await request(
    baseUrl,
    'POST',
    '/api/assemblies',
    {
      title: 'Benchmark-Versammlung',
      place: 'Halle',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
      areaIds: [area.body.id],
    },
    sid,
  );
  return { assemblyId: assembly.body.id, joinCode: assembly.body.joinCode, moderatorCookie: `csrf_token=${CSRF}; ${sid}` };
}

function runLoad(config, server) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'live-ballots-load.js'), JSON.stringify(config)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let peakRssMb = 0;
    const sampler = setInterval(() => {
      try {
        peakRssMb = Math.max(peakRssMb, memory(server.pid).rssMb);
      } catch {
        // process gone
      }
    }, 100);
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`load generator failed (${code}); server log:\n${server.log()}`));
      resolve({ ...JSON.parse(out.trim().split('\n').pop()), sampledPeakRssMb: peakRssMb });
    });
  });
}

async function countInDatabase(sqlitePath, roundIds) {
  const sqlite3 = require('sqlite3');
  const db = await new Promise((resolve, reject) => {
    const d = new sqlite3.Database(sqlitePath, sqlite3.OPEN_READONLY, (e) => (e ? reject(e) : resolve(d)));
  });
  const all = (sql, params) => new Promise((resolve, reject) => db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows))));
  const counts = {};
  for (const id of roundIds) {
    const [r] = await all('SELECT COUNT(*) AS n, COUNT(DISTINCT "participantId") AS d FROM ballot_receipts WHERE "roundId" = ?', [id]);
    const [t] = await all('SELECT COALESCE(SUM(online), 0) AS s FROM round_tallies WHERE "roundId" = ?', [id]);
    counts[id] = { receipts: r.n, distinct: r.d, tallySum: t.s };
  }
  await new Promise((resolve) => db.close(resolve));
  return counts;
}

async function main() {
  if (!existsSync(MAIN)) throw new Error('Run `npm run build -w apps/api` first.');
  const loadBefore = os.loadavg();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-live-'));
  const sqlitePath = path.join(dataDir, 'db.sqlite');
  const bare = await startServer('bare', [path.join(__dirname, 'live-bare-server.js')], {});
  const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.profile)}`] : [];
  const api = await startServer('api', [...profile, MAIN], {
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    SQLITE_PATH: sqlitePath,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_AUTH: '100000',
    RATE_LIMIT_WRITE: '10000000',
    DATABASE_URL: '',
    REDIS_URL: '',
  });
  try {
    const bareAssembly = await (await fetch(`${bare.baseUrl}/bench/assembly`)).json();
    const common = { clients: CLIENTS, csrf: CSRF, rounds: ROUNDS };
    const bareIdle = memory(bare.pid);
    const bareResult = await runLoad(
      {
        ...common,
        baseUrl: bare.baseUrl,
        assemblyId: bareAssembly.id,
        joinCode: bareAssembly.joinCode,
        moderatorCookie: 'sid=bare-moderator',
      },
      bare,
    );
    const bareMem = memory(bare.pid);
    const apiIdle = memory(api.pid);
    const apiResult = await runLoad({ ...common, baseUrl: api.baseUrl, ...(await prepareApi(api.baseUrl)) }, api);
    const apiMem = memory(api.pid);
    const db = await countInDatabase(
      sqlitePath,
      apiResult.rounds.map((r) => r.roundId),
    );
    const loadAfter = os.loadavg();

    const rows = [];
    for (const [name, result, idle, mem] of [
      ['bare socket.io (memory)', bareResult, bareIdle, bareMem],
      ['API (SQLite)', apiResult, apiIdle, apiMem],
    ]) {
      for (const r of result.rounds) {
        const c = name.startsWith('API') ? db[r.roundId] : null;
        const base = bareResult.rounds.find((b) => b.label === r.label);
        const intact =
          r.acksOk === CLIENTS &&
          r.noAck === 0 &&
          r.publishedBallots === CLIENTS &&
          r.publishedOnlineSum === CLIENTS &&
          r.clientsSawWrongCount === 0 &&
          (!c || (c.receipts === CLIENTS && c.distinct === CLIENTS && c.tallySum === CLIENTS));
        rows.push(
          `| ${name} | ${r.label} | ${r.ballotsPerSecond.toFixed(0)} | ${name.startsWith('API') ? `${((r.ballotsPerSecond / base.ballotsPerSecond) * 100).toFixed(0)} %` : '—'} | ${r.ackP50.toFixed(1)} | ${r.ackP99.toFixed(1)} | ${r.finalTallyAfterLastSendMs.toFixed(0)} / ${r.finalTallyAfterLastAckMs.toFixed(0)} (${r.clientsSawResult}/${CLIENTS}) | ${idle.rssMb.toFixed(0)} → ${Math.max(result.sampledPeakRssMb, mem.rssMb).toFixed(0)} | ${r.acksOk}/${r.acksError}/${r.noAck} · ${r.publishedOnlineSum}${c ? ` · ${c.receipts}/${c.tallySum}` : ''} ${intact ? '✓' : '✗'} |`,
        );
      }
    }
    const report = [
      `\n## Live ballots over socket.io — ${new Date().toISOString().slice(0, 10)}`,
      '',
      `- Machine: ${os.cpus().length} × ${os.cpus()[0].model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}; load average ${loadBefore.map((x) => x.toFixed(2)).join(' / ')} before, ${loadAfter.map((x) => x.toFixed(2)).join(' / ')} after the run`,
      `- Command: \`npm run build -w apps/api && node bench/live-ballots.js --clients ${CLIENTS} --window ${WINDOW_MS}\``,
      `- ${CLIENTS} guests join by REST (API: ${apiResult.joinMs.toFixed(0)} ms for all, then ${apiResult.connectMs.toFixed(0)} ms to open ${CLIENTS} websockets; bare: ${bareResult.joinMs.toFixed(0)} / ${bareResult.connectMs.toFixed(0)} ms) and stay connected; a moderator socket runs two secret yes/no/abstain rounds: ballots spread evenly over ${WINDOW_MS / 1000} s, then all at once. Right after the last ack the moderator closes and publishes; "final tally" is the time from the last ballot sent (and from the last ack) until the last client received the published result. Load generator in its own process; API on SQLite (WAL), LOG_LEVEL=warn, no Redis; RSS from /proc (idle after start → peak sampled every 100 ms)`,
      '',
      '| server | round | ballots/s | share of bare | ack p50 ms | ack p99 ms | final tally seen by all, ms after the last ballot sent / last ack (clients) | RSS MB | acks ok/error/none · published sum · receipts/tally in DB |',
      '|---|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      "Goals: zero lost or doubled ballots; ack p99 under 200 ms; every client sees the final tally within 1 s of the last ballot; at least 50 % of the baseline's ballots/s. In the 2 s window both servers are offered the same ~N/2 s⁻¹, so ballots/s there shows whether the server keeps up; the burst round shows the capacity.",
    ].join('\n');
    console.log(report);
    if (args.write) appendFileSync(path.join(ROOT, 'BENCHMARKS.md'), `${report}\n`);
  } finally {
    await api.stop();
    await bare.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
