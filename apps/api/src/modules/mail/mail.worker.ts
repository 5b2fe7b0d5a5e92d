import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource, Repository, type UpdateResult } from 'typeorm';
import { DateUtils } from 'typeorm/util/DateUtils';
import { OutboxMailState } from '@app/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { OutboxMail, type StoredAttachment } from './outbox-mail.entity';

/** Mails claimed per round trip to the database. */
const BATCH = 20;
/** SMTP conversations at once (one connection each), so a burst of mails does not queue behind one socket. */
const PARALLEL = 4;
/**
 * How long a claim holds. It must outlast one delivery (the SMTP timeouts below add up to well
 * under a minute); when a process dies holding claims, another one takes the mails over after this.
 */
export const LEASE_MS = 3 * 60_000;
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** The columns a delivery needs (raw rows on PostgreSQL, entities on SQLite). */
type Claimed = Pick<OutboxMail, 'id' | 'to' | 'subject' | 'text' | 'html' | 'attachments' | 'template' | 'attempts'>;

/**
 * Delivers the outbox, in every API process. Each mail is first claimed (a lease in claimedBy /
 * claimedUntil taken atomically, so of two processes only one gets a row), then sent, then marked
 * sent. Failures are retried with exponential back-off; after MAIL_MAX_ATTEMPTS the mail is marked
 * failed, where administrators see it and can send it again.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(MailWorker.name);
  /** Names this process's claims; unique per start, so a restarted process never mistakes old claims for its own. */
  private readonly workerId = `${hostname().slice(0, 30)}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly transport: Transporter;
  private readonly toFiles: boolean;
  private readonly isPostgres: boolean;
  private stopped = true;
  private loop: Promise<void> | null = null;
  private woken = false;
  private interrupt: (() => void) | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectRepository(OutboxMail) private readonly outbox: Repository<OutboxMail>,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.isPostgres = dataSource.options.type === 'postgres';
    this.toFiles = !config.mail.smtpUrl;
    this.transport = config.mail.smtpUrl
      ? createTransport({ url: config.mail.smtpUrl, ...SMTP_TIMEOUTS })
      : createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  }

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.loop = this.run();
  }

  /** Finishes the delivery under way (claims not yet used are handed back), then stops. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.wake();
    await this.loop;
    this.loop = null;
    this.transport.close();
  }

  /** Looks for due mails now instead of at the next tick (called after a mail was queued). */
  wake(): void {
    this.woken = true;
    this.interrupt?.();
  }

  // The loop is started once, outside any request, and woken only by resolving its own promise:
  // so its database work never runs in the async context of the request that queued a mail.
  private async run(): Promise<void> {
    while (!this.stopped) {
      this.woken = false;
      try {
        await this.deliverDue();
      } catch (error) {
        this.logger.error(`Mail outbox run failed: ${(error as Error).message}`);
      }
      if (this.stopped || this.woken) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.config.mail.workerIntervalMs);
        this.interrupt = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.interrupt = null;
    }
  }

  /** Claims and delivers due mails until none is left; returns how many were delivered. */
  async deliverDue(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const batch = await this.claim(BATCH);
      for (let i = 0; i < batch.length; i += PARALLEL) {
        if (this.stopped) {
          await this.release(batch.slice(i));
          return delivered;
        }
        const results = await Promise.all(batch.slice(i, i + PARALLEL).map((mail) => this.deliver(mail)));
        delivered += results.filter(Boolean).length;
      }
      if (batch.length < BATCH) return delivered;
    }
  }

  /** Takes the lease on up to `limit` due mails; only rows this call took are returned. */
  private async claim(limit: number): Promise<Claimed[]> {
    const now = new Date();
    const until = new Date(now.getTime() + LEASE_MS);
    if (this.isPostgres) {
      // One statement: the inner SELECT locks the rows it picks and skips rows another process has
      // locked, and the re-check of the lease on the locked row keeps a just-claimed row out.
      const [rows] = (await this.dataSource.query(
        `UPDATE outbox_mails SET "claimedBy" = $1, "claimedUntil" = $2, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM outbox_mails
           WHERE state = $3 AND "nextAttemptAt" <= $4 AND ("claimedUntil" IS NULL OR "claimedUntil" < $4)
           ORDER BY "nextAttemptAt" LIMIT $5
           FOR UPDATE SKIP LOCKED)
         RETURNING id, "to", subject, text, html, attachments, template, attempts`,
        [this.workerId, until, OutboxMailState.Pending, now, limit],
      )) as [Claimed[], number];
      return rows;
    }
    // SQLite keeps TypeORM's UTC datetime text; parameters must have the same form to compare.
    const sqliteNow = DateUtils.mixedDateToUtcDatetimeString(now);
    const due = await this.outbox
      .createQueryBuilder('m')
      .select('m.id', 'id')
      .where('m.state = :pending', { pending: OutboxMailState.Pending })
      .andWhere('m.nextAttemptAt <= :now', { now: sqliteNow })
      .andWhere('(m.claimedUntil IS NULL OR m.claimedUntil < :now)')
      .orderBy('m.nextAttemptAt', 'ASC')
      .limit(limit)
      .getRawMany<{ id: string }>();
    const claimed: string[] = [];
    for (const { id } of due) {
      // The conditional update is the claim: it changes the row only while nobody holds it.
      const result = await this.outbox
        .createQueryBuilder()
        .update(OutboxMail)
        .set({ claimedBy: this.workerId, claimedUntil: until, attempts: () => 'attempts + 1' })
        .where('id = :id', { id })
        .andWhere('state = :pending', { pending: OutboxMailState.Pending })
        .andWhere('(claimedUntil IS NULL OR claimedUntil < :now)', { now: sqliteNow })
        .execute();
      if (result.affected === 1) claimed.push(id);
    }
    if (!claimed.length) return [];
    const rows = await this.outbox.find({ where: claimed.map((id) => ({ id, claimedBy: this.workerId })) });
    return rows.sort((a, b) => claimed.indexOf(a.id) - claimed.indexOf(b.id));
  }

  private async deliver(mail: Claimed): Promise<boolean> {
    try {
      const attachments = mail.attachments
        ? (JSON.parse(mail.attachments) as StoredAttachment[]).map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: Buffer.from(a.contentBase64, 'base64'),
          }))
        : undefined;
      const info = await this.transport.sendMail({
        from: this.config.mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(attachments && { attachments }),
      });
      if (this.toFiles) {
        await mkdir(this.config.mail.outboxDir, { recursive: true });
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const file = join(this.config.mail.outboxDir, `${stamp}-${mail.id.slice(0, 8)}-${mail.template}.eml`);
        // Written under a hidden name, then renamed: whoever reads the folder never sees half a mail.
        const partial = join(this.config.mail.outboxDir, `.${basename(file)}.partial`);
        await writeFile(partial, info.message as Buffer);
        await rename(partial, file);
        this.logger.log(`Mail "${mail.subject}" written to ${file}`);
      }
    } catch (error) {
      await this.recordFailure(mail, (error as Error).message);
      return false;
    }
    // The server has accepted the mail: mark it right away. If this process dies between the
    // acceptance and this update, the row stays claimed, its lease runs out and another attempt
    // sends it a second time. That window (one UPDATE) cannot be closed from this side: SMTP has
    // no way to ask "did you already take this one?"; everything else is exactly once.
    await this.markSent(mail);
    return true;
  }

  private async markSent(mail: Claimed): Promise<void> {
    const update = () =>
      this.outbox.update(
        { id: mail.id, claimedBy: this.workerId },
        { state: OutboxMailState.Sent, sentAt: new Date(), claimedBy: null, claimedUntil: null, lastError: null },
      );
    let result: UpdateResult;
    try {
      result = await update();
    } catch (error) {
      // Sent but not marked: try once more before the lease could run out and resend it.
      this.logger.error(`Mail ${mail.id} was sent but could not be marked sent (${(error as Error).message}); trying again`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      result = await update();
    }
    if (!result.affected) this.logger.warn(`Mail ${mail.id} was sent after its claim had run out; it may arrive twice`);
  }

  private async recordFailure(mail: Claimed, message: string): Promise<void> {
    const { retryBaseMs, retryMaxMs, maxAttempts } = this.config.mail;
    const failed = mail.attempts >= maxAttempts;
    const delay = Math.min(retryBaseMs * 2 ** Math.max(0, mail.attempts - 1), retryMaxMs);
    await this.outbox.update(
      { id: mail.id, claimedBy: this.workerId },
      {
        state: failed ? OutboxMailState.Failed : OutboxMailState.Pending,
        nextAttemptAt: new Date(Date.now() + (failed ? 0 : delay)),
        lastError: message.slice(0, 1000),
        claimedBy: null,
        claimedUntil: null,
      },
    );
    this.logger.warn(
      `Mail ${mail.id} ("${mail.template}") attempt ${mail.attempts} failed: ${message}` +
        (failed ? '; given up, an administrator can retry it' : `; next attempt in ${Math.round(delay / 1000)} s`),
    );
  }

  /** Hands back claims not used (on shutdown), so the mails need not wait for the lease to run out. */
  private async release(mails: Claimed[]): Promise<void> {
    for (const mail of mails) {
      await this.outbox
        .createQueryBuilder()
        .update(OutboxMail)
        .set({ claimedBy: null, claimedUntil: null, attempts: () => 'attempts - 1' })
        .where('id = :id AND "claimedBy" = :me', { id: mail.id, me: this.workerId })
        .execute();
    }
  }
}
