import type { ApiErrorBody, LiveClientEventName, LiveMe, LiveSnapshot, LiveState, ModeratorState } from '@app/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { connectLive, emitWithAck, type LiveAckOf, type LivePayload, type LiveSocket } from '../../../lib/socket';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface LiveConnection {
  status: ConnectionStatus;
  state: LiveState | null;
  me: LiveMe | null;
  moderator: ModeratorState | null;
  /** The server refused the connection (e.g. guest credential not valid): no automatic retry. */
  refused: ApiErrorBody | null;
  /** Server time minus this device's time, for countdowns. */
  clockOffsetMs: number;
  /** Sends an event and waits for its acknowledgement; errors at once while not connected. */
  send: <E extends LiveClientEventName>(event: E, payload: LivePayload<E>) => Promise<LiveAckOf<E>>;
  /** Fetches the whole state again (also done after every (re)connect). */
  resync: () => Promise<void>;
}

export interface LiveOptions {
  assemblyId: string;
  mode: 'participant' | 'projector';
  guestToken?: string | null;
  /** false: do not connect (yet), e.g. while the session is loading or a guest must join first. */
  enabled?: boolean;
}

/** After this many failed attempts in a row the connection counts as offline (still retrying). */
const OFFLINE_AFTER_ATTEMPTS = 3;
/** A state request after a (re)connect that got no answer is asked again after this pause. */
const SYNC_RETRY_MS = 2_000;

/** Newer version wins: states can overtake each other (broadcast vs. sync answer). */
function newer<T extends { version: number }>(current: T | null, next: T | null): T | null {
  if (!next) return current;
  return !current || next.version >= current.version ? next : current;
}

function isRefusal(error: unknown): ApiErrorBody | null {
  const data = (error as { data?: unknown } | null)?.data;
  if (data && typeof data === 'object' && 'code' in data) return data as ApiErrorBody;
  return null;
}

/**
 * One live connection for a page: the newest room state, the moderator's extra state, the
 * person's own part and a connection status for the screen. socket.io reconnects on its own;
 * every (re)connect fetches the full state with `live:sync`, so nothing missed while offline stays missing.
 */
export function useLive({ assemblyId, mode, guestToken, enabled = true }: LiveOptions): LiveConnection {
  const [status, setStatus] = useState<ConnectionStatus>('connecting');
  const [state, setState] = useState<LiveState | null>(null);
  const [me, setMe] = useState<LiveMe | null>(null);
  const [moderator, setModerator] = useState<ModeratorState | null>(null);
  const [refused, setRefused] = useState<ApiErrorBody | null>(null);
  const socketRef = useRef<LiveSocket | null>(null);

  const [clockOffsetMs, setClockOffsetMs] = useState(0);

  const applySnapshot = useCallback((snapshot: LiveSnapshot) => {
    setClockOffsetMs(Date.parse(snapshot.state.serverTime) - Date.now());
    setState((current) => newer(current, snapshot.state));
    setModerator((current) => newer(current, snapshot.moderator));
    setMe(snapshot.me);
  }, []);

  const resync = useCallback(async () => {
    const answer = await emitWithAck(socketRef.current, 'live:sync', {});
    if (answer.ok) applySnapshot(answer.data);
  }, [applySnapshot]);

  useEffect(() => {
    if (!enabled) return undefined;
    const socket = connectLive({ assemblyId, mode, ...(guestToken ? { guestToken } : {}) });
    socketRef.current = socket;
    let failedAttempts = 0;
    let everConnected = false;

    let syncRetry: number | undefined;
    // "Connected – you see the current state" only once the state of this connection has arrived:
    // until then the screen would promise a state it does not show (and offer no actions).
    const syncAfterConnect = () => {
      window.clearTimeout(syncRetry);
      void emitWithAck(socket, 'live:sync', {}).then((answer) => {
        if (answer.ok) {
          applySnapshot(answer.data);
          if (socket.connected) setStatus('connected');
        } else if (socket.connected) {
          syncRetry = window.setTimeout(syncAfterConnect, SYNC_RETRY_MS);
        }
      });
    };
    socket.on('connect', () => {
      failedAttempts = 0;
      everConnected = true;
      syncAfterConnect();
    });
    let refusedNow = false;
    socket.on('disconnect', (reason) => {
      setStatus(navigator.onLine === false || refusedNow ? 'offline' : 'reconnecting');
      // The server ended the connection without refusing us (e.g. a restart): socket.io does not retry then, so we do.
      if (reason === 'io server disconnect' && !refusedNow) socket.connect();
    });
    socket.on('connect_error', (error) => {
      const refusal = isRefusal(error);
      if (refusal && !socket.active) {
        setRefused(refusal);
        setStatus('offline');
        return;
      }
      failedAttempts += 1;
      setStatus(
        failedAttempts >= OFFLINE_AFTER_ATTEMPTS || navigator.onLine === false ? 'offline' : everConnected ? 'reconnecting' : 'connecting',
      );
    });
    socket.on('live:state', (next) => {
      setClockOffsetMs(Date.parse(next.serverTime) - Date.now());
      setState((current) => newer(current, next));
    });
    socket.on('live:moderator', (next) => setModerator((current) => newer(current, next)));
    // The own part changed elsewhere (check-in card moved to another device or revoked): read it again.
    socket.on('live:me-changed', () => {
      void emitWithAck(socket, 'live:sync', {}).then((answer) => {
        if (answer.ok) applySnapshot(answer.data);
      });
    });
    socket.on('live:error', (error) => {
      refusedNow = true;
      setRefused(error);
    });

    const goneOffline = () => setStatus('offline');
    const backOnline = () => {
      if (!socket.connected) {
        setStatus('reconnecting');
        socket.connect();
      }
    };
    window.addEventListener('offline', goneOffline);
    window.addEventListener('online', backOnline);
    return () => {
      window.removeEventListener('offline', goneOffline);
      window.removeEventListener('online', backOnline);
      window.clearTimeout(syncRetry);
      socket.removeAllListeners();
      socket.disconnect();
      socketRef.current = null;
    };
  }, [assemblyId, mode, guestToken, enabled, applySnapshot]);

  const send = useCallback(
    <E extends LiveClientEventName>(event: E, payload: LivePayload<E>) => emitWithAck(socketRef.current, event, payload),
    [],
  );

  return { status, state, me, moderator, refused, clockOffsetMs, send, resync };
}
