import type { AllocationOutcome, TieBreak } from './allocation';

/**
 * The online budget vote of a fund (issue 17, "Deciding at the project conference", second way): the
 * area's residents vote over a period, one ballot per person, on a snapshot of the applications on
 * the agenda, within the money the fund had left when the vote was opened.
 *
 * Routes (apps/api/src/modules/funds/online-vote):
 *  - GET    /api/funds/:id/online-vote            public (FundOnlineVote); 404 when none; tally only after the end
 *  - POST   /api/funds/:id/online-vote            moderator of the area/administrator (OpenOnlineVoteRequest) → FundOnlineVote
 *  - POST   /api/funds/:id/online-vote/codes      same; binding votes: {count} → PDF sheet of voting codes (codes shown once)
 *  - POST   /api/funds/:id/online-vote/ballots    signed-in account with verified e-mail (CastOnlineBallotRequest) → OnlineBallotReceipt
 *  - POST   /api/funds/:id/online-vote/close      same staff: ends the period now (409 when over)
 *  - POST   /api/funds/:id/online-vote/confirm    same staff, after the end: applies the allocation (FundsService.decide, mode online); once
 *
 * Secrecy: who voted (a participation row per voter key: the account, or the voting code) and what
 * was voted (one counter per item, raised in the same transaction) are stored apart; no row holds both.
 */

/** Most voting codes printed per request (as the check-in cards). */
export const ONLINE_VOTE_CODES_PER_REQUEST = 300;

/** One item of the vote: an application on the agenda when the vote was opened. */
export interface OnlineVoteItem {
  applicationId: string;
  title: string;
  amountCents: number;
  submittedAt: string;
}

/** One item in the ranking after the end (as the live budget reading). */
export interface OnlineVoteResultLine {
  applicationId: string;
  title: string;
  amountCents: number;
  votes: number;
  rank: number;
  funded: boolean;
  outcome: `${AllocationOutcome}`;
  remainingAfterCents: number;
  /** Ids of other items with the same (non-zero) number of votes. */
  tiedWith: string[];
}

export interface OnlineVoteTie {
  aboveId: string;
  belowId: string;
  votes: number;
  decidedBy: `${TieBreak}`;
  decisive: boolean;
}

export interface OnlineVoteResult {
  allocatedCents: number;
  remainingCents: number;
  lines: OnlineVoteResultLine[];
  ties: OnlineVoteTie[];
}

export type OnlineVoteStatus = 'upcoming' | 'open' | 'ended';

export interface FundOnlineVote {
  id: string;
  fundId: string;
  /** ISO times. */
  startsAt: string;
  endsAt: string;
  status: OnlineVoteStatus;
  /** Binding: each ballot needs a personal voting code; consultative: one ballot per verified account. */
  binding: boolean;
  /** The fund's remaining money when the vote was opened. */
  budgetCents: number;
  items: OnlineVoteItem[];
  ballotCount: number;
  /** Voting codes issued (binding votes). */
  codeCount: number;
  /** Only after the end. */
  result: OnlineVoteResult | null;
  /** When the allocation was confirmed (the fund decided), or null. */
  confirmedAt: string | null;
  /** Whether the signed-in account has cast a ballot (consultative votes; null otherwise). */
  voted: boolean | null;
}

export interface OpenOnlineVoteRequest {
  startsAt: string;
  endsAt: string;
  binding: boolean;
}

export interface IssueOnlineVoteCodesRequest {
  count: number;
}

export interface CastOnlineBallotRequest {
  applicationIds: string[];
  /** The personal voting code (binding votes). */
  code?: string | null;
}

export interface OnlineBallotReceipt {
  ballotCount: number;
  sumCents: number;
}

export interface ConfirmOnlineVoteRequest {
  note?: string | null;
}
