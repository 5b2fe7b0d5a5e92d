import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { markPublicCacheable } from '../../common/http/cache-policy';
import type { SerializedPage } from './proposal-list-cache';
import { ProposalQueriesService } from './proposal-queries.service';

/**
 * Sends a serialized list page with its ETag; Express answers 304 when the browser's copy matches.
 * The list is the same for everybody (@PublicCache on its route): it keeps no-cache and its ETag for a
 * signed-in browser too, also when this middleware answers before the route's interceptors run.
 */
export function sendPage(res: Response, page: SerializedPage): void {
  markPublicCacheable(res);
  res.setHeader('ETag', page.etag);
  res.setHeader('Cache-Control', 'no-cache');
  res.type('application/json').send(page.body);
}

/**
 * The public list is the hottest read: a request whose exact URL was answered a moment ago gets the
 * same bytes as soon as it reaches the route (or, while that URL's page is loading, the page of that
 * load), after the app-wide middleware (security headers, CSRF cookie, compression, request log) and
 * before Nest's guards, pipes and interceptors. Nothing is skipped that applies here: the list is the
 * same for everybody (no session needed), reads have no rate limit, and only URLs whose query passed
 * validation are ever in the cache (see listJson). A cached answer costs about a third less than
 * through the whole pipeline (bench/proposals-list.js: 5,100 → 7,900 req/s on SQLite; BENCHMARKS.md).
 */
@Injectable()
export class ListUrlCacheMiddleware implements NestMiddleware {
  constructor(private readonly proposals: ProposalQueriesService) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const page = req.method === 'GET' ? this.proposals.listByUrl(req.originalUrl) : undefined;
    if (!page) return next();
    // Right after a change the page is loading for the first request with this URL: the others wait for it.
    if (page instanceof Promise) page.then((loaded) => sendPage(res, loaded), next);
    else sendPage(res, page);
  }
}
