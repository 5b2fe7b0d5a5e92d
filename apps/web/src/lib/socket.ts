import {
  LIVE_NAMESPACE,
  type ApiErrorBody,
  type ErrorCode,
  type LiveAck,
  type LiveClientEventName,
  type LiveClientEvents,
  type LiveHandshake,
  type LiveServerEvents,
} from '@app/shared';
import { io, type Socket } from 'socket.io-client';
import { CLIENT_ERROR_NETWORK } from './api-client';

/** The typed socket of the live namespace. */
export type LiveSocket = Socket<LiveServerEvents, LiveClientEvents>;

/** The payload a client→server event carries. */
export type LivePayload<E extends LiveClientEventName> = Parameters<LiveClientEvents[E]>[0];
/** What the acknowledgement of a client→server event carries. */
export type LiveAckOf<E extends LiveClientEventName> = Parameters<Parameters<LiveClientEvents[E]>[1]>[0];

/** The client's own code for "no answer": the action was not (known to be) carried out. */
export const LIVE_ERROR_TIMEOUT = 'LIVE_TIMEOUT';
export const LIVE_ACK_TIMEOUT_MS = 10_000;

/**
 * Connects to the live namespace. Accounts travel as the session cookie; guests send their device
 * credential. socket.io reconnects by itself (with back-off); the caller re-syncs after each connect.
 */
export function connectLive(handshake: LiveHandshake): LiveSocket {
  return io(LIVE_NAMESPACE, {
    auth: { ...handshake },
    withCredentials: true,
    transports: ['websocket', 'polling'],
    reconnectionDelay: 1_000,
    reconnectionDelayMax: 10_000,
    timeout: 10_000,
  });
}

export function clientError(code: string, message: string): ApiErrorBody {
  return { statusCode: 0, error: 'Client', code: code as ErrorCode, message };
}

/**
 * Sends an event and waits for its acknowledgement. Nothing is queued: while disconnected the
 * answer is an error at once (socket.io would otherwise buffer the event and send it later).
 * A missing answer within the timeout is an error too, which the person may retry.
 */
export function emitWithAck<E extends LiveClientEventName>(
  socket: LiveSocket | null,
  event: E,
  payload: LivePayload<E>,
  timeoutMs = LIVE_ACK_TIMEOUT_MS,
): Promise<LiveAckOf<E>> {
  if (!socket || !socket.connected) {
    return Promise.resolve({ ok: false, error: clientError(CLIENT_ERROR_NETWORK, 'Not connected') } as LiveAckOf<E>);
  }
  return new Promise((resolve) => {
    // The typed overloads cannot follow a generic event name; the payload/ack pair is checked above.
    const loose = socket.timeout(timeoutMs) as unknown as {
      emit: (name: string, body: unknown, ack: (error: Error | null, answer: LiveAck<unknown>) => void) => void;
    };
    loose.emit(event, payload, (error, answer) => {
      if (error) resolve({ ok: false, error: clientError(LIVE_ERROR_TIMEOUT, 'No answer from the server') } as LiveAckOf<E>);
      else resolve(answer as LiveAckOf<E>);
    });
  });
}

/** A random id for idempotency keys; randomUUID needs a secure context, getRandomValues does not. */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
