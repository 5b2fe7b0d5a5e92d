import type { EmailRequest, MessageResponse, VerifyEmailRequest } from '@app/shared';
import { api } from '../../../lib/api-client';
import { withTokenErrors } from './token-error';

/** While several registrations wait for the address the API asks for the password (PASSWORD_REQUIRED). */
export function verifyEmail(body: VerifyEmailRequest): Promise<MessageResponse> {
  return withTokenErrors(api.post<MessageResponse>('/api/auth/verify-email', body));
}

export function resendVerification(body: EmailRequest): Promise<MessageResponse> {
  return api.post<MessageResponse>('/api/auth/resend-verification', body);
}
