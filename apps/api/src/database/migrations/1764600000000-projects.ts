import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKey, schemaTypes } from './schema-helpers';

/** Projects of the Verstetigung workflow: ideas grouping proposals, their areas, and the immutable timeline. */
export class Projects1764600000000 implements MigrationInterface {
  name = 'Projects1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    const text = (name: string) => ({ name, type: 'text', isNullable: true });
    const name200 = (name: string) => t.varchar(name, 200, { isNullable: true });
    await queryRunner.createTable(
      new Table({
        name: 'projects',
        columns: [
          t.id(),
          t.varchar('title', 200),
          { name: 'description', type: 'text' },
          t.uuid('fieldOfActionId'),
          t.varchar('state', 20, { default: "'idea'" }),
          t.varchar('parkedFrom', 20, { isNullable: true }),
          { name: 'version', type: 'integer', default: 1 },
          t.timestamp('stateSince', { isNullable: true }),
          name200('operatorName'),
          t.uuid('actionAreaId', { isNullable: true }),
          t.varchar('startDate', 10, { isNullable: true }),
          t.varchar('endDate', 10, { isNullable: true }),
          name200('fundingSource'),
          { name: 'fundingAmountCents', type: 'integer', isNullable: true },
          text('patternDescription'),
          name200('responsibleDepartment'),
          name200('budgetLine'),
          name200('decisionBody'),
          name200('decisionNumber'),
          t.varchar('decisionDate', 10, { isNullable: true }),
          t.uuid('typeId', { isNullable: true }),
          t.timestamp('finishedAt', { isNullable: true }),
          t.varchar('evaluationOutcome', 20, { isNullable: true }),
          text('evaluationEvidence'),
          text('evaluationIndicatorKeys'),
          t.timestamp('evaluatedAt', { isNullable: true }),
          t.uuid('createdById', { isNullable: true }),
          t.createdAt(),
          t.updatedAt(),
        ],
        foreignKeys: [
          foreignKey('fieldOfActionId', 'fields_of_action'),
          foreignKey('actionAreaId', 'areas'),
          foreignKey('typeId', 'projects'),
        ],
        indices: [
          new TableIndex({ columnNames: ['fieldOfActionId'] }),
          new TableIndex({ columnNames: ['state'] }),
          new TableIndex({ columnNames: ['actionAreaId'] }),
          new TableIndex({ columnNames: ['typeId'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'project_areas',
        columns: [t.uuid('projectId', { isPrimary: true }), t.uuid('areaId', { isPrimary: true })],
        foreignKeys: [foreignKey('projectId', 'projects', 'CASCADE'), foreignKey('areaId', 'areas')],
        indices: [new TableIndex({ columnNames: ['areaId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'project_proposals',
        columns: [
          t.id(),
          t.uuid('projectId'),
          t.uuid('proposalId', { isNullable: true, isUnique: true }),
          t.uuid('liveProposalId', { isNullable: true, isUnique: true }),
          t.varchar('previousStatus', 20, { isNullable: true }),
          t.uuid('linkedById', { isNullable: true }),
          t.createdAt(),
        ],
        foreignKeys: [
          foreignKey('projectId', 'projects', 'CASCADE'),
          foreignKey('proposalId', 'proposals', 'CASCADE'),
          foreignKey('liveProposalId', 'live_proposals', 'CASCADE'),
        ],
        indices: [new TableIndex({ columnNames: ['projectId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'project_events',
        columns: [
          t.id(),
          t.uuid('projectId'),
          { name: 'version', type: 'integer' },
          t.varchar('transitionId', 40),
          t.varchar('fromState', 20, { isNullable: true }),
          t.varchar('toState', 20),
          t.varchar('actorRole', 20),
          t.uuid('actorId', { isNullable: true }),
          text('reason'),
          text('data'),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('projectId', 'projects', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['projectId', 'version'], isUnique: true })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('project_events');
    await queryRunner.dropTable('project_proposals');
    await queryRunner.dropTable('project_areas');
    await queryRunner.dropTable('projects');
  }
}
