import type { ErrorCode } from '../enums/error-codes';

export interface FieldErrorDetail {
  /** Dotted path of the offending field, e.g. "email" or "name.de". */
  field: string;
  messages: string[];
}

/** The one error body every failing API request returns. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  details?: FieldErrorDetail[];
}
