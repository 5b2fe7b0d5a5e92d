import type { AdminMailOutboxResponse, AdminOutboxMail } from '@app/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const mailsKey = ['admin-mails'] as const;

/** The outbox as administrators see it; refreshed while the page is open, since mails move on their own. */
export function useAdminMails() {
  return useQuery({
    queryKey: mailsKey,
    queryFn: () => api.get<AdminMailOutboxResponse>('/api/admin/mails'),
    refetchInterval: 10_000,
  });
}

export function useRetryMail() {
  const queryClient = useQueryClient();
  return async (id: string): Promise<AdminOutboxMail> => {
    const mail = await api.post<AdminOutboxMail>(`/api/admin/mails/${encodeURIComponent(id)}/retry`);
    await queryClient.invalidateQueries({ queryKey: mailsKey });
    return mail;
  };
}
