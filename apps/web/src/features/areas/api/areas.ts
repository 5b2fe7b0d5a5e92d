import type { AreaDetailResponse, AreaResponse, AreaType, CreateAreaRequest, UpdateAreaRequest } from '@app/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';

export interface AreaFilter {
  type?: AreaType;
  parentId?: string;
  /** current (default) = valid today; all = including retired and future areas. */
  include?: 'current' | 'all';
}

const areasKey = ['areas'] as const;

export function useAreas(filter: AreaFilter = {}) {
  return useQuery({
    queryKey: [...areasKey, 'list', filter],
    queryFn: () => api.get<AreaResponse[]>(`/api/areas${query({ ...filter })}`),
  });
}

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
