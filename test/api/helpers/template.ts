import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApp } from '../../../apps/api/src/app.factory';
import { loadConfig } from '../../../apps/api/src/config/config';

export const ADMIN = { email: 'admin@example.org', password: 'admin-password-123' };

/**
 * What decides the contents of a new test database (schema, demo data, the administrator): every
 * test app gets it, and the template is made with it.
 */
export const SEEDED_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  // Cheap argon2id: tests create many accounts; production's cost is asserted in config.spec.ts.
  PASSWORD_HASH_PROFILE: 'test',
  ADMIN_EMAIL: ADMIN.email,
  ADMIN_PASSWORD: ADMIN.password,
  // Demo areas, assemblies and projects, but no demo residents' proposals: specs count proposals, supports and users.
  SEED_DEMO_PARTICIPATION: 'false',
};

/** An app started with one of these overridden cannot start from the template: it gets an empty database, as before. */
export const differsFromTemplate = (env: Record<string, string>): boolean =>
  Object.keys(env).some((key) => /^(SQLITE_PATH|DATABASE_URL|DATA_DIR|ADMIN_|SEED_|PASSWORD_HASH_)/.test(key));

/** The run's template (named by test/helpers/global-setup.ts): a SQLite file, or a PostgreSQL database. */
export type Template = { sqlitePath: string } | { postgresName: string };

/**
 * Migrates and seeds the run's template database once, the way every test app's first start would
 * (by starting the real app on it); test apps then start on copies. The first worker to get here
 * builds it under a lock folder, the others wait for its "ready" mark. Null when the run has no
 * template folder (jest started without the api project's globalSetup).
 */
export async function ensureTemplateDatabase(): Promise<Template | null> {
  const dir = process.env.TEST_TEMPLATE_DIR;
  if (!dir) return null;
  const base = process.env.DATABASE_URL;
  const postgresName = process.env.TEST_POSTGRES_TEMPLATE;
  const template: Template = base && postgresName ? { postgresName } : { sqlitePath: join(dir, 'template.sqlite') };
  const ready = join(dir, base ? 'postgres.ready' : 'sqlite.ready');
  const lock = join(dir, base ? 'postgres.lock' : 'sqlite.lock');
  const deadline = Date.now() + 120_000;
  while (!existsSync(ready)) {
    try {
      mkdirSync(lock);
    } catch {
      if (Date.now() > deadline) throw new Error(`The template database was not ready within 120 s (${lock})`);
      await new Promise((wait) => setTimeout(wait, 100));
      continue;
    }
    try {
      if (!existsSync(ready)) {
        await buildTemplate(dir, base, template);
        writeFileSync(ready, new Date().toISOString());
      }
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return template;
}

async function buildTemplate(dir: string, base: string | undefined, template: Template): Promise<void> {
  let url: string | undefined;
  if (base && 'postgresName' in template) {
    const client = new Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${template.postgresName}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${template.postgresName}"`);
    } finally {
      await client.end();
    }
    const target = new URL(base);
    target.pathname = `/${template.postgresName}`;
    url = target.toString();
  }
  const app = await createApp(
    loadConfig({
      ...SEEDED_ENV,
      LOG_LEVEL: 'silent',
      DATA_DIR: dir,
      UPLOAD_DIR: join(dir, 'uploads'),
      RETENTION_INTERVAL_MINUTES: '0',
      ...(url ? { DATABASE_URL: url } : { SQLITE_PATH: (template as { sqlitePath: string }).sqlitePath }),
    }),
  );
  await app.close();
}
