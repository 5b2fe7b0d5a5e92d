import { ProposalStatus } from '@app/shared';
import type { Proposal } from './proposal.entity';

/** Statuses in which a proposal still collects supports. */
export const OPEN_STATUSES: ReadonlySet<ProposalStatus> = new Set([ProposalStatus.Submitted, ProposalStatus.Evaluating]);

/** Lower case by JavaScript's Unicode rules (Ü → ü), the same for stored text and search words. */
export const searchable = (text: string) => text.toLocaleLowerCase('de-DE');

/** Why the author may not edit now, or null when they may. */
export function editProblem(p: Proposal, editWindowMs: number): string | null {
  if (p.status !== ProposalStatus.Submitted) return 'Only proposals that have not been answered, withdrawn or merged can be edited.';
  if (p.supportCount > 0)
    return 'This proposal already has supporters; it can no longer be edited, so that nobody supports something other than what they read.';
  if (Date.now() - p.createdAt.getTime() > editWindowMs) return 'The time for editing this proposal has passed.';
  return null;
}
