import { ErrorCode } from '@app/shared';
import { allocateFund, type FundOnlineVote as FundOnlineVoteView, type OnlineVoteResult, type OnlineVoteStatus } from '@app/shared/funds';
import { DomainError } from '../../../common/errors/domain-error';
import type { FundOnlineVote } from './online-vote.entities';

/** The city's local time, for the period in messages and on the printed codes. */
const TIME_ZONE = 'Europe/Berlin';

export const localTime = (d: Date) =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE }).format(d);

/** "from 1 Dec 2026 18:00 to 8 Dec 2026 18:00 (Europe/Berlin)": as messages name the period. */
export const periodText = (v: Pick<FundOnlineVote, 'startsAt' | 'endsAt'>) =>
  `from ${v.startsAt.toISOString()} to ${v.endsAt.toISOString()}`;

export function statusOf(v: Pick<FundOnlineVote, 'startsAt' | 'endsAt'>, now: Date): OnlineVoteStatus {
  if (now < v.startsAt) return 'upcoming';
  return now < v.endsAt ? 'open' : 'ended';
}

/** The allocation rule (allocateFund) over the online counts, as the live budget reading shows it. */
export function readOnlineVote(v: FundOnlineVote, tallies: ReadonlyMap<string, number>): OnlineVoteResult {
  const result = allocateFund(
    v.budgetCents,
    v.items.map((i) => ({
      id: i.applicationId,
      amountCents: i.amountCents,
      votesOnline: tallies.get(i.applicationId) ?? 0,
      votesHall: 0,
      submittedAt: i.submittedAt,
    })),
  );
  const titles = new Map(v.items.map((i) => [i.applicationId, i.title]));
  return {
    allocatedCents: result.allocatedCents,
    remainingCents: result.remainingCents,
    lines: result.lines.map((l) => ({
      applicationId: l.id,
      title: titles.get(l.id) ?? '',
      amountCents: l.amountCents,
      votes: l.votes,
      rank: l.rank,
      funded: l.funded,
      outcome: l.outcome,
      remainingAfterCents: l.remainingAfterCents,
      tiedWith: l.tiedWith,
    })),
    ties: result.ties.map((t) => ({ ...t })),
  };
}

export function toView(
  v: FundOnlineVote,
  counts: { ballots: number; tallies: ReadonlyMap<string, number> },
  voted: boolean | null,
  now: Date,
): FundOnlineVoteView {
  const status = statusOf(v, now);
  return {
    id: v.id,
    fundId: v.fundId,
    startsAt: v.startsAt.toISOString(),
    endsAt: v.endsAt.toISOString(),
    status,
    binding: v.binding,
    budgetCents: v.budgetCents,
    items: v.items,
    ballotCount: counts.ballots,
    codeCount: v.codeCount,
    result: status === 'ended' ? readOnlineVote(v, counts.tallies) : null,
    confirmedAt: v.confirmedAt ? v.confirmedAt.toISOString() : null,
    voted,
  };
}

export const notOpen = (v: FundOnlineVote, now: Date) =>
  new DomainError(
    ErrorCode.Conflict,
    statusOf(v, now) === 'upcoming'
      ? `The online vote has not started yet; ballots are taken ${periodText(v)}.`
      : `The online vote has ended; ballots were taken ${periodText(v)}.`,
  );
