import type {
  AssemblyDetail,
  AssemblyListQuery,
  AssemblySummary,
  CreateAssemblyRequest,
  Page,
  RegistrationResponse,
  UpdateAssemblyRequest,
} from '@app/shared';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';

export const assembliesKey = ['assemblies'] as const;

export const assemblyPath = (id: string) => `/api/assemblies/${encodeURIComponent(id)}`;

export function useAssemblies(filter: AssemblyListQuery) {
  return useQuery({
    queryKey: [...assembliesKey, 'list', filter],
    queryFn: () => api.get<Page<AssemblySummary>>(`/api/assemblies${query({ ...filter })}`),
    placeholderData: keepPreviousData,
  });
}

export function useAssembly(id: string | undefined) {
  return useQuery({
    enabled: Boolean(id),
    queryKey: [...assembliesKey, 'detail', id],
    queryFn: () => api.get<AssemblyDetail>(assemblyPath(id ?? '')),
  });
}

/** Create or update; every cached list and detail is refreshed afterwards. */
export function useSaveAssembly() {
  const queryClient = useQueryClient();
  return async (id: string | null, body: CreateAssemblyRequest | UpdateAssemblyRequest): Promise<AssemblyDetail> => {
    const saved = id ? await api.patch<AssemblyDetail>(assemblyPath(id), body) : await api.post<AssemblyDetail>('/api/assemblies', body);
    await queryClient.invalidateQueries({ queryKey: assembliesKey });
    return saved;
  };
}

/** Register (confirmed or on the waiting list) or cancel; the detail is refreshed afterwards. */
export function useRegistration() {
  const queryClient = useQueryClient();
  return {
    register: async (id: string): Promise<RegistrationResponse> => {
      const result = await api.put<RegistrationResponse>(`${assemblyPath(id)}/registration`, {});
      await queryClient.invalidateQueries({ queryKey: assembliesKey });
      return result;
    },
    cancel: async (id: string): Promise<void> => {
      await api.delete<void>(`${assemblyPath(id)}/registration`);
      await queryClient.invalidateQueries({ queryKey: assembliesKey });
    },
  };
}
