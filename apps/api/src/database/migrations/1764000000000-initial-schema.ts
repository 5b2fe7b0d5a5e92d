import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { schemaTypes } from './schema-helpers';

/** Accounts, sessions, one-time tokens, areas, fields of action and the audit log. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);

    await queryRunner.createTable(
      new Table({
        name: 'areas',
        columns: [
          t.id(),
          t.varchar('type', 20),
          t.varchar('code', 60, { isUnique: true }),
          t.varchar('name', 120),
          { name: 'description', type: 'text', isNullable: true },
          t.uuid('parentId', { isNullable: true }),
          { name: 'validFrom', type: 'date' },
          { name: 'validTo', type: 'date', isNullable: true },
          t.createdAt(),
          t.updatedAt(),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['parentId'],
            referencedTableName: 'areas',
            referencedColumnNames: ['id'],
            onDelete: 'RESTRICT',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['parentId'] }), new TableIndex({ columnNames: ['type'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          t.id(),
          t.varchar('email', 254, { isNullable: true, isUnique: true }),
          t.varchar('pendingEmail', 254, { isNullable: true }),
          t.varchar('passwordHash', 255, { isNullable: true }),
          t.varchar('displayName', 60, { isNullable: true }),
          t.varchar('language', 8, { default: "'de'" }),
          t.varchar('role', 20, { default: "'citizen'" }),
          t.timestamp('emailVerifiedAt', { isNullable: true }),
          t.timestamp('deletedAt', { isNullable: true }),
          t.createdAt(),
          t.updatedAt(),
        ],
        indices: [new TableIndex({ columnNames: ['role'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'user_moderated_areas',
        columns: [t.uuid('userId', { isPrimary: true }), t.uuid('areaId', { isPrimary: true })],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'CASCADE',
          }),
          new TableForeignKey({
            columnNames: ['areaId'],
            referencedTableName: 'areas',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
            onUpdate: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['userId'] }), new TableIndex({ columnNames: ['areaId'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [t.id(), t.varchar('tokenHash', 64, { isUnique: true }), t.uuid('userId'), t.timestamp('expiresAt'), t.createdAt()],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'user_tokens',
        columns: [
          t.id(),
          t.uuid('userId'),
          t.varchar('purpose', 20),
          t.varchar('tokenHash', 64, { isUnique: true }),
          t.varchar('newEmail', 254, { isNullable: true }),
          t.timestamp('expiresAt'),
          t.timestamp('usedAt', { isNullable: true }),
          t.createdAt(),
        ],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['userId'],
            referencedTableName: 'users',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
        indices: [new TableIndex({ columnNames: ['userId'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'fields_of_action',
        columns: [
          t.id(),
          t.varchar('code', 10, { isUnique: true }),
          t.varchar('nameDe', 160),
          t.varchar('nameEn', 160),
          { name: 'descriptionDe', type: 'text' },
          { name: 'descriptionEn', type: 'text' },
          { name: 'sortOrder', type: 'integer', default: 0 },
          { name: 'active', type: 'boolean', default: t.isPostgres ? true : 1 },
          t.createdAt(),
          t.updatedAt(),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          t.id(),
          t.uuid('actorId', { isNullable: true }),
          t.varchar('action', 60),
          t.varchar('entityType', 40),
          t.varchar('entityId', 36, { isNullable: true }),
          { name: 'details', type: 'text', isNullable: true },
          t.createdAt(),
        ],
        indices: [new TableIndex({ columnNames: ['entityType'] }), new TableIndex({ columnNames: ['createdAt'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // SQLite drops row by row under the foreign-key check: detach child areas first.
    await queryRunner.query('UPDATE "areas" SET "parentId" = NULL');
    for (const table of ['audit_entries', 'fields_of_action', 'user_tokens', 'sessions', 'user_moderated_areas', 'users', 'areas']) {
      await queryRunner.dropTable(table);
    }
  }
}
