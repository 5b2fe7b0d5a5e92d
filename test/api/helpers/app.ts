import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Language, Role } from '@app/shared';
import { createApp } from '../../../apps/api/src/app.factory';
import type { AppModuleOptions } from '../../../apps/api/src/app.module';
import { loadConfig, type AppConfig } from '../../../apps/api/src/config/config';
import { ApiClient } from './client';
import { createTestDatabase, type TestDatabase } from './database';
import { SmtpSink } from '../../helpers/smtp';
import { ADMIN, differsFromTemplate, ensureTemplateDatabase, SEEDED_ENV } from './template';
import { insertVerifiedUser } from './users';

export { ADMIN };
export const PASSWORD = 'correct horse battery';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  client: ApiClient;
}

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  url: string;
  smtp: SmtpSink;
  db: TestDatabase;
  /** A fresh client with its CSRF cookie, not signed in. */
  client(): Promise<ApiClient>;
  /** Signs in an existing account and returns its client. */
  login(email: string, password: string): Promise<ApiClient>;
  /** A verified account written by the user factory, signed in over the API; the role given by the admin over the API. */
  createUser(options?: { role?: Role; language?: Language; areaIds?: string[]; displayName?: string }): Promise<TestUser>;
  admin(): Promise<ApiClient>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export const uniqueEmail = (prefix = 'person') => `${prefix}-${randomBytes(5).toString('hex')}@example.org`;

/**
 * Starts the real application (same factory as production) on its own database and SMTP sink.
 * The request ceilings are raised unless `defaultLimits` (specs that are about the limits).
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { defaultLimits?: boolean } & AppModuleOptions = {},
): Promise<TestApp> {
  const db = await createTestDatabase({ template: differsFromTemplate(env) ? null : await ensureTemplateDatabase() });
  const smtp = await new SmtpSink().start();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // Uploads of this app only, removed on close (never the repository's data/uploads).
  const uploadDir = mkdtempSync(join(tmpdir(), 'soziale-stadt-uploads-'));
  const config = loadConfig({
    ...SEEDED_ENV,
    UPLOAD_DIR: uploadDir,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    PORT: String(port),
    PUBLIC_URL: url,
    SMTP_URL: smtp.url,
    ...(options.defaultLimits ? {} : { RATE_LIMIT_AUTH: '100000', RATE_LIMIT_WRITE: '100000', RATE_LIMIT_ADDRESS: '1000000' }),
    // The PostgreSQL pass runs with Redis (REDIS_URL): rate limits, attempt counts and the socket
    // adapter go through it as in production. Apps in parallel workers share that one Redis: each its
    // own keys and channels.
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
    REDIS_KEY_PREFIX: `test-${randomBytes(4).toString('hex')}:`,
    ...db.env,
    ...env,
  });
  const app = await createApp(config, { budgetAllocation: options.budgetAllocation });
  await app.listen(port, '127.0.0.1');

  let adminClient: ApiClient | undefined;
  const harness: TestApp = {
    app,
    config,
    url,
    smtp,
    db,
    client: () => new ApiClient(url).init(),
    async login(email, password) {
      const c = await harness.client();
      await c.post('/api/auth/login', { email, password }).expect(200);
      return c;
    },
    async admin() {
      adminClient ??= await harness.login(ADMIN.email, ADMIN.password);
      return adminClient;
    },
    async createUser(options = {}) {
      const email = uniqueEmail(options.role ?? 'citizen');
      const id = await insertVerifiedUser(app, { email, password: PASSWORD, displayName: options.displayName, language: options.language });
      const c = await harness.login(email, PASSWORD);
      if (options.role && options.role !== Role.Citizen) {
        const admin = await harness.admin();
        await admin.patch(`/api/admin/users/${id}`, { role: options.role, moderatorAreaIds: options.areaIds ?? [] }).expect(200);
      }
      return { id, email, password: PASSWORD, client: c };
    },
    async close() {
      await app.close();
      await smtp.stop();
      await db.drop();
      rmSync(uploadDir, { recursive: true, force: true });
    },
  };
  return harness;
}

/** Checks the one error body every failure must have. */
export function expectErrorShape(body: unknown, status: number, code?: string): void {
  expect(body).toEqual(
    expect.objectContaining({
      statusCode: status,
      error: expect.any(String),
      code: code ?? expect.any(String),
      message: expect.any(String),
    }),
  );
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/at .+\.(ts|js):\d+|QueryFailedError|SQLITE_|SELECT |INSERT INTO/);
}
