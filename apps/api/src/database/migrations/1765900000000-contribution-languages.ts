import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

const TABLES = ['comments', 'live_proposals'];

/**
 * Comments and live proposals carry the language they are written in, as proposals do (issue 16).
 * What was written before could only be German (the platform offered no other way), so existing rows get 'de'.
 */
export class ContributionLanguages1765900000000 implements MigrationInterface {
  name = 'ContributionLanguages1765900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.addColumn(table, new TableColumn({ name: 'language', type: 'varchar', length: '8', default: "'de'" }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      // SQLite (3.35+) drops a plain column in place; TypeORM would copy the table instead.
      if (queryRunner.connection.options.type === 'postgres') await queryRunner.dropColumn(table, 'language');
      else await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "language"`);
    }
  }
}
