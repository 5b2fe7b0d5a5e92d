import { TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import { schemaTypes } from './schema-helpers';

/**
 * The budget vote of the live assembly (issue 17): a round's budget in cents, and the allocation the
 * moderator confirmed (JSON text: which items got which amount; null: not confirmed) with its time.
 * The items' amounts, references and submission times travel in the round's options (JSON text).
 */
export class BudgetVote1766300000000 implements MigrationInterface {
  name = 'BudgetVote1766300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.addColumn('voting_rounds', new TableColumn({ name: 'budgetCents', type: 'integer', isNullable: true }));
    await queryRunner.addColumn('voting_rounds', new TableColumn({ name: 'allocation', type: 'text', isNullable: true }));
    await queryRunner.addColumn('voting_rounds', new TableColumn(t.timestamp('allocationConfirmedAt', { isNullable: true })));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const column of ['allocationConfirmedAt', 'allocation', 'budgetCents']) {
      // SQLite (3.35+) drops a plain column in place; TypeORM would copy the table instead.
      if (queryRunner.connection.options.type === 'postgres') await queryRunner.dropColumn('voting_rounds', column);
      else await queryRunner.query(`ALTER TABLE "voting_rounds" DROP COLUMN "${column}"`);
    }
  }
}
