import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { ErrorCode, Role } from '@app/shared';
import { IS_PUBLIC, ROLES } from '../../common/auth/decorators';
import type { AuthenticatedRequest } from '../../common/auth/request';
import { DomainError } from '../../common/errors/domain-error';
import { SessionService } from './session.service';

/**
 * Global guard: every route needs a signed-in account unless it is marked @Public(), and
 * @Roles(...) narrows it further. Administrators pass every role check.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = context.switchToHttp().getResponse<Response>();
    const token: unknown = req.cookies?.[this.sessions.cookieName];
    if (typeof token === 'string' && token.length > 0 && token.length < 200) {
      const resolved = await this.sessions.resolve(token);
      if (resolved) {
        req.user = resolved.user;
        req.sessionTokenHash = resolved.tokenHash;
        if (resolved.renewed) res.cookie(this.sessions.cookieName, token, this.sessions.cookieOptions());
      }
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    if (!req.user) throw new DomainError(ErrorCode.Unauthenticated, 'Please sign in to continue.');
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles?.length && req.user.role !== Role.Administrator && !roles.includes(req.user.role)) {
      throw new DomainError(ErrorCode.Forbidden, 'Your account does not have permission for this action.');
    }
    return true;
  }
}
