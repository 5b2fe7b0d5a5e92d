import type { RetentionPeriodsResponse } from '@app/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The deletion periods this installation uses; they change only with the server's configuration. */
export function useRetentionPeriods() {
  return useQuery({
    queryKey: ['privacy', 'retention'],
    queryFn: () => api.get<RetentionPeriodsResponse>('/api/privacy/retention'),
    staleTime: Infinity,
  });
}
