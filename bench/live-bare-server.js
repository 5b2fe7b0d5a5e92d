#!/usr/bin/env node
/**
 * Baseline for bench/live-ballots.js: a bare socket.io server speaking the same /live protocol as
 * the API for what the benchmark uses — guest join over HTTP, handshake with the guest credential,
 * live:sync, round create/open/close/publish, ballot:cast with ack and idempotency key, a room
 * broadcast of the state after every change (coalesced per tick) — with everything in memory: no
 * database, no validation framework, no sessions. The moderator is whoever sends the cookie
 * `sid=bare-moderator`.
 *
 *   node bench/live-bare-server.js <port>     (prints "listening <port>" when ready)
 */
const http = require('node:http');
const { randomBytes, randomUUID } = require('node:crypto');
const { Server } = require('socket.io');

const port = Number(process.argv[2] ?? 0);
const assembly = { id: randomUUID(), joinCode: 'BENCH2', title: 'Bare', status: 'planned', version: 0 };
const participants = new Map(); // guestToken → participant
const rounds = new Map(); // id → round
let currentRoundId = null;

const error = (code, message) => ({ ok: false, error: { statusCode: 409, error: 'Conflict', code, message } });
const results = (round) => ({
  roundId: round.id,
  options: round.options.map((o) => ({ optionId: o.id, label: o.label, online: round.tally[o.id], hall: 0, total: round.tally[o.id] })),
  ballots: round.receipts.size,
  hallBallots: null,
  hallNote: null,
});
const liveRound = (round, withResults) => ({
  id: round.id,
  agendaItemId: null,
  question: round.question,
  type: round.type,
  options: round.options,
  maxChoices: null,
  points: null,
  secret: round.secret,
  requireCheckIn: false,
  status: round.status,
  ballotsCast: round.receipts.size,
  results: withResults || round.status === 'published' ? results(round) : null,
});
const state = () => ({
  assemblyId: assembly.id,
  version: assembly.version,
  title: assembly.title,
  status: assembly.status,
  joinCode: assembly.joinCode,
  agenda: [],
  currentItemId: null,
  intakeOpen: false,
  proposals: [],
  round: currentRoundId ? liveRound(rounds.get(currentRoundId), false) : null,
  publishedRounds: [...rounds.values()].filter((r) => r.status === 'published').map((r) => liveRound(r, true)),
  speakers: { current: null, queue: [], defaultTimeLimitSeconds: null },
  attendance: { hall: 0, online: participants.size, total: participants.size },
  serverTime: new Date().toISOString(),
});
const moderatorState = () => ({
  assemblyId: assembly.id,
  version: assembly.version,
  pendingProposals: [],
  rejectedProposals: [],
  rounds: [...rounds.values()].reverse().map((r) => liveRound(r, true)),
  checkIn: { eligible: 0, issued: 0, revoked: 0 },
  attendance: { hall: 0, online: participants.size, total: participants.size, checkedIn: 0, connected: 0 },
});

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/api/health') return res.end('{"status":"ok"}');
  if (req.method === 'GET' && req.url === '/bench/assembly')
    return res.end(JSON.stringify({ id: assembly.id, joinCode: assembly.joinCode }));
  if (req.method === 'POST' && req.url === '/api/assemblies/join') {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const { code, displayName } = JSON.parse(body || '{}');
      if (code !== assembly.joinCode || !displayName) {
        res.writeHead(404, { 'content-type': 'application/json' });
        return res.end('{"code":"JOIN_CODE_INVALID"}');
      }
      const guestToken = randomBytes(32).toString('base64url');
      const participant = { id: randomUUID(), displayName, presence: 'online', checkedIn: false, isGuest: true };
      participants.set(guestToken, participant);
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ assemblyId: assembly.id, participant, guestToken }));
    });
    return;
  }
  res.writeHead(404).end();
});

const io = new Server(server, { serveClient: false });
const live = io.of('/live');
let timer = null;
let last = 0;
/**
 * The state changed: at most one broadcast per interval and a final one after the last change — the
 * API's policy (apps/api/src/realtime/live-broadcaster.ts): 100 ms plus 0.15 ms per connection, at most 400 ms.
 */
const broadcastIntervalMs = () => Math.min(400, 100 + Math.floor((live.adapter.rooms.get(assembly.id)?.size ?? 0) * 0.15));
function changed() {
  assembly.version++;
  if (timer) return;
  timer = setTimeout(
    () => {
      timer = null;
      last = Date.now();
      live.to(assembly.id).emit('live:state', state());
      live.to(`${assembly.id}:moderators`).emit('live:moderator', moderatorState());
    },
    Math.max(0, last + broadcastIntervalMs() - Date.now()),
  );
}

live.use((socket, next) => {
  const { assemblyId, guestToken } = socket.handshake.auth ?? {};
  if (assemblyId !== assembly.id) return next(new Error('ASSEMBLY_NOT_FOUND'));
  socket.data.moderator = /(^|;\s*)sid=bare-moderator/.test(socket.handshake.headers.cookie ?? '');
  socket.data.participant = participants.get(guestToken) ?? null;
  if (!socket.data.moderator && !socket.data.participant) return next(new Error('UNAUTHORIZED'));
  next();
});

live.on('connection', (socket) => {
  socket.join(assembly.id);
  if (socket.data.moderator) socket.join(`${assembly.id}:moderators`);
  const me = () => ({
    participant: socket.data.participant,
    isModerator: socket.data.moderator,
    supportedProposalIds: [],
    votedRoundIds: [...rounds.values()]
      .filter((r) => socket.data.participant && r.receipts.has(socket.data.participant.id))
      .map((r) => r.id),
    speakerRequestId: null,
  });
  socket.emit('live:state', state());
  const moderatorOnly = (handler) => (payload, ack) =>
    socket.data.moderator
      ? handler(payload ?? {}, ack)
      : ack({ ok: false, error: { statusCode: 403, error: 'Forbidden', code: 'FORBIDDEN', message: 'moderators only' } });

  socket.on('live:sync', (_payload, ack) =>
    ack({ ok: true, data: { state: state(), me: me(), moderator: socket.data.moderator ? moderatorState() : null } }),
  );
  socket.on(
    'assembly:set-status',
    moderatorOnly(({ status }, ack) => {
      assembly.status = status;
      changed();
      ack({ ok: true, data: undefined });
    }),
  );
  socket.on(
    'round:create',
    moderatorOnly(({ question, type, secret }, ack) => {
      const options = ['yes', 'no', 'abstain'].map((label) => ({ id: randomUUID(), label }));
      const round = { id: randomUUID(), question, type, secret, options, status: 'draft', receipts: new Map(), tally: {} };
      for (const o of options) round.tally[o.id] = 0;
      rounds.set(round.id, round);
      currentRoundId = round.id;
      changed();
      ack({ ok: true, data: liveRound(round, true) });
    }),
  );
  for (const [event, from, to] of [
    ['round:open', 'draft', 'open'],
    ['round:close', 'open', 'closed'],
    ['round:publish', 'closed', 'published'],
  ]) {
    socket.on(
      event,
      moderatorOnly(({ roundId }, ack) => {
        const round = rounds.get(roundId);
        if (!round || round.status !== from) return ack(error('ROUND_STATE_INVALID', `round is not ${from}`));
        round.status = to;
        changed();
        ack({ ok: true, data: to === 'open' ? undefined : results(round) });
      }),
    );
  }
  socket.on('ballot:cast', (payload, ack) => {
    const participant = socket.data.participant;
    if (typeof ack !== 'function') return;
    if (!participant) return ack(error('FORBIDDEN', 'participants only'));
    const round = rounds.get(payload?.roundId);
    if (!round || round.status !== 'open') return ack(error('ROUND_CLOSED', 'the round is not open'));
    const optionIds = Array.isArray(payload.optionIds) ? payload.optionIds : [];
    if (optionIds.length !== 1 || !(optionIds[0] in round.tally)) return ack(error('VALIDATION_FAILED', 'one option'));
    const receipt = round.receipts.get(participant.id);
    if (receipt) {
      return receipt === payload.idempotencyKey
        ? ack({ ok: true, data: { roundId: round.id, created: false } })
        : ack(error('ALREADY_VOTED', 'already voted'));
    }
    round.receipts.set(participant.id, String(payload.idempotencyKey));
    round.tally[optionIds[0]]++;
    changed();
    ack({ ok: true, data: { roundId: round.id, created: true } });
  });
});

server.listen(port, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
process.on('SIGTERM', () => io.close(() => process.exit(0)));
