import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKey, schemaTypes } from './schema-helpers';

/** Who follows (or muted) which proposal, and the hashes of the mailed unsubscribe tokens. */
export class Follows1764300000000 implements MigrationInterface {
  name = 'Follows1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'proposal_follows',
        columns: [
          t.uuid('proposalId', { isPrimary: true }),
          t.uuid('userId', { isPrimary: true }),
          { name: 'muted', type: 'boolean', default: t.isPostgres ? false : 0 },
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('proposalId', 'proposals', 'CASCADE'), foreignKey('userId', 'users', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );
    // One row per mailed unsubscribe link (hash only), so older links keep working.
    await queryRunner.createTable(
      new Table({
        name: 'proposal_unsubscribe_tokens',
        columns: [t.varchar('tokenHash', 64, { isPrimary: true }), t.uuid('proposalId'), t.uuid('userId'), t.createdAt()],
        foreignKeys: [foreignKey('proposalId', 'proposals', 'CASCADE'), foreignKey('userId', 'users', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['proposalId'] }), new TableIndex({ columnNames: ['userId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('proposal_unsubscribe_tokens');
    await queryRunner.dropTable('proposal_follows');
  }
}
