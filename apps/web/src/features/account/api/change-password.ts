import type { ChangePasswordRequest, MessageResponse } from '@app/shared';
import { api } from '../../../lib/api-client';

export function changePassword(body: ChangePasswordRequest): Promise<MessageResponse> {
  return api.post<MessageResponse>('/api/me/password', body);
}
