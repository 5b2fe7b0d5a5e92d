import { RequestMethod, type Type } from '@nestjs/common';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';
import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@app/shared';
import { IS_PUBLIC } from '../auth/decorators';
import { ErrorBodyDto } from './api-errors';

/** The names of the two security schemes; integrators see them in every operation's `security`. */
export const SESSION_SCHEME = 'session';
export const CSRF_SCHEME = 'csrf';

const SAFE_METHODS = new Set<RequestMethod>([RequestMethod.GET, RequestMethod.HEAD, RequestMethod.OPTIONS]);
const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export interface OpenApiSettings {
  title: string;
  description: string;
  version: string;
  /** PUBLIC_URL: the one server the document describes. */
  publicUrl: string;
}

/** What the guards need from a caller, read from the same metadata they read. */
interface RouteAccess {
  isPublic: boolean;
  stateChanging: boolean;
}

/**
 * The OpenAPI document of the app. Security is not declared route by route: it follows from
 * what the AuthGuard (@Public()) and the CSRF middleware (state-changing methods) really
 * check, so a new route is described correctly without anybody remembering a decorator.
 */
export function buildOpenApiDocument(app: INestApplication, settings: OpenApiSettings): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(settings.title)
      .setDescription(settings.description)
      .setVersion(settings.version)
      .setLicense('EUPL-1.2', 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12')
      .addServer(settings.publicUrl)
      .addApiKey(
        {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description:
            'The session of a signed-in account: an httpOnly cookie set by POST /api/auth/login and removed by POST /api/auth/logout. ' +
            'Public operations read it too when it is sent (for example to show the caller’s own supports).',
        },
        SESSION_SCHEME,
      )
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: CSRF_HEADER,
          description:
            `Double-submit CSRF token: every answer makes sure the readable cookie "${CSRF_COOKIE}" is set; every state-changing request ` +
            `(POST, PUT, PATCH, DELETE), signed in or not, must send its value in the "${CSRF_HEADER}" header, or it is refused with 403.`,
        },
        CSRF_SCHEME,
      )
      .build(),
  );
  const access = routeAccess(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of OPERATION_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = operation.operationId ? access.get(operation.operationId) : undefined;
      if (!route) throw new Error(`OpenAPI: no controller handler found for ${method.toUpperCase()} ${path} (${operation.operationId})`);
      operation.security = securityOf(route);
      for (const param of operation.parameters ?? []) {
        if ('in' in param && param.in === 'path' && param.name === 'id') param.schema = { type: 'string', format: 'uuid' };
      }
      // Every request passes the body parser, so a body that is not valid JSON is refused with the
      // one error body even where the route reads nothing; clients of input-less routes see a 4xx too.
      if (!Object.keys(operation.responses).some((status) => /^4\d\d$/.test(status))) {
        operation.responses['400'] = {
          description: 'Malformed request (for example a body that is not valid JSON)',
          content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } } },
        };
      }
    }
  }
  return document;
}

/** The session where the AuthGuard demands one, the CSRF header where the middleware does. */
function securityOf(route: RouteAccess): Array<Record<string, string[]>> {
  const requirement: Record<string, string[]> = {};
  if (!route.isPublic) requirement[SESSION_SCHEME] = [];
  if (route.stateChanging) requirement[CSRF_SCHEME] = [];
  // An empty list says "no credentials needed", explicitly.
  return Object.keys(requirement).length ? [requirement] : [];
}

/**
 * Access of every controller handler, keyed like Nest's default operationId
 * (`<Controller>_<handler>`). @Public() is read handler first, then class, as the AuthGuard does.
 */
function routeAccess(app: INestApplication): Map<string, RouteAccess> {
  const scanner = new MetadataScanner();
  const access = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller?.prototype) continue;
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, object>)[name];
        if (Reflect.getMetadata('path', handler) === undefined) continue;
        const method = Reflect.getMetadata('method', handler) as RequestMethod;
        const isPublic = (Reflect.getMetadata(IS_PUBLIC, handler) ?? Reflect.getMetadata(IS_PUBLIC, controller)) === true;
        access.set(`${controller.name}_${name}`, { isPublic, stateChanging: !SAFE_METHODS.has(method) });
      }
    }
  }
  return access;
}
