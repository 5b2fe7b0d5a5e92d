import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { schemaTypes } from './schema-helpers';

/** The transactional mail outbox: rendered mails, their delivery state and the worker's lease. */
export class MailOutbox1765000000000 implements MigrationInterface {
  name = 'MailOutbox1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'outbox_mails',
        columns: [
          t.id(),
          t.varchar('to', 320),
          t.varchar('subject', 500),
          { name: 'text', type: 'text' },
          { name: 'html', type: 'text' },
          { name: 'attachments', type: 'text', isNullable: true },
          t.varchar('template', 40),
          t.varchar('language', 8),
          t.varchar('state', 10, { default: "'pending'" }),
          { name: 'attempts', type: 'integer', default: 0 },
          t.timestamp('nextAttemptAt'),
          t.varchar('lastError', 1000, { isNullable: true }),
          t.timestamp('sentAt', { isNullable: true }),
          t.varchar('claimedBy', 64, { isNullable: true }),
          t.timestamp('claimedUntil', { isNullable: true }),
          t.createdAt(),
        ],
        indices: [new TableIndex({ columnNames: ['state', 'nextAttemptAt'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('outbox_mails');
  }
}
