import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Not, Repository } from 'typeorm';
import { ErrorCode, OutboxMailState, type AdminMailOutboxResponse, type AdminOutboxMail, type MailHealth } from '@app/shared';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { MailWorker } from './mail.worker';
import { OutboxMail } from './outbox-mail.entity';

/** How many failed mails the admin list shows (the count says how many there are). */
const FAILED_LIST_LIMIT = 200;

/** Anything that looks like a mail address, as SMTP servers like to quote the recipient in their errors. */
const ADDRESS = /[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g;

const toAdminMail = (m: OutboxMail): AdminOutboxMail => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  template: m.template,
  state: m.state,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: m.createdAt.toISOString(),
  nextAttemptAt: m.nextAttemptAt.toISOString(),
});

/** What the outbox looks like from outside: counts for health, the failed mails for administrators, and their retry. */
@Injectable()
export class MailOutboxService {
  constructor(
    @InjectRepository(OutboxMail) private readonly outbox: Repository<OutboxMail>,
    private readonly worker: MailWorker,
    private readonly audit: AuditService,
  ) {}

  /** Counts and the latest delivery error of mails not sent yet; addresses are cut out (the health answer is public). */
  async health(): Promise<MailHealth> {
    const summary = await this.summary();
    return { ...summary, lastError: summary.lastError?.replace(ADDRESS, '[address]') ?? null };
  }

  async adminView(): Promise<AdminMailOutboxResponse> {
    const [summary, failed] = await Promise.all([
      this.summary(),
      this.outbox.find({ where: { state: OutboxMailState.Failed }, order: { nextAttemptAt: 'DESC' }, take: FAILED_LIST_LIMIT }),
    ]);
    return { ...summary, items: failed.map(toAdminMail) };
  }

  /** Puts a failed mail back into the queue with a fresh set of attempts. */
  async retry(actor: User, id: string): Promise<AdminOutboxMail> {
    const result = await this.outbox.update(
      { id, state: OutboxMailState.Failed },
      { state: OutboxMailState.Pending, attempts: 0, nextAttemptAt: new Date(), claimedBy: null, claimedUntil: null },
    );
    const mail = await this.outbox.findOneBy({ id });
    if (!mail) throw notFound('The mail');
    if (!result.affected) throw new DomainError(ErrorCode.Conflict, `This mail is ${mail.state}; only failed mails can be sent again.`);
    await this.audit.record({ actorId: actor.id, action: 'mail.retry', entityType: 'outbox_mail', entityId: id });
    this.worker.wake();
    return toAdminMail(mail);
  }

  private async summary(): Promise<Omit<MailHealth, 'lastError'> & { lastError: string | null }> {
    const [pending, failed, latest] = await Promise.all([
      this.outbox.countBy({ state: OutboxMailState.Pending }),
      this.outbox.countBy({ state: OutboxMailState.Failed }),
      this.outbox.findOne({
        where: [
          { state: OutboxMailState.Pending, lastError: Not(IsNull()) },
          { state: OutboxMailState.Failed, lastError: Not(IsNull()) },
        ],
        order: { nextAttemptAt: 'DESC' },
        select: ['id', 'lastError'],
      }),
    ]);
    return { pending, failed, lastError: latest?.lastError ?? null };
  }
}
