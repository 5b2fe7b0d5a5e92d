import type { EntityManager } from 'typeorm';
import { ErrorCode } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { Fund } from './fund.entities';

/**
 * The money of a fund, changed only by guarded UPDATEs inside the caller's transaction. The guard is
 * the statement itself: on PostgreSQL the second of two concurrent UPDATEs waits for the first's row
 * lock and then re-checks its WHERE against the committed row; on SQLite units of work take turns.
 * So two approvals racing for the last money cannot both pass, on either database.
 */

/** Whole euros with cents, for messages: 1234.5 EUR → "1234.50 EUR". */
export const euros = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')} EUR`;

/** What can still be approved: amount − approved + returned. */
export const remainingCents = (f: Pick<Fund, 'amountCents' | 'approvedCents' | 'returnedCents'>): number =>
  f.amountCents - f.approvedCents + f.returnedCents;

/** 409 naming what remains; details carry the numbers for clients. */
export function overFund(requestedCents: number, remaining: number, field = 'approvedAmountCents'): DomainError {
  const message = `The fund has ${euros(remaining)} left; approving ${euros(requestedCents)} would exceed its amount. Approve at most ${euros(remaining)}.`;
  return new DomainError(ErrorCode.Conflict, message, [
    { field, messages: [message], rules: ['fund_remaining'], params: { remainingCents: remaining, requestedCents } },
  ]);
}

/** Commits `cents` of the fund, or throws 409 with the remaining amount. */
export async function commitMoney(m: EntityManager, fundId: string, cents: number, field?: string): Promise<void> {
  const result = await m
    .createQueryBuilder()
    .update(Fund)
    .set({ approvedCents: () => `"approvedCents" + :cents` })
    .where(`id = :fundId AND "approvedCents" - "returnedCents" + :cents <= "amountCents"`, { fundId, cents })
    .execute();
  if (!result.affected) {
    const fund = await m.findOneByOrFail(Fund, { id: fundId });
    throw overFund(cents, remainingCents(fund), field);
  }
}

/** Gives approved money back (a withdrawn approved application). */
export async function releaseMoney(m: EntityManager, fundId: string, cents: number): Promise<void> {
  await m
    .createQueryBuilder()
    .update(Fund)
    .set({ approvedCents: () => `"approvedCents" - :cents` })
    .where('id = :fundId', { fundId, cents })
    .execute();
}

/** Records a payment. */
export async function recordPaid(m: EntityManager, fundId: string, cents: number): Promise<void> {
  await m
    .createQueryBuilder()
    .update(Fund)
    .set({ paidCents: () => `"paidCents" + :cents` })
    .where('id = :fundId', { fundId, cents })
    .execute();
}

/** Records money paid but not spent (closing a proof of use): it can be approved again. */
export async function recordReturned(m: EntityManager, fundId: string, cents: number): Promise<void> {
  if (cents <= 0) return;
  await m
    .createQueryBuilder()
    .update(Fund)
    .set({ returnedCents: () => `"returnedCents" + :cents` })
    .where('id = :fundId', { fundId, cents })
    .execute();
}

/** Sets a new amount unless what is committed exceeds it (409 naming the committed sum). */
export async function setAmount(m: EntityManager, fundId: string, amountCents: number): Promise<void> {
  const result = await m
    .createQueryBuilder()
    .update(Fund)
    .set({ amountCents })
    .where(`id = :fundId AND "approvedCents" - "returnedCents" <= :amountCents`, { fundId, amountCents })
    .execute();
  if (!result.affected) {
    const fund = await m.findOneByOrFail(Fund, { id: fundId });
    const committed = fund.approvedCents - fund.returnedCents;
    const message = `${euros(committed)} of this fund are already committed to approved applications; its amount cannot go below that (asked: ${euros(amountCents)}).`;
    throw new DomainError(ErrorCode.Conflict, message, [
      { field: 'amountCents', messages: [message], rules: ['fund_committed'], params: { committedCents: committed } },
    ]);
  }
}
