import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import type { Server } from 'socket.io';

type IoOptions = Parameters<IoAdapter['createIOServer']>[1];
type IoServer = ReturnType<IoAdapter['createIOServer']>;
import type { RedisConnection } from '../common/redis/redis.module';

/** Largest socket message accepted (events are small; this stops memory abuse). */
const MAX_MESSAGE_BYTES = 100_000;

/**
 * The Redis adapter publishes and (un)subscribes without awaiting the answer. A command still waiting when
 * the connection ends (the adapter's unsubscribe at shutdown, a broadcast during an outage) rejects with
 * "Connection is closed" and nobody listening: an unhandled rejection, which takes a process down or, in a
 * test worker, fails whichever test runs next. The outage itself shows as the client's 'error' events and in
 * /api/health; the single command's rejection is dropped here.
 */
export function handledCommands(client: Redis): Redis {
  const send = client.sendCommand.bind(client);
  client.sendCommand = (...args: Parameters<Redis['sendCommand']>) => {
    const sent = send(...args);
    if (sent instanceof Promise) sent.catch(() => undefined);
    return sent;
  };
  return client;
}

/**
 * socket.io for the live assemblies. With REDIS_URL the Redis adapter connects the processes
 * (pub/sub are duplicates of the process's Redis client), so a broadcast from one process
 * reaches the clients of all; without Redis the default in-memory adapter.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly redis: RedisConnection,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: IoOptions): IoServer {
    // serveClient: false — the web client bundles socket.io-client; the server would otherwise hand out
    // /socket.io/socket.io.js with its version and outside the app's security headers.
    const created = super.createIOServer(port, { ...options, serveClient: false, maxHttpBufferSize: MAX_MESSAGE_BYTES } as IoOptions);
    // @nestjs/platform-socket.io brings its own copy of socket.io (same major version): same API, other type identity.
    const server = created as unknown as Server;
    const client = this.redis.client;
    if (client) {
      // The duplicates queue commands until connected (the main client refuses offline commands).
      const pub = handledCommands(client.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null }));
      const sub = handledCommands(client.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null }));
      for (const c of [pub, sub]) c.on('error', () => undefined);
      this.clients.push(pub, sub);
      server.adapter(createAdapter(pub, sub, { key: `${this.redis.keyPrefix}socket.io` }));
    }
    return created;
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    // disconnect(), not quit(): quit would wait forever for a Redis that cannot be reached.
    for (const c of this.clients.splice(0)) c.disconnect();
  }
}
