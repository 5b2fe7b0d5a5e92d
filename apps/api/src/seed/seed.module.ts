import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { ensureAdministrator, isFirstStart, seedDemoData } from './seed';

/** On start-up: demo data on a fresh database (when enabled) and the administrator from the environment. */
@Injectable()
export class StartupSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
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
