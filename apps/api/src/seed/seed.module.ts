import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ensureAdministrator, isFirstStart, seedDemoData } from './seed';

/** Key of the PostgreSQL advisory lock under which one process at a time seeds (several start at once). */
const SEED_LOCK_KEY = 7_312_025_012;

/**
 * On start-up: demo data on a fresh database (when enabled) and the administrator from the environment.
 * On PostgreSQL several processes may start at once (deploy/systemd): they seed one after the other,
 * so the second finds the first's data and administrator instead of inserting them again.
 */
@Injectable()
export class StartupSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.ds.options.type !== 'postgres') return this.seed();
    const runner = this.ds.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [SEED_LOCK_KEY]);
      try {
        await this.seed();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [SEED_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  private async seed(): Promise<void> {
    if (this.config.seedDemoData && (await isFirstStart(this.ds))) {
      this.logger.log(
        `First start: loaded ${await seedDemoData(this.ds, { participation: this.config.seedDemoParticipation })} demo records`,
      );
    }
    if (this.config.admin) {
      const result = await ensureAdministrator(this.ds, this.config.admin, this.config.passwordHash);
      if (result !== 'unchanged') this.logger.log(`Administrator ${this.config.admin.email}: ${result}`);
    }
  }
}

@Module({ providers: [StartupSeeder] })
export class SeedModule {}
