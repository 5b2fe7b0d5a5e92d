import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The live assembly in several languages (issue 16): the moderator's translations of a round's
 * question and options and of an agenda item's title (JSON text, null: none), and the hall screen's
 * second language.
 */
export class LiveTranslations1766000000000 implements MigrationInterface {
  name = 'LiveTranslations1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('voting_rounds', new TableColumn({ name: 'translations', type: 'text', isNullable: true }));
    await queryRunner.addColumn('agenda_items', new TableColumn({ name: 'translations', type: 'text', isNullable: true }));
    await queryRunner.addColumn(
      'assemblies',
      new TableColumn({ name: 'projectorLanguage', type: 'varchar', length: '8', isNullable: true }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const columns: Array<[string, string]> = [
      ['assemblies', 'projectorLanguage'],
      ['agenda_items', 'translations'],
      ['voting_rounds', 'translations'],
    ];
    for (const [table, column] of columns) {
      // SQLite (3.35+) drops a plain column in place; TypeORM would copy the table instead.
      if (queryRunner.connection.options.type === 'postgres') await queryRunner.dropColumn(table, column);
      else await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
    }
  }
}
