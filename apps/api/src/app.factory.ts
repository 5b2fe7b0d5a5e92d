import { NestFactory, Reflector } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ErrorCode, SESSION_COOKIE } from '@app/shared';
import { AppModule, type AppModuleOptions } from './app.module';
import { AllExceptionsFilter, buildErrorBody } from './common/errors/all-exceptions.filter';
import { createValidationPipe } from './common/errors/validation';
import { CachePolicyInterceptor, cachePolicyMiddleware } from './common/http/cache-policy';
import { compressApiAnswers } from './common/http/compression';
import { csrfMiddleware } from './common/http/csrf';
import { buildOpenApiDocument } from './common/http/openapi';
import { precompressedFiles } from './common/http/precompressed';
import { indexHtmlFor } from './common/http/route-preloads';
import { RedisConnection } from './common/redis/redis.module';
import type { AppConfig } from './config/config';
import { APP_VERSION } from './config/version';
import { LiveIoAdapter } from './realtime/live-io.adapter';

/** The strict policy the web client runs under: nothing inline, nothing from other origins. */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Swagger UI needs inline styles and its init script; only /api/docs gets that allowance. */
const DOCS_CSP = { ...CSP, styleSrc: ["'self'", "'unsafe-inline'"], scriptSrc: ["'self'", "'unsafe-inline'"] };

/** Builds the whole application; main.ts and the tests share it, so tests run what production runs. */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<NestExpressApplication> {
  // Paths are matched case-sensitively: /API/... is not the API (Express would otherwise route it
  // like /api/... while checks that look at the path, such as the CSRF check, might not). Set on
  // the instance before Nest creates its router.
  const server = express();
  server.set('case sensitive routing', true);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), new ExpressAdapter(server), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');

  const strict = helmet({ contentSecurityPolicy: { directives: CSP }, crossOriginEmbedderPolicy: false });
  const docs = helmet({ contentSecurityPolicy: { directives: DOCS_CSP }, crossOriginEmbedderPolicy: false });
  app.use((req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/api/docs') ? docs : strict)(req, res, next));
  app.use(cookieParser());
  app.use(csrfMiddleware({ secure: config.cookieSecure }));
  app.use(cachePolicyMiddleware(SESSION_COOKIE));
  app.use(compressApiAnswers(compression));
  if (config.corsOrigins.length) app.enableCors({ origin: config.corsOrigins, credentials: true });

  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(new CachePolicyInterceptor(app.get(Reflector)));

  if (config.apiDocs) serveApiDocs(app, config.publicUrl);

  serveWebClient(app, config.webDist);
  // socket.io (live assemblies): the Redis adapter across processes when REDIS_URL is set.
  app.useWebSocketAdapter(new LiveIoAdapter(app, app.get(RedisConnection)));
  const filter = new AllExceptionsFilter();
  await app.init();
  // Errors raised before Nest's routing (body parsing) reach Express's error chain: same body there.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) =>
    filter.catch(err, { getType: () => 'http', switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as never),
  );
  return app;
}

/**
 * The OpenAPI UI at /api/docs and the document at /api/docs-json (and -yaml). Public by default:
 * the API is part of what the platform opens up (see the README, API_DOCS). The document is built
 * when it is first asked for, not at every start: scanning every route was 6 % of the API test suite's CPU,
 * spent by starts that never read it.
 */
function serveApiDocs(app: NestExpressApplication, publicUrl: string): void {
  const document = () =>
    buildOpenApiDocument(app, {
      title: 'Soziale Stadt – Beteiligungsplattform API',
      description:
        'Public and authenticated API. Sessions are an httpOnly cookie; every state-changing request must send the csrf_token cookie value in the x-csrf-token header (the security schemes "session" and "csrf"). Every error has the body {statusCode, error, code, message, details?}.',
      version: APP_VERSION,
      publicUrl,
    });
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', yamlDocumentUrl: 'api/docs-yaml' });
}

/**
 * Serves the built React client from the same origin; any other non-API GET (outside /assets/) falls back to index.html.
 * Hashed files under /assets/ never change: cached for a year (immutable). Everything else (index.html,
 * the service worker, the favicon) is revalidated on each use, so a new deployment is seen at the next
 * navigation. Compressible files are sent as the .br/.gz copies the build wrote, by Accept-Encoding.
 */
export function serveWebClient(app: { use(handler: RequestHandler): unknown }, webDist: string): void {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return;
  const setHeaders = (res: Response, path: string) =>
    res.setHeader('Cache-Control', /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
  const files = express.static(webDist, { index: false, setHeaders });
  const precompressed = precompressedFiles(webDist, setHeaders);
  const htmlFor = indexHtmlFor(webDist);
  const isApi = (req: Request) => req.path === '/api' || req.path.startsWith('/api/');
  // API requests never touch the disk: the static handler would stat() a file for each of them.
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : precompressed(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => (isApi(req) ? next() : files(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    // A build file that is not there (an old build's chunk) is a 404 in the API's error shape, never
    // index.html: the browser would run the page as a script, and the service worker keep it as one.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req)) return next();
    if (req.path.startsWith('/assets/')) {
      res.status(404).json(buildErrorBody(404, ErrorCode.NotFound, `There is no file ${req.path}.`));
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(htmlFor(req.path));
  });
}
