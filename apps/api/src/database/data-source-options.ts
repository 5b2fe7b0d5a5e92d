import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';
import type { AppConfig } from '../config/config';
import { setColumnDialect } from './column-types';
import { isolateSqliteUnitsOfWork, quietSqlite3 } from './sqlite-units-of-work';

/** What the app stores: its entities and the migrations that build their tables (the registry lives in src/entities.ts). */
export interface SchemaRegistry {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
}

/** One place that turns configuration and the app's schema registry into TypeORM options. The schema only ever comes from migrations. */
export function buildDataSourceOptions(config: AppConfig, schema: SchemaRegistry): DataSourceOptions {
  const common = {
    entities: schema.entities,
    migrations: schema.migrations,
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
  setColumnDialect(options.type);
  return isolateSqliteUnitsOfWork(new DataSource(options));
}
