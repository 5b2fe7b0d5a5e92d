/**
 * Where a proposal stands. Submitted on creation; a moderator's official answer moves it to
 * evaluating, accepted, rejected or in_project_idea; the author may withdraw; a duplicate is merged.
 */
export enum ProposalStatus {
  Submitted = 'submitted',
  Evaluating = 'evaluating',
  Accepted = 'accepted',
  Rejected = 'rejected',
  InProjectIdea = 'in_project_idea',
  Withdrawn = 'withdrawn',
  Merged = 'merged',
}

export const PROPOSAL_STATUSES: readonly ProposalStatus[] = Object.values(ProposalStatus);

export enum ProposalSort {
  Newest = 'newest',
  MostSupported = 'supported',
  MostDiscussed = 'discussed',
  Random = 'random',
}

export const PROPOSAL_SORTS: readonly ProposalSort[] = Object.values(ProposalSort);

export const PROPOSAL_TITLE_MIN = 5;
export const PROPOSAL_TITLE_MAX = 140;
export const PROPOSAL_BODY_MIN = 20;
export const PROPOSAL_BODY_MAX = 5000;
