import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKey, schemaTypes } from './schema-helpers';

/**
 * Social report: indicator definitions, their values per area (or city-wide) and year,
 * and targets. Values are scaled integers (value × 10^4) in a 64-bit column, so they are exact on
 * both databases. `scope` is the area's id or 'city': a NOT NULL column lets one unique index cover
 * city-wide values too (NULLs never collide in a unique index), which makes re-imports idempotent
 * through INSERT … ON CONFLICT on both databases.
 */
export class SocialReport1764800000000 implements MigrationInterface {
  name = 'SocialReport1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'indicators',
        columns: [
          t.id(),
          t.varchar('key', 40, { isUnique: true }),
          t.varchar('nameDe', 120),
          t.varchar('nameEn', 120),
          t.varchar('unit', 40),
          t.varchar('direction', 20),
          { name: 'descriptionDe', type: 'text' },
          { name: 'descriptionEn', type: 'text' },
          t.varchar('source', 300),
          { name: 'decimals', type: 'integer', default: 1 },
          { name: 'sortOrder', type: 'integer', default: 0 },
          t.createdAt(),
          t.updatedAt(),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'indicator_values',
        columns: [
          t.id(),
          t.uuid('indicatorId'),
          t.uuid('areaId', { isNullable: true }),
          t.varchar('scope', 36),
          { name: 'year', type: 'integer' },
          { name: 'valueScaled', type: 'bigint' },
          t.createdAt(),
          t.updatedAt(),
        ],
        foreignKeys: [foreignKey('indicatorId', 'indicators'), foreignKey('areaId', 'areas')],
        indices: [
          new TableIndex({ columnNames: ['indicatorId', 'scope', 'year'], isUnique: true }),
          new TableIndex({ columnNames: ['areaId'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'indicator_targets',
        columns: [
          t.id(),
          t.uuid('indicatorId'),
          t.uuid('areaId', { isNullable: true }),
          t.varchar('comparator', 10),
          { name: 'valueScaled', type: 'bigint' },
          { name: 'dueYear', type: 'integer' },
          t.varchar('note', 300, { isNullable: true }),
          t.createdAt(),
          t.updatedAt(),
        ],
        foreignKeys: [foreignKey('indicatorId', 'indicators'), foreignKey('areaId', 'areas')],
        indices: [new TableIndex({ columnNames: ['indicatorId'] }), new TableIndex({ columnNames: ['areaId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('indicator_targets');
    await queryRunner.dropTable('indicator_values');
    await queryRunner.dropTable('indicators');
  }
}
