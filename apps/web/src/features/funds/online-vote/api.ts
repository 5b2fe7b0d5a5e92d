import type { CastOnlineBallotRequest, FundDetail, FundOnlineVote, OnlineBallotReceipt, OpenOnlineVoteRequest } from '@app/shared/funds';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, downloadFile } from '../../../lib/api-client';

const path = (fundId: string) => `/api/funds/${fundId}/online-vote`;
export const onlineVoteKey = (fundId: string) => ['funds', fundId, 'online-vote'] as const;

/** The fund (its title and decision) for the vote page's heading. */
export function useFund(fundId: string) {
  return useQuery({ queryKey: ['funds', fundId], queryFn: () => api.get<FundDetail>(`/api/funds/${fundId}`) });
}

/** The fund's online vote, or null when none was opened (404). */
export function useOnlineVote(fundId: string) {
  return useQuery({
    queryKey: onlineVoteKey(fundId),
    queryFn: async (): Promise<FundOnlineVote | null> => {
      try {
        return await api.get<FundOnlineVote>(path(fundId));
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** The vote's actions; each puts the answer into the cache (or reloads the vote). */
export function useOnlineVoteActions(fundId: string) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['funds', fundId] });
  return {
    open: async (request: OpenOnlineVoteRequest) => {
      queryClient.setQueryData(onlineVoteKey(fundId), await api.post<FundOnlineVote>(path(fundId), request));
    },
    cast: async (request: CastOnlineBallotRequest) => {
      const receipt = await api.post<OnlineBallotReceipt>(`${path(fundId)}/ballots`, request);
      await refresh();
      return receipt;
    },
    codes: async (count: number) => {
      await downloadFile(`${path(fundId)}/codes`, 'abstimmungscodes.pdf', { count });
      await refresh();
    },
    close: async () => {
      queryClient.setQueryData(onlineVoteKey(fundId), await api.post<FundOnlineVote>(`${path(fundId)}/close`));
    },
    confirm: async () => {
      await api.post<FundDetail>(`${path(fundId)}/confirm`, {});
      await refresh();
    },
  };
}
