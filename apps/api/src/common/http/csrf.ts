import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { CSRF_COOKIE, CSRF_HEADER, ErrorCode } from '@app/shared';
import { buildErrorBody } from '../errors/all-exceptions.filter';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Double-submit CSRF protection: every response makes sure a random token sits in a readable,
 * SameSite=Strict cookie; every state-changing request must echo it in the x-csrf-token
 * header. Another site can neither read the cookie nor set the header.
 */
export function csrfMiddleware(options: { secure: boolean }) {
  return (req: Request, res: Response, next: NextFunction) => {
    let token: string | undefined = req.cookies?.[CSRF_COOKIE];
    if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{32,64}$/.test(token)) {
      token = randomBytes(32).toString('base64url');
      res.cookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'strict', secure: options.secure, path: '/' });
      req.cookies = { ...req.cookies, [CSRF_COOKIE]: undefined };
    }
    // Every state-changing request, whatever its path and its spelling: a check that looks at the
    // path can be sidestepped by a spelling the router still accepts.
    if (SAFE_METHODS.has(req.method)) return next();
    const sent = req.get(CSRF_HEADER);
    const expected = req.cookies?.[CSRF_COOKIE];
    if (typeof sent === 'string' && typeof expected === 'string' && sameToken(sent, expected)) return next();
    res
      .status(403)
      .json(
        buildErrorBody(
          403,
          ErrorCode.CsrfTokenInvalid,
          `Missing or invalid CSRF token: send the value of the "${CSRF_COOKIE}" cookie in the "${CSRF_HEADER}" header.`,
        ),
      );
  };
}
