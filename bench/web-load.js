#!/usr/bin/env node
/* global window, document, MutationObserver */
/**
 * Benchmark: how fast the citizen pages and the live vote load on a phone with a weak connection.
 *
 * Debian's Chromium (playwright-core, headless) with CDP network emulation
 * (Network.emulateNetworkConditions) and CPU throttling (Emulation.setCPUThrottlingRate), the HTTP
 * cache off, a fresh browser profile per load, a 360 × 640 screen. Server: the BUILT API (which
 * serves the built web app, apps/web/dist or --web-dist) with its default settings and the demo data,
 * on a fresh SQLite file. Pages: home, proposals list, a proposal, /join/CODE, the live participant
 * view of a guest (until the ballot is usable: an open round, the submit button enabled) and the
 * projector. Per page and profile: --runs loads (default 5); median and worst of first contentful
 * paint, largest contentful paint, time until the ballot is usable, and the bytes transferred by
 * type (JS, CSS, font, other; compressed as sent, headers included). Then a second visit (the shell
 * cached, same browser profile) on the weak profile.
 *
 *   npm run build && node bench/web-load.js
 *   node bench/web-load.js --profiles weak --pages home,join --runs 3 --label "after" --write
 *
 * Profiles: weak (400 kbit/s, 400 ms RTT, 4× CPU slowdown), mobile (1.6 Mbit/s down, 750 kbit/s up,
 * 150 ms RTT, 4× CPU: Lighthouse's mobile preset). Prints Markdown table rows with the 1-minute load
 * average of each row (the machine may be shared); --write appends them to BENCHMARKS.md.
 */
const { spawn } = require('node:child_process');
const { appendFileSync, existsSync, mkdtempSync, rmSync } = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { chromium } = require('playwright-core');
const { io } = require('socket.io-client');

const ROOT = path.resolve(__dirname, '..');
const MAIN = path.join(ROOT, 'apps/api/dist/apps/api/src/main.js');
const ADMIN = { email: 'admin@example.org', password: 'Admin-Passwort-2024!' };
const CSRF = `bench_${Date.now().toString(36)}_csrf_token_value_0123456789`;

const PROFILES = {
  weak: { label: 'weak (400 kbit/s, 400 ms RTT, 4× CPU)', down: 400_000, up: 400_000, rtt: 400, cpu: 4 },
  mobile: { label: 'mobile (1.6 Mbit/s, 150 ms RTT, 4× CPU)', down: 1_600_000, up: 750_000, rtt: 150, cpu: 4 },
};
const PAGE_NAMES = ['home', 'proposals', 'proposal', 'join', 'live', 'projector'];

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    profiles: { type: 'string', default: 'weak,mobile' },
    pages: { type: 'string', default: PAGE_NAMES.join(',') },
    'second-visit': { type: 'string', default: 'home,join,live' },
    'web-dist': { type: 'string' },
    label: { type: 'string', default: '' },
    write: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '180000' },
  },
});
const RUNS = Number(args.runs);
const TIMEOUT = Number(args.timeout);
const profiles = args.profiles.split(',').filter(Boolean);
const pages = args.pages.split(',').filter(Boolean);
const secondVisitPages = args['second-visit'].split(',').filter(Boolean);
for (const p of profiles) if (!PROFILES[p]) throw new Error(`unknown profile ${p}`);
for (const p of [...pages, ...secondVisitPages]) if (!PAGE_NAMES.includes(p)) throw new Error(`unknown page ${p}`);

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

async function startServer() {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run "npm run build" first`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-web-'));
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      DATA_DIR: dataDir,
      SQLITE_PATH: path.join(dataDir, 'db.sqlite'),
      DATABASE_URL: '',
      REDIS_URL: '',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SEED_DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      ...(args['web-dist'] ? { WEB_DIST: path.resolve(args['web-dist']) } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d) => (log = (log + d).slice(-10_000)));
  child.stderr.on('data', (d) => (log = (log + d).slice(-10_000)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited: ${log}`);
    if (Date.now() > deadline) throw new Error(`API not healthy: ${log}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).status === 200) break;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  // Interrupted (Ctrl-C, kill): the API goes too.
  const killChild = () => {
    child.kill('SIGTERM');
    process.exit(1);
  };
  process.once('SIGINT', killChild).once('SIGTERM', killChild);
  return {
    baseUrl,
    stop: () =>
      new Promise((resolve) => {
        const done = () => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
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

function connectModerator(baseUrl, assemblyId, cookie) {
  const socket = io(`${baseUrl}/live`, {
    auth: { assemblyId },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: baseUrl, cookie },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => reject(new Error(`moderator socket refused: ${e.message}`)));
  });
}

async function ok(socket, event, payload) {
  const ack = await socket.timeout(30_000).emitWithAck(event, payload);
  if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack.error)}`);
  return ack.data;
}

/** An assembly running an open yes/no/abstain round, a joined guest, and a published proposal. */
async function prepare(baseUrl) {
  const login = await request(baseUrl, 'POST', '/api/auth/login', ADMIN);
  const sid = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('sid='))
    ?.split(';')[0];
  const areas = (await request(baseUrl, 'GET', '/api/areas')).body;
  const startsAt = new Date(Date.now() + 60_000);
  const assembly = (
    await request(
      baseUrl,
      'POST',
      '/api/assemblies',
      {
        title: 'Bürgerversammlung Altstadt',
        description: 'Wie soll der Marktplatz künftig aussehen?',
        place: 'Rathaus, Großer Saal',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 7_200_000).toISOString(),
        areaIds: [areas[0].id],
        agenda: [{ title: 'Neugestaltung des Marktplatzes', type: 'vote' }],
      },
      sid,
    )
  ).body;
  const moderator = await connectModerator(baseUrl, assembly.id, `csrf_token=${CSRF}; ${sid}`);
  await ok(moderator, 'live:sync', {});
  await ok(moderator, 'assembly:set-status', { status: 'live' });
  const round = await ok(moderator, 'round:create', {
    question: 'Soll der Marktplatz autofrei werden?',
    type: 'yes_no_abstain',
    secret: true,
  });
  await ok(moderator, 'round:open', { roundId: round.id });
  const proposals = (await request(baseUrl, 'GET', '/api/proposals')).body;
  const proposalId = (proposals.items ?? proposals.data ?? proposals)[0].id;
  return { assemblyId: assembly.id, joinCode: assembly.joinCode, proposalId, moderator };
}

async function newGuestToken(baseUrl, joinCode) {
  const joined = await request(baseUrl, 'POST', '/api/assemblies/join', { code: joinCode, displayName: 'Gustav Gast' });
  return joined.body.guestToken;
}

/** Runs in the page before its scripts: collects LCP and the moment the ballot can be submitted. */
function observe() {
  window.__bench = { lcp: null, ballot: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const check = () => {
    if (window.__bench.ballot !== null) return;
    const button = document.querySelector('form.live-vote button[type="submit"]');
    if (button && !button.disabled && document.querySelector('form.live-vote input[type="radio"]'))
      window.__bench.ballot = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
}

function typeOf(resourceType) {
  if (resourceType === 'Script') return 'js';
  if (resourceType === 'Stylesheet') return 'css';
  if (resourceType === 'Font') return 'font';
  return 'other';
}

/** One page load in `context` under `profile`; the cache off unless `cached`. */
async function load(context, url, profile, { cached = false, ready }) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: !cached });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: profile.rtt,
    downloadThroughput: profile.down / 8,
    uploadThroughput: profile.up / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  const types = new Map();
  const bytes = { js: 0, css: 0, font: 0, other: 0 };
  const inflight = new Set();
  let lastActivity = Date.now();
  let fromServiceWorker = 0;
  cdp.on('Network.requestWillBeSent', (e) => {
    inflight.add(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.responseReceived', (e) => {
    types.set(e.requestId, typeOf(e.type));
    if (e.response.fromServiceWorker) fromServiceWorker++;
  });
  cdp.on('Network.loadingFinished', (e) => {
    bytes[types.get(e.requestId) ?? 'other'] += e.encodedDataLength;
    inflight.delete(e.requestId);
    lastActivity = Date.now();
  });
  cdp.on('Network.loadingFailed', (e) => {
    inflight.delete(e.requestId);
    lastActivity = Date.now();
  });
  if (process.env.BENCH_DEBUG) {
    // The waterfall: each request's start and end (ms after the navigation began), type, bytes and address.
    const t0 = Date.now();
    const started = new Map();
    cdp.on('Network.requestWillBeSent', (e) => started.set(e.requestId, { at: Date.now() - t0, url: e.request.url }));
    cdp.on('Network.loadingFinished', (e) => {
      const r = started.get(e.requestId);
      if (r)
        console.error(
          `REQ ${r.at}–${Date.now() - t0} ms ${types.get(e.requestId) ?? 'other'} ${e.encodedDataLength} B ${r.url.slice(-90)}`,
        );
    });
    cdp.on('Network.webSocketCreated', (e) => console.error(`WS created ${Date.now() - t0} ms ${e.url.slice(-60)}`));
    cdp.on('Network.webSocketFrameReceived', (e) =>
      console.error(`WS frame in ${Date.now() - t0} ms ${e.response.payloadData.slice(0, 40)}`),
    );
    page.on('framenavigated', (f) => console.error('NAV', f.url()));
  }
  const deadline = Date.now() + TIMEOUT;
  await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
  if (ready) await page.waitForFunction(ready, null, { timeout: TIMEOUT, polling: 100 });
  // Done: something painted, the fonts are in, and the network has been quiet for 1.5 s (a websocket does not count).
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, {
    timeout: TIMEOUT,
    polling: 100,
  });
  await page.evaluate(() => document.fonts.ready.then(() => true));
  for (;;) {
    if (Date.now() > deadline) throw new Error(`${url}: the network never went quiet`);
    if (inflight.size === 0 && Date.now() - lastActivity > 1_500) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const metrics = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    lcp: window.__bench.lcp,
    ballot: window.__bench.ballot,
  }));
  await cdp.detach().catch(() => undefined);
  await page.close();
  return { ...metrics, bytes, fromServiceWorker };
}

const READY = {
  live: () => window.__bench.ballot !== null,
  projector: () => document.querySelector('.projector__code') !== null,
};

async function newContext(browser, baseUrl, guest) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 360, height: 640 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'de-DE',
  });
  await context.addInitScript(observe);
  if (guest) {
    await context.addInitScript(
      ([key, value]) => window.localStorage.setItem(key, value),
      [`soziale-stadt.guest.${guest.assemblyId}`, guest.token],
    );
  }
  return context;
}

const median = (xs) => {
  const s = xs.filter((x) => x !== null).sort((a, b) => a - b);
  if (!s.length) return null;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const worst = (xs) => (xs.some((x) => x === null) ? null : Math.max(...xs));
const sec = (ms) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)}`);
const kb = (b) => `${Math.round(b / 1024)}`;
const timing = (xs) => (xs.every((x) => x === null) ? '–' : `${sec(median(xs))} (${sec(worst(xs))})`);

function row(profileLabel, name, results, load1) {
  const pick = (k) => results.map((r) => r[k]);
  const b = (k) => kb(median(results.map((r) => r.bytes[k])));
  const total = kb(median(results.map((r) => r.bytes.js + r.bytes.css + r.bytes.font + r.bytes.other)));
  return `| ${profileLabel} | ${name} | ${results.length} | ${timing(pick('fcp'))} | ${timing(pick('lcp'))} | ${timing(pick('ballot'))} | ${b('js')} | ${b('css')} | ${b('font')} | ${b('other')} | ${total} | ${load1.map((l) => l.toFixed(1)).join('–')} |`;
}

async function main() {
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-gpu',
      '--no-first-run',
      '--disable-sync',
    ],
  });
  const chromiumVersion = browser.version();
  const rows = [];
  let moderator;
  try {
    const setup = await prepare(server.baseUrl);
    moderator = setup.moderator;
    const urls = {
      home: '/',
      proposals: '/proposals',
      proposal: `/proposals/${setup.proposalId}`,
      join: `/join/${setup.joinCode}`,
      live: `/assemblies/${setup.assemblyId}/live`,
      projector: `/assemblies/${setup.assemblyId}/projector`,
    };
    const runPage = async (name, profile, secondVisit) => {
      const results = [];
      const loads = [];
      for (let i = 0; i < RUNS; i++) {
        loads.push(os.loadavg()[0]);
        const guest = name === 'live' ? { assemblyId: setup.assemblyId, token: await newGuestToken(server.baseUrl, setup.joinCode) } : null;
        const context = await newContext(browser, server.baseUrl, guest);
        try {
          if (secondVisit) {
            // The first visit (unthrottled) installs what a browser keeps; the second is measured.
            const first = await context.newPage();
            await first.goto(urls[name], { waitUntil: 'load' });
            if (READY[name]) await first.waitForFunction(READY[name], null, { timeout: TIMEOUT });
            await first.waitForLoadState('networkidle').catch(() => undefined);
            // A service worker (if the app registers one) is active before the second visit.
            await first
              .evaluate(() =>
                Promise.race([
                  navigator.serviceWorker?.getRegistration().then((r) => (r ? navigator.serviceWorker.ready.then(() => true) : false)),
                  new Promise((resolve) => setTimeout(() => resolve(false), 10_000)),
                ]),
              )
              .catch(() => false);
            await first.waitForTimeout(1_000);
            await first.close();
          }
          results.push(await load(context, urls[name], profile, { cached: secondVisit, ready: READY[name] }));
        } finally {
          await context.close();
        }
        process.stderr.write('.');
      }
      const min = Math.min(...loads);
      const max = Math.max(...loads);
      const label = `${secondVisit ? 'second visit, ' : ''}${profile.label}`;
      const line = row(label, name, results, min === max ? [min] : [min, max]);
      process.stderr.write(`\n${line}\n`);
      rows.push(line);
    };
    for (const p of profiles) for (const name of pages) await runPage(name, PROFILES[p], false);
    if (profiles.includes('weak')) for (const name of secondVisitPages) await runPage(name, PROFILES.weak, true);
  } finally {
    moderator?.close();
    await browser.close();
    await server.stop();
  }
  const header = [
    '| profile | page | runs | FCP s median (worst) | LCP s median (worst) | ballot usable s median (worst) | JS KB | CSS KB | font KB | other KB | total KB | load 1 min |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  const cpu = os.cpus();
  const command = `node bench/web-load.js --runs ${RUNS} --profiles ${profiles.join(',')} --pages ${pages.join(',')}`;
  const meta = `<!-- ${new Date().toISOString()} · ${cpu.length} × ${cpu[0].model.trim()} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version} · Chromium ${chromiumVersion} · ${command}${args.label ? ` · ${args.label}` : ''} -->`;
  const out = [meta, ...header, ...rows].join('\n');
  process.stdout.write(`${out}\n`);
  if (args.write) appendFileSync(path.join(ROOT, 'BENCHMARKS.md'), `\n${out}\n`);
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

module.exports = { startServer, prepare, newGuestToken };
