import { ReportTargetType, type ReportResponse, type ReportStatus } from '@app/shared';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../../lib/api-client';

const reportsKey = ['moderation', 'reports'] as const;

export function useReports(status: ReportStatus) {
  return useQuery({
    queryKey: [...reportsKey, status],
    queryFn: () => api.get<ReportResponse[] | { items: ReportResponse[] }>(`/api/moderation/reports${query({ status, pageSize: 100 })}`),
    // The contract leaves open whether the queue is a page or a list; accept both.
    select: (data) => (Array.isArray(data) ? data : data.items),
    retry: false,
  });
}

/** Hide or restore the reported proposal or comment, with a public reason. */
export function useModerationDecision() {
  const queryClient = useQueryClient();
  return async (report: ReportResponse, action: 'hide' | 'restore', reason: string): Promise<void> => {
    const kind = report.targetType === ReportTargetType.Comment ? 'comments' : 'proposals';
    await api.post(`/api/moderation/${kind}/${encodeURIComponent(report.targetId)}/${action}`, { reason });
    await queryClient.invalidateQueries({ queryKey: reportsKey });
    void queryClient.invalidateQueries({ queryKey: ['comments'] });
    void queryClient.invalidateQueries({ queryKey: ['proposals'] });
  };
}
