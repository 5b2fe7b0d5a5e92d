import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { handledCommands } from '../../apps/api/src/realtime/live-io.adapter';
import { startTestApp } from './helpers/app';
import { createAssembly, LiveTestClient } from './helpers/live';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/**
 * The socket.io Redis adapter publishes and unsubscribes without waiting for the answer. A command still
 * queued when its connection ends must not become an unhandled rejection: in a test worker it failed the
 * next spec's set-up ("Connection is closed" in funds-conference on PostgreSQL + Redis), in production it
 * would take the process down. Jest fails the running test on an unhandled rejection, so these tests fail
 * if one occurs while they wait.
 */
describe('the socket adapter’s Redis connections', () => {
  it('a command still queued when the connection ends fails for whoever waits on it, and for nobody else', async () => {
    const client = handledCommands(new Redis(REDIS_URL, { enableOfflineQueue: true, maxRetriesPerRequest: null }));
    client.on('error', () => undefined);
    const awaited = client.publish('soziale-stadt-test', 'awaited');
    void client.publish('soziale-stadt-test', 'fire and forget, as the adapter does');
    client.disconnect();
    await expect(awaited).rejects.toThrow('Connection is closed');
    await settle();
  });

  it('an app with a live assembly shuts down on Redis while sockets are connected, leaving nothing rejected', async () => {
    const t = await startTestApp({ REDIS_URL, REDIS_KEY_PREFIX: `test-${randomBytes(4).toString('hex')}:` });
    const admin = await t.admin();
    const assembly = await createAssembly(t, admin);
    const moderator = await LiveTestClient.ready(t, { assemblyId: assembly.id }, { client: admin });
    const projector = await LiveTestClient.ready(t, { assemblyId: assembly.id, mode: 'projector' });
    await moderator.ok('assembly:set-status', { status: 'live' });
    // Broadcasts still on their way through Redis when the app closes (without the fix this failed 3 of 3 runs).
    const toggles = Array.from({ length: 20 }, (_, i) =>
      moderator.emit('intake:set', { open: i % 2 === 0 }).then(
        (ack) => (ack.ok ? 'answered' : 'refused'),
        () => 'cut off by the shutdown',
      ),
    );
    expect(await toggles[0]).toBe('answered');
    await t.close();
    moderator.socket.close();
    projector.socket.close();
    await settle();
  });
});
