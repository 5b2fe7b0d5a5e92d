import { TableForeignKey, type QueryRunner, type TableColumnOptions } from 'typeorm';
import { NOW_SQL } from '../column-types';

/**
 * Column builders for migrations written with TypeORM's Table API, so that one migration
 * runs unchanged on SQLite and PostgreSQL (migration:generate would emit one dialect only).
 */
export function schemaTypes(queryRunner: QueryRunner) {
  const pg = queryRunner.connection.options.type === 'postgres';
  const uuid = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions =>
    pg ? { name, type: 'uuid', ...extra } : { name, type: 'varchar', ...extra };
  return {
    isPostgres: pg,
    id: (): TableColumnOptions => ({ ...uuid('id'), isPrimary: true, isGenerated: true, generationStrategy: 'uuid' }),
    uuid,
    timestamp: (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: pg ? 'timestamptz' : 'datetime',
      ...extra,
    }),
    createdAt: (): TableColumnOptions => ({
      name: 'createdAt',
      type: pg ? 'timestamptz' : 'datetime',
      default: NOW_SQL(pg),
    }),
    updatedAt: (): TableColumnOptions => ({
      name: 'updatedAt',
      type: pg ? 'timestamptz' : 'datetime',
      default: NOW_SQL(pg),
    }),
    varchar: (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      ...extra,
    }),
  };
}

/** A foreign key to another table's id column. */
export const foreignKey = (column: string, table: string, onDelete: 'RESTRICT' | 'CASCADE' = 'RESTRICT'): TableForeignKey =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });
