/**
 * Column types that differ between the two supported databases. The entity metadata is built
 * when the entity files load, so the choice follows DATABASE_URL, which is fixed per process.
 */
export const usesPostgres = (): boolean => Boolean(process.env.DATABASE_URL);

/** A point in time: timestamptz on PostgreSQL, TypeORM's UTC datetime text on SQLite. */
export const TIMESTAMP = usesPostgres() ? 'timestamptz' : 'datetime';

/** Column options for a UUID reference: native uuid on PostgreSQL, varchar on SQLite (as TypeORM maps generated uuids there). */
export const uuidColumn = <T extends object>(options: T = {} as T) =>
  usesPostgres() ? { type: 'uuid' as const, ...options } : { type: 'varchar' as const, ...options };
