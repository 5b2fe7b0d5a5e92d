import { expectErrorShape, startTestApp, type TestApp } from './helpers/app';

describe('API core: health, error shape, headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reports app and database status', async () => {
    const c = await t.client();
    const res = await c.get('/api/health').expect(200);
    expect(res.body).toEqual({
      status: 'ok',
      database: 'up',
      databaseType: process.env.DATABASE_URL ? 'postgres' : 'sqlite',
      redis: process.env.REDIS_URL ? 'up' : 'not_configured',
      version: expect.any(String),
      uptimeSeconds: expect.any(Number),
      mail: { pending: expect.any(Number), failed: 0, lastError: null },
    });
  });

  it('answers unknown API routes with 404 in the error shape', async () => {
    const c = await t.client();
    const res = await c.get('/api/does-not-exist').expect(404);
    expectErrorShape(res.body, 404, 'NOT_FOUND');
    const post = await c.post('/api/does-not-exist', {}).expect(404);
    expectErrorShape(post.body, 404, 'NOT_FOUND');
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const c = await t.client();
    const res = await c.post('/api/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.de",').expect(400);
    expectErrorShape(res.body, 400, 'MALFORMED_JSON');
  });

  it('refuses bodies that are not JSON objects', async () => {
    const c = await t.client();
    for (const body of ['[1,2]', '"text"', '42']) {
      const res = await c.post('/api/auth/login').set('Content-Type', 'application/json').send(body);
      expect([400]).toContain(res.status);
      expectErrorShape(res.body, 400);
    }
  });

  it('refuses a body over 100 kB with 413', async () => {
    const c = await t.client();
    const res = await c.post('/api/auth/login', { email: 'a'.repeat(200_000), password: 'x' }).expect(413);
    expectErrorShape(res.body, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a state-changing request without the CSRF header', async () => {
    const c = await t.client();
    const res = await c.agent.post('/api/auth/login').send({ email: 'a@b.de', password: 'xxxxxxxxxxxx' }).expect(403);
    expectErrorShape(res.body, 403, 'CSRF_TOKEN_INVALID');
    const wrong = await c.agent.post('/api/auth/login').set('x-csrf-token', 'forged-token-forged-token-forged-token').send({}).expect(403);
    expectErrorShape(wrong.body, 403, 'CSRF_TOKEN_INVALID');
  });

  it('answers a bad path id with 400, not a database error', async () => {
    const c = await t.client();
    const res = await c.get("/api/areas/1' OR '1'='1").expect(400);
    expectErrorShape(res.body, 400, 'VALIDATION_FAILED');
    const enc = await c.get('/api/areas/%E0%A4%A').expect(400);
    expectErrorShape(enc.body, 400);
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const c = await t.client();
    const res = await c.get('/api/health').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('gives every response a request id and takes a well-formed incoming one', async () => {
    const c = await t.client();
    const own = await c.get('/api/health');
    expect(own.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const passed = await c.get('/api/health').set('x-request-id', 'trace-abc-123');
    expect(passed.headers['x-request-id']).toBe('trace-abc-123');
    const hostile = await c.get('/api/health').set('x-request-id', '<script>alert(1)</script>');
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps CORS closed by default', async () => {
    const c = await t.client();
    const res = await c.get('/api/health').set('Origin', 'https://evil.example');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('publishes an OpenAPI document and the docs UI', async () => {
    const c = await t.client();
    const doc = await c.get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/auth/login', '/api/areas', '/api/areas/{id}', '/api/admin/users']),
    );
    expect(doc.body.components.schemas.ErrorBodyDto).toBeDefined();
    const patchArea = doc.body.paths['/api/areas/{id}'].patch;
    expect(patchArea.parameters.find((p: { name: string }) => p.name === 'id').schema).toEqual({ type: 'string', format: 'uuid' });
    // A change needs the session cookie and the CSRF header; a public read says explicitly that it needs nothing.
    expect(patchArea.security).toEqual([{ session: [], csrf: [] }]);
    expect(doc.body.paths['/api/areas'].get.security).toEqual([]);
    const ui = await c.get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });
});
