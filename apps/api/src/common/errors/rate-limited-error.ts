import { ErrorCode } from '@app/shared';
import { DomainError } from './domain-error';

/** 429 RATE_LIMITED with the seconds to wait: the HTTP answer carries them as `Retry-After`. */
export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCode.RateLimited, message);
  }
}
