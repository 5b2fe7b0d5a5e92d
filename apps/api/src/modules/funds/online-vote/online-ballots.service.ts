import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@app/shared';
import type { OnlineBallotReceipt } from '@app/shared/funds';
import { cardCodeHash } from '../../../common/codes/card-code';
import { isUniqueViolation } from '../../../common/errors/all-exceptions.filter';
import { DomainError } from '../../../common/errors/domain-error';
import { AttemptLimiter, type AttemptLimit } from '../../../common/http/attempt-limiter';
import { TransactionRunner } from '../../../database/transactions';
import type { User } from '../../users/user.entity';
import { unprocessable } from '../application-store';
import { euros } from '../fund-money';
import { FundOnlineVoteCode, FundOnlineVoteTally, FundOnlineVoteVoter } from './online-vote.entities';
import { notOpen, statusOf } from './online-vote-rules';
import { OnlineVoteService } from './online-vote.service';

const FIFTEEN_MINUTES = 15 * 60_000;
/**
 * Wrong voting codes per client address, as for the check-in cards: 200 within 15 minutes, then
 * every ballot with a code from that address is refused (429) until the window ends. With 5,000
 * codes a guess hits with a chance of 5,000 / 31^10 ≈ 6 · 10^-12.
 */
export const VOTING_CODE_FAILURES_PER_ADDRESS: AttemptLimit = { scope: 'fund-vote-code:address', limit: 200, windowMs: FIFTEEN_MINUTES };
/** Wrong codes for one vote from all addresses; beyond it each address gets VOTING_CODE_FAILURES_UNDER_ATTACK. */
export const VOTING_CODE_FAILURES_PER_VOTE: AttemptLimit = { scope: 'fund-vote-code:vote', limit: 2000, windowMs: FIFTEEN_MINUTES };
export const VOTING_CODE_FAILURES_UNDER_ATTACK = 20;

/**
 * Casting a ballot in a fund's online vote. One transaction writes who voted (a voter row: the
 * account or the voting code, unique per vote, so the database refuses a second ballot) and raises
 * the approved items' counters; nothing links the two (no ballot row, no time).
 */
@Injectable()
export class OnlineBallotsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly votes: OnlineVoteService,
    private readonly limiter: AttemptLimiter,
  ) {}

  async cast(
    user: User | undefined,
    fundId: string,
    ballot: { applicationIds: string[]; code?: string | null },
    address: string,
    now = new Date(),
  ): Promise<OnlineBallotReceipt> {
    const vote = await this.tx.run((m) => this.votes.find(m, fundId));
    if (statusOf(vote, now) !== 'open') throw notOpen(vote, now);
    const items = new Map(vote.items.map((i) => [i.applicationId, i]));
    const chosen = new Set<string>();
    ballot.applicationIds.forEach((id, i) => {
      if (!items.has(id))
        throw unprocessable(`applicationIds.${i}`, `The application ${id} is not one of the items of this vote.`, 'vote_item');
      if (chosen.has(id)) throw unprocessable(`applicationIds.${i}`, `The application ${id} is approved twice on the ballot.`, 'unique');
      chosen.add(id);
    });
    const sumCents = [...chosen].reduce((sum, id) => sum + items.get(id)!.amountCents, 0);
    if (sumCents > vote.budgetCents)
      throw unprocessable(
        'applicationIds',
        `The approved applications add up to ${euros(sumCents)}, more than the budget of ${euros(vote.budgetCents)}. Approve fewer applications.`,
        'budget',
        { budgetCents: vote.budgetCents, sumCents },
      );
    const voterKey = vote.binding ? `code:${await this.codeId(vote.id, ballot.code, address)}` : this.accountKey(user);
    try {
      await this.tx.run(async (m) => {
        await m.insert(FundOnlineVoteVoter, { voteId: vote.id, voterKey });
        for (const id of chosen)
          await m
            .createQueryBuilder()
            .update(FundOnlineVoteTally)
            .set({ votes: () => '"votes" + 1' })
            .where('"voteId" = :voteId AND "applicationId" = :id', { voteId: vote.id, id })
            .execute();
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new DomainError(
          ErrorCode.AlreadyVoted,
          vote.binding
            ? 'This voting code has already been used; each code casts one ballot.'
            : 'You have already voted in this online vote; each person votes once.',
        );
      throw error;
    }
    const ballotCount = await this.tx.run((m) => m.countBy(FundOnlineVoteVoter, { voteId: vote.id }));
    return { ballotCount, sumCents };
  }

  private accountKey(user: User | undefined): string {
    if (!user)
      throw new DomainError(ErrorCode.AccountRequired, 'Please sign in to vote: each account with a confirmed e-mail address votes once.');
    if (!user.emailVerifiedAt)
      throw new DomainError(ErrorCode.EmailNotVerified, 'Please confirm your e-mail address first; then you can vote.');
    return `account:${user.id}`;
  }

  /** The voting code's id: wrong codes counted per address and per vote; while blocked every code is refused (429). */
  private async codeId(voteId: string, code: string | null | undefined, address: string): Promise<string> {
    if (!code)
      throw unprocessable(
        'code',
        'This vote is binding: enter the voting code from your letter or card from the district office.',
        'required',
      );
    const [mine, all] = await Promise.all([
      this.limiter.peek(VOTING_CODE_FAILURES_PER_ADDRESS, address),
      this.limiter.peek(VOTING_CODE_FAILURES_PER_VOTE, voteId),
    ]);
    if (mine.blocked || (all.blocked && mine.failures >= VOTING_CODE_FAILURES_UNDER_ATTACK))
      throw this.limiter.refusal(
        mine.blocked ? mine : all,
        (minutes) => `Too many wrong voting codes from your network. Please check the code on your letter and try again in ${minutes} min.`,
      );
    const found = await this.tx.run((m) => m.findOneBy(FundOnlineVoteCode, { codeHash: cardCodeHash(code) }));
    if (!found || found.voteId !== voteId) {
      await Promise.all([
        this.limiter.count(VOTING_CODE_FAILURES_PER_ADDRESS, address),
        this.limiter.count(VOTING_CODE_FAILURES_PER_VOTE, voteId),
      ]);
      throw unprocessable('code', 'This voting code is not valid for this vote. Please check the code on your letter.', 'voting_code');
    }
    return found.id;
  }
}
