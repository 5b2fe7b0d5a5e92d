import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CSRF_HEADER, SESSION_COOKIE } from '@app/shared';
import { startTestApp, type TestApp } from './helpers/app';
import {
  bodySchema,
  controllerRoutes,
  documentedOperations,
  fetchOpenApi,
  resolveSchema,
  servedRoutes,
  type ControllerRoute,
  type DocumentedOperation,
  type OpenApiDocument,
  type SchemaObject,
} from './helpers/routes';

/**
 * The OpenAPI document is the contract the web client and integrators read. It must list
 * every route the app really serves, and say who may call it and how it fails.
 */
describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let ops: DocumentedOperation[];
  let declared: ControllerRoute[];

  beforeAll(async () => {
    t = await startTestApp();
    doc = await fetchOpenApi(t);
    ops = documentedOperations(doc);
    declared = controllerRoutes(t.app);
  });
  afterAll(() => t.close());

  const declaredFor = (key: string) => declared.find((r) => r.key === key);

  it('is an OpenAPI 3 document with operations', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(ops.length).toBeGreaterThan(10);
  });

  it('reads the access metadata of the controllers correctly (self-check of this suite)', () => {
    expect(declaredFor('GET /api/areas')).toEqual(expect.objectContaining({ isPublic: true, roles: [], takesBody: false }));
    expect(declaredFor('POST /api/areas')).toEqual(expect.objectContaining({ isPublic: false, roles: ['administrator'], takesBody: true }));
    expect(declaredFor('GET /api/me')).toEqual(expect.objectContaining({ isPublic: false, roles: [], takesBody: false }));
    expect(declaredFor('PATCH /api/admin/users/{id}')).toEqual(expect.objectContaining({ isPublic: false, roles: ['administrator'] }));
    expect(declaredFor('POST /api/auth/logout')).toEqual(expect.objectContaining({ isPublic: true, takesBody: false }));
  });

  it('finds the same routes in the Express router and in the Nest controllers', () => {
    const served = servedRoutes(t.app);
    expect(served).toContain('GET /api/health');
    expect(served).toContain('PATCH /api/areas/{id}');
    const fromControllers = [...new Set(declared.map((r) => r.key))].sort();
    expect({
      servedButNotDeclared: served.filter((k) => !fromControllers.includes(k)),
      declaredButNotServed: fromControllers.filter((k) => !served.includes(k)),
    }).toEqual({
      servedButNotDeclared: [],
      declaredButNotServed: [],
    });
  });

  it('documents every route the app serves, and nothing it does not serve', () => {
    const served = servedRoutes(t.app);
    const documented = ops.map((o) => o.key).sort();
    expect({
      undocumented: served.filter((k) => !documented.includes(k)),
      documentedButNotServed: documented.filter((k) => !served.includes(k)),
    }).toEqual({
      undocumented: [],
      documentedButNotServed: [],
    });
  });

  it('gives every operation a summary and a unique operationId', () => {
    expect(ops.filter((o) => !o.operation.summary?.trim()).map((o) => o.key)).toEqual([]);
    const ids = ops.map((o) => o.operation.operationId);
    expect(ids.filter((id, i) => !id || ids.indexOf(id) !== i)).toEqual([]);
  });

  it('documents a success response for every operation', () => {
    expect(ops.filter((o) => !Object.keys(o.operation.responses).some((s) => /^2\d\d$/.test(s))).map((o) => o.key)).toEqual([]);
  });

  it('documents 401 for every operation that needs a signed-in account', () => {
    const missing = ops
      .filter((o) => {
        const route = declaredFor(o.key);
        if (!route) throw new Error(`${o.key} is documented but no controller declares it`);
        return !route.isPublic && !o.operation.responses['401'];
      })
      .map((o) => o.key);
    expect(missing).toEqual([]);
  });

  it('documents 403 for every operation restricted to roles', () => {
    const missing = ops.filter((o) => (declaredFor(o.key)?.roles.length ?? 0) > 0 && !o.operation.responses['403']).map((o) => o.key);
    expect(missing).toEqual([]);
  });

  it('documents 400 for every operation that takes a body or a path parameter', () => {
    const withInput = ops.filter((o) => o.operation.requestBody || o.path.includes('{'));
    expect(withInput.length).toBeGreaterThan(0);
    expect(withInput.filter((o) => !o.operation.responses['400']).map((o) => o.key)).toEqual([]);
  });

  it('describes every error response with the one error body', () => {
    const wrong = ops.flatMap((o) =>
      Object.entries(o.operation.responses)
        .filter(([status]) => /^[45]\d\d$/.test(status) && status !== '503')
        .filter(([, response]) => response.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBodyDto')
        .map(([status]) => `${o.key} → ${status}`),
    );
    expect(wrong).toEqual([]);
    const error = resolveSchema(doc, { $ref: '#/components/schemas/ErrorBodyDto' });
    expect(Object.keys(error.properties ?? {}).sort()).toEqual(['code', 'details', 'error', 'message', 'statusCode']);
    expect(error.required?.sort()).toEqual(['code', 'error', 'message', 'statusCode']);
  });

  it('documents every path parameter', () => {
    const missing = ops.flatMap((o) =>
      [...o.path.matchAll(/\{([^}]+)\}/g)]
        .map((m) => m[1])
        .filter((name) => !o.operation.parameters?.some((p) => p.in === 'path' && p.name === name && p.required))
        .map((name) => `${o.key}: {${name}}`),
    );
    expect(missing).toEqual([]);
  });

  it('describes every request body by a DTO schema with properties', () => {
    const problems: string[] = [];
    const withBody = ops.filter((o) => o.operation.requestBody);
    expect(withBody.length).toBeGreaterThan(0);
    for (const o of withBody) {
      const multipart = o.operation.requestBody!.content['multipart/form-data'];
      if (multipart) {
        // Uploads: a form with a binary file part and documented text fields.
        const properties = Object.values(multipart.schema.properties ?? {});
        if (!properties.some((p) => p.format === 'binary')) problems.push(`${o.key}: multipart body without a binary file part`);
        if (properties.some((p) => !p.type)) problems.push(`${o.key}: multipart field without a type`);
        continue;
      }
      const csv = o.operation.requestBody!.content['text/csv'];
      if (csv) {
        // A file sent as the body itself (the indicator import): a string, read by the handler from the stream.
        if (csv.schema.type !== 'string') problems.push(`${o.key}: text/csv body that is not a string`);
        continue;
      }
      const json = o.operation.requestBody!.content['application/json'];
      if (!json) {
        problems.push(`${o.key}: request body is not application/json`);
        continue;
      }
      if (!json.schema.$ref?.startsWith('#/components/schemas/')) {
        problems.push(`${o.key}: request body is an inline schema, not a DTO reference`);
        continue;
      }
      problems.push(...schemaProblems(doc, bodySchema(doc, o.operation)!, `${o.key} ${json.schema.$ref.split('/').pop()}`));
    }
    expect(problems).toEqual([]);
  });

  it('documents a request body exactly where the handler reads one', () => {
    const problems = ops.flatMap((o) => {
      const route = declaredFor(o.key);
      if (!route) return [`${o.key}: no controller declares it`];
      if (route.takesBody && !o.operation.requestBody)
        return [`${o.key}: ${route.controller}.${route.handler} reads @Body() but the document shows no request body`];
      // A raw text/csv body is read from the request stream, not through @Body().
      if (!route.takesBody && o.operation.requestBody && !o.operation.requestBody.content['text/csv'])
        return [`${o.key}: documents a request body that ${route.controller}.${route.handler} never reads`];
      return [];
    });
    expect(declared.some((r) => r.takesBody)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('names the real session cookie in its security scheme', () => {
    const schemes = Object.values(doc.components.securitySchemes ?? {}) as Array<{ type: string; in?: string; name?: string }>;
    expect(schemes).toContainEqual(expect.objectContaining({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }));
  });

  it('describes the session cookie and the CSRF header as the two security schemes', () => {
    expect(doc.components.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: SESSION_COOKIE }),
      csrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: CSRF_HEADER }),
    });
  });

  it('declares on every operation what the guards demand: the session unless @Public(), the CSRF header on every state-changing method, [] where nothing', () => {
    const wrong = ops.flatMap((o) => {
      const route = declaredFor(o.key);
      if (!route) return [`${o.key}: no controller declares it`];
      const needs: Record<string, string[]> = {};
      if (!route.isPublic) needs.session = [];
      if (o.method !== 'get') needs.csrf = [];
      const expected = Object.keys(needs).length ? [needs] : [];
      return JSON.stringify(o.operation.security) === JSON.stringify(expected)
        ? []
        : [`${o.key}: ${JSON.stringify(o.operation.security)} instead of ${JSON.stringify(expected)}`];
    });
    expect(wrong).toEqual([]);
    // Both kinds exist, so the rule above is tested on both sides.
    expect(ops.some((o) => o.operation.security?.length === 0)).toBe(true);
    expect(ops.some((o) => declaredFor(o.key)?.isPublic && o.method === 'post')).toBe(true);
  });

  it('names its server (PUBLIC_URL) and its licence (EUPL-1.2)', () => {
    const full = doc as OpenApiDocument & { servers?: Array<{ url: string }>; info: { license?: { name: string; url?: string } } };
    expect(full.servers).toEqual([expect.objectContaining({ url: t.config.publicUrl })]);
    expect(full.info.license).toEqual(expect.objectContaining({ name: 'EUPL-1.2', url: expect.stringMatching(/^https:\/\//) }));
  });

  it('answers with the documented 400 where that is the only documented 4xx: a body that is not JSON', async () => {
    const only400 = ops.filter(
      (o) =>
        Object.keys(o.operation.responses)
          .filter((s) => /^4\d\d$/.test(s))
          .join() === '400' && !o.path.includes('{'),
    );
    expect(only400.map((o) => o.key)).toContain('GET /api/health');
    for (const o of only400.filter((x) => x.method === 'get')) {
      const res = await request(t.url).get(o.path).set('content-type', 'application/json').send('{not json');
      expect({ key: o.key, status: res.status, code: typeof res.body.code }).toEqual({ key: o.key, status: 400, code: 'string' });
    }
  });

  // The tools are ES modules, which jest (CommonJS here) cannot load: the check runs as its own process.
  it('passes the contract check: valid for @apidevtools/swagger-parser, no problem under Redocly’s recommended rules, a typed client (openapi-typescript) that compiles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'soziale-stadt-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(doc));
      const run = spawnSync(process.execPath, [join(__dirname, '../contract/check.mjs'), file], { encoding: 'utf8', timeout: 120000 });
      expect({ status: run.status, output: run.stderr.trim() }).toEqual({ status: 0, output: '' });
      expect(run.stdout).toContain('contract: OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180000);
});

/** An object schema with properties; every required field exists; nested objects likewise. */
function schemaProblems(doc: OpenApiDocument, schema: SchemaObject, where: string, depth = 0): string[] {
  if (depth > 5) return [];
  const problems: string[] = [];
  if (schema.type !== 'object') problems.push(`${where}: type is ${schema.type ?? 'missing'}, expected object`);
  const props = schema.properties ?? {};
  if (!Object.keys(props).length) problems.push(`${where}: has no properties`);
  for (const name of schema.required ?? [])
    if (!props[name]) problems.push(`${where}: required field "${name}" is not among the properties`);
  for (const [name, prop] of Object.entries(props)) {
    const resolved = resolveSchema(doc, prop);
    if (!resolved.type && !resolved.enum) problems.push(`${where}.${name}: has neither type nor enum`);
    if (resolved.type === 'array' && !resolved.items) problems.push(`${where}.${name}: array without items`);
    if (prop.$ref || resolved.type === 'object') problems.push(...schemaProblems(doc, resolved, `${where}.${name}`, depth + 1));
  }
  return problems;
}
