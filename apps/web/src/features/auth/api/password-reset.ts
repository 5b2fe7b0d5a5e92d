import type { EmailRequest, MessageResponse, PasswordResetConfirmRequest } from '@app/shared';
import { api } from '../../../lib/api-client';
import { withTokenErrors } from './token-error';

export function requestPasswordReset(body: EmailRequest): Promise<MessageResponse> {
  return api.post<MessageResponse>('/api/auth/password-reset/request', body);
}

export function confirmPasswordReset(body: PasswordResetConfirmRequest): Promise<MessageResponse> {
  return withTokenErrors(api.post<MessageResponse>('/api/auth/password-reset/confirm', body));
}
