import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  DataSource,
  Repository,
  type EntityManager,
  type EntitySubscriberInterface,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { OutboxMailState, type Language } from '@app/shared';
import { renderMail, type MailParams, type MailTemplate } from './mail-templates';
import { MailWorker } from './mail.worker';
import { OutboxMail, type StoredAttachment } from './outbox-mail.entity';

export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType: string;
}

export interface MailRequest {
  to: string;
  language: Language;
  template: MailTemplate;
  params: MailParams;
  /** Files to attach (e.g. the assembly's calendar entry). */
  attachments?: MailAttachment[];
}

/**
 * Queues mails in the outbox table; MailWorker delivers them (over SMTP when SMTP_URL is set,
 * otherwise as .eml files in data/outbox/). Nothing here talks to a mail server, so no request
 * waits for one and an SMTP outage loses nothing.
 */
@Injectable()
export class MailService implements EntitySubscriberInterface {
  /** Transactions that queued a mail: the worker is woken when one of them commits. */
  private readonly queuedIn = new WeakSet<object>();

  constructor(
    @InjectRepository(OutboxMail) private readonly outbox: Repository<OutboxMail>,
    @InjectDataSource() dataSource: DataSource,
    private readonly worker: MailWorker,
  ) {
    dataSource.subscribers.push(this);
  }

  /**
   * Renders the mail and queues it. Pass the manager of the transaction that causes the mail:
   * the row is then written in that transaction, so a rolled-back event sends nothing and a
   * committed one cannot lose its mail. Without a manager the row is written on its own.
   */
  async send(request: MailRequest, manager?: EntityManager): Promise<void> {
    const rendered = renderMail(request.template, request.language, request.params);
    const attachments: StoredAttachment[] | null = request.attachments?.length
      ? request.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          contentBase64: (typeof a.content === 'string' ? Buffer.from(a.content, 'utf8') : a.content).toString('base64'),
        }))
      : null;
    const repo = manager ? manager.getRepository(OutboxMail) : this.outbox;
    await repo.insert({
      to: request.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments: attachments ? JSON.stringify(attachments) : null,
      template: request.template,
      language: request.language,
      state: OutboxMailState.Pending,
      attempts: 0,
      nextAttemptAt: new Date(),
    });
    const runner = manager?.queryRunner;
    if (runner?.isTransactionActive) this.queuedIn.add(runner);
    else this.worker.wake();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint is no commit yet: wait for the outermost one.
    if (event.queryRunner.isTransactionActive || !this.queuedIn.delete(event.queryRunner)) return;
    this.worker.wake();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    this.queuedIn.delete(event.queryRunner);
  }
}
