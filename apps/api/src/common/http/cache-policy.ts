import { Injectable, SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { NextFunction, Request, Response } from 'express';
import type { Observable } from 'rxjs';

const PUBLIC_CACHE = 'http:public-cache';
const SAFE_METHODS = new Set(['GET', 'HEAD']);

/**
 * The answer is the same for everybody who may see it, signed in or not: it keeps its own caching
 * headers (ETag, no-cache) even for a request with a session. Only for routes that read no viewer.
 */
export const PublicCache = () => SetMetadata(PUBLIC_CACHE, true);

/** The same from inside a handler, for answers that are public for some resources only. */
export function markPublicCacheable(res: Response): void {
  res.locals.publicCache = true;
}

/** Reads @PublicCache() (interceptors run after the guards, so a refused request is never marked). */
@Injectable()
export class CachePolicyInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http' && this.reflector.getAllAndOverride<boolean>(PUBLIC_CACHE, [context.getHandler(), context.getClass()]))
      markPublicCacheable(context.switchToHttp().getResponse<Response>());
    return next.handle();
  }
}

/** Runs the listener once, right before the status line and headers are written. */
function beforeHeaders(res: Response, listener: () => void): void {
  const writeHead = res.writeHead;
  let done = false;
  res.writeHead = function (this: Response, ...args: unknown[]) {
    if (!done) {
      done = true;
      listener();
    }
    return (writeHead as (...a: unknown[]) => Response).apply(this, args);
  } as Response['writeHead'];
}

function appendVary(res: Response, field: string): void {
  const current = String(res.getHeader('Vary') ?? '');
  if (current.split(',').some((v) => v.trim() === '*' || v.trim().toLowerCase() === field.toLowerCase())) return;
  res.setHeader('Vary', current ? `${current}, ${field}` : field);
}

/**
 * No browser or proxy keeps an API answer that belongs to a session: every answer to a request
 * that carries the session cookie, and every answer to a state-changing request, is sent
 * `Cache-Control: no-store` — whatever the handler set, errors included — unless the route is
 * marked public-cacheable. Every other API answer says `Vary: Cookie`, so a shared cache never
 * serves an anonymous copy to a signed-in browser. Decided when the headers go out, because the
 * handler, a guard or the error filter may have written headers before.
 */
export function cachePolicyMiddleware(sessionCookie: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!/^\/api(\/|$)/i.test(req.path)) return next();
    beforeHeaders(res, () => {
      if (res.locals.publicCache) return;
      appendVary(res, 'Cookie');
      const session = typeof req.cookies?.[sessionCookie] === 'string' && req.cookies[sessionCookie] !== '';
      // A handler's own no-store (e.g. "private, no-store" on a hidden attachment) is at least as strict: kept.
      const own = String(res.getHeader('Cache-Control') ?? '');
      if ((session || !SAFE_METHODS.has(req.method)) && !/\bno-store\b/.test(own)) res.setHeader('Cache-Control', 'no-store');
    });
    next();
  };
}
