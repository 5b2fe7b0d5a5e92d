import type {
  ApplicationDetail,
  ApplicationTransitionId,
  CreateApplicationRequest,
  CreateFundRequest,
  FundDecisionRequest,
  FundDetail,
  FundSummary,
  MyApplicationSummary,
  UpdateApplicationRequest,
  UpdateFundRequest,
} from '@app/shared/funds';
import type { ProposalAttachment } from '@app/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query, type ProgressListener } from '../../../lib/api-client';

export const fundsKey = ['funds'] as const;
const applicationsKey = ['fund-applications'] as const;

const fundPath = (id: string) => `/api/funds/${encodeURIComponent(id)}`;
const applicationPath = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export function useFunds(filter: { year?: number; areaId?: string } = {}) {
  return useQuery({
    queryKey: [...fundsKey, 'list', filter],
    queryFn: () => api.get<FundSummary[]>(`/api/funds${query({ ...filter })}`),
  });
}

export function useFund(id: string | undefined) {
  return useQuery({
    enabled: Boolean(id),
    queryKey: [...fundsKey, 'detail', id],
    queryFn: () => api.get<FundDetail>(fundPath(id ?? '')),
  });
}

export function useApplication(id: string | undefined) {
  return useQuery({
    enabled: Boolean(id),
    queryKey: [...applicationsKey, 'detail', id],
    queryFn: () => api.get<ApplicationDetail>(applicationPath(id ?? '')),
  });
}

export function useMyApplications() {
  return useQuery({
    queryKey: [...applicationsKey, 'mine'],
    queryFn: () => api.get<MyApplicationSummary[]>('/api/applications/mine'),
  });
}

/** Export of all funds' applications of a year (administrators). */
export function fundsExportPath(format: 'csv' | 'xlsx', year: number): string {
  return `/api/funds/export.${format}${query({ year })}`;
}

/** Every write refreshes funds and applications: a step changes the fund's balance too. */
export function useFundActions() {
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: fundsKey }),
      queryClient.invalidateQueries({ queryKey: applicationsKey }),
    ]);
  };
  return {
    refresh,
    createFund: async (body: CreateFundRequest) => {
      const created = await api.post<FundDetail>('/api/funds', body);
      await refresh();
      return created;
    },
    updateFund: async (id: string, body: UpdateFundRequest) => {
      const saved = await api.patch<FundDetail>(fundPath(id), body);
      await refresh();
      return saved;
    },
    createApplication: async (fundId: string, body: CreateApplicationRequest) => {
      const created = await api.post<ApplicationDetail>(`${fundPath(fundId)}/applications`, body);
      queryClient.setQueryData([...applicationsKey, 'detail', created.id], created);
      await refresh();
      return created;
    },
    updateApplication: async (id: string, body: UpdateApplicationRequest) => {
      const saved = await api.patch<ApplicationDetail>(applicationPath(id), body);
      queryClient.setQueryData([...applicationsKey, 'detail', id], saved);
      await refresh();
      return saved;
    },
    deleteApplication: async (id: string) => {
      await api.delete<void>(applicationPath(id));
      queryClient.removeQueries({ queryKey: [...applicationsKey, 'detail', id] });
      await refresh();
    },
    transition: async (id: string, transitionId: ApplicationTransitionId, input: Record<string, unknown>) => {
      const saved = await api.post<ApplicationDetail>(`${applicationPath(id)}/transitions/${transitionId}`, input);
      if (saved && typeof saved === 'object' && 'id' in saved) queryClient.setQueryData([...applicationsKey, 'detail', id], saved);
      await refresh();
      return saved;
    },
    decideFund: async (id: string, body: FundDecisionRequest) => {
      const decided = await api.post<FundDetail>(`${fundPath(id)}/decision`, body);
      await refresh();
      return decided;
    },
    createProject: async (id: string) => {
      const created = await api.post<{ id: string; title: string }>(`${applicationPath(id)}/project`);
      await refresh();
      return created;
    },
    upload: async (
      id: string,
      kind: 'attachments' | 'proof-attachments',
      file: File,
      description: string,
      onProgress?: ProgressListener,
    ) => {
      const form = new FormData();
      form.append('file', file, file.name);
      if (description) form.append('description', description);
      const created = await api.upload<ProposalAttachment>(`${applicationPath(id)}/${kind}`, form, onProgress);
      await refresh();
      return created;
    },
  };
}
