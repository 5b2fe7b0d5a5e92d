import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as yieldToOthers } from 'node:timers/promises';
import { DataSource, type ObjectLiteral } from 'typeorm';
import { AssemblyEventType, AssemblyStatus, OutboxMailState, Role, type RetentionPeriodsResponse } from '@app/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { TransactionRunner } from '../../database/transactions';
import { FundApplicantKind, TERMINAL_APPLICATION_STATES } from '@app/shared/funds';
import { eraseApplicantData } from '../funds/application-privacy';
import { SIGN_LANGUAGE_FOLDER } from '../sign-language/sign-language-files';

/** Rows per statement: small enough that no statement holds SQLite's write lock for long. */
const BATCH = 500;
/** The first run waits until start-up (migrations, seed, the first requests) is over. */
const START_DELAY_MS = 60_000;
/** Key of the PostgreSQL advisory lock that lets one process at a time do the clean-up. */
const ADVISORY_LOCK_KEY = 7_312_025_011;
const DAY_MS = 24 * 3600_000;

/** How many of each kind one run removed (counts only: the log never names a person). */
export interface RetentionReport {
  guestsAnonymised: number;
  unverifiedAccountsDeleted: number;
  sessionsDeleted: number;
  tokensDeleted: number;
  unsubscribeTokensDeleted: number;
  sentMailsDeleted: number;
  orphanUploadsDeleted: number;
  fundContactsErased: number;
}

const emptyReport = (): RetentionReport => ({
  guestsAnonymised: 0,
  unverifiedAccountsDeleted: 0,
  sessionsDeleted: 0,
  tokensDeleted: 0,
  unsubscribeTokensDeleted: 0,
  sentMailsDeleted: 0,
  orphanUploadsDeleted: 0,
  fundContactsErased: 0,
});

/** An attachment's file, its preview, or a temporary file of a write in progress (see common/files/attachment-files.ts). */
const UPLOAD_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\.thumb\.webp)?(\.[0-9a-f-]{36}\.tmp)?$/;
/** The sign language video's files (named by its row's id) and uploads cut off while streaming (.part). */
const SIGN_LANGUAGE_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(mp4|webm|vtt|part)$/;

/**
 * The scheduled clean-up: personal data that has served its purpose is deleted or anonymised after
 * the periods in config.retention, which the privacy page states (GET /api/privacy/retention).
 *
 * It works on tables of several modules by name, on purpose in one place: it is one policy, with
 * the same dialect-neutral SQL for SQLite and PostgreSQL. Every step is an idempotent delete or
 * update in batches, so two API processes running it at once do no harm (on PostgreSQL an advisory
 * lock lets only one of them work anyway) and no statement blocks the database for long.
 */
@Injectable()
export class RetentionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetentionService.name);
  private readonly isPostgres: boolean;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RetentionReport | null> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.isPostgres = ds.options.type === 'postgres';
  }

  /** The periods in force, as the privacy page states them. */
  periods(): RetentionPeriodsResponse {
    const r = this.config.retention;
    return {
      guestDays: r.guestDays,
      unverifiedAccountDays: r.unverifiedAccountDays,
      tokenDays: r.tokenDays,
      unsubscribeTokenDays: r.unsubscribeTokenDays,
      sentMailDays: r.sentMailDays,
      sessionHours: Math.round(this.config.sessionTtlMs / 3600_000),
      fundContactYears: r.fundContactYears,
    };
  }

  onApplicationBootstrap(): void {
    if (this.config.retention.intervalMs <= 0) return;
    this.schedule(START_DELAY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    // The data source closes after this hook: let a run under way finish its batch first.
    await this.running?.catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      void this.runScheduled().finally(() => {
        if (!this.stopped) this.schedule(this.config.retention.intervalMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async runScheduled(): Promise<void> {
    try {
      await this.run();
    } catch (error) {
      this.logger.error(`Clean-up failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * One clean-up pass with `now` as the present (tests move the clock with it). Returns what it
   * removed, or null when another process on the same PostgreSQL is doing it right now.
   */
  async run(now: Date = new Date()): Promise<RetentionReport | null> {
    if (this.running) return this.running;
    this.running = this.withLock(() => this.pass(now)).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(now: Date): Promise<RetentionReport> {
    const r = this.config.retention;
    const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const report = emptyReport();
    report.guestsAnonymised = await this.anonymiseGuests(before(r.guestDays));
    report.unverifiedAccountsDeleted = await this.deleteUnverifiedAccounts(before(r.unverifiedAccountDays), now);
    report.sessionsDeleted = await this.deleteInBatches('sessions', 'id', '"expiresAt" < :now', { now });
    report.tokensDeleted = await this.deleteInBatches(
      'user_tokens',
      'id',
      '("usedAt" IS NOT NULL AND "usedAt" < :cutoff) OR "expiresAt" < :cutoff',
      { cutoff: before(r.tokenDays) },
    );
    report.unsubscribeTokensDeleted = await this.deleteInBatches('proposal_unsubscribe_tokens', 'tokenHash', '"createdAt" < :cutoff', {
      cutoff: before(r.unsubscribeTokenDays),
    });
    report.sentMailsDeleted = await this.purgeSentMails(before(r.sentMailDays));
    report.orphanUploadsDeleted = await this.deleteOrphanUploads(new Date(now.getTime() - r.orphanUploadHours * 3600_000));
    const fundCutoff = new Date(now);
    fundCutoff.setUTCFullYear(fundCutoff.getUTCFullYear() - r.fundContactYears);
    report.fundContactsErased = await this.eraseEndedApplicationContacts(fundCutoff);
    const removed = Object.entries(report).filter(([, count]) => count > 0);
    if (removed.length) this.logger.log(`Clean-up: ${removed.map(([what, count]) => `${what}=${count}`).join(', ')}`);
    return report;
  }

  /** On PostgreSQL only one process at a time cleans up; the others skip their turn. */
  private async withLock(work: () => Promise<RetentionReport>): Promise<RetentionReport | null> {
    if (!this.isPostgres) return work();
    const runner = this.ds.createQueryRunner();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [ADVISORY_LOCK_KEY])) as Array<{
        locked: boolean;
      }>;
      if (!locked) return null;
      try {
        return await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  // ---- the steps ----

  /**
   * Fund applications that ended (closed, rejected, withdrawn) before the cutoff lose their contact data
   * and a private applicant's name (funds/application-privacy.ts); "ended" is measured from the last
   * change of the application, which its last step is.
   */
  private async eraseEndedApplicationContacts(cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.select<{ id: string }>(
        `SELECT "id" FROM "fund_applications"
         WHERE "state" IN (:...ended) AND "updatedAt" < :cutoff
           AND ("contactName" <> '' OR ("applicantKind" = :person AND "applicantName" <> ''))
         LIMIT ${BATCH}`,
        { ended: TERMINAL_APPLICATION_STATES, cutoff, person: FundApplicantKind.Person },
      );
      if (!batch.length) return total;
      await this.tx.run((m) =>
        eraseApplicantData(
          m,
          batch.map((a) => a.id),
        ),
      );
      total += batch.length;
      await yieldToOthers();
    }
  }

  /**
   * Guests keep their votes, proposals and turns as speakers, but no longer a name or a device
   * credential: the participant row stays (tallies, receipts and counts refer to it) with both
   * emptied, and the copies of the name in the assembly's log (speakers, proposal authors) go too.
   * "Closed" is measured from the assembly's last change, which its closing is or follows.
   */
  private async anonymiseGuests(cutoff: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.select<{ id: string; assemblyId: string }>(
        `SELECT p."id" AS "id", p."assemblyId" AS "assemblyId" FROM "assembly_participants" p
         JOIN "assemblies" a ON a."id" = p."assemblyId"
         WHERE p."userId" IS NULL AND (p."guestName" IS NOT NULL OR p."guestTokenHash" IS NOT NULL)
           AND a."status" = :closed AND a."updatedAt" < :cutoff
         LIMIT ${BATCH}`,
        { closed: AssemblyStatus.Closed, cutoff },
      );
      if (!batch.length) return total;
      const ids = batch.map((p) => p.id);
      const assemblyIds = [...new Set(batch.map((p) => p.assemblyId))];
      await this.tx.run(async (m) => {
        const query = (sql: string, params: ObjectLiteral) => m.query(...this.ds.driver.escapeQueryWithParameters(sql, params, {}));
        await query(`UPDATE "assembly_participants" SET "guestName" = NULL, "guestTokenHash" = NULL WHERE "id" IN (:...ids)`, { ids });
        const proposals = (await query(`SELECT "id" FROM "live_proposals" WHERE "participantId" IN (:...ids)`, { ids })) as Array<{
          id: string;
        }>;
        const guests = new Set(ids);
        const guestProposals = new Set(proposals.map((p) => p.id));
        const events = (await query(
          `SELECT "id", "type", "data" FROM "assembly_events" WHERE "assemblyId" IN (:...assemblyIds) AND "type" IN (:...types)`,
          {
            assemblyIds,
            types: [AssemblyEventType.SpeakerStarted, AssemblyEventType.SpeakerStopped, AssemblyEventType.ProposalSubmitted],
          },
        )) as Array<{ id: string; type: string; data: string }>;
        for (const event of events) {
          const data = JSON.parse(event.data) as Record<string, unknown>;
          const field =
            event.type === AssemblyEventType.ProposalSubmitted
              ? guestProposals.has(String(data.proposalId)) && 'author'
              : guests.has(String(data.participantId)) && 'name';
          if (!field || data[field] == null) continue;
          data[field] = null;
          await query(`UPDATE "assembly_events" SET "data" = :data WHERE "id" = :id`, { data: JSON.stringify(data), id: event.id });
        }
      });
      total += batch.length;
      await yieldToOthers();
    }
  }

  /**
   * Registrations nobody confirmed. An account someone is still confirming (a link not yet expired,
   * or a recent change) is kept. Such accounts cannot sign in and so own nothing; should one be
   * referenced anyway, the database refuses its deletion and it is skipped.
   */
  private async deleteUnverifiedAccounts(cutoff: Date, now: Date): Promise<number> {
    let total = 0;
    const kept: string[] = [];
    for (;;) {
      const batch = await this.select<{ id: string }>(
        `SELECT u."id" AS "id" FROM "users" u
         WHERE u."emailVerifiedAt" IS NULL AND u."deletedAt" IS NULL AND u."email" IS NOT NULL AND u."role" = :citizen
           AND u."createdAt" < :cutoff AND u."updatedAt" < :cutoff
           AND NOT EXISTS (SELECT 1 FROM "user_tokens" t WHERE t."userId" = u."id" AND t."expiresAt" >= :now)
           ${kept.length ? 'AND u."id" NOT IN (:...kept)' : ''}
         LIMIT ${BATCH}`,
        { citizen: Role.Citizen, cutoff, now, kept },
      );
      if (!batch.length) return total;
      for (const { id } of batch) {
        try {
          total += await this.execute(`DELETE FROM "users" WHERE "id" = :id AND "emailVerifiedAt" IS NULL`, { id });
        } catch {
          // Referenced by a row that must stay: keep the account.
          kept.push(id);
        }
      }
      await yieldToOthers();
    }
  }

  /**
   * Sent mails hold addresses and texts; once delivered they are kept only for questions about
   * delivery. Mails still waiting or given up on stay (the administrators see those).
   */
  private async purgeSentMails(cutoff: Date): Promise<number> {
    return this.deleteInBatches('outbox_mails', 'id', '"state" = :sent AND "sentAt" < :cutoff', {
      sent: OutboxMailState.Sent,
      cutoff,
    });
  }

  /**
   * Files in the upload folder without an attachment row (or, in sign-language/, without the video's
   * row): left behind when a proposal was deleted (its rows cascade, its files do not), a write was
   * cut off or the process stopped between replacing the video and removing the old one's files. Only files older than the grace
   * period are considered, so an upload in flight (row and file written one after the other) is safe.
   */
  private async deleteOrphanUploads(olderThan: Date): Promise<number> {
    const candidates = new Map<string, string[]>();
    const dirs = await readdir(this.config.uploadDir, { withFileTypes: true }).catch(() => []);
    for (const dir of dirs) {
      if (!dir.isDirectory() || !/^[0-9a-f]{2}$/.test(dir.name)) continue;
      const folder = join(this.config.uploadDir, dir.name);
      for (const name of await readdir(folder).catch(() => [] as string[])) {
        const match = UPLOAD_FILE.exec(name);
        if (!match || !match[1].startsWith(dir.name)) continue;
        const info = await stat(join(folder, name)).catch(() => null);
        if (!info?.isFile() || info.mtime >= olderThan) continue;
        candidates.set(match[1], [...(candidates.get(match[1]) ?? []), join(folder, name)]);
      }
    }
    // Proposal and fund application attachments share the folder (common/files/attachment-files.ts).
    return (
      (await this.removeUnknown(candidates, ['proposal_attachments', 'fund_application_attachments'])) +
      (await this.deleteOrphanSignLanguageFiles(olderThan))
    );
  }

  /** The sign language video's folder: files of a replaced video a crash left behind, and cut-off uploads. */
  private async deleteOrphanSignLanguageFiles(olderThan: Date): Promise<number> {
    const folder = join(this.config.uploadDir, SIGN_LANGUAGE_FOLDER);
    const candidates = new Map<string, string[]>();
    for (const name of await readdir(folder).catch(() => [] as string[])) {
      const match = SIGN_LANGUAGE_FILE.exec(name);
      if (!match) continue;
      const info = await stat(join(folder, name)).catch(() => null);
      if (!info?.isFile() || info.mtime >= olderThan) continue;
      candidates.set(match[1], [...(candidates.get(match[1]) ?? []), join(folder, name)]);
    }
    return this.removeUnknown(candidates, ['sign_language_videos']);
  }

  /** Removes the files of every id that has no row in any of `tables`. */
  private async removeUnknown(candidates: Map<string, string[]>, tables: string[]): Promise<number> {
    let removed = 0;
    const ids = [...candidates.keys()];
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const kept = new Set<string>();
      for (const table of tables) {
        const known = await this.select<{ id: string }>(`SELECT "id" FROM "${table}" WHERE "id" IN (:...chunk)`, { chunk });
        for (const row of known) kept.add(String(row.id));
      }
      for (const id of chunk) {
        if (kept.has(id)) continue;
        for (const path of candidates.get(id)!) {
          await rm(path, { force: true });
          removed++;
        }
      }
    }
    return removed;
  }

  // ---- SQL helpers: named parameters, translated for the database in use ----

  /** Deletes the rows matching `where` in batches of BATCH keys, until none is left. */
  private async deleteInBatches(table: string, key: string, where: string, params: ObjectLiteral): Promise<number> {
    let total = 0;
    for (;;) {
      const affected = await this.execute(
        `DELETE FROM "${table}" WHERE "${key}" IN (SELECT "${key}" FROM "${table}" WHERE ${where} LIMIT ${BATCH})`,
        params,
      );
      total += affected;
      if (affected < BATCH) return total;
      await yieldToOthers();
    }
  }

  private async select<T>(sql: string, params: ObjectLiteral): Promise<T[]> {
    return (await this.ds.query(...this.ds.driver.escapeQueryWithParameters(sql, params, {}))) as T[];
  }

  /** Runs a statement on its own and returns how many rows it changed. */
  private async execute(sql: string, params: ObjectLiteral): Promise<number> {
    const runner = this.ds.createQueryRunner();
    try {
      const result = await runner.query(...this.ds.driver.escapeQueryWithParameters(sql, params, {}), true);
      return (result as { affected?: number }).affected ?? 0;
    } finally {
      await runner.release();
    }
  }
}
