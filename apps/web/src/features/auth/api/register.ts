import type { MessageResponse, RegisterRequest } from '@app/shared';
import { api } from '../../../lib/api-client';

export function register(body: RegisterRequest): Promise<MessageResponse> {
  return api.post<MessageResponse>('/api/auth/register', body);
}
