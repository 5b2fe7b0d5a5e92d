import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { resetForNewIdentity } from '../../../lib/session';

export function useLogout(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    await api.post<void>('/api/auth/logout');
    await resetForNewIdentity(queryClient, null);
  };
}
