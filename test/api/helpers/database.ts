import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Template } from './template';

/**
 * A fresh database for one app: a new SQLite file in a temp folder, or, when the run targets
 * PostgreSQL (DATABASE_URL set), a new database created beside the given one. Empty, or with
 * `template` a copy of the run's migrated and seeded template (test/api/helpers/template.ts): a
 * copied file, or `CREATE DATABASE … TEMPLATE …`.
 */
export interface TestDatabase {
  env: Record<string, string>;
  dataDir: string;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { template?: Template | null } = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'soziale-stadt-test-'));
  const base = process.env.DATABASE_URL;
  const template = options.template;
  if (!base) {
    if (template && 'sqlitePath' in template) copyFileSync(template.sqlitePath, join(dataDir, 'test.sqlite'));
    return {
      dataDir,
      env: { DATA_DIR: dataDir, SQLITE_PATH: join(dataDir, 'test.sqlite') },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const { url, drop } = await createPostgresDatabase(base, template && 'postgresName' in template ? template.postgresName : undefined);
  return {
    dataDir,
    env: { DATA_DIR: dataDir, DATABASE_URL: url },
    drop: async () => {
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new PostgreSQL database beside the one `base` points at, empty or a copy of `template`; `drop` removes it again. */
export async function createPostgresDatabase(base: string, template?: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(template ? `CREATE DATABASE "${name}" TEMPLATE "${template}"` : `CREATE DATABASE "${name}"`);
        break;
      } catch (error) {
        // Two workers copying the same template at the same moment: PostgreSQL refuses one ("being accessed by other users").
        if (!template || attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error;
        await new Promise((wait) => setTimeout(wait, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}
