import { CookieAccessInfo } from 'cookiejar';
import { io, type Socket } from 'socket.io-client';
import {
  AgendaItemType,
  LIVE_NAMESPACE,
  type ApiErrorBody,
  type AssemblyDetail,
  type CreateAssemblyRequest,
  type IssuedCheckInCard,
  type JoinAssemblyResponse,
  type LiveAck,
  type LiveHandshake,
  type LiveSnapshot,
  type LiveState,
  type ModeratorState,
} from '@app/shared';
import type { TestApp } from './app';
import type { ApiClient } from './client';

/** The cookies an ApiClient holds (session and CSRF), as a Cookie header for the socket handshake. */
export function cookieHeader(client: ApiClient): string {
  const jar = (client.agent as unknown as { jar: { getCookies(info: CookieAccessInfo): { toValueString(): string } } }).jar;
  return jar.getCookies(CookieAccessInfo.All).toValueString();
}

/** The first area of the seeded area tree (assemblies need one). */
export async function anyAreaId(t: TestApp): Promise<string> {
  const anonymous = await t.client();
  const areas = (await anonymous.get('/api/areas').expect(200)).body as Array<{ id: string }>;
  if (!areas.length) throw new Error('no areas to plan an assembly in');
  return areas[0].id;
}

/** Plans an assembly through the API (as a moderator or administrator) with a small agenda. */
export async function createAssembly(
  t: TestApp,
  moderator: ApiClient,
  overrides: Partial<CreateAssemblyRequest> = {},
): Promise<AssemblyDetail> {
  const start = new Date(Date.now() + 60 * 60 * 1000);
  const body: CreateAssemblyRequest = {
    title: 'Bürgerversammlung Nordmarkt',
    place: 'Nachbarschaftstreff Nordmarkt',
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * 60 * 60 * 1000).toISOString(),
    areaIds: [await anyAreaId(t)],
    agenda: [
      { title: 'Begrüßung', type: AgendaItemType.Information },
      { title: 'Vorschläge für den Platz', type: AgendaItemType.ProposalCollection },
      { title: 'Abstimmung', type: AgendaItemType.Vote },
    ],
    ...overrides,
  };
  const res = await moderator.post('/api/assemblies', body);
  if (res.status !== 201) throw new Error(`POST /api/assemblies: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AssemblyDetail;
}

/** Joins as a guest (a fresh client, no account) and returns the participant with its device credential. */
export async function joinAsGuest(
  t: TestApp,
  code: string,
  displayName: string,
  extra: { card?: string } = {},
): Promise<JoinAssemblyResponse & { guestToken: string }> {
  const c = await t.client();
  const res = await c.post('/api/assemblies/join', { code, displayName, ...extra });
  if (res.status !== 200 || !res.body.guestToken) throw new Error(`join: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as JoinAssemblyResponse & { guestToken: string };
}

/** New check-in cards of an assembly (as its moderator), with their codes. */
export async function issueCards(moderator: ApiClient, assemblyId: string, count = 1): Promise<IssuedCheckInCard[]> {
  const res = await moderator.post(`/api/assemblies/${assemblyId}/check-in-cards`, { count });
  if (res.status !== 201) throw new Error(`issue cards: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { cards: IssuedCheckInCard[] }).cards;
}

/** The code of one new check-in card. */
export const cardCode = async (moderator: ApiClient, assemblyId: string) => (await issueCards(moderator, assemblyId, 1))[0].code;

/** A refused handshake, as socket.io-client reports it. */
export interface ConnectRefusal {
  message: string;
  data?: ApiErrorBody;
}

/** A real socket.io client on /live that keeps the newest state and moderator state it received. */
export class LiveTestClient {
  state: LiveState | null = null;
  moderator: ModeratorState | null = null;
  /** Every live:state received (to count broadcasts). */
  received = 0;
  private waiters: Array<() => void> = [];

  private constructor(readonly socket: Socket) {
    socket.on('live:state', (state: LiveState) => {
      this.received++;
      if (!this.state || state.version >= this.state.version) this.state = state;
      this.notify();
    });
    socket.on('live:moderator', (state: ModeratorState) => {
      if (!this.moderator || state.version >= this.moderator.version) this.moderator = state;
      this.notify();
    });
  }

  /**
   * Connects with a session cookie (extraHeaders) and/or a guest credential; rejects with the refusal.
   * `acceptLanguage`: the phone's languages, as its browser sends them in the handshake.
   */
  static connect(
    t: Pick<TestApp, 'url'>,
    auth: LiveHandshake,
    options: { cookie?: string; client?: ApiClient; acceptLanguage?: string } = {},
  ): Promise<LiveTestClient> {
    const cookie = options.cookie ?? (options.client ? cookieHeader(options.client) : undefined);
    const socket = io(`${t.url}${LIVE_NAMESPACE}`, {
      auth,
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: {
        origin: t.url,
        ...(cookie ? { cookie } : {}),
        ...(options.acceptLanguage ? { 'accept-language': options.acceptLanguage } : {}),
      },
    });
    const client = new LiveTestClient(socket);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        socket.close();
        reject(new Error('socket did not connect within 20 s'));
      }, 20_000);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve(client);
      });
      socket.once('connect_error', (error: Error & { data?: ApiErrorBody }) => {
        clearTimeout(timer);
        socket.close();
        reject({ message: error.message, data: error.data } satisfies ConnectRefusal);
      });
    });
  }

  /** Connects and waits for the first state (sent right after connecting). */
  static async ready(
    t: Pick<TestApp, 'url'>,
    auth: LiveHandshake,
    options: { cookie?: string; client?: ApiClient; acceptLanguage?: string } = {},
  ): Promise<LiveTestClient> {
    const c = await LiveTestClient.connect(t, auth, options);
    await c.until('the first state', () => c.state !== null);
    return c;
  }

  async emit<T = unknown>(event: string, payload?: unknown, timeoutMs = 30_000): Promise<LiveAck<T>> {
    return (await this.socket.timeout(timeoutMs).emitWithAck(event, payload ?? {})) as LiveAck<T>;
  }

  /** Emits and returns the ack's data; fails the test on an error ack. */
  async ok<T = unknown>(event: string, payload?: unknown): Promise<T> {
    const ack = await this.emit<T>(event, payload);
    if (!ack.ok) throw new Error(`${event} failed: ${JSON.stringify(ack.error)}`);
    return ack.data;
  }

  /** Emits and returns the error of the ack; fails the test when it succeeded. */
  async error(event: string, payload?: unknown): Promise<ApiErrorBody> {
    const ack = await this.emit(event, payload);
    if (ack.ok) throw new Error(`${event} unexpectedly succeeded: ${JSON.stringify(ack.data)}`);
    return ack.error;
  }

  async sync(): Promise<LiveSnapshot> {
    const snapshot = await this.ok<LiveSnapshot>('live:sync', {});
    if (!this.state || snapshot.state.version >= this.state.version) this.state = snapshot.state;
    if (snapshot.moderator && (!this.moderator || snapshot.moderator.version >= this.moderator.version))
      this.moderator = snapshot.moderator;
    return snapshot;
  }

  /** Resolves once the condition holds on what was received (checked on every event). */
  async until(what: string, condition: () => boolean, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `timed out waiting for ${what}; last state v${this.state?.version}: ${JSON.stringify(this.state?.round)}; ` +
            `last moderator state v${this.moderator?.version}: ${JSON.stringify(this.moderator?.rounds?.[0])}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.close();
  }

  private notify(): void {
    this.waiters.splice(0).forEach((wake) => wake());
  }
}

/** The socket clients a spec opens (`track` each as it connects), closed together in its afterAll. */
export class LiveSockets {
  private readonly clients: LiveTestClient[] = [];

  readonly track = (client: LiveTestClient): LiveTestClient => {
    this.clients.push(client);
    return client;
  };

  closeAll(): void {
    for (const client of this.clients.splice(0)) client.close();
  }
}
