import { APPLICATION_STATE_INFO, APPLICATION_STATES, ApplicationState } from '@app/shared/funds';

/** The application states whose amounts count against a fund (approved and later, not withdrawn), as SQL. */
const committing = APPLICATION_STATES.filter((s) => APPLICATION_STATE_INFO[s].commitsMoney)
  .map((s) => `'${s}'`)
  .join(', ');
const paid = [ApplicationState.Paid, ApplicationState.ProofSubmitted, ApplicationState.Closed].map((s) => `'${s}'`).join(', ');
const fundSum = (column: string, states: string) =>
  `SELECT COALESCE(SUM(a."${column}"), 0) FROM "fund_applications" a WHERE a."fundId" = t."id" AND a."state" IN (${states})`;

/**
 * Every count stored beside the rows it counts. Each changes in the same transaction as its rows;
 * this list lets the start-up check find and repair drift left behind by anything else (an older
 * version, a restore, a hand edit). `rows` is the SQL that counts the rows for the record `t`.
 */
export interface StoredCounter {
  table: string;
  column: string;
  rows: string;
}

export const STORED_COUNTERS: StoredCounter[] = [
  {
    table: 'proposals',
    column: 'supportCount',
    rows: 'SELECT COUNT(*) FROM "proposal_supports" s WHERE s."proposalId" = t."id"',
  },
  {
    table: 'proposals',
    column: 'commentCount',
    rows: 'SELECT COUNT(*) FROM "comments" c WHERE c."proposalId" = t."id" AND c."hiddenAt" IS NULL',
  },
  {
    table: 'live_proposals',
    column: 'supportCount',
    rows: 'SELECT COUNT(*) FROM "live_proposal_supports" s WHERE s."liveProposalId" = t."id"',
  },
  // The money of an Aktionsraumfonds, kept in the fund's row for the guarded approval (modules/funds/fund-money.ts).
  { table: 'funds', column: 'approvedCents', rows: fundSum('approvedAmountCents', committing) },
  { table: 'funds', column: 'paidCents', rows: fundSum('paidAmountCents', paid) },
  { table: 'funds', column: 'returnedCents', rows: fundSum('returnedAmountCents', `'${ApplicationState.Closed}'`) },
];
