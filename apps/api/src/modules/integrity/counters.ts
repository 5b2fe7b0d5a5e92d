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
];
