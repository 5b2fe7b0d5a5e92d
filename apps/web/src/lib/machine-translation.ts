import type { MachineTranslationInfo } from '@app/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from './api-client';

/** Whether this city offers machine translation (asked only where a text is in another language than the page). */
export function useMachineTranslation(needed: boolean) {
  return useQuery({
    queryKey: ['machine-translation'],
    enabled: needed,
    queryFn: () => api.get<MachineTranslationInfo>('/api/translations'),
    staleTime: 60 * 60_000,
  });
}
