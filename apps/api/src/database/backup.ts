import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import sqlite3 from 'sqlite3';
import type { AppConfig } from '../config/config';
import { APP_VERSION } from '../config/version';

/**
 * Backup and restore of an installation on the embedded SQLite database: the database file and the
 * upload folder, into one folder per backup. (PostgreSQL is backed up with its own tools; the
 * README says how.)
 *
 * The database is copied with `VACUUM INTO`: one read transaction, so the copy is the committed
 * state of one moment even while the app writes (WAL mode lets readers and the writer work side
 * by side). The uploads are copied after it: attachment rows are written before their files and
 * files are never changed, so every attachment in the copy has its file, except one deleted in
 * the seconds between the two steps.
 */

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export const DATABASE_FILE = 'soziale-stadt.sqlite';
const MANIFEST_FILE = 'manifest.json';

export interface BackupManifest {
  format: 1;
  createdAt: string;
  appVersion: string;
  database: string;
  /** Rows per table in the copy, to compare after a restore. */
  tables: Record<string, number>;
  uploads: number;
}

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
}

const POSTGRES_HINT =
  'This installation uses PostgreSQL (DATABASE_URL): back it up with pg_dump -Fc and restore it with pg_restore, and copy the upload folder (UPLOAD_DIR) beside it. See the README, "Backup and restore".';

// ---- sqlite3 with promises ----

function open(path: string, mode: number): Promise<sqlite3.Database> {
  return new Promise((done, fail) => {
    const db = new sqlite3.Database(path, mode, (error) => (error ? fail(error) : done(db)));
  });
}
const run = (db: sqlite3.Database, sql: string) =>
  new Promise<void>((done, fail) => db.run(sql, (error) => (error ? fail(error) : done())));
const all = <T>(db: sqlite3.Database, sql: string) =>
  new Promise<T[]>((done, fail) => db.all(sql, (error, rows) => (error ? fail(error) : done(rows as T[]))));
const close = (db: sqlite3.Database) => new Promise<void>((done) => db.close(() => done()));
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** `PRAGMA integrity_check` and the rows per table of a database file. */
export async function inspectDatabase(path: string): Promise<{ integrity: string; tables: Record<string, number> }> {
  const db = await open(path, sqlite3.OPEN_READONLY);
  try {
    const [check] = await all<{ integrity_check: string }>(db, 'PRAGMA integrity_check');
    const names = await all<{ name: string }>(
      db,
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    );
    const tables: Record<string, number> = {};
    for (const { name } of names) {
      const [row] = await all<{ n: number }>(db, `SELECT COUNT(*) AS n FROM "${name.replace(/"/g, '""')}"`);
      tables[name] = row.n;
    }
    return { integrity: check.integrity_check, tables };
  } finally {
    await close(db);
  }
}

/**
 * Whether another connection has the database open (a running app does, all the time): in WAL
 * mode every connection holds a shared lock, so an exclusive one is refused.
 */
export async function databaseInUse(path: string): Promise<boolean> {
  if (!existsSync(path)) return false;
  const db = await open(path, sqlite3.OPEN_READWRITE);
  try {
    await run(db, 'PRAGMA locking_mode = EXCLUSIVE');
    await run(db, 'BEGIN EXCLUSIVE');
    await run(db, 'COMMIT');
    return false;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw error;
  } finally {
    await close(db);
  }
}

async function countFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) count++;
  return count;
}

const timestamp = (date: Date) => date.toISOString().replace(/[:.]/g, '-');
const inside = (path: string, folder: string) => path === folder || path.startsWith(folder + sep);

/**
 * Writes a backup of the running (or stopped) installation into `<targetRoot>/backup-<time>/`
 * (default target: DATA_DIR/backups). Written under a temporary name first, so a folder named
 * backup-… is always complete.
 */
export async function createBackup(config: AppConfig, targetRoot?: string, now = new Date()): Promise<BackupResult> {
  if (config.database.type !== 'sqlite') throw new BackupError(POSTGRES_HINT);
  const source = config.database.path;
  if (!existsSync(source)) throw new BackupError(`There is no database at ${source} to back up.`);
  const root = resolve(targetRoot ?? join(config.dataDir, 'backups'));
  if (inside(root, resolve(config.uploadDir))) throw new BackupError(`The backup target ${root} must not lie inside the upload folder.`);
  const dir = join(root, `backup-${timestamp(now)}`);
  if (existsSync(dir)) throw new BackupError(`${dir} exists already.`);
  const partial = `${dir}.partial`;
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  try {
    const copy = join(partial, DATABASE_FILE);
    const db = await open(source, sqlite3.OPEN_READWRITE);
    try {
      db.configure('busyTimeout', 30_000);
      await run(db, `VACUUM INTO ${quote(copy)}`);
    } finally {
      await close(db);
    }
    const { integrity, tables } = await inspectDatabase(copy);
    if (integrity !== 'ok') throw new BackupError(`The copy of the database failed its integrity check: ${integrity}`);
    const uploads = join(partial, 'uploads');
    if (existsSync(config.uploadDir)) {
      await cp(config.uploadDir, uploads, {
        recursive: true,
        // Files being written are skipped (they appear under their name only when complete), and so is a backup folder inside.
        filter: (path) => !path.endsWith('.tmp') && !inside(resolve(path), root),
      });
    } else {
      await mkdir(uploads);
    }
    const manifest: BackupManifest = {
      format: 1,
      createdAt: now.toISOString(),
      appVersion: APP_VERSION,
      database: DATABASE_FILE,
      tables,
      uploads: await countFiles(uploads),
    };
    await writeFile(join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(partial, dir);
    return { dir, manifest };
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    throw error;
  }
}

export interface RestoreResult {
  database: string;
  uploadDir: string;
  /** Where the data that was there before now lies (nothing is deleted), if there was any. */
  setAside: string[];
  manifest: BackupManifest;
}

/** Moves a file or folder aside to `<path>.before-restore-<time>` (`suffix` keeps a database's -wal/-shm beside it). */
async function setAside(path: string, stamp: string, moved: string[], suffix = ''): Promise<void> {
  if (!existsSync(path + suffix)) return;
  const target = `${path}.before-restore-${stamp}${suffix}`;
  await rename(path + suffix, target);
  moved.push(target);
}

/**
 * Brings a backup back into the data directory of `config` (a fresh one, or that of a stopped
 * app). What is there is moved aside, not deleted. A database a running app has open is left
 * alone unless `force` is given (the app must then be restarted at once).
 */
export async function restoreBackup(
  config: AppConfig,
  backupDir: string,
  options: { force?: boolean } = {},
  now = new Date(),
): Promise<RestoreResult> {
  if (config.database.type !== 'sqlite') throw new BackupError(POSTGRES_HINT);
  const from = resolve(backupDir);
  const manifestPath = join(from, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new BackupError(`${from} is not a backup folder (it has no ${MANIFEST_FILE}).`);
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as BackupManifest;
  const copy = join(from, manifest.database);
  const { integrity } = await inspectDatabase(copy);
  if (integrity !== 'ok') throw new BackupError(`The backup's database failed its integrity check: ${integrity}`);

  const database = config.database.path;
  if (!options.force && (await databaseInUse(database))) {
    throw new BackupError(
      `The database ${database} is open in a running app. Stop the app first, restore into another DATA_DIR, or pass --force (and restart the app right after).`,
    );
  }
  const stamp = timestamp(now);
  const moved: string[] = [];
  await mkdir(dirname(database), { recursive: true });
  // Copied next to its place first, then renamed over it: the database file is never half there.
  const incoming = join(dirname(database), `.${basename(database)}.restoring`);
  await cp(copy, incoming);
  for (const suffix of ['', '-wal', '-shm']) await setAside(database, stamp, moved, suffix);
  await rename(incoming, database);

  const uploads = join(from, 'uploads');
  if (existsSync(config.uploadDir) && (await readdir(config.uploadDir)).length) await setAside(config.uploadDir, stamp, moved);
  await rm(config.uploadDir, { recursive: true, force: true });
  if (existsSync(uploads)) await cp(uploads, config.uploadDir, { recursive: true });
  else await mkdir(config.uploadDir, { recursive: true });
  return { database, uploadDir: config.uploadDir, setAside: moved, manifest };
}

/** A short description of a backup folder for the command line. */
export async function describeBackup(result: BackupResult): Promise<string> {
  const size = (await stat(join(result.dir, result.manifest.database))).size;
  const rows = Object.values(result.manifest.tables).reduce((sum, n) => sum + n, 0);
  return `Backup written to ${result.dir}: database ${(size / 1024 / 1024).toFixed(1)} MB (${rows} rows, integrity ok), ${result.manifest.uploads} upload file(s).`;
}
