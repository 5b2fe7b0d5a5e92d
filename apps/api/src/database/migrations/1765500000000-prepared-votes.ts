import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

/** A vote item of the agenda can carry a prepared vote (JSON text), started from the console with one action. */
export class PreparedVotes1765500000000 implements MigrationInterface {
  name = 'PreparedVotes1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('agenda_items', new TableColumn({ name: 'preparedVote', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // SQLite (3.35+) drops a plain column in place; TypeORM would copy the table instead.
    if (queryRunner.connection.options.type === 'postgres') await queryRunner.dropColumn('agenda_items', 'preparedVote');
    else await queryRunner.query(`ALTER TABLE "agenda_items" DROP COLUMN "preparedVote"`);
  }
}
