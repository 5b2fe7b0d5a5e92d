import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OutboxMailState, type Language } from '@app/shared';
import { timestamp, timestampColumn } from '../../database/column-types';

/** An attachment as stored in the outbox: the content base64-encoded so binary files survive JSON. */
export interface StoredAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/**
 * One rendered mail waiting to be sent, sent, or given up on. It is written in the transaction of
 * the event that causes it, so a rolled-back event leaves no mail behind, and a worker in every API
 * process delivers it later (see MailWorker). claimedBy/claimedUntil are the lease a worker takes
 * before it talks to SMTP, so that two workers never send the same row.
 */
@Entity('outbox_mails')
@Index(['state', 'nextAttemptAt'])
export class OutboxMail {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'to', type: 'varchar', length: 320 })
  to: string;

  @Column({ type: 'varchar', length: 500 })
  subject: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'text' })
  html: string;

  /** JSON array of StoredAttachment, or null. */
  @Column({ type: 'text', nullable: true })
  attachments: string | null;

  @Column({ type: 'varchar', length: 40 })
  template: string;

  @Column({ type: 'varchar', length: 8 })
  language: Language;

  @Column({ type: 'varchar', length: 10, default: OutboxMailState.Pending })
  state: OutboxMailState;

  /** Delivery attempts started so far (counted when a worker claims the row). */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column(timestamp())
  nextAttemptAt: Date;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column(timestamp({ nullable: true }))
  sentAt: Date | null;

  /** The worker holding the row right now, and until when its claim holds. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  claimedBy: string | null;

  @Column(timestamp({ nullable: true }))
  claimedUntil: Date | null;

  @CreateDateColumn(timestampColumn())
  createdAt: Date;
}
