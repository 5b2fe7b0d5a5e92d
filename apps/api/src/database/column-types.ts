import type { ColumnOptions } from 'typeorm';

/**
 * Column types that differ between the two supported databases. The entity metadata is built
 * when the entity files load, so the choice follows DATABASE_URL, which is fixed per process.
 */
export const usesPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

/** A point in time: timestamptz on PostgreSQL, TypeORM's UTC datetime text on SQLite. */
export const TIMESTAMP = usesPostgres() ? 'timestamptz' : 'datetime';

/**
 * "Now" as a column default, to the millisecond on both databases (SQLite's datetime('now') has
 * whole seconds only, which would put rows created in the same second in random order).
 */
export const NOW_SQL = (postgres: boolean) => (postgres ? 'now()' : "STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')");

/** Options for createdAt/updatedAt columns. */
export const timestampColumn = (): ColumnOptions => ({ type: TIMESTAMP, default: () => NOW_SQL(usesPostgres()) });

/** Column options for a UUID reference: native uuid on PostgreSQL, varchar on SQLite (as TypeORM maps generated uuids there). */
export const uuidColumn = <T extends object>(options: T = {} as T) =>
  usesPostgres() ? { type: 'uuid' as const, ...options } : { type: 'varchar' as const, ...options };
