#!/usr/bin/env node
/**
 * Benchmark: N socket.io clients join one assembly — guests via POST /api/assemblies/join, then a
 * websocket each — and each casts one ballot in a secret yes/no/abstain round; right after the last
 * ack the moderator closes and publishes, and every client notes when the published result arrives.
 * One command per scenario:
 *
 *   --scenario burst    all N ballots sent at once (the capacity)
 *   --scenario window   the N ballots spread evenly over --window ms (default 2000)
 *
 * Server: the BUILT API (apps/api/dist, `npm run build -w apps/api`) with its DEFAULT settings (rate
 * limits included) as child process(es): on a fresh SQLite file (--db sqlite), or on a fresh
 * PostgreSQL database (--db postgres, from --database-url / DATABASE_URL, default
 * postgres://postgres@127.0.0.1:5432/postgres) with Redis (--redis-url / REDIS_URL) and --processes
 * API processes (default 2 on PostgreSQL), the clients spread over them. Baseline in the same run:
 * bench/live-bare-server.js (socket.io, same protocol, all in memory). Load:
 * bench/live-ballots-load.js in its own process. Lost or doubled ballots are checked against the
 * receipts and tallies in the database. --runs (default 3) repeats everything on fresh servers and
 * prints the median and the worst run as Markdown table rows, with the 1-minute load average.
 * --relaxed raises the per-address rate limits (label it: it is not what a city runs).
 *
 *   npm run build -w apps/api && node bench/live-ballots.js --scenario burst --clients 1000
 *   node bench/live-ballots.js --scenario window --clients 2000 --db postgres
 *
 * --write appends the rows to BENCHMARKS.md; --profile <dir> writes a CPU profile of every API process
 * in the first run, for the ballots alone (from the first ballot sent to the last ack, through the
 * inspector: start-up and joins stay out), as <dir>/api<N>.cpuprofile.
 */
const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { parseArgs } = require('node:util');

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'apps/api/dist/apps/api/src/main.js');
const ADMIN = { email: 'admin@example.org', password: 'Admin-Passwort-2024!' };
const CSRF = `bench_${randomBytes(24).toString('hex')}`;
const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'burst' },
    clients: { type: 'string', default: '1000' },
    window: { type: 'string', default: '2000' },
    db: { type: 'string', default: 'sqlite' },
    processes: { type: 'string' },
    'database-url': { type: 'string', default: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' },
    'redis-url': { type: 'string', default: process.env.REDIS_URL || 'redis://127.0.0.1:6379' },
    runs: { type: 'string', default: '3' },
    relaxed: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    /** Writes V8 CPU profiles of the API processes' ballot phase to this folder (for finding where the time goes). */
    profile: { type: 'string' },
  },
});
const CLIENTS = Number(args.clients);
const WINDOW_MS = Number(args.window);
const POSTGRES = args.db === 'postgres';
const PROCESSES = Number(args.processes ?? (POSTGRES ? 2 : 1));
const RUNS = Number(args.runs);
if (!['burst', 'window'].includes(args.scenario)) throw new Error('--scenario must be burst or window');
if (!['sqlite', 'postgres'].includes(args.db)) throw new Error('--db must be sqlite or postgres');
if (PROCESSES > 1 && !POSTGRES) throw new Error('more than one API process needs --db postgres (and Redis)');
const ROUND =
  args.scenario === 'burst'
    ? { label: 'burst (all at once)', windowMs: 0 }
    : { label: `${WINDOW_MS / 1000} s window`, windowMs: WINDOW_MS };

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

/** Starts a server process and waits for GET /api/health; `inspect` opens its inspector (for --profile). */
async function startServer(name, argv, env, inspect = false) {
  const port = await freePort();
  const inspectPort = inspect ? await freePort() : null;
  const child = spawn(process.execPath, [...(inspect ? [`--inspect=127.0.0.1:${inspectPort}`] : []), ...argv, String(port)], {
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
    inspectPort,
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

/** A Chrome DevTools Protocol session on a server's inspector (Node's global WebSocket). */
async function inspectorOf(server) {
  const [target] = await (await fetch(`http://127.0.0.1:${server.inspectPort}/json/list`)).json();
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  const pending = new Map();
  let nextId = 0;
  ws.onmessage = (event) => {
    const message = JSON.parse(event.data);
    pending.get(message.id)?.(message);
    pending.delete(message.id);
  };
  const send = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      pending.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
      ws.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => ws.close() };
}

/** CPU time (ms) of every process on the machine by pid, with its command name, from /proc (Linux). */
function processCpu() {
  const out = new Map();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(pid), { comm, ms: (Number(fields[11]) + Number(fields[12])) * 10 });
    } catch {
      // gone
    }
  }
  return out;
}

/**
 * Phase hooks for the load generator, from the first ballot sent to the last ack: the CPU every process
 * on the machine used (printed), and with `dir` (--profile) a CPU profile of every API process.
 */
function ballotPhase(servers, dir) {
  let sessions = [];
  let cpuBefore = null;
  let wallBefore = 0;
  async function startProfiles() {
    sessions = await Promise.all(servers.map(inspectorOf));
    for (const s of sessions) {
      await s.send('Profiler.enable');
      await s.send('Profiler.setSamplingInterval', { interval: 250 });
    }
    await Promise.all(sessions.map((s) => s.send('Profiler.start')));
  }
  async function stopProfiles() {
    const profiles = await Promise.all(sessions.map((s) => s.send('Profiler.stop')));
    mkdirSync(dir, { recursive: true });
    profiles.forEach(({ profile }, i) => writeFileSync(path.join(dir, `${servers[i].name}.cpuprofile`), JSON.stringify(profile)));
    sessions.forEach((s) => s.close());
    console.error(`ballot-phase CPU profiles: ${servers.map((s) => path.join(dir, `${s.name}.cpuprofile`)).join(', ')}`);
  }
  return {
    ballots: async () => {
      if (dir) await startProfiles();
      cpuBefore = processCpu();
      wallBefore = performance.now();
    },
    'ballots-done': async () => {
      // Who used the CPU while the ballots came in: the API processes, the load generator, the databases, the rest.
      const wall = performance.now() - wallBefore;
      const apiPids = new Set(servers.map((s) => s.pid));
      const byGroup = new Map();
      for (const [pid, { comm, ms }] of processCpu()) {
        const used = ms - (cpuBefore.get(pid)?.ms ?? 0);
        if (used <= 0) continue;
        const group = apiPids.has(pid)
          ? 'API'
          : comm === 'node'
            ? pid === process.pid
              ? 'bench'
              : 'load generator'
            : comm.split(/[: ]/)[0];
        byGroup.set(group, (byGroup.get(group) ?? 0) + used);
      }
      const groups = [...byGroup].sort((x, y) => y[1] - x[1]).map(([g, ms]) => `${g} ${ms} ms`);
      console.error(`  ballot phase: ${wall.toFixed(0)} ms wall; CPU by process: ${groups.join(', ')}`);
      if (dir) await stopProfiles();
    },
  };
}

function runLoad(config, servers, hooks = null) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'live-ballots-load.js'), JSON.stringify({ ...config, phases: !!hooks })], {
      stdio: [hooks ? 'pipe' : 'ignore', 'pipe', 'inherit'],
    });
    let out = '';
    let peakRssMb = 0;
    const sampler = setInterval(() => {
      try {
        peakRssMb = Math.max(
          peakRssMb,
          servers.reduce((sum, s) => sum + memory(s.pid).rssMb, 0),
        );
      } catch {
        // process gone
      }
    }, 100);
    let seen = 0;
    child.stdout.on('data', (d) => {
      out += d;
      // Phase lines ({"phase": name}) come before the result line: run the hook, then let the generator go on.
      const lines = out.split('\n');
      for (; seen < lines.length - 1; seen++) {
        const name = lines[seen].startsWith('{"phase"') ? JSON.parse(lines[seen]).phase : null;
        if (name)
          Promise.resolve(hooks?.[name]?.())
            .then(() => child.stdin.write('\n'))
            .catch(reject);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(sampler);
      if (code !== 0) return reject(new Error(`load generator failed (${code}); server log:\n${servers[0].log()}`));
      resolve({ ...JSON.parse(out.trim().split('\n').pop()), sampledPeakRssMb: peakRssMb });
    });
  });
}

/** A query function on the run's database: SQLite file (read-only) or PostgreSQL. */
async function openDatabase(target) {
  if (target.sqlitePath) {
    const sqlite3 = require('sqlite3');
    const db = await new Promise((resolve, reject) => {
      const d = new sqlite3.Database(target.sqlitePath, sqlite3.OPEN_READONLY, (e) => (e ? reject(e) : resolve(d)));
    });
    return {
      all: (sql, params) => new Promise((resolve, reject) => db.all(sql, params, (e, rows) => (e ? reject(e) : resolve(rows)))),
      close: () => new Promise((resolve) => db.close(resolve)),
    };
  }
  const { Client } = require('pg');
  const client = new Client({ connectionString: target.url });
  await client.connect();
  return { all: async (sql, params) => (await client.query(sql, params)).rows, close: () => client.end() };
}

async function countInDatabase(target, roundId) {
  const db = await openDatabase(target);
  try {
    const [r] = await db.all('SELECT COUNT(*) AS n, COUNT(DISTINCT "participantId") AS d FROM ballot_receipts WHERE "roundId" = $1', [
      roundId,
    ]);
    const [t] = await db.all('SELECT COALESCE(SUM(online), 0) AS s FROM round_tallies WHERE "roundId" = $1', [roundId]);
    return { receipts: Number(r.n), distinct: Number(r.d), tallySum: Number(t.s) };
  } finally {
    await db.close();
  }
}

/** A fresh database for one run: a SQLite file in a temp folder, or a new PostgreSQL database. */
async function freshDatabase(dataDir) {
  if (!POSTGRES) {
    const sqlitePath = path.join(dataDir, 'db.sqlite');
    return { sqlitePath, env: { SQLITE_PATH: sqlitePath, DATABASE_URL: '', REDIS_URL: '' }, drop: async () => undefined };
  }
  const { Client } = require('pg');
  const name = `bench_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: args['database-url'] });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(args['database-url']);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    env: { DATABASE_URL: url.toString(), REDIS_URL: args['redis-url'], REDIS_KEY_PREFIX: `${name}:` },
    drop: async () => {
      const c = new Client({ connectionString: args['database-url'] });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** Whether a round came through whole: every ballot acknowledged, received, counted, published once. */
function intact(r, c) {
  return (
    r.acksOk === CLIENTS &&
    r.noAck === 0 &&
    r.publishedBallots === CLIENTS &&
    r.publishedOnlineSum === CLIENTS &&
    r.clientsSawResult === CLIENTS &&
    r.clientsSawWrongCount === 0 &&
    (!c || (c.receipts === CLIENTS && c.distinct === CLIENTS && c.tallySum === CLIENTS))
  );
}

/** One run: the bare baseline and the API, each fresh, the same load. */
async function runOnce(index) {
  const load1 = os.loadavg()[0];
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-live-'));
  const database = await freshDatabase(dataDir);
  const servers = [];
  try {
    const bare = await startServer('bare', [path.join(__dirname, 'live-bare-server.js')], {});
    servers.push(bare);
    const bareAssembly = await (await fetch(`${bare.baseUrl}/bench/assembly`)).json();
    const common = { clients: CLIENTS, csrf: CSRF, rounds: [ROUND] };
    const bareResult = await runLoad(
      {
        ...common,
        baseUrls: [bare.baseUrl],
        serverPids: [bare.pid],
        assemblyId: bareAssembly.id,
        joinCode: bareAssembly.joinCode,
        moderatorCookie: 'sid=bare-moderator',
      },
      [bare],
      ballotPhase([bare], null),
    );
    await bare.stop();

    const env = {
      NODE_ENV: 'production',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      ...(args.relaxed ? { RATE_LIMIT_AUTH: '100000', RATE_LIMIT_WRITE: '10000000' } : {}),
      ...database.env,
    };
    const profile = Boolean(args.profile) && index === 0;
    const apis = [];
    // One after the other: the first applies the migrations.
    for (let i = 0; i < PROCESSES; i++) apis.push(await startServer(`api${i + 1}`, [MAIN], env, profile));
    servers.push(...apis);
    const apiResult = await runLoad(
      { ...common, baseUrls: apis.map((a) => a.baseUrl), serverPids: apis.map((a) => a.pid), ...(await prepareApi(apis[0].baseUrl)) },
      apis,
      ballotPhase(apis, profile ? path.resolve(args.profile) : null),
    );
    const bareRound = bareResult.rounds[0];
    const apiRound = apiResult.rounds[0];
    const counts = await countInDatabase(database, apiRound.roundId);
    return {
      load1,
      joinMs: apiResult.joinMs,
      bare: { ...bareRound, intact: intact(bareRound, null) },
      api: { ...apiRound, counts, intact: intact(apiRound, counts), peakRssMb: apiResult.sampledPeakRssMb },
    };
  } finally {
    for (const server of servers) await server.stop();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(0) : '—');
/** "median (worst)"; worse is lower when `higherIsBetter`. */
const summary = (xs, higherIsBetter) => `${fmt(median(xs))} (${fmt(higherIsBetter ? Math.min(...xs) : Math.max(...xs))})`;

async function main() {
  if (!existsSync(MAIN)) throw new Error('Run `npm run build -w apps/api` first.');
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await runOnce(i);
    runs.push(run);
    console.error(
      `run ${i + 1}/${RUNS}: load ${run.load1.toFixed(2)}; bare ${fmt(run.bare.ballotsPerSecond)}/s p99 ${fmt(run.bare.ackP99)} ms; ` +
        `API ${fmt(run.api.ballotsPerSecond)}/s p99 ${fmt(run.api.ackP99)} ms, result seen ${fmt(run.api.finalTallyAfterLastSendMs)} ms after the last ballot, ` +
        `CPU ${run.api.serverCpuMsPerBallot.toFixed(2)} ms/ballot (bare ${run.bare.serverCpuMsPerBallot.toFixed(2)}), ` +
        `acks ${run.api.acksOk}/${run.api.acksError}/${run.api.noAck} ${run.api.errorCodes.join(',')}, receipts ${run.api.counts.receipts}, tally ${run.api.counts.tallySum}, ${run.api.intact ? 'intact' : 'NOT INTACT'}`,
    );
  }
  const server = POSTGRES ? `API × ${PROCESSES} (PostgreSQL${PROCESSES > 1 ? ' + Redis' : ''})` : 'API (SQLite)';
  const loads = runs.map((r) => r.load1);
  const row = (name, pick, share) => {
    const of = (key) => runs.map((r) => pick(r)[key]);
    const cells = [
      args.scenario === 'burst' ? `${CLIENTS} at once` : `${CLIENTS} in ${WINDOW_MS / 1000} s`,
      name,
      args.relaxed ? 'relaxed' : 'default',
      RUNS,
      summary(of('ballotsPerSecond'), true),
      share
        ? `${summary(
            runs.map((r) => (100 * pick(r).ballotsPerSecond) / r.bare.ballotsPerSecond),
            true,
          )} %`
        : '—',
      summary(of('ackP50'), false),
      summary(of('ackP99'), false),
      summary(of('finalTallyAfterLastSendMs'), false),
      median(of('serverCpuMsPerBallot')).toFixed(2),
      `${runs.every((r) => pick(r).intact) ? '✓' : '✗'} ${runs
        .map((r) => {
          const x = pick(r);
          return `${x.acksOk}/${x.counts ? `${x.counts.receipts}/${x.counts.tallySum}/` : ''}${x.publishedOnlineSum}`;
        })
        .join(' · ')}`,
      `${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`,
    ];
    return `| ${cells.join(' | ')} |`;
  };
  const rows = [row('bare socket.io (memory)', (r) => r.bare, false), row(server, (r) => r.api, true)];
  const header = [
    '| scenario | server | rate limits | runs | ballots/s median (worst) | share of bare | ack p50 ms | ack p99 ms | published result seen by all, ms after the last ballot | server CPU ms per ballot | intact: acks/receipts/tally/published per run | load 1 min |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const command = `node bench/live-ballots.js --scenario ${args.scenario} --clients ${CLIENTS}${args.scenario === 'window' ? ` --window ${WINDOW_MS}` : ''} --db ${args.db}${POSTGRES ? ` --processes ${PROCESSES}` : ''} --runs ${RUNS}${args.relaxed ? ' --relaxed' : ''}`;
  console.log(
    [
      `<!-- ${new Date().toISOString()} · ${os.cpus().length} × ${os.cpus()[0].model.trim()} · Node ${process.version} · ${command} -->`,
      ...header,
      ...rows,
    ].join('\n'),
  );
  if (args.write) appendFileSync(path.join(ROOT, 'BENCHMARKS.md'), `${rows.join('\n')}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
