import type { Language, MachineTranslationInfo, ProposalTranslation } from '@app/shared';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Whether this city offers machine translation (asked only where a text is in another language). */
export function useMachineTranslation(needed: boolean) {
  return useQuery({
    queryKey: ['machine-translation'],
    enabled: needed,
    queryFn: () => api.get<MachineTranslationInfo>('/api/translations'),
    staleTime: 60 * 60_000,
  });
}

export function translateProposal(id: string, language: Language): Promise<ProposalTranslation> {
  return api.post<ProposalTranslation>(`/api/proposals/${encodeURIComponent(id)}/translations`, { language });
}
