import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { ENTITIES, MIGRATIONS } from './entities';
import { isolateSqliteUnitsOfWork, quietSqlite3 } from './sqlite-units-of-work';

/** One place that turns configuration into TypeORM options. The schema only ever comes from migrations. */
export function buildDataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
  } as const;
  if (config.database.type === 'postgres') {
    return {
      ...common,
      type: 'postgres',
      url: config.database.url,
      uuidExtension: 'pgcrypto',
      installExtensions: false,
      migrationsTransactionMode: 'each',
    };
  }
  mkdirSync(dirname(config.database.path), { recursive: true });
  return {
    ...common,
    type: 'sqlite',
    driver: quietSqlite3,
    database: config.database.path,
    enableWAL: true,
    busyTimeout: 5000,
    migrationsTransactionMode: 'each',
  };
}

/** Every data source of the app, the CLI and the tests is made here, so SQLite always gets isolated units of work. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return isolateSqliteUnitsOfWork(new DataSource(options));
}
