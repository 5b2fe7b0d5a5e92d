import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { foreignKey, schemaTypes } from './schema-helpers';

/** Images and PDFs on proposals, and the optional per-person support limit of an Aktionsraum. */
export class AttachmentsSupportLimit1764400000000 implements MigrationInterface {
  name = 'AttachmentsSupportLimit1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const t = schemaTypes(queryRunner);
    await queryRunner.createTable(
      new Table({
        name: 'proposal_attachments',
        columns: [
          t.id(),
          t.uuid('proposalId'),
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
        foreignKeys: [foreignKey('proposalId', 'proposals', 'CASCADE')],
        indices: [new TableIndex({ columnNames: ['proposalId', 'createdAt'] }), new TableIndex({ columnNames: ['uploadedById'] })],
      }),
    );
    await queryRunner.addColumn('areas', new TableColumn({ name: 'supportLimit', type: 'integer', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // TypeORM drops a column on SQLite by copying the table, which other tables' foreign keys
    // to areas forbid; SQLite (3.35+) can drop a plain column in place.
    if (queryRunner.connection.options.type === 'postgres') await queryRunner.dropColumn('areas', 'supportLimit');
    else await queryRunner.query('ALTER TABLE "areas" DROP COLUMN "supportLimit"');
    await queryRunner.dropTable('proposal_attachments');
  }
}
