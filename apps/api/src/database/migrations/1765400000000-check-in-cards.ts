import { Table, TableColumn, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKey, schemaTypes } from './schema-helpers';

const RECEIPT_INDEX = ['roundId', 'checkInCardId'];
/** The name TypeORM gives the entity's index, so that schema sync finds it unchanged. */
const oneCardOneBallot = (queryRunner: QueryRunner) => queryRunner.connection.namingStrategy.indexName('ballot_receipts', RECEIPT_INDEX);

/**
 * Personal check-in cards replace the one shared door code: a card admits one person to binding
 * votes, and a receipt of a binding round names its card, unique per round, so a card moved to a
 * new device cannot vote twice. The door code goes (nobody can be admitted by it any more); a
 * participant checked in with it stays checked in for the hall counts but holds no card.
 */
export class CheckInCards1765400000000 implements MigrationInterface {
  name = 'CheckInCards1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'check_in_cards',
        columns: [
          t.id(),
          t.uuid('assemblyId'),
          { name: 'number', type: 'integer' },
          t.varchar('codeHash', 64),
          t.uuid('personCardId'),
          t.uuid('participantId', { isNullable: true }),
          t.varchar('holderName', 80, { isNullable: true }),
          t.timestamp('claimedAt', { isNullable: true }),
          t.timestamp('revokedAt', { isNullable: true }),
          t.createdAt(),
        ],
        indices: [
          new TableIndex({ columnNames: ['assemblyId', 'number'], isUnique: true }),
          new TableIndex({ columnNames: ['codeHash'], isUnique: true }),
          new TableIndex({ columnNames: ['participantId'], isUnique: true }),
        ],
        foreignKeys: [
          foreignKey('assemblyId', 'assemblies', 'CASCADE'),
          new TableForeignKey({
            columnNames: ['participantId'],
            referencedTableName: 'assembly_participants',
            referencedColumnNames: ['id'],
            onDelete: 'SET NULL',
          }),
        ],
      }),
    );
    await queryRunner.addColumn('ballot_receipts', new TableColumn(t.uuid('checkInCardId', { isNullable: true })));
    await queryRunner.createIndex(
      'ballot_receipts',
      new TableIndex({ name: oneCardOneBallot(queryRunner), columnNames: RECEIPT_INDEX, isUnique: true }),
    );
    if (t.isPostgres) await queryRunner.dropColumn('assemblies', 'checkInCode');
    else await queryRunner.query(`ALTER TABLE "assemblies" DROP COLUMN "checkInCode"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.addColumn('assemblies', new TableColumn(t.varchar('checkInCode', 12, { default: "''" })));
    // A fresh door code per assembly (the old ones are gone).
    await queryRunner.query(
      t.isPostgres
        ? `UPDATE "assemblies" SET "checkInCode" = UPPER(SUBSTR(MD5(RANDOM()::text || "id"::text), 1, 6))`
        : `UPDATE "assemblies" SET "checkInCode" = UPPER(SUBSTR(HEX(RANDOMBLOB(4)), 1, 6))`,
    );
    await queryRunner.dropIndex('ballot_receipts', oneCardOneBallot(queryRunner));
    if (t.isPostgres) await queryRunner.dropColumn('ballot_receipts', 'checkInCardId');
    else await queryRunner.query(`ALTER TABLE "ballot_receipts" DROP COLUMN "checkInCardId"`);
    await queryRunner.dropTable('check_in_cards');
  }
}
