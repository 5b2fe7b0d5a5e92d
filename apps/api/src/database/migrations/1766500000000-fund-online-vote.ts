import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKey, schemaTypes } from './schema-helpers';

/**
 * The online budget vote of a fund (issue 17): the vote, its voting codes (hashes only), who voted
 * (voter keys, unique per vote) and what was voted (a counter per item) — the last two apart, with
 * no column that links them and no timestamps, so a ballot cannot be traced to its voter.
 */
export class FundOnlineVote1766500000000 implements MigrationInterface {
  name = 'FundOnlineVote1766500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'fund_online_votes',
        columns: [
          t.id(),
          t.uuid('fundId'),
          t.timestamp('startsAt'),
          t.timestamp('endsAt'),
          { name: 'binding', type: 'boolean', default: t.isPostgres ? false : 0 },
          { name: 'budgetCents', type: 'bigint' },
          { name: 'items', type: 'text' },
          { name: 'codeCount', type: 'integer', default: 0 },
          t.uuid('openedById', { isNullable: true }),
          t.timestamp('confirmedAt', { isNullable: true }),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('fundId', 'funds', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['fundId'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'fund_online_vote_codes',
        columns: [t.id(), t.uuid('voteId'), { name: 'number', type: 'integer' }, t.varchar('codeHash', 64)],
        foreignKeys: [foreignKey('voteId', 'fund_online_votes', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['voteId'] }), new TableIndex({ columnNames: ['codeHash'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'fund_online_vote_voters',
        columns: [t.id(), t.uuid('voteId'), t.varchar('voterKey', 80)],
        foreignKeys: [foreignKey('voteId', 'fund_online_votes', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['voteId', 'voterKey'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'fund_online_vote_tallies',
        columns: [
          { ...t.uuid('voteId'), isPrimary: true },
          { ...t.uuid('applicationId'), isPrimary: true },
          { name: 'votes', type: 'bigint', default: 0 },
        ],
        foreignKeys: [foreignKey('voteId', 'fund_online_votes', 'CASCADE')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['fund_online_vote_tallies', 'fund_online_vote_voters', 'fund_online_vote_codes', 'fund_online_votes'])
      await queryRunner.dropTable(table);
  }
}
