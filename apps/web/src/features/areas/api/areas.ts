import type { AreaDetailResponse, AreaResponse, CreateAreaRequest, UpdateAreaRequest } from '@app/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { areasKey } from '../../../lib/areas';

export function useArea(id: string | undefined) {
  return useQuery({
    enabled: Boolean(id),
    queryKey: [...areasKey, 'detail', id],
    queryFn: () => api.get<AreaDetailResponse>(`/api/areas/${encodeURIComponent(id ?? '')}`),
  });
}

/** Create or update; every cached area list is refreshed afterwards. */
export function useSaveArea() {
  const queryClient = useQueryClient();
  return async (id: string | null, body: CreateAreaRequest | UpdateAreaRequest): Promise<AreaResponse> => {
    const saved = id
      ? await api.patch<AreaResponse>(`/api/areas/${encodeURIComponent(id ?? '')}`, body)
      : await api.post<AreaResponse>('/api/areas', body);
    await queryClient.invalidateQueries({ queryKey: areasKey });
    return saved;
  };
}
