import type { FollowResponse } from '@app/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { proposalsKey } from '../../../lib/query-keys';

const followPath = (id: string) => `/api/proposals/${encodeURIComponent(id)}/follow`;

/** Whether I follow a proposal (signed-in only). */
export function useFollowState(id: string) {
  return useQuery({
    queryKey: [...proposalsKey, 'follow', id],
    queryFn: () => api.get<FollowResponse>(followPath(id)),
    retry: false,
  });
}

export function useToggleFollow() {
  const queryClient = useQueryClient();
  return async (id: string, follow: boolean): Promise<FollowResponse> => {
    const result = follow ? await api.put<FollowResponse>(followPath(id), {}) : await api.delete<FollowResponse>(followPath(id));
    const next = result && typeof result.following === 'boolean' ? result : { following: follow };
    queryClient.setQueryData<FollowResponse>([...proposalsKey, 'follow', id], next);
    return next;
  };
}

export function unsubscribe(token: string): Promise<unknown> {
  return api.post('/api/follows/unsubscribe', { token });
}
