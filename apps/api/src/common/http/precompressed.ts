import type { NextFunction, Request, Response } from 'express';
import { readdirSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

/** The encodings the build writes next to a file, best first (brotli is smaller than gzip). */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path) : [path];
  });
}

/**
 * Serves the .br/.gz copies the web build wrote next to its files, chosen by the request's
 * Accept-Encoding (always with Vary: Accept-Encoding). The list of copies is read once at start (a
 * deployment restarts the process), so a request costs no stat() for files that have none.
 */
export function precompressedFiles(root: string, setHeaders: (res: Response, path: string) => void) {
  const available = new Map<string, Set<string>>();
  for (const file of listFiles(root)) {
    const encoding = ENCODINGS.find((e) => file.endsWith(e.suffix));
    if (!encoding) continue;
    const original = `/${relative(root, file.slice(0, -encoding.suffix.length)).split(sep).join('/')}`;
    available.set(original, (available.get(original) ?? new Set()).add(encoding.name));
  }
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const encodings = available.get(req.path);
    if (!encodings) return next();
    res.vary('Accept-Encoding');
    // The server's preference (brotli first), not the order the browser lists them in ("gzip, deflate, br").
    const encoding = ENCODINGS.find((e) => encodings.has(e.name) && req.acceptsEncodings(e.name) === e.name);
    if (!encoding) return next();
    const original = join(root, req.path);
    res.type(extname(original));
    res.setHeader('Content-Encoding', encoding.name);
    setHeaders(res, original);
    res.sendFile(`${original}${encoding.suffix}`, { dotfiles: 'deny', cacheControl: false }, (error?: Error) => {
      if (error && !res.headersSent) next();
    });
  };
}
