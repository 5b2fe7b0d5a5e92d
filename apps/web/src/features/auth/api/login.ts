import type { LoginRequest, MeResponse } from '@app/shared';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { changeLanguage } from '../../../lib/i18n';
import { resetForNewIdentity } from '../../../lib/session';

export function useLogin(): (body: LoginRequest) => Promise<MeResponse> {
  const queryClient = useQueryClient();
  return async (body) => {
    const { user } = await api.post<{ user: MeResponse }>('/api/auth/login', body);
    await resetForNewIdentity(queryClient, user);
    // The account's language wins over the device's on sign-in.
    await changeLanguage(user.language);
    return user;
  };
}
