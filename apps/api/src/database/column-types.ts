import type { ColumnOptions, DataSourceOptions } from 'typeorm';

/**
 * Column types that differ between the two supported databases. Entity decorators run when the
 * entity files load, before any configuration is read; they only record their options object, and
 * TypeORM reads a column's type when a data source builds its metadata (at initialize). So the
 * dialect-dependent types below are getters, and createDataSource sets the dialect from the validated
 * options before that happens. One process talks to one database, so one dialect per process.
 */
let postgres = false;

/** Called by createDataSource before TypeORM builds the entity metadata. */
export function setColumnDialect(type: DataSourceOptions['type']): void {
  postgres = type === 'postgres';
}

/**
 * "Now" as a column default, to the millisecond on both databases (SQLite's datetime('now') has
 * whole seconds only, which would put rows created in the same second in random order).
 */
export const NOW_SQL = (postgres: boolean) => (postgres ? 'now()' : "STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')");

/** A point in time: timestamptz on PostgreSQL, TypeORM's UTC datetime text on SQLite (resolved when the metadata is built). */
export const timestamp = (options: Omit<ColumnOptions, 'type'> = {}): ColumnOptions =>
  Object.defineProperty({ ...options }, 'type', { enumerable: true, get: () => (postgres ? 'timestamptz' : 'datetime') });

/** Options for createdAt/updatedAt columns. */
export const timestampColumn = (): ColumnOptions => timestamp({ default: () => NOW_SQL(postgres) });

/** A UUID reference: native uuid on PostgreSQL; TypeORM's SQLite driver stores the type uuid as varchar. */
export const uuidColumn = <T extends object>(options: T = {} as T) => ({ type: 'uuid' as const, ...options });
