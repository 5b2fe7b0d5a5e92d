import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, Repository, type EntityManager } from 'typeorm';
import { AssemblyStatus, ErrorCode, RegistrationStatus, type RegistrationResponse } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { TransactionRunner } from '../../database/transactions';
import type { User } from '../users/user.entity';
import { AssemblyMailsService } from './assembly-mails.service';
import { dbTime, registrationOpen } from './assembly-mapper';
import { Assembly, AssemblyRegistration } from './entities/assembly.entity';

/** Reminders go out this long before the start. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000;
/** How often the reminder job looks for due reminders. */
export const REMINDER_INTERVAL_MS = 5 * 60 * 1000;

const CANCELLED: RegistrationResponse = { status: RegistrationStatus.Cancelled, waitlistPosition: null };

/**
 * Registration with a capacity and a waiting list. Every change runs in one transaction that
 * first takes the assembly row (FOR UPDATE on PostgreSQL; SQLite's transactions are queued by
 * TransactionRunner), so parallel registrations can never overbook: with a capacity of 10 and
 * 30 people at once, exactly 10 are confirmed and 20 wait in the order they came.
 */
@Injectable()
export class RegistrationsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RegistrationsService.name);
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly tx: TransactionRunner,
    private readonly mails: AssemblyMailsService,
    @InjectRepository(AssemblyRegistration) private readonly registrations: Repository<AssemblyRegistration>,
    @InjectRepository(Assembly) private readonly assemblies: Repository<Assembly>,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.sendDueReminders().catch((error: Error) => this.logger.error(`Reminder run failed: ${error.message}`));
    }, REMINDER_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** The assembly, locked for the rest of the transaction (PostgreSQL; SQLite runs one transaction at a time). */
  async lockAssembly(m: EntityManager, id: string): Promise<Assembly> {
    const qb = m.getRepository(Assembly).createQueryBuilder('a').where('a.id = :id', { id });
    if (this.tx.isPostgres) qb.setLock('pessimistic_write');
    const assembly = await qb.getOne();
    if (!assembly) throw notFound('The assembly');
    return assembly;
  }

  /** The viewer's registration (status and waiting-list place), or null when never registered. */
  async registrationOf(
    assemblyId: string,
    userId: string,
  ): Promise<{ status: RegistrationStatus; waitlistPosition: number | null } | null> {
    const row = await this.registrations.findOne({ where: { assemblyId, userId } });
    return row ? { status: row.status, waitlistPosition: await this.waitlistPosition(this.registrations.manager, row) } : null;
  }

  /** Confirmed and waitlisted counts per assembly. */
  async counts(assemblyIds: string[]): Promise<Map<string, { confirmed: number; waitlisted: number }>> {
    const result = new Map<string, { confirmed: number; waitlisted: number }>();
    if (!assemblyIds.length) return result;
    const rows = await this.registrations
      .createQueryBuilder('r')
      .select('r.assemblyId', 'assemblyId')
      .addSelect('r.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('r.assemblyId IN (:...ids)', { ids: assemblyIds })
      .andWhere('r.status IN (:...statuses)', { statuses: [RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted] })
      .groupBy('r.assemblyId')
      .addGroupBy('r.status')
      .getRawMany<{ assemblyId: string; status: RegistrationStatus; n: string | number }>();
    for (const row of rows) {
      const entry = result.get(row.assemblyId) ?? { confirmed: 0, waitlisted: 0 };
      if (row.status === RegistrationStatus.Confirmed) entry.confirmed = Number(row.n);
      else entry.waitlisted = Number(row.n);
      result.set(row.assemblyId, entry);
    }
    return result;
  }

  private async waitlistPosition(m: EntityManager, r: AssemblyRegistration): Promise<number | null> {
    if (r.status !== RegistrationStatus.Waitlisted) return null;
    const ahead = await m
      .getRepository(AssemblyRegistration)
      .createQueryBuilder('r')
      .where('r.assemblyId = :id', { id: r.assemblyId })
      .andWhere('r.status = :status', { status: RegistrationStatus.Waitlisted })
      .andWhere('r.registeredAt < :at', { at: dbTime(this.tx.isPostgres, r.registeredAt) })
      .getCount();
    return ahead + 1;
  }

  /** Registers the person: confirmed while there is room, otherwise on the waiting list. Registering again changes nothing. */
  async register(user: User, assemblyId: string): Promise<RegistrationResponse> {
    const outcome = await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, assemblyId);
      if (!registrationOpen(assembly)) throw this.closed(assembly);
      const repo = m.getRepository(AssemblyRegistration);
      const existing = await repo.findOneBy({ assemblyId, userId: user.id });
      if (existing && existing.status !== RegistrationStatus.Cancelled) {
        return { assembly, changed: false, status: existing.status, position: await this.waitlistPosition(m, existing) };
      }
      const confirmed = await repo.countBy({ assemblyId, status: RegistrationStatus.Confirmed });
      const status =
        assembly.capacity === null || confirmed < assembly.capacity ? RegistrationStatus.Confirmed : RegistrationStatus.Waitlisted;
      // Strictly increasing per assembly (the lock orders registrations), so the waiting list has no ties.
      const last = await repo.findOne({ where: { assemblyId }, order: { registeredAt: 'DESC' }, select: ['registeredAt'] });
      const registeredAt = new Date(Math.max(Date.now(), (last?.registeredAt.getTime() ?? 0) + 1));
      const row = repo.create({ assemblyId, userId: user.id, status, registeredAt, reminderSentAt: null });
      await repo.save(row);
      const position = await this.waitlistPosition(m, row);
      // Queued in this transaction: the confirmation goes out exactly when the registration is committed.
      if (status === RegistrationStatus.Confirmed) await this.mails.send(assembly, 'assemblyRegistered', [user.id], undefined, m);
      else await this.mails.send(assembly, 'assemblyWaitlisted', [user.id], () => ({ position: position ?? undefined }), m);
      return { assembly, changed: true, status, position };
    });
    return { status: outcome.status, waitlistPosition: outcome.position };
  }

  /** Cancels the person's registration; a freed place goes to the first on the waiting list. */
  async cancel(user: User, assemblyId: string): Promise<RegistrationResponse> {
    await this.tx.run(async (m) => {
      const assembly = await this.lockAssembly(m, assemblyId);
      const repo = m.getRepository(AssemblyRegistration);
      const existing = await repo.findOneBy({ assemblyId, userId: user.id });
      if (!existing || existing.status === RegistrationStatus.Cancelled) return;
      if (assembly.status === AssemblyStatus.Closed || assembly.endsAt.getTime() <= Date.now()) throw this.closed(assembly);
      const wasConfirmed = existing.status === RegistrationStatus.Confirmed;
      await repo.update({ assemblyId, userId: user.id }, { status: RegistrationStatus.Cancelled });
      await this.mails.send(assembly, 'assemblyCancelled', [user.id], undefined, m);
      if (wasConfirmed) await this.promoteWithin(m, assembly);
    });
    return CANCELLED;
  }

  /**
   * Moves people from the waiting list to confirmed while there is room (first come, first
   * served), and queues their mails in the same transaction. Call inside the transaction that
   * holds the assembly's lock. Returns the ids of the people moved up.
   */
  async promoteWithin(m: EntityManager, assembly: Assembly): Promise<string[]> {
    const repo = m.getRepository(AssemblyRegistration);
    let room = Number.MAX_SAFE_INTEGER;
    if (assembly.capacity !== null) {
      const confirmed = await repo.countBy({ assemblyId: assembly.id, status: RegistrationStatus.Confirmed });
      room = assembly.capacity - confirmed;
    }
    if (room <= 0) return [];
    const next = await repo.find({
      where: { assemblyId: assembly.id, status: RegistrationStatus.Waitlisted },
      order: { registeredAt: 'ASC' },
      take: Math.min(room, 100000),
      select: ['userId'],
    });
    const ids = next.map((r) => r.userId);
    if (ids.length) {
      await repo.update({ assemblyId: assembly.id, userId: In(ids) }, { status: RegistrationStatus.Confirmed });
      await this.mails.send(assembly, 'assemblyPromoted', ids, undefined, m);
    }
    return ids;
  }

  /**
   * Queues the reminder for every confirmed registration of an assembly starting within the next
   * 24 hours that has not had one. Each registration is claimed by a conditional update of
   * reminderSentAt in the transaction that queues its mail, so two processes (or two runs) never
   * both queue it, and a claim never stands without its mail. Returns how many reminders this run queued.
   */
  async sendDueReminders(now: Date = new Date()): Promise<number> {
    const due = await this.registrations
      .createQueryBuilder('r')
      .innerJoin(Assembly, 'a', 'a.id = r.assemblyId')
      .select(['r.assemblyId AS "assemblyId"', 'r.userId AS "userId"'])
      .where('r.status = :confirmed', { confirmed: RegistrationStatus.Confirmed })
      .andWhere('r.reminderSentAt IS NULL')
      .andWhere('a.status != :closed', { closed: AssemblyStatus.Closed })
      .andWhere('a.startsAt > :now', { now: dbTime(this.tx.isPostgres, now) })
      .andWhere('a.startsAt <= :until', { until: dbTime(this.tx.isPostgres, new Date(now.getTime() + REMINDER_BEFORE_MS)) })
      .getRawMany<{ assemblyId: string; userId: string }>();
    const assemblies = new Map<string, Assembly | null>();
    let count = 0;
    for (const row of due) {
      if (!assemblies.has(row.assemblyId)) assemblies.set(row.assemblyId, await this.assemblies.findOneBy({ id: row.assemblyId }));
      const assembly = assemblies.get(row.assemblyId);
      if (!assembly) continue;
      const queued = await this.tx.run(async (m) => {
        const result = await m
          .getRepository(AssemblyRegistration)
          .update(
            { assemblyId: row.assemblyId, userId: row.userId, status: RegistrationStatus.Confirmed, reminderSentAt: IsNull() },
            { reminderSentAt: now },
          );
        if (result.affected !== 1) return false;
        await this.mails.send(assembly, 'assemblyReminder', [row.userId], undefined, m);
        return true;
      });
      if (queued) count++;
    }
    return count;
  }

  private closed(assembly: Assembly): DomainError {
    const why =
      assembly.status === AssemblyStatus.Closed || assembly.endsAt.getTime() <= Date.now()
        ? 'This assembly is over; registration has closed.'
        : 'This assembly does not take registrations; you can simply come (or join online with the code).';
    return new DomainError(ErrorCode.RegistrationClosed, why);
  }
}
