import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { schemaTypes } from './schema-helpers';

/** The cache of machine translations (issue 16): one row per source text and target language. */
export class MachineTranslations1765800000000 implements MigrationInterface {
  name = 'MachineTranslations1765800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'machine_translations',
        columns: [
          t.varchar('key', 64, { isPrimary: true }),
          t.varchar('sourceLanguage', 8),
          t.varchar('targetLanguage', 8),
          { name: 'text', type: 'text' },
          t.createdAt(),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('machine_translations');
  }
}
