import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { io, type Socket } from 'socket.io-client';
import {
  CSRF_COOKIE,
  CSRF_HEADER,
  LIVE_NAMESPACE,
  VotingRoundStatus,
  VotingType,
  type CastBallotResult,
  type LiveAck,
  type LiveRound,
  type LiveState,
  type RoundResult,
} from '@app/shared';
import { createAssembly, joinGuest, loginAdmin, mapLimit, postgresQuery, type Query } from '../api/helpers/process-client';
import { API_MAIN, ApiProcess, createPostgresData, DEFAULT_REDIS_URL, freePort, ROOT, type PostgresData } from '../helpers/process';
import { LOGIN_FAILURES_PER_ADDRESS } from '../../apps/api/src/modules/auth/auth-limits';

/**
 * The production topology of README "Running in production", as CI can run it: Debian's nginx with
 * the SHIPPED configuration (deploy/nginx: the TLS site, its snippets and maps; only ports, paths and
 * the certificate replaced) in front of two BUILT API processes on one PostgreSQL database and Redis,
 * the schema migrated once beforehand by the command of deploy/systemd/soziale-stadt-migrate.service.
 *
 * Through nginx: a live assembly with GUESTS socket.io clients that start with long-polling (the
 * default transports, so the route-cookie affinity has to hold) and upgrade to WebSocket; every
 * ballot counted once, every client sees the published result, clients on both processes; the web
 * pages and a hashed asset (gzip, cache headers, the API's security headers); the client address for
 * rate limits is the one nginx saw, whatever X-Forwarded-For a client sends; and, on a second server
 * without affinity, the same clients fail — the affinity is what makes it work.
 *
 * Needs nginx (CI installs Debian's package), PostgreSQL and Redis, and `npm run build` first.
 */
jest.setTimeout(240_000);

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
const DEPLOY = join(ROOT, 'deploy');
const WEB_DIST = join(ROOT, 'apps/web/dist');
const GUESTS = 300;
/** Clients that try the server without affinity. */
const UNPINNED = 20;
/** Failed sign-ins per client address before wrong passwords are answered 429 (a fixed limit). */
const ADDRESS_FAILURES = LOGIN_FAILURES_PER_ADDRESS.limit;
/** The double-submit CSRF token this test's HTTP requests send as cookie and header. */
const CSRF = randomBytes(32).toString('base64url');
const CSRF_HEADERS = { cookie: `${CSRF_COOKIE}=${CSRF}`, [CSRF_HEADER]: CSRF };
/** The headers helmet sets on the API's answers, which nginx must send with the files it serves itself. */
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

if (!NGINX) {
  console.warn(
    'nginx-topology: nginx is not installed (apt-get install nginx; .ci/run installs it) — the production topology test is SKIPPED.',
  );
}

/** Replaces `from` in `text` and fails when the shipped file no longer has it (the test must follow the file). */
function replaceIn(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`the shipped nginx site no longer contains "${from}": update the test`);
  return text.split(from).join(to);
}

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One HTTPS request to nginx (trusting the test's certificate), optionally from another loopback address. */
function send(
  url: string,
  ca: string,
  options: { method?: string; headers?: Record<string, string>; body?: unknown; localAddress?: string; agent?: HttpsAgent } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const raw = Buffer.isBuffer(options.body);
    const payload = options.body === undefined ? undefined : raw ? (options.body as Buffer) : JSON.stringify(options.body);
    const req = httpsRequest(
      url,
      {
        method: options.method ?? 'GET',
        ca,
        localAddress: options.localAddress,
        agent: options.agent ?? false,
        headers: { ...(payload && !raw ? { 'content-type': 'application/json' } : {}), ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A socket.io client on /live through nginx that keeps the newest live state it received. */
class HallClient {
  state: LiveState | null = null;
  private waiters: Array<() => void> = [];

  constructor(readonly socket: Socket) {
    socket.on('live:state', (state: LiveState) => {
      if (!this.state || state.version >= this.state.version) this.state = state;
      this.waiters.splice(0).forEach((wake) => wake());
    });
  }

  static connect(baseUrl: string, auth: object, options: { ca?: string; cookie?: string; websocketOnly?: boolean } = {}): HallClient {
    return new HallClient(
      io(`${baseUrl}${LIVE_NAMESPACE}`, {
        auth,
        // Long-polling first, then the upgrade (the default, as in the browser); the moderator's
        // session cookie travels on the WebSocket request only (one request: no affinity needed).
        transports: options.websocketOnly ? ['websocket'] : ['polling', 'websocket'],
        // engine.io-client ≥ 6.5 keeps cookies in Node with withCredentials: the route cookie nginx sets.
        withCredentials: true,
        reconnection: false,
        forceNew: true,
        ca: options.ca,
        extraHeaders: { origin: baseUrl, ...(options.cookie ? { cookie: options.cookie } : {}) },
      }),
    );
  }

  /** Resolves on 'connect', rejects on the first connect_error. */
  connected(timeoutMs = 30_000): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.socket.connected) return resolve();
      const timer = setTimeout(() => reject(new Error('socket did not connect in time')), timeoutMs);
      this.socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.once('connect_error', (error: Error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  get transport(): string | undefined {
    return this.socket.io.engine?.transport?.name;
  }

  async emit<T>(event: string, payload: unknown): Promise<LiveAck<T>> {
    return (await this.socket.timeout(60_000).emitWithAck(event, payload)) as LiveAck<T>;
  }

  async ok<T>(event: string, payload: unknown): Promise<T> {
    const ack = await this.emit<T>(event, payload);
    if (!ack.ok) throw new Error(`${event} failed: ${JSON.stringify(ack.error)}`);
    return ack.data;
  }

  async until(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(this.state?.round)}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** One line of the test's access log (log_format topology below). */
interface LogLine {
  port: string;
  remote: string;
  upstream: string;
  status: number;
  uri: string;
  sid: string;
  transport: string;
}

(NGINX ? describe : describe.skip)(
  'production topology: nginx (deploy/nginx) in front of two API processes on PostgreSQL and Redis',
  () => {
    let dir: string;
    let pg: PostgresData;
    let query: Query;
    let nginx: ChildProcess | undefined;
    let nginxLog = '';
    let ca: string;
    /** Connections to nginx reused for the many joins (each request still spreads over the processes). */
    let keepAlive: HttpsAgent | undefined;
    let base: string;
    let plainPort: number;
    let unpinnedPort: number;
    const processes: ApiProcess[] = [];
    const clients: HallClient[] = [];

    const accessLog = (): LogLine[] =>
      readFileSync(join(dir, 'access.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [port, remote, upstream, status, uri, sid, transport] = line.split(' ');
          return { port, remote, upstream, status: Number(status), uri, sid: sid === '-' ? '' : sid, transport };
        });

    /** The log lines that match, once there are `count` of them (nginx logs a request after answering it). */
    const logged = async (match: (line: LogLine) => boolean, count: number): Promise<LogLine[]> => {
      const deadline = Date.now() + 5_000;
      for (;;) {
        const lines = accessLog().filter(match);
        if (lines.length >= count || Date.now() > deadline) return lines;
        await new Promise((wait) => setTimeout(wait, 50));
      }
    };

    beforeAll(async () => {
      const began = Date.now();
      const phase = (what: string) => console.log(`nginx topology set-up: ${what} after ${Date.now() - began} ms`);
      if (!existsSync(API_MAIN) || !existsSync(join(WEB_DIST, 'index.html'))) {
        throw new Error('the built API and web client are missing: run "npm run build" first');
      }
      dir = mkdtempSync(join(tmpdir(), 'soziale-stadt-nginx-'));
      pg = await createPostgresData();
      query = postgresQuery(pg.url);
      const env: Record<string, string> = {
        ...pg.env,
        REDIS_URL: DEFAULT_REDIS_URL,
        REDIS_KEY_PREFIX: `ngx-${randomBytes(4).toString('hex')}:`,
        // Behind nginx, as deploy/systemd/env.example says.
        TRUST_PROXY: 'true',
        // No RATE_LIMIT_* here: all GUESTS join from one address (127.0.0.1) within a minute, as a
        // hall behind one public address does, with the limits a city runs.
      };

      // 1. The schema, once, by the command the migration unit runs (node as the test runs it).
      const migrateUnit = readFileSync(join(DEPLOY, 'systemd/soziale-stadt-migrate.service'), 'utf8');
      const command = /^ExecStart=\/srv\/soziale-stadt\/node_modules\/\.bin\/node (.+)$/m.exec(migrateUnit)?.[1].split(' ');
      expect(command).toBeDefined();
      const inherited = Object.fromEntries(
        Object.entries(process.env).filter(([key]) => !/^(DATABASE_URL|REDIS_URL|NODE_OPTIONS)$/.test(key)),
      );
      const migrated = spawnSync(process.execPath, command!, {
        cwd: ROOT,
        env: { ...inherited, ...env, NODE_ENV: 'test', LOG_LEVEL: 'warn' },
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (migrated.status !== 0) throw new Error(`migrations failed (${migrated.status}):\n${migrated.stdout}\n${migrated.stderr}`);
      phase('database created and migrated');
      // The API unit starts the file the tests start.
      const apiUnit = readFileSync(join(DEPLOY, 'systemd/soziale-stadt-api@.service'), 'utf8');
      expect(apiUnit).toMatch(/^ExecStart=\/srv\/soziale-stadt\/node_modules\/\.bin\/node apps\/api\/dist\/apps\/api\/src\/main\.js$/m);
      expect(API_MAIN).toBe(join(ROOT, 'apps/api/dist/apps/api/src/main.js'));

      // 2. Two processes at once, as systemd starts the instances after the migration unit.
      // Both run the start-up work (seed, administrator, consistency check) at the same moment.
      const starts = await Promise.allSettled([ApiProcess.start({ env }), ApiProcess.start({ env })]);
      for (const start of starts) if (start.status === 'fulfilled') processes.push(start.value);
      for (const start of starts) if (start.status === 'rejected') throw start.reason;
      phase('two API processes healthy');

      // 3. A certificate for 127.0.0.1 in place of the city's.
      const cert = join(dir, 'cert.pem');
      const key = join(dir, 'key.pem');
      const made = spawnSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:prime256v1',
          '-nodes',
          '-days',
          '2',
          '-subj',
          '/CN=127.0.0.1',
          '-addext',
          'subjectAltName=IP:127.0.0.1',
          '-keyout',
          key,
          '-out',
          cert,
        ],
        { encoding: 'utf8' },
      );
      if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
      ca = readFileSync(cert, 'utf8');
      keepAlive = new HttpsAgent({ keepAlive: true, ca, maxSockets: 32 });

      // 4. nginx: the shipped site with ports, paths and certificate replaced, in a prefix of its own.
      const [tlsPort, redirectPort] = [await freePort(), await freePort()];
      unpinnedPort = await freePort();
      plainPort = redirectPort;
      const [a, b] = processes;
      let site = readFileSync(join(DEPLOY, 'nginx/sites-available/soziale-stadt.conf'), 'utf8');
      site = replaceIn(site, 'listen 80;', `listen 127.0.0.1:${redirectPort};`);
      site = replaceIn(site, 'listen [::]:80;', '');
      site = replaceIn(site, 'listen 443 ssl http2;', `listen 127.0.0.1:${tlsPort} ssl http2;`);
      site = replaceIn(site, 'listen [::]:443 ssl http2;', '');
      site = replaceIn(site, '/etc/letsencrypt/live/beteiligung.example.de/fullchain.pem', cert);
      site = replaceIn(site, '/etc/letsencrypt/live/beteiligung.example.de/privkey.pem', key);
      site = replaceIn(site, 'server 127.0.0.1:3001', `server 127.0.0.1:${a.port}`);
      site = replaceIn(site, 'server 127.0.0.1:3002', `server 127.0.0.1:${b.port}`);
      site = replaceIn(site, '/srv/soziale-stadt', ROOT);
      site = replaceIn(site, '/var/log/nginx/soziale-stadt.access.log', `${join(dir, 'access.log')} topology`);
      site = replaceIn(site, '/var/log/nginx/', `${dir}/`);
      site = replaceIn(site, '/var/www/letsencrypt', join(dir, 'acme'));
      writeFileSync(join(dir, 'site.conf'), site);
      // Relative includes (snippets/…) resolve against the folder of nginx.conf, as in /etc/nginx.
      symlinkSync(join(DEPLOY, 'nginx/snippets'), join(dir, 'snippets'));
      for (const temp of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
      writeFileSync(
        join(dir, 'nginx.conf'),
        `
${process.getuid?.() === 0 ? '# Run as root here (CI): workers as nobody could not read the temp folder.\nuser root;' : ''}
worker_processes 2;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  # Which process answered which engine.io session: the test's evidence of the affinity.
  log_format topology '$server_port $remote_addr $upstream_addr $status $uri $arg_sid $arg_transport';
  access_log ${dir}/access.log topology;
  include ${join(DEPLOY, 'nginx/conf.d/soziale-stadt.conf')};
  include ${join(dir, 'site.conf')};

  # The counter-proof: the same proxying WITHOUT affinity (round robin).
  upstream unpinned_api {
    server 127.0.0.1:${a.port};
    server 127.0.0.1:${b.port};
  }
  server {
    listen 127.0.0.1:${unpinnedPort};
    location /socket.io/ {
      include snippets/soziale-stadt-proxy.conf;
      proxy_buffering off;
      proxy_pass http://unpinned_api;
    }
  }
}
`,
      );
      const args = ['-p', `${dir}/`, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')];
      const checked = spawnSync(NGINX!, [...args, '-t'], { encoding: 'utf8' });
      if (checked.status !== 0) throw new Error(`nginx -t refused the configuration:\n${checked.stderr}`);
      nginx = spawn(NGINX!, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
      nginx.stderr?.on('data', (chunk: Buffer) => (nginxLog += chunk.toString()));
      base = `https://127.0.0.1:${tlsPort}`;
      const deadline = Date.now() + 20_000;
      for (;;) {
        if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}): ${nginxLog}`);
        const up = await send(`${base}/api/health`, ca).catch(() => null);
        if (up?.status === 200) break;
        if (Date.now() > deadline) throw new Error(`nginx did not answer /api/health: ${nginxLog}`);
        await new Promise((wait) => setTimeout(wait, 200));
      }
      phase('nginx answering');
    });

    afterAll(async () => {
      clients.forEach((c) => c.close());
      keepAlive?.destroy();
      // What a failure needs to be understood: answers ≥ 400 by status and process, nginx's errors, a dead process.
      if (dir && existsSync(join(dir, 'access.log'))) {
        const failed = new Map<string, number>();
        // (Not the deliberate ones: the missing asset, the forged logins, the server without affinity.)
        const deliberate = (line: LogLine) =>
          line.uri === '/assets/nicht-da-123.js' || line.remote === '127.0.0.2' || line.port === String(unpinnedPort);
        for (const l of accessLog().filter((line) => line.status >= 400 && !deliberate(line))) {
          const key = `${l.port} ${l.status} ${l.upstream} ${l.uri}`;
          failed.set(key, (failed.get(key) ?? 0) + 1);
        }
        if (failed.size) console.warn(`nginx topology: answers >= 400: ${JSON.stringify([...failed])}`);
        const errors = readFileSync(join(dir, 'error.log'), 'utf8').trim();
        if (errors) console.warn(`nginx topology: nginx error.log (tail):\n${errors.slice(-3_000)}`);
      }
      for (const p of processes) if (!p.running) console.warn(`nginx topology: API process ${p.port} ended:\n${p.output()}`);
      if (nginx && nginx.exitCode === null) {
        const exited = new Promise((done) => nginx!.once('exit', done));
        nginx.kill('SIGTERM');
        await exited;
      }
      const stopping = Date.now();
      await Promise.all(processes.map((p) => p.stop()));
      console.log(`nginx topology: the API processes stopped in ${Date.now() - stopping} ms`);
      await pg?.drop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('serves the web pages itself: gzip, cache headers, the SPA fallback and the API’s security headers', async () => {
      const direct = await fetch(`${processes[0].baseUrl}/`);
      const home = await send(`${base}/`, ca, { headers: { 'accept-encoding': 'gzip' } });
      expect(home.status).toBe(200);
      expect(home.headers['content-type']).toMatch(/^text\/html/);
      expect(home.headers['content-encoding']).toBe('gzip');
      expect(home.headers['cache-control']).toBe('no-cache');
      const html = gunzipSync(home.body).toString('utf8');
      expect(html).toBe(readFileSync(join(WEB_DIST, 'index.html'), 'utf8'));
      // The same security headers as the API sends for the page (helmet), HSTS included.
      for (const name of SECURITY_HEADERS) expect([name, home.headers[name]]).toEqual([name, direct.headers.get(name)]);

      // A client route: the page again (the SPA fallback), never cached without revalidation.
      const assemblies = await send(`${base}/assemblies`, ca);
      expect(assemblies.status).toBe(200);
      expect(assemblies.body.toString('utf8')).toBe(html);
      expect(assemblies.headers['cache-control']).toBe('no-cache');
      expect(assemblies.headers['content-security-policy']).toBe(direct.headers.get('content-security-policy'));

      // The hashed script the page loads: compressed, cached for a year, the file on disk.
      const script = /<script[^>]+src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await send(`${base}${script}`, ca, { headers: { 'accept-encoding': 'gzip' } });
      expect(asset.status).toBe(200);
      expect(asset.headers['content-type']).toMatch(/javascript/);
      expect(asset.headers['content-encoding']).toBe('gzip');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(asset.headers.vary).toMatch(/Accept-Encoding/i);
      expect(gunzipSync(asset.body).equals(readFileSync(join(ROOT, 'apps/web/dist', script!)))).toBe(true);
      expect(asset.body.length).toBeLessThan(readFileSync(join(WEB_DIST, script!)).length / 2);
      const missing = await send(`${base}/assets/nicht-da-123.js`, ca);
      expect(missing.status).toBe(404);
      // It is the gzip copy the build wrote (gzip_static), byte for byte: nothing compressed per request.
      expect(asset.body.equals(readFileSync(join(WEB_DIST, `${script!}.gz`)))).toBe(true);
      // The service worker is revalidated on every check, so a new release's worker is found at once.
      const worker = await send(`${base}/sw.js`, ca);
      expect(worker.status).toBe(200);
      expect(worker.headers['cache-control']).toBe('no-cache');

      // The API behind it: JSON compressed too; plain HTTP only redirects to HTTPS.
      const health = await send(`${base}/api/health`, ca, { headers: { 'accept-encoding': 'gzip' } });
      expect(health.status).toBe(200);
      const redirect = await fetch(`http://127.0.0.1:${plainPort}/assemblies?x=1`, { redirect: 'manual' });
      expect(redirect.status).toBe(301);
      expect(redirect.headers.get('location')).toBe('https://127.0.0.1/assemblies?x=1');
    });

    it('passes a sign language video upload of more than 21 MB on to the API; other bodies stay within 21 MB', async () => {
      const body = Buffer.alloc(25 * 1024 * 1024);
      const headers = { 'content-type': 'multipart/form-data; boundary=gross', ...CSRF_HEADERS };
      // Signed out, the API itself answers (401 in its error body): nginx let the 25 MB through to it.
      const video = await send(`${base}/api/sign-language-video`, ca, { method: 'PUT', headers, body });
      expect({ status: video.status, code: JSON.parse(video.body.toString('utf8')).code }).toEqual({
        status: 401,
        code: 'UNAUTHENTICATED',
      });
      const elsewhere = await send(`${base}/api/indicators/import`, ca, { method: 'POST', headers, body });
      expect(elsewhere.status).toBe(413);
    });

    it('counts the address nginx saw for the rate limits, over both processes, whatever X-Forwarded-For says', async () => {
      // From 127.0.0.2 (a client of its own), each attempt for another account with another forged
      // X-Forwarded-For and no route cookie, so the attempts spread over both processes: the failed
      // sign-ins of the address still add up to ADDRESS_FAILURES, because nginx replaced the header
      // and the count lives in Redis.
      const statuses: number[] = [];
      for (let i = 0; i < ADDRESS_FAILURES + 3; i++) {
        const answer = await send(`${base}/api/auth/login`, ca, {
          method: 'POST',
          localAddress: '127.0.0.2',
          headers: { 'x-forwarded-for': `203.0.113.${(i % 250) + 1}`, ...CSRF_HEADERS },
          body: { email: `niemand-${i}@example.org`, password: 'falsches-Passwort-123' },
        });
        statuses.push(answer.status);
      }
      expect(statuses).toEqual([...Array<number>(ADDRESS_FAILURES).fill(401), 429, 429, 429]);
      const logins = await logged((l) => l.uri === '/api/auth/login' && l.remote === '127.0.0.2', ADDRESS_FAILURES + 3);
      expect(logins).toHaveLength(ADDRESS_FAILURES + 3);
      expect(new Set(logins.map((l) => l.upstream)).size).toBe(2);
    });

    it(`runs a live assembly with ${GUESTS} socket clients through nginx: every ballot counted once, everyone sees the result`, async () => {
      const started = Date.now();
      const [a] = processes;
      const admin = await loginAdmin(a.baseUrl);
      const assembly = await createAssembly(admin);

      // The moderator, through nginx with the session cookie.
      const login = await send(`${base}/api/auth/login`, ca, {
        method: 'POST',
        headers: CSRF_HEADERS,
        body: { email: 'admin@example.org', password: 'Admin-Passwort-2024!' },
      });
      expect(login.status).toBe(200);
      const sid = ([] as string[])
        .concat(login.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('sid='))!
        .split(';')[0];
      const moderator = HallClient.connect(base, { assemblyId: assembly.id }, { ca, cookie: sid, websocketOnly: true });
      clients.push(moderator);
      await moderator.connected();
      await moderator.ok('assembly:set-status', { status: 'live' });
      const round = await moderator.ok<LiveRound>('round:create', {
        question: 'Soll der Marktplatz autofrei werden?',
        type: VotingType.YesNoAbstain,
        secret: true,
      });
      await moderator.ok('round:open', { roundId: round.id });

      // The first /socket.io/ answer sets the route cookie; a request that has it gets none.
      const handshake = await send(`${base}/socket.io/?EIO=4&transport=polling`, ca);
      const routeCookie = ([] as string[]).concat(handshake.headers['set-cookie'] ?? []).find((c) => c.startsWith('ss_route='));
      expect(routeCookie).toMatch(/^ss_route=[0-9a-f]{32}; Path=\/socket\.io\/; HttpOnly; Secure; SameSite=Lax$/);
      const again = await send(`${base}/socket.io/?EIO=4&transport=polling`, ca, { headers: { cookie: routeCookie!.split(';')[0] } });
      expect(again.headers['set-cookie']).toBeUndefined();

      // GUESTS guests join by the code and connect through nginx: long-polling, then WebSocket.
      const guests = await mapLimit(Array.from({ length: GUESTS }), 32, async (_, i) => {
        const answer = await send(`${base}/api/assemblies/join`, ca, {
          method: 'POST',
          headers: CSRF_HEADERS,
          body: { code: assembly.joinCode, displayName: `Gast ${i + 1}` },
          agent: keepAlive,
        });
        if (answer.status !== 200) throw new Error(`join ${i}: ${answer.status} ${answer.body.toString()}`);
        return JSON.parse(answer.body.toString()) as { guestToken: string; participant: { id: string } };
      });
      const joinedAfter = Date.now() - started;
      const hall = await mapLimit(guests, 32, async (g) => {
        const client = HallClient.connect(base, { assemblyId: assembly.id, guestToken: g.guestToken }, { ca });
        clients.push(client);
        await client.connected();
        return client;
      });
      const connectedAfter = Date.now() - started;
      // Every connection upgraded to WebSocket through nginx.
      await Promise.all(hall.map((c) => c.until('the WebSocket upgrade', () => c.transport === 'websocket')));

      // Every guest votes once.
      const choice = (i: number) => round.options[i % round.options.length].id;
      const acks = await Promise.all(
        hall.map((c, i) =>
          c.emit<CastBallotResult>('ballot:cast', { roundId: round.id, optionIds: [choice(i)], idempotencyKey: randomUUID() }),
        ),
      );
      expect(acks.filter((ack) => !ack.ok)).toEqual([]);
      expect(acks.filter((ack) => ack.ok && ack.data.created)).toHaveLength(GUESTS);

      // In the database: one receipt per guest, the tally sums to the number of voters.
      const receipts = await query<{ participantId: string }>('SELECT "participantId" FROM ballot_receipts WHERE "roundId" = $1', [
        round.id,
      ]);
      expect(receipts).toHaveLength(GUESTS);
      expect(new Set(receipts.map((r) => r.participantId))).toEqual(new Set(guests.map((g) => g.participant.id)));
      const [tally] = await query<{ total: string }>('SELECT SUM(online) AS total FROM round_tallies WHERE "roundId" = $1', [round.id]);
      expect(Number(tally.total)).toBe(GUESTS);

      const closed = await moderator.ok<RoundResult>('round:close', { roundId: round.id });
      expect(closed.ballots).toBe(GUESTS);
      const published = await moderator.ok<RoundResult>('round:publish', { roundId: round.id });
      const expected = round.options.map((_, k) => guests.filter((__, i) => i % round.options.length === k).length);
      expect(published.options.map((o) => o.online)).toEqual(expected);

      // Every client, on either process, receives the published result (pushed through the Redis adapter).
      await Promise.all(
        hall.map((c) =>
          c.until('the published result', () => c.state?.round?.id === round.id && c.state.round.status === VotingRoundStatus.Published),
        ),
      );
      for (const c of hall) {
        expect(c.state!.round!.results!.ballots).toBe(GUESTS);
        expect(c.state!.round!.results!.options.map((o) => o.online)).toEqual(expected);
      }

      // The affinity, from nginx's log: every request of an engine.io session (polls, posts, the
      // upgrade) reached one and the same process and none was refused; the sessions on both processes.
      const sessions = new Map<string, Set<string>>();
      const refused: LogLine[] = [];
      for (const line of accessLog().filter((l) => l.uri === '/socket.io/' && l.sid)) {
        if (line.status >= 400) refused.push(line);
        if (!sessions.has(line.sid)) sessions.set(line.sid, new Set());
        sessions.get(line.sid)!.add(line.upstream);
      }
      expect(refused).toEqual([]);
      expect(sessions.size).toBeGreaterThanOrEqual(GUESTS);
      expect([...sessions.values()].filter((upstreams) => upstreams.size !== 1)).toEqual([]);
      const perProcess = new Map<string, number>();
      for (const upstreams of sessions.values()) {
        const [upstream] = upstreams;
        perProcess.set(upstream, (perProcess.get(upstream) ?? 0) + 1);
      }
      expect([...perProcess.keys()].sort()).toEqual(processes.map((p) => `127.0.0.1:${p.port}`).sort());
      for (const count of perProcess.values()) expect(count).toBeGreaterThan(GUESTS * 0.15);
      console.log(
        `nginx topology: ${GUESTS} guests joined after ${joinedAfter} ms, connected after ${connectedAfter} ms, all voted and saw the result after ${Date.now() - started} ms; ` +
          `sessions per process: ${[...perProcess.values()].join(' / ')}`,
      );
    });

    it('without the route cookie affinity the long-polling sessions break (the counter-proof)', async () => {
      const [a] = processes;
      const admin = await loginAdmin(a.baseUrl);
      const assembly = await createAssembly(admin);
      const guests = await mapLimit(Array.from({ length: UNPINNED }), 8, (_, i) =>
        joinGuest(a.baseUrl, assembly.joinCode, `Ohne Route ${i + 1}`),
      );
      const unpinned = `http://127.0.0.1:${unpinnedPort}`;
      const outcomes = await Promise.all(
        guests.map(async (g) => {
          const client = HallClient.connect(unpinned, { assemblyId: assembly.id, guestToken: g.guestToken });
          clients.push(client);
          const outcome = await client.connected(15_000).then(
            () =>
              new Promise<string>((resolve) => {
                // Connected: it stays up only while every later poll reaches the process of its session.
                const timer = setTimeout(() => resolve('stayed'), 3_000);
                client.socket.once('disconnect', (reason) => {
                  clearTimeout(timer);
                  resolve(reason);
                });
              }),
            (error: Error) => error.message,
          );
          client.close();
          return outcome;
        }),
      );
      // Broken at the transport (a poll or the upgrade answered 400 by the other process), not refused by the app.
      const broken = outcomes.filter((o) =>
        /xhr poll error|xhr post error|transport error|transport close|websocket error|timeout/.test(o),
      );
      expect(outcomes.filter((o) => o !== 'stayed' && !broken.includes(o))).toEqual([]);
      expect(broken.length).toBeGreaterThan(0);
      // nginx logged why: requests for an engine.io session the other process does not know.
      const unknownSession = accessLog().filter(
        (l) => l.port === String(unpinnedPort) && l.uri === '/socket.io/' && l.sid && l.status === 400,
      );
      expect(unknownSession.length).toBeGreaterThan(0);
    });
  },
);
