import type { ErrorCode } from '../enums/error-codes';

export interface FieldErrorDetail {
  /** Dotted path of the offending field, e.g. "email" or "name.de". */
  field: string;
  /** English messages for people reading the raw API. */
  messages: string[];
  /** Stable rule names (e.g. "isEmail", "isLength"), one per message, for translated UI texts. */
  rules?: string[];
  /** Numbers a client needs to say the limit in its own words (e.g. { remainingCents: 50000 }). */
  params?: Record<string, number | string>;
}

/** The one error body every failing API request returns. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  details?: FieldErrorDetail[];
}
