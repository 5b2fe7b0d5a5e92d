import type { FieldErrorDetail } from '@app/shared';
import type { TFunction } from 'i18next';
import { ApiError, CLIENT_ERROR_UNKNOWN } from './api-client';

/**
 * A message kept as a translation key (plus parameters) until render time, so that
 * switching the language also translates errors already on screen. `text` is the
 * untranslated fallback from the server.
 */
export interface UiMessage {
  /** A list of keys means: the first one the locale files have. */
  key?: string | string[];
  params?: Record<string, unknown>;
  text?: string;
}

export type FieldErrors = Record<string, UiMessage[]>;

export function translateMessage(t: TFunction, message: UiMessage): string {
  if (!message.key) return message.text ?? '';
  return t(message.key, { ...message.params, defaultValue: message.text ?? t(`errors.${CLIENT_ERROR_UNKNOWN}`) });
}

/**
 * The API names the rule behind each field message (class-validator's names, e.g. "isEmail"),
 * which has its text under `validation.rules.<rule>`. For a rule without one, German gets a
 * generic message and English the server's (English) text, which names the exact problem.
 */
function fieldMessages(detail: FieldErrorDetail): UiMessage[] {
  return detail.messages.map((text, index) => {
    const rule = detail.rules?.[index];
    const generic = 'validation.invalid';
    const key = rule && /^\w+$/.test(rule) ? [`validation.rules.${rule}`, generic] : generic;
    return { key, params: { detail: text }, text };
  });
}

/**
 * Thrown by a form's submit handler when it knows better than the generic mapping what an API
 * error means for its fields (e.g. "file too large" next to the file input).
 */
export class FormError extends Error {
  constructor(
    readonly formError: UiMessage,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(typeof formError.key === 'string' ? formError.key : 'FormError');
    this.name = 'FormError';
  }
}

/** Turns any thrown value into a form-level message and per-field messages. */
export function describeError(error: unknown): { formError: UiMessage; fieldErrors: FieldErrors } {
  if (error instanceof FormError) return { formError: error.formError, fieldErrors: error.fieldErrors };
  if (!(error instanceof ApiError)) {
    return { formError: { key: `errors.${CLIENT_ERROR_UNKNOWN}` }, fieldErrors: {} };
  }
  const fieldErrors: FieldErrors = {};
  for (const detail of error.details) fieldErrors[detail.field] = fieldMessages(detail);
  const params = error.retryAfterSeconds ? { count: Math.ceil(error.retryAfterSeconds / 60) } : undefined;
  const key = error.code === 'RATE_LIMITED' && params ? 'errors.RATE_LIMITED_WAIT' : `errors.${error.code}`;
  return { formError: { key, params, text: error.message }, fieldErrors };
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((messages) => messages.length > 0);
}
