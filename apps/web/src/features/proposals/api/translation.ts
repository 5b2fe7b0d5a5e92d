import type { Language, ProposalTranslation } from '@app/shared';
import { api } from '../../../lib/api-client';

export function translateProposal(id: string, language: Language): Promise<ProposalTranslation> {
  return api.post<ProposalTranslation>(`/api/proposals/${encodeURIComponent(id)}/translations`, { language });
}
