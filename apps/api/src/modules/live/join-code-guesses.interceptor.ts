import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, type Observable } from 'rxjs';
import { ErrorCode, JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { addressKey, AttemptLimiter, type AttemptLimit } from '../../common/http/attempt-limiter';
import type { JoinAssemblyDto } from './dto/join.dto';
import { LiveController } from './live.controller';

const FIFTEEN_MINUTES = 15 * 60_000;

/** How many join codes there are: 31⁶ = 887,503,681. */
export const JOIN_CODE_SPACE = JOIN_CODE_ALPHABET.length ** JOIN_CODE_LENGTH;

/**
 * Wrong join codes per client address: 200 within 15 minutes (a hall of 1,000 mistyping the code
 * from the projector stays well below); then joining by code from that address is refused until the
 * window ends. Joining by the assembly's id (its page) and everything else stay open.
 */
export const JOIN_CODE_FAILURES_PER_ADDRESS: AttemptLimit = { scope: 'join-code:address', limit: 200, windowMs: FIFTEEN_MINUTES };

/**
 * Wrong join codes from all addresses together. Beyond 2,000 within 15 minutes somebody is guessing
 * from many addresses: each address then gets only JOIN_CODE_FAILURES_UNDER_ATTACK wrong codes.
 */
export const JOIN_CODE_FAILURES_ALL: AttemptLimit = { scope: 'join-code:all', limit: 2000, windowMs: FIFTEEN_MINUTES };
export const JOIN_CODE_FAILURES_UNDER_ATTACK = 20;

/**
 * Joining by code under the guess limits: refused with 429 (Retry-After) while the address has used
 * its wrong codes; a wrong code (JOIN_CODE_INVALID) is counted for the address and for all. Nothing
 * is reserved, so a hall joining at once is never refused for its own right codes. An interceptor,
 * so the join route and its service stay as they are; it acts on LiveController.join only.
 */
@Injectable()
export class JoinCodeGuessInterceptor implements NestInterceptor {
  constructor(private readonly limiter: AttemptLimiter) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http' || context.getHandler() !== LiveController.prototype.join) return next.handle();
    const req = context.switchToHttp().getRequest<Request>();
    if (!(req.body as JoinAssemblyDto | undefined)?.code) return next.handle();
    const address = addressKey(req.ip);
    const [mine, all] = await Promise.all([
      this.limiter.peek(JOIN_CODE_FAILURES_PER_ADDRESS, address),
      this.limiter.peek(JOIN_CODE_FAILURES_ALL, 'all'),
    ]);
    if (mine.blocked || (all.blocked && mine.failures >= JOIN_CODE_FAILURES_UNDER_ATTACK)) {
      throw this.limiter.refusal(
        mine,
        (minutes) => `Too many wrong join codes from your network. Please check the code and try again in ${minutes} min.`,
      );
    }
    return next.handle().pipe(
      catchError(async (error: unknown) => {
        if (error instanceof DomainError && error.code === ErrorCode.JoinCodeInvalid) {
          await Promise.all([
            this.limiter.count(JOIN_CODE_FAILURES_PER_ADDRESS, address),
            this.limiter.count(JOIN_CODE_FAILURES_ALL, 'all'),
          ]);
        }
        throw error;
      }),
    );
  }
}
