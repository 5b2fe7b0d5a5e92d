import type { CreateReportRequest } from '@app/shared';
import { api } from '../../../lib/api-client';

export function createReport(body: CreateReportRequest): Promise<unknown> {
  return api.post('/api/reports', body);
}
