import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { NOW_SQL } from '../column-types';
import { schemaTypes } from './schema-helpers';

/** Which translations the city has checked (issue 16): one row per reviewed language. */
export class LanguageReviews1765700000000 implements MigrationInterface {
  name = 'LanguageReviews1765700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'language_reviews',
        columns: [t.varchar('language', 8, { isPrimary: true }), t.timestamp('reviewedAt', { default: NOW_SQL(t.isPostgres) })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('language_reviews');
  }
}
