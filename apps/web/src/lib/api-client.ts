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

async function send(method: Method, path: string, body: unknown, refreshCsrf: boolean): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers[CSRF_HEADER] = await csrfToken(refreshCsrf);
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(0, CLIENT_ERROR_NETWORK, error instanceof Error ? error.message : String(error));
  }
}

/** Sends the request; retries once with a fresh CSRF token if the server rejected the old one. */
async function request(method: Method, path: string, body?: unknown): Promise<Response> {
  let response = await send(method, path, body, false);
  if (response.status === 403 && method !== 'GET') {
    const error = await toApiError(response.clone());
    if (error.code === 'CSRF_TOKEN_INVALID') response = await send(method, path, body, true);
  }
  if (!response.ok) throw await toApiError(response);
  return response;
}

async function json<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const response = await request(method, path, body);
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
};

/** Fetches a file the server sends as an attachment and hands it to the browser's download. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await request('GET', path);
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
