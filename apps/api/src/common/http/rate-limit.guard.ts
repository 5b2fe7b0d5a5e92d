import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerRequest } from '@nestjs/throttler';
import { AUTH_RATE_LIMIT } from '../auth/decorators';
import type { AuthenticatedRequest } from '../auth/request';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Request ceilings on state-changing requests (reads are not limited here), three named limits:
 * - "address": every state-changing request per client address, all routes together — a ceiling
 *   against floods, sized so a hall of 1,000 behind one public address fits twice over;
 * - "account": every state-changing request per signed-in account, all routes together;
 * - "auth": per client address and route, on the credential routes marked @AuthRateLimit
 *   (registration, verification, password reset).
 * What an attacker could guess is limited by what it identifies (failed sign-ins per account, join
 * code guesses, …) with the AttemptLimiter, not here. Runs after the session guard (see
 * RateLimitModule), so the signed-in account is known.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async handleRequest(requestProps: ThrottlerRequest): Promise<boolean> {
    const { context, throttler } = requestProps;
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (SAFE_METHODS.has(req.method)) return true;
    switch (throttler.name) {
      case 'auth': {
        const marked = this.reflector.getAllAndOverride<boolean>(AUTH_RATE_LIMIT, [context.getHandler(), context.getClass()]);
        return marked ? super.handleRequest(requestProps) : true;
      }
      case 'account': {
        const userId = req.user?.id;
        if (!userId) return true;
        return super.handleRequest({ ...requestProps, getTracker: () => Promise.resolve(userId), generateKey: acrossRoutes });
      }
      default:
        return super.handleRequest({ ...requestProps, generateKey: acrossRoutes });
    }
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const res = context.switchToHttp().getResponse<{ header: (name: string, value: string) => void }>();
    res.header('Retry-After', String(Math.max(1, detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}

/** One counter per tracker for every route (the default key is per route). */
const acrossRoutes = (_context: ExecutionContext, tracker: string, name: string) => `${name}:${tracker}`;
