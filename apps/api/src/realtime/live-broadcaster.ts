import { Injectable, Logger } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { LiveState, ModeratorState } from '@app/shared';
import { RedisConnection } from '../common/redis/redis.module';
import { LiveStateService, type BuiltState } from '../modules/live/live-state.service';

/** At most one broadcast per assembly and interval; a final one always follows the last change. */
export const BROADCAST_INTERVAL_MS = 100;
const BROADCAST_INTERVAL_MAX_MS = 400;
/**
 * The interval for an assembly with this many connections on this process: 100 ms for a small room,
 * growing by 0.15 ms per connection up to 400 ms (1,000 phones: 250 ms). A broadcast is one write per
 * connection, so in a full hall this keeps the writes per second, and with them the delay they add to
 * every ballot's acknowledgement, bounded; counters still move four times a second.
 */
export function broadcastIntervalMs(connections: number): number {
  return Math.min(BROADCAST_INTERVAL_MAX_MS, BROADCAST_INTERVAL_MS + Math.floor(connections * 0.15));
}
/** How long a count of connected participants is reused (it asks every process with Redis). */
const CONNECTED_TTL_MS = 1000;
/**
 * Safety net: how often the version of assemblies with clients here is compared with the database,
 * so a change no process announced (e.g. an edit over REST, or a process that died right after a
 * commit) still reaches the clients.
 */
const VERSION_CHECK_MS = 2000;

export const roomOf = (assemblyId: string) => `assembly:${assemblyId}`;
export const moderatorRoomOf = (assemblyId: string) => `assembly:${assemblyId}:moderators`;
/** Every connection of one participant (device), on every process. */
export const participantRoomOf = (participantId: string) => `participant:${participantId}`;
const ASSEMBLY_ROOM = /^assembly:([0-9a-f-]{36})$/;
/** Between the API processes (Redis): "this assembly changed", so each one sends the new state to its own clients. */
const PEER_CHANGED = 'live:changed';
/**
 * Between the API processes: "which participants of this assembly are connected to you?", answered
 * with their ids. (The adapter's fetchSockets would send every connection's whole handshake: with 500
 * phones on a process, about half a megabyte of JSON to write and parse for one number.)
 */
const PEER_CONNECTED = 'live:connected';

interface Pending {
  timer: NodeJS.Timeout | null;
  running: boolean;
  last: number;
  dirtyState: boolean;
  dirtyModerators: boolean;
  /** Not only announced by another process: the moderators' view is due too (sent to every process's moderators). */
  own: boolean;
  /** A change made on this process: the other processes are told. */
  tellPeers: boolean;
}

/**
 * Sends the live state to the rooms after changes, coalesced: 1,000 ballots do not make 1,000
 * broadcasts. The state is always built from the database, and stale sends lose to newer versions.
 *
 * With several processes (Redis), each sends the participants' state to its own clients only: the
 * process where a change happened tells the others in a few bytes ("assembly X changed"), and each
 * builds the state once per version and sends it locally. Relaying the whole state through Redis to
 * every process, as a room-wide emit does, cost each process the other's broadcasts on top of its
 * own. The moderators' view (a handful of connections) still goes to every process from where the
 * change happened.
 */
@Injectable()
export class LiveBroadcaster {
  private readonly logger = new Logger('LiveBroadcaster');
  private server: Namespace | null = null;
  private stopped = false;
  private readonly pending = new Map<string, Pending>();
  private readonly cache = new Map<string, BuiltState>();
  /**
   * The newest version this process sent to everyone in an assembly's room. The check compares the
   * database with it, not with the cache: a state built for one newcomer or for the moderators only is
   * cached without the room having it.
   */
  private readonly sent = new Map<string, number>();
  private readonly building = new Map<string, { version: number; promise: Promise<BuiltState> }>();
  private readonly connected = new Map<string, { at: number; count: number }>();

  constructor(
    private readonly live: LiveStateService,
    private readonly redis: RedisConnection,
  ) {}

  private check: NodeJS.Timeout | null = null;

  attach(server: Namespace): void {
    this.server = server;
    // Other processes' changes (with Redis; the in-memory adapter has no other processes).
    if (this.redis.client) {
      server.on(PEER_CHANGED, (assemblyId: unknown) => {
        if (typeof assemblyId === 'string' && ASSEMBLY_ROOM.test(roomOf(assemblyId)))
          this.mark(assemblyId, 'all', { own: false, tellPeers: false });
      });
      server.on(PEER_CONNECTED, (assemblyId: unknown, reply: unknown) => {
        if (typeof reply === 'function') reply(typeof assemblyId === 'string' ? this.localParticipants(assemblyId) : []);
      });
    }
    this.check = setInterval(() => void this.checkVersions(), VERSION_CHECK_MS);
    this.check.unref?.();
  }

  private async checkVersions(): Promise<void> {
    const rooms = this.server?.adapter.rooms;
    // Forget what nobody here watches any more.
    for (const assemblyId of new Set([...this.cache.keys(), ...this.sent.keys()])) {
      if (!rooms?.get(roomOf(assemblyId))?.size) {
        this.cache.delete(assemblyId);
        this.sent.delete(assemblyId);
        this.pending.delete(assemblyId);
      }
    }
    // Every assembly with clients here is compared, also one whose state is not cached (a client that
    // joined right after a check dropped the entry would otherwise never hear of a REST edit).
    const watched = [...(rooms?.entries() ?? [])].flatMap(([room, sockets]) => {
      const assemblyId = ASSEMBLY_ROOM.exec(room)?.[1];
      return assemblyId && sockets.size ? [assemblyId] : [];
    });
    for (const assemblyId of watched) {
      if (this.stopped) return;
      const version = await this.live.version(assemblyId).catch(() => null);
      // Each process finds such a change itself, so the others are not told.
      if (version !== null && version > (this.sent.get(assemblyId) ?? -1)) this.mark(assemblyId, 'all', { own: true, tellPeers: false });
    }
  }

  /** Something changed in the assembly (scope 'moderators': only the moderators' view, e.g. who is connected). */
  changed(assemblyId: string, scope: 'all' | 'moderators' = 'all'): void {
    this.mark(assemblyId, scope, { own: true, tellPeers: scope === 'all' });
  }

  private mark(assemblyId: string, scope: 'all' | 'moderators', origin: { own: boolean; tellPeers: boolean }): void {
    if (this.stopped) return;
    let p = this.pending.get(assemblyId);
    if (!p) {
      p = { timer: null, running: false, last: 0, dirtyState: false, dirtyModerators: false, own: false, tellPeers: false };
      this.pending.set(assemblyId, p);
    }
    if (scope === 'all') p.dirtyState = true;
    else p.dirtyModerators = true;
    if (origin.own) p.own = true;
    if (origin.tellPeers) p.tellPeers = true;
    this.schedule(assemblyId, p);
  }

  private schedule(assemblyId: string, p: Pending): void {
    if (p.timer || p.running) return;
    const connections = this.server?.adapter.rooms.get(roomOf(assemblyId))?.size ?? 0;
    const wait = Math.max(0, p.last + broadcastIntervalMs(connections) - Date.now());
    p.timer = setTimeout(() => void this.flush(assemblyId, p), wait);
    p.timer.unref?.();
  }

  private async flush(assemblyId: string, p: Pending): Promise<void> {
    p.timer = null;
    p.running = true;
    p.last = Date.now();
    const everyone = p.dirtyState;
    const { own, tellPeers } = p;
    p.dirtyState = false;
    p.dirtyModerators = false;
    p.own = false;
    p.tellPeers = false;
    try {
      const server = this.server;
      if (server) {
        // The other processes hear of a change here at once (they coalesce on their side too).
        if (tellPeers && this.redis.client) server.serverSideEmit(PEER_CHANGED, assemblyId);
        const built = await this.get(assemblyId);
        // Everyone gets a newer state than they were sent, also when only the moderators' view was due
        // (a change committed meanwhile, e.g. an edit over REST, is in what was just built).
        const sent = this.sent.get(assemblyId) ?? -1;
        // Another process's change: only a version this process has not sent yet.
        if (built.version > sent || (everyone && own)) {
          server.local.to(roomOf(assemblyId)).emit('live:state', { ...built.state, serverTime: new Date().toISOString() });
          this.sent.set(assemblyId, Math.max(sent, built.version));
        }
        if (own) server.to(moderatorRoomOf(assemblyId)).emit('live:moderator', await this.moderatorState(assemblyId, built));
      }
    } catch (error) {
      if (!this.stopped) this.logger.warn(`Broadcast for ${assemblyId} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      p.running = false;
      // The entry stays (with the time of this send), so the next change waits out the interval.
      if (p.dirtyState || p.dirtyModerators) this.schedule(assemblyId, p);
    }
  }

  /**
   * The built state of the newest version: reused while the version in the database is unchanged,
   * and shared by concurrent callers (1,000 clients connecting do not build it 1,000 times).
   */
  async get(assemblyId: string): Promise<BuiltState> {
    const version = await this.live.version(assemblyId);
    const cached = this.cache.get(assemblyId);
    if (cached && version !== null && cached.version >= version) return cached;
    const inflight = this.building.get(assemblyId);
    if (inflight && version !== null && inflight.version >= version) return inflight.promise;
    const promise = this.live.build(assemblyId).then(
      (built) => {
        const current = this.cache.get(assemblyId);
        if (!current || current.version <= built.version) this.cache.set(assemblyId, built);
        return built;
      },
      (error: unknown) => {
        throw error;
      },
    );
    // A build started now reads a version at least this new.
    const entry = { version: version ?? 0, promise };
    this.building.set(assemblyId, entry);
    const cleanup = () => {
      if (this.building.get(assemblyId) === entry) this.building.delete(assemblyId);
    };
    promise.then(cleanup, cleanup);
    return promise;
  }

  async state(assemblyId: string): Promise<LiveState> {
    const built = await this.get(assemblyId);
    return { ...built.state, serverTime: new Date().toISOString() };
  }

  async moderatorState(assemblyId: string, built?: BuiltState): Promise<ModeratorState> {
    const b = built ?? (await this.get(assemblyId));
    return { ...b.moderator, attendance: { ...b.moderator.attendance, connected: await this.connectedCount(assemblyId) } };
  }

  /** Participants with at least one open connection, over every process (with Redis, the others are asked). */
  private async connectedCount(assemblyId: string): Promise<number> {
    const cached = this.connected.get(assemblyId);
    if (cached && Date.now() - cached.at < CONNECTED_TTL_MS) return cached.count;
    if (!this.server) return 0;
    try {
      // A person with a phone on each of two processes counts once.
      const ids = new Set(this.localParticipants(assemblyId));
      if (this.redis.client) {
        const replies: unknown[] = await this.server.serverSideEmitWithAck(PEER_CONNECTED, assemblyId);
        for (const reply of replies) if (Array.isArray(reply)) for (const id of reply) if (typeof id === 'string') ids.add(id);
      }
      this.connected.set(assemblyId, { at: Date.now(), count: ids.size });
      return ids.size;
    } catch {
      return cached?.count ?? 0;
    }
  }

  /** The participants with a connection to this process in the assembly's room. */
  private localParticipants(assemblyId: string): string[] {
    const ids = new Set<string>();
    for (const socketId of this.server?.adapter.rooms.get(roomOf(assemblyId)) ?? []) {
      const id = (this.server?.sockets.get(socketId)?.data as { participantId?: string | null } | undefined)?.participantId;
      if (id) ids.add(id);
    }
    return [...ids];
  }

  /** These participants' own part changed outside their connections (e.g. a check-in card moved or was revoked): they re-read it. */
  meChanged(participantIds: string[]): void {
    if (!this.server) return;
    for (const id of participantIds) this.server.to(participantRoomOf(id)).emit('live:me-changed');
  }

  /** Drops the moderators' connection count so the next broadcast counts again. */
  recount(assemblyId: string): void {
    this.connected.delete(assemblyId);
    this.changed(assemblyId, 'moderators');
  }

  /** Stops pending broadcasts (shutdown). */
  stop(): void {
    this.stopped = true;
    if (this.check) clearInterval(this.check);
    for (const p of this.pending.values()) if (p.timer) clearTimeout(p.timer);
    this.pending.clear();
  }
}
