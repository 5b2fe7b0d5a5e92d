import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { schemaTypes } from './schema-helpers';

const COLUMNS = ['passwordRequired', 'failedAttempts'];

/** Registration links of a contested address ask for the password, and count wrong ones (see UserToken). */
export class RegistrationAttempts1765190000000 implements MigrationInterface {
  name = 'RegistrationAttempts1765190000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.addColumns('user_tokens', [
      new TableColumn({ name: 'passwordRequired', type: 'boolean', default: t.isPostgres ? false : 0 }),
      new TableColumn({ name: 'failedAttempts', type: 'integer', default: 0 }),
    ]);
    // Registration links of an address that several people registered would otherwise confirm
    // without a password.
    await queryRunner.query(
      `UPDATE "user_tokens" SET "passwordRequired" = ${t.isPostgres ? 'true' : '1'}
       WHERE "purpose" = 'verify_email' AND "userId" IN (
         SELECT "userId" FROM "user_tokens" WHERE "purpose" = 'verify_email' AND "usedAt" IS NULL GROUP BY "userId" HAVING COUNT(*) > 1)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of COLUMNS) {
      // SQLite (3.35+) drops a plain column in place; TypeORM would copy the table instead.
      if (queryRunner.connection.options.type === 'postgres') await queryRunner.dropColumn('user_tokens', column);
      else await queryRunner.query(`ALTER TABLE "user_tokens" DROP COLUMN "${column}"`);
    }
  }
}
