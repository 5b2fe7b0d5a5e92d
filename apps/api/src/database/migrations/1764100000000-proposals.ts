import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKey, schemaTypes } from './schema-helpers';

/** Proposals, their supports (one per person, by primary key) and their public status history. */
export class Proposals1764100000000 implements MigrationInterface {
  name = 'Proposals1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'proposals',
        columns: [
          t.id(),
          t.varchar('title', 140),
          { name: 'body', type: 'text' },
          { name: 'searchText', type: 'text', default: "''" },
          t.uuid('fieldOfActionId'),
          t.uuid('areaId'),
          t.uuid('authorId', { isNullable: true }),
          t.uuid('submittedById'),
          t.varchar('sourceNote', 300, { isNullable: true }),
          t.varchar('language', 8, { default: "'de'" }),
          { name: 'latitude', type: 'double precision', isNullable: true },
          { name: 'longitude', type: 'double precision', isNullable: true },
          t.varchar('address', 200, { isNullable: true }),
          t.varchar('status', 20, { default: "'submitted'" }),
          t.uuid('mergedIntoId', { isNullable: true }),
          { name: 'supportCount', type: 'integer', default: 0 },
          { name: 'commentCount', type: 'integer', default: 0 },
          t.timestamp('hiddenAt', { isNullable: true }),
          { name: 'hiddenReason', type: 'text', isNullable: true },
          t.timestamp('editedAt', { isNullable: true }),
          t.createdAt(),
          t.updatedAt(),
        ],
        foreignKeys: [foreignKey('fieldOfActionId', 'fields_of_action'), foreignKey('areaId', 'areas'), foreignKey('authorId', 'users')],
        indices: [
          ...['fieldOfActionId', 'areaId', 'authorId', 'status'].map((c) => new TableIndex({ columnNames: [c] })),
          // The list's three sort orders, readable straight from an index (newest, most supported, most discussed).
          new TableIndex({ columnNames: ['createdAt', 'id'] }),
          new TableIndex({ columnNames: ['supportCount', 'createdAt', 'id'] }),
          new TableIndex({ columnNames: ['commentCount', 'createdAt', 'id'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'proposal_supports',
        columns: [t.uuid('proposalId', { isPrimary: true }), t.uuid('userId', { isPrimary: true }), t.createdAt()],
        foreignKeys: [foreignKey('proposalId', 'proposals', 'CASCADE'), foreignKey('userId', 'users', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'proposal_status_events',
        columns: [
          t.id(),
          t.uuid('proposalId'),
          t.varchar('status', 20),
          { name: 'explanation', type: 'text', isNullable: true },
          t.uuid('actorId', { isNullable: true }),
          t.varchar('actorRole', 20),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('proposalId', 'proposals', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['proposalId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('proposal_status_events');
    await queryRunner.dropTable('proposal_supports');
    await queryRunner.dropTable('proposals');
  }
}
