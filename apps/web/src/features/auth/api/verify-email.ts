import type { EmailRequest, MessageResponse, TokenRequest } from '@app/shared';
import { api } from '../../../lib/api-client';
import { withTokenErrors } from './token-error';

export function verifyEmail(body: TokenRequest): Promise<MessageResponse> {
  return withTokenErrors(api.post<MessageResponse>('/api/auth/verify-email', body));
}

export function resendVerification(body: EmailRequest): Promise<MessageResponse> {
  return api.post<MessageResponse>('/api/auth/resend-verification', body);
}
