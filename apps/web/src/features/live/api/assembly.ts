import type { AssemblyDetail } from '@app/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The assembly's public detail (title, join code) before the live connection is up. */
export function useAssemblyForLive(id: string) {
  return useQuery({
    queryKey: ['assemblies', 'detail', id],
    queryFn: () => api.get<AssemblyDetail>(`/api/assemblies/${encodeURIComponent(id)}`),
    retry: false,
  });
}
