import type { DeleteAccountRequest } from '@app/shared';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { resetForNewIdentity } from '../../../lib/session';

export function useDeleteAccount(): (body: DeleteAccountRequest) => Promise<void> {
  const queryClient = useQueryClient();
  return async (body) => {
    await api.delete<void>('/api/me', body);
    await resetForNewIdentity(queryClient, null);
  };
}
