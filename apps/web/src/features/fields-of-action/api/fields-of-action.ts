import type { CreateFieldOfActionRequest, FieldOfActionResponse, UpdateFieldOfActionRequest } from '@app/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { fieldsKey } from '../../../lib/fields-of-action';

export function useFieldOfAction(id: string | undefined) {
  return useQuery({
    enabled: Boolean(id),
    queryKey: [...fieldsKey, 'detail', id],
    queryFn: () => api.get<FieldOfActionResponse>(`/api/fields-of-action/${encodeURIComponent(id ?? '')}`),
  });
}

export function useSaveFieldOfAction() {
  const queryClient = useQueryClient();
  return async (id: string | null, body: CreateFieldOfActionRequest | UpdateFieldOfActionRequest): Promise<FieldOfActionResponse> => {
    const saved = id
      ? await api.patch<FieldOfActionResponse>(`/api/fields-of-action/${encodeURIComponent(id ?? '')}`, body)
      : await api.post<FieldOfActionResponse>('/api/fields-of-action', body);
    await queryClient.invalidateQueries({ queryKey: fieldsKey });
    return saved;
  };
}
