/** Where a mail in the outbox stands: waiting (also between retries), delivered, or given up after too many attempts. */
export enum OutboxMailState {
  Pending = 'pending',
  Sent = 'sent',
  Failed = 'failed',
}

/** The mail part of the public health answer: counts and the last delivery error, with every address removed. */
export interface MailHealth {
  pending: number;
  failed: number;
  lastError: string | null;
}

/** A mail the outbox gave up on, as the administrators see it. */
export interface AdminOutboxMail {
  id: string;
  to: string;
  subject: string;
  template: string;
  state: OutboxMailState;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  /** When the last attempt failed (or the next one is due, for pending mails). */
  nextAttemptAt: string;
}

/** The administrators' view of the mail outbox: counts, the last error and the mails that failed. */
export interface AdminMailOutboxResponse {
  pending: number;
  failed: number;
  lastError: string | null;
  /** The failed mails, newest first (at most 200). */
  items: AdminOutboxMail[];
}
