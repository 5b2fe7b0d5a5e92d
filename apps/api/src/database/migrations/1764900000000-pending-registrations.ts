import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';

const COLUMNS = [
  new TableColumn({ name: 'passwordHash', type: 'varchar', length: '255', isNullable: true }),
  new TableColumn({ name: 'displayName', type: 'varchar', length: '60', isNullable: true }),
  new TableColumn({ name: 'language', type: 'varchar', length: '8', isNullable: true }),
];

/** Registration links carry the credentials of their own registration (see UserToken). */
export class PendingRegistrations1764900000000 implements MigrationInterface {
  name = 'PendingRegistrations1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('user_tokens', COLUMNS);
    // Older registration links would confirm whatever password the account row holds, which may
    // be somebody else's; the owner asks for a new link instead.
    await queryRunner.query(`DELETE FROM "user_tokens" WHERE "purpose" = 'verify_email'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of COLUMNS) {
      // SQLite (3.35+) drops a plain column in place; TypeORM would copy the table instead.
      if (queryRunner.connection.options.type === 'postgres') await queryRunner.dropColumn('user_tokens', column.name);
      else await queryRunner.query(`ALTER TABLE "user_tokens" DROP COLUMN "${column.name}"`);
    }
  }
}
