import request from 'supertest';
import { CSRF_COOKIE, CSRF_HEADER } from '@app/shared';

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * A browser-like API client: keeps cookies (session and CSRF) and sends the CSRF header on
 * state-changing requests, as the web client does.
 */
export class ApiClient {
  readonly agent: ReturnType<typeof request.agent>;
  private csrf = '';

  constructor(readonly baseUrl: string) {
    this.agent = request.agent(baseUrl);
  }

  /** Fetches the CSRF cookie (any GET sets it). */
  async init(): Promise<this> {
    const res = await this.agent.get('/api/auth/session').expect(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const csrf = cookies.find((c) => c.startsWith(`${CSRF_COOKIE}=`));
    if (csrf) this.csrf = csrf.split(';')[0].split('=')[1];
    if (!this.csrf) throw new Error('No CSRF cookie was set');
    return this;
  }

  request(method: Method, path: string, body?: unknown) {
    let req = this.agent[method](path);
    if (method !== 'get') req = req.set(CSRF_HEADER, this.csrf);
    if (body !== undefined) req = req.send(body as object);
    return req;
  }

  get(path: string) {
    return this.request('get', path);
  }
  post(path: string, body?: unknown) {
    return this.request('post', path, body);
  }
  put(path: string, body?: unknown) {
    return this.request('put', path, body);
  }
  patch(path: string, body?: unknown) {
    return this.request('patch', path, body);
  }
  delete(path: string, body?: unknown) {
    return this.request('delete', path, body);
  }

  /** The Cookie and CSRF headers this client sends, for a request made by hand (one cut off mid-body, say). */
  authHeaders(): Record<string, string> {
    const cookies = this.agent.jar.getCookies({ domain: new URL(this.baseUrl).hostname, path: '/', secure: false, script: false });
    return { Cookie: cookies.toValueString(), [CSRF_HEADER]: this.csrf };
  }

  /** multipart/form-data with any file fields (in the order given), as a browser's FormData sends it. */
  multipart(
    method: 'post' | 'put',
    path: string,
    parts: { files?: Record<string, { data: Buffer; name: string; type?: string }>; fields?: Record<string, string> },
  ) {
    let req = this.agent[method](path).set(CSRF_HEADER, this.csrf);
    for (const [name, value] of Object.entries(parts.fields ?? {})) req = req.field(name, value);
    for (const [field, file] of Object.entries(parts.files ?? {}))
      req = req.attach(field, file.data, { filename: file.name, contentType: file.type ?? 'application/octet-stream' });
    return req;
  }

  /** A multipart/form-data upload, as a browser's FormData sends it. */
  upload(path: string, parts: { file?: { data: Buffer; name: string; type?: string }; fields?: Record<string, string> }) {
    let req = this.agent.post(path).set(CSRF_HEADER, this.csrf);
    for (const [name, value] of Object.entries(parts.fields ?? {})) req = req.field(name, value);
    if (parts.file)
      req = req.attach('file', parts.file.data, { filename: parts.file.name, contentType: parts.file.type ?? 'application/octet-stream' });
    return req;
  }
}
