import type { AnswerProposalRequest, MergeProposalRequest, ProposalDetail } from '@app/shared';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { proposalsKey } from '../../../lib/query-keys';

/** Official answer and merge, both by moderators on the detail page. */
export function useModerateProposal() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: proposalsKey });
  return {
    answer: async (id: string, body: AnswerProposalRequest) => {
      await api.post<ProposalDetail>(`/api/proposals/${encodeURIComponent(id)}/answer`, body);
      await refresh();
    },
    merge: async (id: string, body: MergeProposalRequest) => {
      await api.post<ProposalDetail>(`/api/proposals/${encodeURIComponent(id)}/merge`, body);
      await refresh();
    },
  };
}
