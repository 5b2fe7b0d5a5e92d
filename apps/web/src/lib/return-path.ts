import { isSafeReturnPath } from '@app/shared';

/**
 * `returnTo` from the address bar when it is a page of this app (the shared rule the API validates with
 * too): only same-site paths may be a return target; anything else would be an open redirect.
 */
export function safeReturnPath(value: string | null): string | null {
  return isSafeReturnPath(value) ? value : null;
}

/** `path` with `?returnTo=…` when there is somewhere to come back to (e.g. `/login` from `/join/CODE`). */
export function withReturnTo(path: string, returnTo: string | null): string {
  return returnTo ? `${path}?returnTo=${encodeURIComponent(returnTo)}` : path;
}
