import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

const COLUMNS = ['note', 'noteTitle'];

/**
 * Steps the platform explains itself ("part of the project idea …") are stored as a note kind and the
 * idea's title, rendered in the reader's language, instead of an English sentence in `explanation`
 * (which stays for people's own words). Existing sentences (English from the API, German from the
 * demo data) become notes.
 */
export class ProposalStatusNotes1765600000000 implements MigrationInterface {
  name = 'ProposalStatusNotes1765600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('proposal_status_events', [
      new TableColumn({ name: 'note', type: 'varchar', length: '20', isNullable: true }),
      new TableColumn({ name: 'noteTitle', type: 'text', isNullable: true }),
    ]);
    // prefix, suffix: the sentence around the title; SUBSTR and LENGTH read the same on both databases.
    const sentences: Array<[note: string, prefix: string, suffix: string]> = [
      ['joined_idea', 'Part of the project idea "', '".'],
      ['left_idea', 'No longer part of the project idea "', '".'],
      ['joined_idea', 'Teil der Projektidee „', '“.'],
    ];
    for (const [note, prefix, suffix] of sentences) {
      // Constants of this file only (no quotes inside), so they are written into the statement.
      await queryRunner.query(
        `UPDATE "proposal_status_events" SET "note" = '${note}',
           "noteTitle" = SUBSTR("explanation", ${prefix.length + 1}, LENGTH("explanation") - ${prefix.length + suffix.length}),
           "explanation" = NULL
         WHERE "explanation" LIKE '${prefix}%' AND "explanation" LIKE '%${suffix}' AND "note" IS NULL`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "proposal_status_events" SET "explanation" = CASE "note"
         WHEN 'joined_idea' THEN 'Part of the project idea "' || "noteTitle" || '".'
         ELSE 'No longer part of the project idea "' || "noteTitle" || '".' END
       WHERE "note" IS NOT NULL`,
    );
    for (const column of COLUMNS) {
      // SQLite (3.35+) drops a plain column in place; TypeORM would copy the table instead.
      if (queryRunner.connection.options.type === 'postgres') await queryRunner.dropColumn('proposal_status_events', column);
      else await queryRunner.query(`ALTER TABLE "proposal_status_events" DROP COLUMN "${column}"`);
    }
  }
}
