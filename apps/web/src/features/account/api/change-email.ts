import type { ChangeEmailRequest, MessageResponse } from '@app/shared';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { sessionQueryKey } from '../../../lib/session';

export function useChangeEmail(): (body: ChangeEmailRequest) => Promise<MessageResponse> {
  const queryClient = useQueryClient();
  return async (body) => {
    const result = await api.post<MessageResponse>('/api/me/email', body);
    // The account now shows the pending address until the link in the mail is opened.
    await queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    return result;
  };
}
