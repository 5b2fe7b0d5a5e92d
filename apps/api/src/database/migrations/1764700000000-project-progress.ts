import { Table, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKey, schemaTypes } from './schema-helpers';

/** Milestones and status reports of single projects: progress in the open. */
export class ProjectProgress1764700000000 implements MigrationInterface {
  name = 'ProjectProgress1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'project_milestones',
        columns: [
          t.id(),
          t.uuid('projectId'),
          t.varchar('title', 200),
          t.varchar('dueDate', 10, { isNullable: true }),
          t.varchar('reachedOn', 10, { isNullable: true }),
          t.uuid('createdById', { isNullable: true }),
          t.createdAt(),
          t.updatedAt(),
        ],
        foreignKeys: [foreignKey('projectId', 'projects', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['projectId'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'project_status_reports',
        columns: [
          t.id(),
          t.uuid('projectId'),
          t.varchar('reportDate', 10),
          { name: 'progressPercent', type: 'integer' },
          { name: 'text', type: 'text' },
          t.varchar('actorRole', 20),
          t.uuid('actorId', { isNullable: true }),
          t.createdAt(),
        ],
        foreignKeys: [foreignKey('projectId', 'projects', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['projectId'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('project_status_reports');
    await queryRunner.dropTable('project_milestones');
  }
}
