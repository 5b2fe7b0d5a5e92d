import { Global, Inject, Injectable, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/**
 * The one Redis connection of a process, when REDIS_URL is set: shared state between several
 * API processes (rate limits now, the live-assembly socket adapter later). Null without Redis.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  readonly client: Redis | null;
  readonly keyPrefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.keyPrefix = config.redisKeyPrefix;
    this.client = config.redisUrl
      ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false })
      : null;
    this.client?.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
  }

  async ping(): Promise<'up' | 'down' | 'not_configured'> {
    if (!this.client) return 'not_configured';
    try {
      return (await this.client.ping()) === 'PONG' ? 'up' : 'down';
    } catch {
      return 'down';
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    // quit() flushes politely when connected; disconnect() also stops reconnect attempts when not.
    await this.client.quit().catch(() => undefined);
    this.client.disconnect();
  }
}

@Global()
@Module({ providers: [RedisConnection], exports: [RedisConnection] })
export class RedisModule {}
