#!/usr/bin/env node
/**
 * Load generator for bench/live-ballots.js, run as its own process so that the clients and the
 * server do not share an event loop. Speaks to the API or to bench/live-bare-server.js alike.
 *
 *   node bench/live-ballots-load.js '<json config>'   → prints one JSON result line on stdout
 *
 * config: { baseUrls, serverPids, assemblyId, joinCode, moderatorCookie, csrf, clients, rounds: [{ label, windowMs }] }
 *
 * One moderator socket (on the first server) and N guests (REST join, then a websocket each; guest i
 * on server i mod the number of servers). Per round: the moderator
 * creates and opens a yes/no/abstain round; guest i casts its ballot at i·window/N; as soon as the
 * last ack is in, the moderator closes and publishes; every guest notes when the published result
 * reaches it.
 */
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { readFileSync } = require('node:fs');
const readline = require('node:readline');
const { io } = require('socket.io-client');

const config = JSON.parse(process.argv[2]);
const NAMESPACE = '/live';
const ACK_TIMEOUT_MS = 30_000;

const serverOf = (i) => config.baseUrls[i % config.baseUrls.length];

function connect(baseUrl, auth, cookie) {
  const socket = io(`${baseUrl}${NAMESPACE}`, {
    auth,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: { origin: baseUrl, ...(cookie ? { cookie } : {}) },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('connect timeout')), 30_000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (e) => {
      clearTimeout(timer);
      reject(new Error(`connect refused: ${e.message}`));
    });
  });
}

async function ok(socket, event, payload) {
  const ack = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
  if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack.error)}`);
  return ack.data;
}

async function mapLimit(n, limit, fn) {
  const out = new Array(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

async function join(i) {
  const response = await fetch(`${serverOf(i)}/api/assemblies/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `csrf_token=${config.csrf}`, 'x-csrf-token': config.csrf },
    body: JSON.stringify({ code: config.joinCode, displayName: `Gast ${i + 1}` }),
  });
  if (response.status !== 200 && response.status !== 201) return { refused: response.status, body: await response.text() };
  return response.json();
}

/** CPU time (user + system, ms) the server processes have used so far, from /proc (Linux). */
function serverCpuMs() {
  let ticks = 0;
  for (const pid of config.serverPids ?? []) {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/**
 * With config.phases, tells the parent on stdout that a phase begins ({"phase": name}) and waits for a
 * line on stdin before going on: bench/live-ballots.js measures the CPU of every process there (and
 * with --profile starts and stops the servers' CPU profilers), so the figures hold the ballots alone.
 */
const commands = config.phases ? readline.createInterface({ input: process.stdin }) : null;
const nextCommand = commands?.[Symbol.asyncIterator]();
async function phase(name) {
  if (!nextCommand) return;
  process.stdout.write(`${JSON.stringify({ phase: name })}\n`);
  await nextCommand.next();
}

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

async function runRound(moderator, guests, spec) {
  const n = guests.length;
  const round = await ok(moderator, 'round:create', { question: `Bench ${spec.label}`, type: 'yes_no_abstain', secret: true });
  const publishedAt = new Array(n).fill(null);
  const listeners = guests.map((g, i) => {
    const listener = (state) => {
      if (publishedAt[i] === null && state.round?.id === round.id && state.round.status === 'published' && state.round.results) {
        publishedAt[i] = { t: performance.now(), ballots: state.round.results.ballots };
      }
    };
    g.socket.on('live:state', listener);
    return listener;
  });
  await ok(moderator, 'round:open', { roundId: round.id });
  await new Promise((r) => setTimeout(r, 500)); // let the "open" state reach everybody

  const sent = new Array(n);
  const acked = new Array(n).fill(null);
  const answers = new Array(n).fill(null);
  await phase('ballots');
  const cpuBefore = serverCpuMs();
  const start = performance.now();
  let lastAck = 0;
  await Promise.all(
    guests.map(
      (g, i) =>
        new Promise((resolve) => {
          setTimeout(
            () => {
              sent[i] = performance.now();
              g.socket
                .timeout(ACK_TIMEOUT_MS)
                .emitWithAck('ballot:cast', { roundId: round.id, optionIds: [round.options[i % 3].id], idempotencyKey: randomUUID() })
                .then((ack) => {
                  acked[i] = performance.now();
                  answers[i] = ack;
                  lastAck = Math.max(lastAck, acked[i]);
                })
                .catch(() => undefined)
                .finally(resolve);
            },
            Math.floor((i * spec.windowMs) / n),
          );
        }),
    ),
  );
  const lastSent = Math.max(...sent);
  const cpuMs = serverCpuMs() - cpuBefore;
  await phase('ballots-done');
  const closed = await ok(moderator, 'round:close', { roundId: round.id });
  const published = await ok(moderator, 'round:publish', { roundId: round.id });
  const deadline = performance.now() + 30_000;
  while (publishedAt.some((p) => p === null) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  guests.forEach((g, i) => g.socket.off('live:state', listeners[i]));

  const okCount = answers.filter((a) => a?.ok).length;
  const latencies = answers
    .map((a, i) => (a ? acked[i] - sent[i] : null))
    .filter((x) => x !== null)
    .sort((a, b) => a - b);
  const seen = publishedAt.filter(Boolean);
  const lastSeen = seen.length ? Math.max(...seen.map((p) => p.t)) : NaN;
  return {
    label: spec.label,
    windowMs: spec.windowMs,
    roundId: round.id,
    clients: n,
    acksOk: okCount,
    acksError: answers.filter((a) => a && !a.ok).length,
    errorCodes: [...new Set(answers.filter((a) => a && !a.ok).map((a) => a.error?.code))],
    noAck: answers.filter((a) => a === null).length,
    ballotsPerSecond: okCount / ((lastAck - start) / 1000),
    sendSpanMs: lastSent - start,
    ackP50: percentile(latencies, 50),
    ackP99: percentile(latencies, 99),
    ackMax: latencies[latencies.length - 1],
    closedBallots: closed.ballots,
    publishedBallots: published.ballots,
    publishedOnlineSum: published.options.reduce((s, o) => s + o.online, 0),
    clientsSawResult: seen.length,
    clientsSawWrongCount: seen.filter((p) => p.ballots !== published.ballots).length,
    finalTallyAfterLastAckMs: lastSeen - lastAck,
    finalTallyAfterLastSendMs: lastSeen - lastSent,
    serverCpuMsPerBallot: cpuMs / n,
    closeAndPublishMs: seen.length ? Math.min(...seen.map((p) => p.t)) - lastAck : NaN,
  };
}

async function main() {
  const moderator = await connect(config.baseUrls[0], { assemblyId: config.assemblyId }, config.moderatorCookie);
  await ok(moderator, 'live:sync', {});
  await ok(moderator, 'assembly:set-status', { status: 'live' });

  const t0 = performance.now();
  const joined = await mapLimit(config.clients, 32, join);
  const refused = joined.filter((j) => j.refused);
  if (refused.length)
    throw new Error(
      `${refused.length} of ${config.clients} joins refused (${[...new Set(refused.map((j) => j.refused))].join(', ')}): ${refused[0].body}`,
    );
  const t1 = performance.now();
  const sockets = await mapLimit(config.clients, 64, (i) =>
    connect(serverOf(i), { assemblyId: config.assemblyId, guestToken: joined[i].guestToken }),
  );
  const t2 = performance.now();
  const guests = joined.map((j, i) => ({ participantId: j.participant.id, socket: sockets[i] }));

  const rounds = [];
  for (const spec of config.rounds) rounds.push(await runRound(moderator, guests, spec));
  sockets.forEach((s) => s.close());
  moderator.close();
  commands?.close();
  process.stdout.write(`${JSON.stringify({ joinMs: t1 - t0, connectMs: t2 - t1, rounds })}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
