import type { AreaResponse, AreaType } from '@app/shared';
import { useQuery } from '@tanstack/react-query';
import { api, query } from './api-client';

/** The area list is reference data that many features filter and label by; the areas feature edits it. */
export interface AreaFilter {
  type?: AreaType;
  parentId?: string;
  /** current (default) = valid today; all = including retired and future areas. */
  include?: 'current' | 'all';
}

export const areasKey = ['areas'] as const;

export function useAreas(filter: AreaFilter = {}) {
  return useQuery({
    queryKey: [...areasKey, 'list', filter],
    queryFn: () => api.get<AreaResponse[]>(`/api/areas${query({ ...filter })}`),
  });
}
