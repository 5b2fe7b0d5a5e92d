import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Jest globalSetup of the api project: names the run's template database (a folder for the SQLite
 * file; a database name on PostgreSQL). The first test app of the run migrates and seeds it, every
 * other one starts on a copy (test/api/helpers/template.ts). Workers inherit the environment.
 */
export default function globalSetup(): void {
  process.env.TEST_TEMPLATE_DIR = mkdtempSync(join(tmpdir(), 'soziale-stadt-template-'));
  if (process.env.DATABASE_URL) process.env.TEST_POSTGRES_TEMPLATE = `tpl_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}
