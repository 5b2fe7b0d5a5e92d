import { CSRF_COOKIE, CSRF_HEADER, type ApiErrorBody, type FieldErrorDetail } from '@app/shared';

/** Codes the client produces itself; the API's codes live in ErrorCode. */
export const CLIENT_ERROR_NETWORK = 'NETWORK_ERROR';
export const CLIENT_ERROR_UNKNOWN = 'UNKNOWN_ERROR';

/** A failed API call, carrying the machine-readable code the UI translates. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldErrorDetail[] = [],
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

function readCookie(name: string): string | null {
  const prefix = `${name}=`;
  for (const part of document.cookie.split(';')) {
    const trimmed = part.trim();
    if (trimmed.startsWith(prefix)) return decodeURIComponent(trimmed.slice(prefix.length));
  }
  return null;
}

/** The server sets the CSRF cookie on any response; the session endpoint is the cheapest way to get one. */
async function csrfToken(forceRefresh = false): Promise<string> {
  const existing = forceRefresh ? null : readCookie(CSRF_COOKIE);
  if (existing) return existing;
  await fetch('/api/auth/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return readCookie(CSRF_COOKIE) ?? '';
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'code' in value && 'message' in value;
}

async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = Number(response.headers.get('Retry-After'));
  const retryAfterSeconds = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null;
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (e.g. a proxy error page): fall through to a generic error.
  }
  if (isApiErrorBody(body)) {
    return new ApiError(response.status, body.code, body.message, body.details ?? [], retryAfterSeconds);
  }
  return new ApiError(response.status, CLIENT_ERROR_UNKNOWN, response.statusText, [], retryAfterSeconds);
}

/** Upload progress as a fraction 0..1 (only for FormData bodies, which go through XMLHttpRequest). */
export type ProgressListener = (fraction: number) => void;

function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/**
 * fetch cannot report upload progress, so multipart bodies go through XMLHttpRequest; the answer
 * is wrapped in a Response so that error parsing and the CSRF retry stay the same.
 */
function sendForm(method: Method, path: string, headers: Record<string, string>, body: FormData, onProgress?: ProgressListener) {
  return new Promise<Response>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, path);
    xhr.withCredentials = true;
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
    }
    xhr.onload = () => {
      const status = xhr.status;
      const nullBody = status === 204 || status === 205 || status === 304;
      resolve(
        new Response(nullBody ? null : xhr.responseText, {
          status,
          statusText: xhr.statusText,
          headers: parseHeaders(xhr.getAllResponseHeaders()),
        }),
      );
    };
    xhr.onerror = () => reject(new Error('Network error'));
    xhr.onabort = () => reject(new Error('Aborted'));
    xhr.send(body);
  });
}

/** A file to send as the whole request body, with the given media type (not multipart, not JSON). */
class RawFile {
  constructor(
    readonly blob: Blob,
    readonly type: string,
  ) {}
}

async function send(method: Method, path: string, body: unknown, refreshCsrf: boolean, onProgress?: ProgressListener): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const isForm = body instanceof FormData;
  // A file sent as it is (the indicator CSV import): its own media type, the bytes unchanged.
  const isFile = body instanceof RawFile;
  // The browser sets multipart/form-data with its boundary itself.
  if (isFile) headers['Content-Type'] = body.type;
  else if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers[CSRF_HEADER] = await csrfToken(refreshCsrf);
  try {
    if (isForm) return await sendForm(method, path, headers, body, onProgress);
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: isFile ? body.blob : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, CLIENT_ERROR_NETWORK, error instanceof Error ? error.message : String(error));
  }
}

/** Sends the request; retries once with a fresh CSRF token if the server rejected the old one. */
async function request(method: Method, path: string, body?: unknown, onProgress?: ProgressListener): Promise<Response> {
  let response = await send(method, path, body, false, onProgress);
  if (response.status === 403 && method !== 'GET') {
    const error = await toApiError(response.clone());
    if (error.code === 'CSRF_TOKEN_INVALID') response = await send(method, path, body, true, onProgress);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function json<T>(method: Method, path: string, body?: unknown, onProgress?: ProgressListener): Promise<T> {
  const response = await request(method, path, body, onProgress);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string) => json<T>('GET', path),
  post: <T>(path: string, body?: unknown) => json<T>('POST', path, body ?? {}),
  patch: <T>(path: string, body: unknown) => json<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => json<T>('PUT', path, body),
  delete: <T>(path: string, body?: unknown) => json<T>('DELETE', path, body),
  /** multipart/form-data (file uploads; POST unless said otherwise), with the same CSRF handling and errors as every write. */
  upload: <T>(path: string, form: FormData, onProgress?: ProgressListener, method: 'POST' | 'PUT' = 'POST') =>
    json<T>(method, path, form, onProgress),
  /** A file as the raw body (e.g. text/csv), with the same CSRF handling and errors as every write. */
  postFile: <T>(path: string, file: Blob, type: string) => json<T>('POST', path, new RawFile(file, type)),
};

/** Fetches a file the server sends as an attachment (made by a POST when a body is given) and hands it to the browser's download. */
export async function downloadFile(path: string, fallbackName: string, body?: unknown): Promise<void> {
  const response = body === undefined ? await request('GET', path) : await request('POST', path, body);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename="?([^";]+)"?/i.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = match?.[1] ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Builds a query string from the defined, non-empty values only. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
