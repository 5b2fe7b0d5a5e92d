import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@app/shared';
import type { AuthenticatedRequest } from './request';

export const IS_PUBLIC = 'auth:public';
export const ROLES = 'auth:roles';
export const AUTH_RATE_LIMIT = 'auth:rate-limit';

/** Anybody may call this route, signed in or not (the user is still resolved when present). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only signed-in accounts with one of these roles may call this route. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES, roles);

/** The route is a credential endpoint (login, register, reset) and gets the strict "auth" rate limit. */
export const AuthRateLimit = () => SetMetadata(AUTH_RATE_LIMIT, true);

/** The signed-in user (the guard guarantees one on non-public routes). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  return ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
});
