import type {
  CreateProposalOnBehalfRequest,
  CreateProposalRequest,
  Page,
  ProposalDetail,
  ProposalListQuery,
  ProposalSummary,
  SimilarProposal,
  UpdateProposalRequest,
} from '@app/shared';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';
import { proposalsKey } from '../../../lib/query-keys';

const path = (id: string) => `/api/proposals/${encodeURIComponent(id)}`;

export function useProposals(filter: ProposalListQuery) {
  return useQuery({
    queryKey: [...proposalsKey, 'list', filter],
    queryFn: () => api.get<Page<ProposalSummary>>(`/api/proposals${query({ ...filter })}`),
    placeholderData: keepPreviousData,
  });
}

export function useProposal(id: string | undefined) {
  return useQuery({
    enabled: Boolean(id),
    queryKey: [...proposalsKey, 'detail', id],
    queryFn: () => api.get<ProposalDetail>(path(id ?? '')),
  });
}

export function useMyProposals() {
  return useQuery({
    queryKey: [...proposalsKey, 'mine'],
    queryFn: () => api.get<ProposalSummary[]>('/api/me/proposals'),
  });
}

export interface SimilarQuery {
  text: string;
  areaId?: string;
  fieldOfActionId?: string;
}

/** Hints while a title is typed; the caller debounces the text. Fewer than 3 characters ask nothing. */
export function useSimilarProposals(search: SimilarQuery, excludeId?: string) {
  const text = search.text.trim().slice(0, 300);
  return useQuery({
    enabled: text.length >= 3,
    queryKey: [...proposalsKey, 'similar', { ...search, text }],
    queryFn: () => api.get<SimilarProposal[]>(`/api/proposals/similar${query({ ...search, text })}`),
    select: (items) => items.filter((item) => item.id !== excludeId),
    staleTime: 30_000,
  });
}

/**
 * Create (my own, or a moderator's entry on someone's behalf with its source) or update; every
 * cached proposal list and detail is refreshed afterwards.
 */
export function useSaveProposal() {
  const queryClient = useQueryClient();
  return async (
    id: string | null,
    body: CreateProposalRequest | CreateProposalOnBehalfRequest | UpdateProposalRequest,
  ): Promise<ProposalDetail> => {
    const saved = id
      ? await api.patch<ProposalDetail>(path(id), body)
      : await api.post<ProposalDetail>('sourceNote' in body ? '/api/proposals/on-behalf' : '/api/proposals', body);
    await queryClient.invalidateQueries({ queryKey: proposalsKey });
    return saved;
  };
}

export function useWithdrawProposal() {
  const queryClient = useQueryClient();
  return async (id: string, reason: string): Promise<ProposalDetail> => {
    const saved = await api.post<ProposalDetail>(`${path(id)}/withdraw`, reason ? { reason } : {});
    await queryClient.invalidateQueries({ queryKey: proposalsKey });
    return saved;
  };
}
