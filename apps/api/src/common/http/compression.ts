import type { NextFunction, Request, RequestHandler, Response } from 'express';

type CompressionFactory = (options: { threshold: number; filter: (req: Request, res: Response) => boolean }) => RequestHandler;

/** Answers smaller than this go out as they are: compressing them saves less than it costs. */
export const COMPRESSION_THRESHOLD = 1024;

/**
 * Compresses the API's JSON answers (the `compression` middleware, gzip or brotli by Accept-Encoding,
 * Vary: Accept-Encoding). Only answers to GET/HEAD: they carry no credential the client does not
 * already hold (the session and the CSRF token are cookies, never in a body), so there is no secret
 * for a BREACH-style guess to find; answers to writes (a guest's credential on joining, say) stay
 * uncompressed. Nothing outside /api passes here: the web client is precompressed at build time and
 * socket.io (/socket.io, long polling and WebSocket upgrades) must never be buffered.
 */
export function compressApiAnswers(compression: CompressionFactory): RequestHandler {
  const compress = compression({
    threshold: COMPRESSION_THRESHOLD,
    filter: (req, res) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      return /^(application\/(json|problem\+json|yaml)|text\/(csv|plain|yaml))/.test(type);
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    const api = req.path === '/api' || req.path.startsWith('/api/');
    if (!api || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    return compress(req, res, next);
  };
}
