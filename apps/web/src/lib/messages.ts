import type { TFunction } from 'i18next';
import { ApiError, CLIENT_ERROR_UNKNOWN } from './api-client';

/**
 * A message kept as a translation key (plus parameters) until render time, so that
 * switching the language also translates errors already on screen. `text` is the
 * untranslated fallback from the server.
 */
export interface UiMessage {
  key?: string;
  params?: Record<string, unknown>;
  text?: string;
}

export type FieldErrors = Record<string, UiMessage[]>;

export function translateMessage(t: TFunction, message: UiMessage): string {
  if (!message.key) return message.text ?? '';
  return t(message.key, { ...message.params, defaultValue: message.text ?? t(`errors.${CLIENT_ERROR_UNKNOWN}`) });
}

/** Turns any thrown value into a form-level message and per-field messages. */
export function describeError(error: unknown): { formError: UiMessage; fieldErrors: FieldErrors } {
  if (!(error instanceof ApiError)) {
    return { formError: { key: `errors.${CLIENT_ERROR_UNKNOWN}` }, fieldErrors: {} };
  }
  const fieldErrors: FieldErrors = {};
  for (const detail of error.details) {
    // The server's field messages are English developer texts; German gets a generic
    // translated message, English shows the server's (which names the exact rule).
    fieldErrors[detail.field] = detail.messages.map((text) => ({ key: 'validation.invalid', params: { detail: text }, text }));
  }
  const params = error.retryAfterSeconds ? { count: Math.ceil(error.retryAfterSeconds / 60) } : undefined;
  const key = error.code === 'RATE_LIMITED' && params ? 'errors.RATE_LIMITED_WAIT' : `errors.${error.code}`;
  return { formError: { key, params, text: error.message }, fieldErrors };
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((messages) => messages.length > 0);
}
