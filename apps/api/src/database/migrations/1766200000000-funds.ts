import { Table, TableForeignKey, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKey, schemaTypes } from './schema-helpers';

/**
 * The Aktionsraumfonds (issue 17): a fund per Aktionsraum and year, its applications, their public
 * timeline and attachments. Cents are bigint on both databases (SQLite's integer is 64-bit anyway).
 */
export class Funds1766200000000 implements MigrationInterface {
  name = 'Funds1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    const cents = (name: string, nullable = false) => ({ name, type: 'bigint', isNullable: nullable });
    const counter = (name: string) => ({ name, type: 'bigint', default: 0 });
    const date = (name: string, nullable = true) => t.varchar(name, 10, { isNullable: nullable });
    const text = (name: string, nullable = true) => ({ name, type: 'text', isNullable: nullable });
    const setNull = (column: string, table: string) =>
      new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'SET NULL' });

    await queryRunner.createTable(
      new Table({
        name: 'funds',
        columns: [
          t.id(),
          t.uuid('areaId'),
          { name: 'year', type: 'integer' },
          cents('amountCents'),
          cents('maxPerApplicationCents'),
          date('applicationStart', false),
          date('applicationEnd', false),
          date('conferenceDate'),
          text('description'),
          counter('approvedCents'),
          counter('paidCents'),
          counter('returnedCents'),
          t.varchar('decisionMode', 20, { isNullable: true }),
          date('decisionDate'),
          t.timestamp('decidedAt', { isNullable: true }),
          t.uuid('decisionRoundId', { isNullable: true }),
          t.uuid('decisionAssemblyId', { isNullable: true }),
          text('decisionNote'),
          t.uuid('createdById', { isNullable: true }),
          t.createdAt(),
          t.updatedAt(),
        ],
        foreignKeys: [foreignKey('areaId', 'areas')],
        indices: [new TableIndex({ columnNames: ['areaId', 'year'], isUnique: true }), new TableIndex({ columnNames: ['year'] })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'fund_applications',
        columns: [
          t.id(),
          t.uuid('fundId'),
          t.uuid('applicantId', { isNullable: true }),
          t.varchar('source', 10),
          t.varchar('sourceNote', 300, { isNullable: true }),
          t.varchar('state', 20),
          { name: 'version', type: 'integer', default: 1 },
          t.varchar('title', 200),
          text('purpose', false),
          t.uuid('fieldOfActionId', { isNullable: true }),
          t.uuid('neighbourhoodId', { isNullable: true }),
          text('costItems', false),
          cents('requestedAmountCents'),
          cents('approvedAmountCents', true),
          cents('paidAmountCents', true),
          cents('spentAmountCents', true),
          cents('returnedAmountCents', true),
          date('startDate'),
          date('endDate'),
          t.varchar('applicantKind', 20),
          t.varchar('applicantName', 200),
          t.varchar('contactName', 200),
          t.varchar('contactEmail', 254, { isNullable: true }),
          t.varchar('contactPhone', 60, { isNullable: true }),
          t.varchar('contactAddress', 300, { isNullable: true }),
          t.uuid('proposalId', { isNullable: true }),
          t.uuid('projectIdeaId', { isNullable: true }),
          t.uuid('projectId', { isNullable: true }),
          text('spentItems'),
          text('proofReport'),
          t.timestamp('proofSubmittedAt', { isNullable: true }),
          t.timestamp('submittedAt', { isNullable: true }),
          t.uuid('createdById', { isNullable: true }),
          t.createdAt(),
          t.updatedAt(),
        ],
        foreignKeys: [
          foreignKey('fundId', 'funds'),
          foreignKey('applicantId', 'users'),
          foreignKey('fieldOfActionId', 'fields_of_action'),
          foreignKey('neighbourhoodId', 'areas'),
          setNull('proposalId', 'proposals'),
          setNull('projectIdeaId', 'projects'),
          setNull('projectId', 'projects'),
        ],
        indices: [
          new TableIndex({ columnNames: ['fundId', 'state'] }),
          new TableIndex({ columnNames: ['applicantId'] }),
          new TableIndex({ columnNames: ['projectId'] }),
        ],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'fund_application_events',
        columns: [
          t.id(),
          t.uuid('applicationId'),
          { name: 'version', type: 'integer' },
          t.varchar('kind', 40),
          t.varchar('fromState', 20, { isNullable: true }),
          t.varchar('toState', 20),
          t.varchar('actorRole', 20),
          t.uuid('actorId', { isNullable: true }),
          text('reason'),
          text('data'),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('applicationId', 'fund_applications', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['applicationId', 'version'], isUnique: true })],
      }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'fund_application_attachments',
        columns: [
          t.id(),
          t.uuid('applicationId'),
          t.varchar('purpose', 20),
          t.uuid('uploadedById'),
          t.varchar('fileName', 200),
          t.varchar('mimeType', 40),
          { name: 'size', type: 'integer' },
          t.varchar('sha256', 64),
          { name: 'width', type: 'integer', isNullable: true },
          { name: 'height', type: 'integer', isNullable: true },
          { name: 'hasThumbnail', type: 'boolean', default: t.isPostgres ? false : 0 },
          t.varchar('description', 300, { isNullable: true }),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('applicationId', 'fund_applications', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['applicationId', 'createdAt'] }), new TableIndex({ columnNames: ['uploadedById'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('fund_application_attachments');
    await queryRunner.dropTable('fund_application_events');
    await queryRunner.dropTable('fund_applications');
    await queryRunner.dropTable('funds');
  }
}
