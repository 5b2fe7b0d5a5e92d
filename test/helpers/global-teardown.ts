import { rmSync } from 'node:fs';
import { Client } from 'pg';

/** Jest globalTeardown of the api project: removes the run's template database (global-setup.ts). */
export default async function globalTeardown(): Promise<void> {
  const dir = process.env.TEST_TEMPLATE_DIR;
  if (dir) rmSync(dir, { recursive: true, force: true });
  const name = process.env.TEST_POSTGRES_TEMPLATE;
  if (name && process.env.DATABASE_URL) {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
  }
}
