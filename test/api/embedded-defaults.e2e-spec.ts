import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { PASSWORD, startTestApp, uniqueEmail, type TestApp } from './helpers/app';

/** What a fresh installation runs on without any service configured. */
describe('embedded defaults: mail outbox and SQLite WAL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ SMTP_URL: '' });
  });
  afterAll(() => t.close());

  it('writes each mail as an .eml file to DATA_DIR/outbox when no SMTP_URL is set', async () => {
    const email = uniqueEmail();
    await (await t.client()).post('/api/auth/register', { email, password: PASSWORD, displayName: 'Ohne SMTP' }).expect(201);
    const outbox = join(t.config.dataDir, 'outbox');
    // The mail outbox worker writes the file right after the request's transaction committed, whole: a mail
    // file that can be seen is complete.
    const deadline = Date.now() + 10_000;
    const mailFiles = () => (existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('-verifyEmail.eml')) : []);
    while (!mailFiles().length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const files = mailFiles();
    expect(files).toHaveLength(1);
    const raw = readFileSync(join(outbox, files[0]), 'utf8');
    expect(raw).toContain(`To: ${email}`);
    expect(raw).toMatch(/Subject: =\?UTF-8\?|Subject: Bitte best/);
    expect(raw).toContain('/verify-email?token=');
    expect(t.smtp.countTo(email)).toBe(0);
    // The file appears whole (written under a hidden name, then renamed); this read once found it empty.
    expect(readdirSync(outbox).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  // The WAL check only means something on the embedded database; PostgreSQL runs define no such test.
  if (!process.env.DATABASE_URL) {
    it('runs SQLite in WAL mode', async () => {
      const rows: Array<{ journal_mode: string }> = await t.app.get(DataSource).query('PRAGMA journal_mode');
      expect(rows[0].journal_mode).toBe('wal');
    });
  }
});
