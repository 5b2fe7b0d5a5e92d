import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Takes the row's write lock for the rest of the transaction on PostgreSQL (SQLite runs one unit of
 * work at a time, so there is nothing to take). A counter recomputed after this lock counts, in its
 * next statement, every row whose transaction changed the counter before it.
 */
export async function lockRow<T extends ObjectLiteral>(m: EntityManager, entity: EntityTarget<T>, id: string): Promise<void> {
  if (m.connection.options.type !== 'postgres') return;
  await m
    .getRepository(entity)
    .createQueryBuilder('row')
    .select('row.id')
    .where('row.id = :id', { id })
    .setLock('pessimistic_write')
    .getRawOne();
}
