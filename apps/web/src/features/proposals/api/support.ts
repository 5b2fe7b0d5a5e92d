import type { ProposalDetail, SupportResponse } from '@app/shared';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { proposalsKey } from '../../../lib/query-keys';

/** Support or withdraw support; the detail in the cache takes the server's count at once. */
export function useToggleSupport() {
  const queryClient = useQueryClient();
  return async (id: string, support: boolean): Promise<SupportResponse> => {
    const url = `/api/proposals/${encodeURIComponent(id)}/support`;
    const result = support ? await api.put<SupportResponse>(url, {}) : await api.delete<SupportResponse>(url);
    queryClient.setQueryData<ProposalDetail>([...proposalsKey, 'detail', id], (old) =>
      old
        ? {
            ...old,
            supportCount: result.supportCount,
            viewer: { ...old.viewer, supported: result.supported, supportsLeft: result.supportsLeft ?? old.viewer.supportsLeft },
          }
        : old,
    );
    void queryClient.invalidateQueries({ queryKey: [...proposalsKey, 'list'] });
    // Other proposals of the same Aktionsraum now have one support more or less left.
    void queryClient.invalidateQueries({ queryKey: [...proposalsKey, 'detail'], predicate: (cached) => cached.queryKey[2] !== id });
    return result;
  };
}
