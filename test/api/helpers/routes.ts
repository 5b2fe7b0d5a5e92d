import { RequestMethod } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IS_PUBLIC, ROLES } from '../../../apps/api/src/common/auth/decorators';
import type { TestApp } from './app';

/**
 * The route list seen three ways: as the OpenAPI document publishes it, as Express really
 * serves it, and as the Nest controllers declare it (with their @Public/@Roles metadata).
 * Every route is named by one key: "METHOD /api/path/{param}".
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

/** The parts of OpenAPI 3 this suite reads. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  properties?: Record<string, SchemaObject>;
  required?: string[];
  items?: SchemaObject;
  allOf?: SchemaObject[];
  example?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
}
export interface OperationObject {
  operationId?: string;
  summary?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: SchemaObject }>;
  requestBody?: { required?: boolean; content: Record<string, { schema: SchemaObject }> };
  responses: Record<string, { description?: string; content?: Record<string, { schema: SchemaObject }> }>;
  security?: unknown[];
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Partial<Record<HttpMethod, OperationObject>>>;
  components: { schemas: Record<string, SchemaObject>; securitySchemes?: Record<string, unknown> };
}

export interface DocumentedOperation {
  key: string;
  method: HttpMethod;
  path: string;
  operation: OperationObject;
}

export const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

/** Express writes /api/areas/:id, OpenAPI /api/areas/{id}. */
export const toOpenApiPath = (expressPath: string) => expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export async function fetchOpenApi(t: TestApp): Promise<OpenApiDocument> {
  const c = await t.client();
  const res = await c.get('/api/docs-json').expect(200);
  return res.body as OpenApiDocument;
}

export function documentedOperations(doc: OpenApiDocument): DocumentedOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    HTTP_METHODS.filter((m) => item[m]).map((method) => ({ key: routeKey(method, path), method, path, operation: item[method]! })),
  );
}

/** Follows a local $ref (#/components/schemas/Name) to its schema. */
export function resolveSchema(doc: OpenApiDocument, schema: SchemaObject): SchemaObject {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components.schemas[name];
    if (!target) throw new Error(`The OpenAPI document refers to a schema that does not exist: ${schema.$ref}`);
    return resolveSchema(doc, target);
  }
  if (schema.allOf?.length === 1) return { ...resolveSchema(doc, schema.allOf[0]), ...schema, allOf: undefined };
  return schema;
}

/** The JSON request body schema of an operation, resolved, or null when it takes no body. */
export function bodySchema(doc: OpenApiDocument, op: OperationObject): SchemaObject | null {
  const json = op.requestBody?.content['application/json'];
  return json ? resolveSchema(doc, json.schema) : null;
}

/** Puts values into a path template: fill('/api/areas/{id}', { id }) → /api/areas/<id>. */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for path parameter {${name}} of ${template}`);
    return encodeURIComponent(value);
  });
}

interface ExpressLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/**
 * The routes Express really answers, straight from its router stack. Left out: the docs
 * (served by SwaggerModule itself) and wildcard mounts of middleware (they carry every method).
 */
export function servedRoutes(app: NestExpressApplication): string[] {
  const instance = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  const keys = new Set<string>();
  for (const layer of instance.router.stack) {
    if (!layer.route) continue;
    for (const path of ([] as string[]).concat(layer.route.path)) {
      if (path === '/api/docs' || path.startsWith('/api/docs/') || path.startsWith('/api/docs-')) continue;
      if (path.includes('*')) continue;
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all') keys.add(routeKey(method, toOpenApiPath(path)));
      }
    }
  }
  return [...keys].sort();
}

export interface ControllerRoute {
  key: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  roles: string[];
  /** The handler reads the request body (@Body()). */
  takesBody: boolean;
}

const METHOD_NAMES: Partial<Record<RequestMethod, string>> = {
  [RequestMethod.GET]: 'GET',
  [RequestMethod.POST]: 'POST',
  [RequestMethod.PUT]: 'PUT',
  [RequestMethod.PATCH]: 'PATCH',
  [RequestMethod.DELETE]: 'DELETE',
  [RequestMethod.ALL]: 'ALL',
  [RequestMethod.OPTIONS]: 'OPTIONS',
  [RequestMethod.HEAD]: 'HEAD',
};

const joinPath = (...parts: string[]) =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/**
 * Every handler the Nest controllers declare, with the access metadata the AuthGuard reads
 * (handler first, then class, like Reflector.getAllAndOverride). The global prefix is "api".
 */
export function controllerRoutes(app: NestExpressApplication, globalPrefix = 'api'): ControllerRoute[] {
  const scanner = new MetadataScanner();
  const routes: ControllerRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller?.prototype) continue;
      const base = ([] as string[]).concat(Reflect.getMetadata('path', controller) ?? '/');
      for (const name of scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as object;
        const path = Reflect.getMetadata('path', handler) as string | string[] | undefined;
        if (path === undefined) continue;
        const method = METHOD_NAMES[Reflect.getMetadata('method', handler) as RequestMethod] ?? 'UNKNOWN';
        const args = (Reflect.getMetadata('__routeArguments__', controller, name) ?? {}) as Record<string, unknown>;
        const takesBody = Object.keys(args).some((k) => k.split(':')[0] === String(RouteParamtypes.BODY));
        const pick = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        for (const b of base) {
          for (const p of ([] as string[]).concat(path)) {
            routes.push({
              key: routeKey(method, toOpenApiPath(joinPath(globalPrefix, b, p))),
              controller: controller.name,
              handler: name,
              isPublic: pick<boolean>(IS_PUBLIC) === true,
              roles: pick<string[]>(ROLES) ?? [],
              takesBody,
            });
          }
        }
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
