import type { FieldOfActionResponse } from '@app/shared';
import { useQuery } from '@tanstack/react-query';
import { api, query } from './api-client';

/** The fields of action are reference data that many features filter and label by; their feature edits them. */
export const fieldsKey = ['fields-of-action'] as const;

export function useFieldsOfAction(include: 'active' | 'all' = 'active') {
  return useQuery({
    queryKey: [...fieldsKey, 'list', include],
    queryFn: () => api.get<FieldOfActionResponse[]>(`/api/fields-of-action${query({ include })}`),
  });
}
