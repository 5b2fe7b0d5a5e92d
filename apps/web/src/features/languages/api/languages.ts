import type { Language, LanguageStatus } from '@app/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const languagesKey = ['languages'] as const;

/** The ten languages and whether the city has checked each translation (public; changes rarely). */
export function useLanguages(enabled = true) {
  return useQuery({
    queryKey: languagesKey,
    enabled,
    queryFn: () => api.get<LanguageStatus[]>('/api/languages'),
    staleTime: 10 * 60_000,
  });
}

export function useSetLanguageReviewed() {
  const queryClient = useQueryClient();
  return async (language: Language, reviewed: boolean): Promise<LanguageStatus> => {
    const status = await api.put<LanguageStatus>(`/api/languages/${encodeURIComponent(language)}/review`, { reviewed });
    await queryClient.invalidateQueries({ queryKey: languagesKey });
    return status;
  };
}
