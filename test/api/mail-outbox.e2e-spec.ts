import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Language, OutboxMailState, Role, type AdminMailOutboxResponse, type AssemblyDetail, type HealthResponse } from '@app/shared';
import { createApp } from '../../apps/api/src/app.factory';
import { loadConfig } from '../../apps/api/src/config/config';
import { TransactionRunner } from '../../apps/api/src/database/transactions';
import { MailService } from '../../apps/api/src/modules/mail/mail.service';
import { MailWorker } from '../../apps/api/src/modules/mail/mail.worker';
import { OutboxMail } from '../../apps/api/src/modules/mail/outbox-mail.entity';
import type { ReceivedMail, SmtpSink } from '../helpers/smtp';
import { expectErrorShape, PASSWORD, startTestApp, uniqueEmail, type TestApp, type TestUser } from './helpers/app';
import type { ApiClient } from './helpers/client';

/**
 * The transactional mail outbox: mails are rows written with the event that causes them and
 * delivered by a worker, so an SMTP outage delays mails instead of losing them or slowing requests,
 * a rolled-back event mails nothing, and several API processes never send one mail twice.
 */

const HOUR = 60 * 60 * 1000;
const at = (offsetMs: number) => new Date(Math.floor((Date.now() + offsetMs) / 60_000) * 60_000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Short back-off so that a test sees several attempts within seconds. */
const FAST_RETRIES = { MAIL_RETRY_BASE_MS: '100', MAIL_RETRY_MAX_MS: '400', MAIL_WORKER_INTERVAL_MS: '200' };

async function waitUntil<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(100);
  }
}

const health = async (t: TestApp) => (await (await t.client()).get('/api/health').expect(200)).body as HealthResponse;
const mailsTo = (smtp: SmtpSink, email: string, match: (m: ReceivedMail) => boolean = () => true) =>
  smtp.mails.filter((m) => m.to.includes(email.toLowerCase()) && match(m));

/** Times one request; the point is that it does not wait for the mail server. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = Date.now();
  const result = await work();
  return { result, ms: Date.now() - started };
}

describe('mail outbox', () => {
  let t: TestApp;
  let admin: ApiClient;
  let areaId: string;
  let fieldId: string;

  beforeAll(async () => {
    t = await startTestApp({ ...FAST_RETRIES, MAIL_MAX_ATTEMPTS: '100' });
    admin = await t.admin();
    const anonymous = await t.client();
    const areas = (await anonymous.get('/api/areas?type=action_area').expect(200)).body as Array<{ id: string; name: string }>;
    areaId = areas.find((a) => a.name === 'Nordmarkt')!.id;
    const fields = (await anonymous.get('/api/fields-of-action').expect(200)).body as Array<{ id: string; code: string }>;
    fieldId = fields.find((f) => f.code === 'SZ')!.id;
  });
  afterAll(async () => {
    if (t) await t.close();
  });

  describe('while the mail server is down', () => {
    let author: TestUser;
    let follower: TestUser;
    let attendee: TestUser;
    let moderator: TestUser;
    let proposalId: string;
    let title: string;
    let assembly: AssemblyDetail;

    beforeAll(async () => {
      author = await t.createUser({ displayName: 'Autorin Ausfall' });
      follower = await t.createUser({ displayName: 'Follower Outage', language: Language.English });
      attendee = await t.createUser({ displayName: 'Teilnehmerin Ausfall' });
      moderator = await t.createUser({ role: Role.Moderator, areaIds: [areaId], displayName: 'Moderation Ausfall' });
      title = `Bänke am Nordmarkt ${randomBytes(3).toString('hex')}`;
      const created = await author.client
        .post('/api/proposals', {
          title,
          body: 'Am Nordmarkt fehlen Sitzgelegenheiten, besonders für ältere Menschen und Eltern mit Kindern.',
          fieldOfActionId: fieldId,
          areaId,
        })
        .expect(201);
      proposalId = created.body.id;
      await follower.client.put(`/api/proposals/${proposalId}/follow`).expect(200);
      assembly = (
        await admin
          .post('/api/assemblies', {
            title: 'Versammlung trotz Mailausfall',
            place: 'Nachbarschaftstreff, Mallinckrodtstraße 1',
            startsAt: at(3 * 24 * HOUR),
            endsAt: at(3 * 24 * HOUR + 2 * HOUR),
            areaIds: [areaId],
            registrationEnabled: true,
          })
          .expect(201)
      ).body as AssemblyDetail;
    });

    it('answers at once, keeps the mails, and delivers each exactly once when the server is back', async () => {
      // A server that accepts the connection and never answers: an inline send would hang for its timeouts.
      await t.smtp.hang();
      const newcomer = uniqueEmail('outage');
      const anonymous = await t.client();
      const registration = await timed(() =>
        anonymous.post('/api/auth/register', { email: newcomer, password: PASSWORD, displayName: 'Neu im Ausfall' }).expect(201),
      );
      const answer = await timed(() =>
        moderator.client
          .post(`/api/proposals/${proposalId}/answer`, { status: 'evaluating', explanation: 'Die Verwaltung prüft die Standorte.' })
          .expect(200),
      );
      const signUp = await timed(() => attendee.client.put(`/api/assemblies/${assembly.id}/registration`).expect(200));
      for (const { ms } of [registration, answer, signUp]) expect(ms).toBeLessThan(8000);

      // Then the server refuses connections for a while: the worker keeps retrying, nothing is lost.
      await t.smtp.stop();
      const down = await waitUntil('the outbox to report the outage', async () => {
        const h = await health(t);
        return h.mail && h.mail.pending >= 4 && h.mail.lastError ? h : null;
      });
      expect(down.mail!.failed).toBe(0);
      expect(down.mail!.lastError).not.toContain('@');
      const queued = await t.app.get(DataSource).getRepository(OutboxMail).findBy({ state: OutboxMailState.Pending });
      expect(queued.filter((m) => m.attempts > 0).length).toBeGreaterThan(0);
      expect(mailsTo(t.smtp, newcomer)).toHaveLength(0);

      await t.smtp.start();
      const verify = await t.smtp.waitFor(newcomer, (m) => m.subject.includes('E-Mail-Adresse'), 20_000);
      expect(verify.text).toContain('/verify-email?token=');
      const about = (m: ReceivedMail) => m.subject.includes(title);
      await t.smtp.waitFor(author.email, about, 20_000);
      const toFollower = await t.smtp.waitFor(follower.email, about, 20_000);
      expect(toFollower.subject).toContain('being evaluated');
      const confirmation = await t.smtp.waitFor(attendee.email, (m) => m.subject.includes('Anmeldung bestätigt'), 20_000);
      const ics = confirmation.raw.attachments.find((a) => a.contentType.startsWith('text/calendar'));
      expect(ics?.filename).toBe('buergerversammlung.ics');
      expect(ics!.content.toString('utf8')).toContain('BEGIN:VEVENT');

      // Several more worker rounds later, still exactly one of each.
      await sleep(2500);
      expect(mailsTo(t.smtp, newcomer)).toHaveLength(1);
      expect(mailsTo(t.smtp, author.email, about)).toHaveLength(1);
      expect(mailsTo(t.smtp, follower.email, about)).toHaveLength(1);
      expect(mailsTo(t.smtp, attendee.email, (m) => m.subject.includes('Anmeldung bestätigt'))).toHaveLength(1);
      const after = await health(t);
      expect(after.mail).toEqual({ pending: 0, failed: 0, lastError: null });
    });
  });

  it('sends nothing for a transaction that rolls back, and the mail of one that commits', async () => {
    const mail = t.app.get(MailService);
    const tx = t.app.get(TransactionRunner);
    const rolledBack = uniqueEmail('rollback');
    const committed = uniqueEmail('commit');
    const request = (to: string) => ({ to, language: Language.German, template: 'accountDeleted' as const, params: { name: 'Niemand' } });
    await expect(
      tx.run(async (m) => {
        await mail.send(request(rolledBack), m);
        throw new Error('the event failed after its mail was queued');
      }),
    ).rejects.toThrow('the event failed');
    await tx.run((m) => mail.send(request(committed), m));
    await t.smtp.waitFor(committed);
    await t.app.get(MailWorker).deliverDue();
    await sleep(1000);
    expect(mailsTo(t.smtp, rolledBack)).toHaveLength(0);
    expect(await t.app.get(DataSource).getRepository(OutboxMail).countBy({ to: rolledBack })).toBe(0);
    expect(mailsTo(t.smtp, committed)).toHaveLength(1);
  });

  // Two API processes on one database: only PostgreSQL is meant to be shared by several processes.
  (process.env.DATABASE_URL ? describe : describe.skip)('two API processes on one PostgreSQL database', () => {
    let second: NestExpressApplication;

    beforeAll(async () => {
      // The second process needs no HTTP port of its own: its mail worker is what competes.
      second = await createApp(loadConfig({ ...t.db.env, ...FAST_RETRIES, NODE_ENV: 'test', LOG_LEVEL: 'silent', SMTP_URL: t.smtp.url }));
    });
    afterAll(async () => {
      if (second) await second.close();
    });

    it('delivers every mail exactly once while both workers compete for it', async () => {
      const N = 60;
      const run = randomBytes(3).toString('hex');
      const recipients = Array.from({ length: N }, (_, i) => `twice-${run}-${i}@example.org`);
      // Queued while the server is down, so both workers find a pile when it comes back.
      await t.smtp.stop();
      const mail = t.app.get(MailService);
      await Promise.all(
        recipients.map((to, i) =>
          mail.send({ to, language: Language.English, template: 'accountDeleted', params: { name: `Person ${i}` } }),
        ),
      );
      await t.smtp.start();
      const workers = [t.app.get(MailWorker), second.get(MailWorker)];
      const delivered = await Promise.all([...workers, ...workers].map((w) => w.deliverDue()));
      await waitUntil(`${N} mails`, async () => recipients.every((to) => mailsTo(t.smtp, to).length > 0));
      await sleep(2000);
      expect(recipients.filter((to) => mailsTo(t.smtp, to).length !== 1)).toEqual([]);
      expect(delivered.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(N);
      const rows = await t.app
        .get(DataSource)
        .getRepository(OutboxMail)
        .findBy({ template: 'accountDeleted', state: OutboxMailState.Sent });
      expect(rows.filter((r) => recipients.includes(r.to))).toHaveLength(N);
    });
  });
});

describe('mail outbox: mails that keep failing', () => {
  let t: TestApp;
  let admin: ApiClient;

  beforeAll(async () => {
    t = await startTestApp({ ...FAST_RETRIES, MAIL_MAX_ATTEMPTS: '3' });
    admin = await t.admin();
  });
  afterAll(async () => {
    if (t) await t.close();
  });

  it('gives up after the attempts, shows the administrators why, and sends it again on retry', async () => {
    const citizen = await t.createUser({ displayName: 'Bürger Fehlschlag' });
    const email = uniqueEmail('refused');
    t.smtp.rejectRecipients = `550 5.1.1 <${email}>: Recipient address rejected`;
    await (await t.client()).post('/api/auth/register', { email, password: PASSWORD, displayName: 'Abgewiesen' }).expect(201);

    const h = await waitUntil('the mail to fail', async () => {
      const body = await health(t);
      return body.mail && body.mail.failed >= 1 ? body : null;
    });
    expect(h.mail!.lastError).toContain('Recipient address rejected');
    // The public health answer names no address.
    expect(h.mail!.lastError).not.toContain('@');
    expect(JSON.stringify(h)).not.toContain(email);

    const view = (await admin.get('/api/admin/mails').expect(200)).body as AdminMailOutboxResponse;
    expect(view.failed).toBe(1);
    const failed = view.items.find((m) => m.to === email)!;
    expect(failed).toEqual(
      expect.objectContaining({ state: OutboxMailState.Failed, attempts: 3, template: 'verifyEmail', subject: expect.any(String) }),
    );
    expect(failed.lastError).toContain(email);
    // Three attempts and no more.
    await sleep(1000);
    expect(((await admin.get('/api/admin/mails').expect(200)).body as AdminMailOutboxResponse).items[0].attempts).toBe(3);

    // Only administrators see and retry failed mails.
    expectErrorShape((await citizen.client.get('/api/admin/mails').expect(403)).body, 403);
    expectErrorShape((await citizen.client.post(`/api/admin/mails/${failed.id}/retry`).expect(403)).body, 403);
    expectErrorShape((await (await t.client()).get('/api/admin/mails').expect(401)).body, 401);

    t.smtp.rejectRecipients = null;
    const retried = await admin.post(`/api/admin/mails/${failed.id}/retry`).expect(200);
    expect(retried.body).toEqual(expect.objectContaining({ id: failed.id }));
    const arrived = await t.smtp.waitFor(email);
    expect(arrived.text).toContain('/verify-email?token=');
    await sleep(1500);
    expect(mailsTo(t.smtp, email)).toHaveLength(1);
    const again = (await admin.get('/api/admin/mails').expect(200)).body as AdminMailOutboxResponse;
    expect(again).toEqual({ pending: 0, failed: 0, lastError: null, items: [] });
    expect((await health(t)).mail).toEqual({ pending: 0, failed: 0, lastError: null });

    // A mail that is not failed (any more) cannot be retried; an unknown one is not found.
    expectErrorShape((await admin.post(`/api/admin/mails/${failed.id}/retry`).expect(409)).body, 409, 'CONFLICT');
    expectErrorShape((await admin.post('/api/admin/mails/00000000-0000-4000-8000-000000000000/retry').expect(404)).body, 404, 'NOT_FOUND');
  });
});
