import type { EntityManager } from 'typeorm';
import { CheckInCard } from '../entities/check-in-card.entity';

/** What the room's moderators see of the cards: eligible = cards held, the voters of binding rounds. */
export async function checkInCounts(m: EntityManager, assemblyId: string): Promise<{ eligible: number; issued: number; revoked: number }> {
  const row = await m
    .getRepository(CheckInCard)
    .createQueryBuilder('c')
    .select('COUNT(*)', 'issued')
    .addSelect('SUM(CASE WHEN c.revokedAt IS NOT NULL THEN 1 ELSE 0 END)', 'revoked')
    .addSelect(
      'SUM(CASE WHEN c.revokedAt IS NULL AND (c.participantId IS NOT NULL OR c.holderName IS NOT NULL) THEN 1 ELSE 0 END)',
      'eligible',
    )
    .where('c.assemblyId = :assemblyId', { assemblyId })
    .getRawOne<{ issued: string | number; revoked: string | number | null; eligible: string | number | null }>();
  return { eligible: Number(row?.eligible ?? 0), issued: Number(row?.issued ?? 0), revoked: Number(row?.revoked ?? 0) };
}
