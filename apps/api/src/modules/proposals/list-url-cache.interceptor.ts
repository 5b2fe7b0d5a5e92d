import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { of, type Observable } from 'rxjs';
import type { SerializedPage } from './proposal-list-cache';
import { ProposalQueriesService } from './proposal-queries.service';

/** Sends a serialized list page with its ETag; Express answers 304 when the browser's copy matches. */
export function sendPage(res: Response, page: SerializedPage): void {
  res.setHeader('ETag', page.etag);
  res.setHeader('Cache-Control', 'no-cache');
  res.type('application/json').send(page.body);
}

/**
 * The public list is the hottest read: a request whose exact URL was answered a moment ago gets
 * the same bytes before the query parameters are validated and converted again. Runs after the
 * guards (interceptors do), and only URLs that passed validation are ever in the cache.
 */
@Injectable()
export class ListUrlCacheInterceptor implements NestInterceptor {
  constructor(private readonly proposals: ProposalQueriesService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const hit = this.proposals.cachedListByUrl(http.getRequest<Request>().originalUrl);
    if (!hit) return next.handle();
    sendPage(http.getResponse<Response>(), hit);
    return of(undefined);
  }
}
