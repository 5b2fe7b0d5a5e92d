import type { MeResponse, UpdateProfileRequest } from '@app/shared';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { setSessionUser } from '../../../lib/session';

export function useUpdateProfile(): (body: UpdateProfileRequest) => Promise<MeResponse> {
  const queryClient = useQueryClient();
  return async (body) => {
    const user = await api.patch<MeResponse>('/api/me', body);
    setSessionUser(queryClient, user);
    return user;
  };
}
