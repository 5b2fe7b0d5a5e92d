import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import { AUTH_RATE_LIMIT } from '../auth/decorators';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Two limits per client IP: "auth" on credential endpoints (marked with @AuthRateLimit) and
 * "write" on every state-changing request. Reads are not limited here.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async handleRequest(requestProps: ThrottlerRequest): Promise<boolean> {
    const { context, throttler } = requestProps;
    const req = context.switchToHttp().getRequest<{ method: string }>();
    if (SAFE_METHODS.has(req.method)) return true;
    if (throttler.name === 'auth') {
      const marked = this.reflector.getAllAndOverride<boolean>(AUTH_RATE_LIMIT, [context.getHandler(), context.getClass()]);
      if (!marked) return true;
    }
    return super.handleRequest(requestProps);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const res = context.switchToHttp().getResponse<{ header: (name: string, value: string) => void }>();
    res.header('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}
