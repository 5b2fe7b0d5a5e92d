import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKey, schemaTypes } from './schema-helpers';

/** Comments on proposals (two levels) and reports of proposals and comments to moderation. */
export class CommentsModeration1764200000000 implements MigrationInterface {
  name = 'CommentsModeration1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'comments',
        columns: [
          t.id(),
          t.uuid('proposalId'),
          t.uuid('parentId', { isNullable: true }),
          t.uuid('authorId'),
          { name: 'body', type: 'text' },
          t.timestamp('hiddenAt', { isNullable: true }),
          { name: 'hiddenReason', type: 'text', isNullable: true },
          t.timestamp('editedAt', { isNullable: true }),
          t.createdAt(),
          t.updatedAt(),
        ],
        foreignKeys: [
          foreignKey('proposalId', 'proposals', 'CASCADE'),
          foreignKey('parentId', 'comments', 'CASCADE'),
          foreignKey('authorId', 'users'),
        ],
        indices: [
          // A proposal's thread in order, straight from the index.
          new TableIndex({ columnNames: ['proposalId', 'createdAt'] }),
          new TableIndex({ columnNames: ['parentId'] }),
          new TableIndex({ columnNames: ['authorId'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'reports',
        columns: [
          t.id(),
          t.varchar('targetType', 20),
          t.uuid('targetId'),
          t.uuid('proposalId'),
          t.uuid('reporterId'),
          t.varchar('reason', 1000),
          t.varchar('status', 20, { default: "'open'" }),
          { name: 'openKey', type: 'integer', isNullable: true },
          t.timestamp('resolvedAt', { isNullable: true }),
          t.uuid('resolvedById', { isNullable: true }),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('proposalId', 'proposals', 'CASCADE'), foreignKey('reporterId', 'users', 'CASCADE')],
        indices: [
          // One open report per person and target (openKey is null once resolved, and nulls never collide).
          new TableIndex({ columnNames: ['reporterId', 'targetType', 'targetId', 'openKey'], isUnique: true }),
          new TableIndex({ columnNames: ['status', 'targetType', 'targetId'] }),
          new TableIndex({ columnNames: ['proposalId'] }),
          new TableIndex({ columnNames: ['reporterId'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('reports');
    await queryRunner.dropTable('comments');
  }
}
