import type { Language } from '../enums/languages';
import type { Role } from '../enums/roles';

/** Limits shared by the API's validation and the web's form hints. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const DISPLAY_NAME_MIN_LENGTH = 2;
export const DISPLAY_NAME_MAX_LENGTH = 60;
export const EMAIL_MAX_LENGTH = 254;

/**
 * A page of this app to come back to after signing in or confirming an address (`returnTo`): a path
 * starting with one "/" (never "//" or "/\\", which a browser reads as another host), no spaces or
 * control characters. The web's links and the API's validation use this one rule.
 */
export const RETURN_PATH_MAX_LENGTH = 300;
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
export const RETURN_PATH_PATTERN = /^\/(?![/\\])[^\s\u0000-\u001f\u007f]*$/;
export function isSafeReturnPath(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.length <= RETURN_PATH_MAX_LENGTH && RETURN_PATH_PATTERN.test(value);
}

/** Name of the cookie that carries the CSRF token and of the header that must echo it. */
export const CSRF_COOKIE = 'csrf_token';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'sid';

/** How long the links in mails stay valid, in hours (mail texts and UI hints both use these). */
export const TOKEN_TTL_HOURS = {
  verifyEmail: 48,
  changeEmail: 48,
  resetPassword: 1,
} as const;

export interface RegisterRequest {
  email: string;
  password: string;
  displayName: string;
  language?: Language;
  /** The page to come back to after confirming the address (see isSafeReturnPath); the mailed link carries it. */
  returnTo?: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** Confirms an address; password only while several registrations wait for it (PASSWORD_REQUIRED). */
export interface VerifyEmailRequest {
  token: string;
  password?: string;
}

export interface EmailRequest {
  email: string;
}

export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface ChangeEmailRequest {
  newEmail: string;
  currentPassword: string;
}

export interface UpdateProfileRequest {
  displayName?: string;
  language?: Language;
}

export interface DeleteAccountRequest {
  password: string;
}

/** The signed-in user's own view of their account. */
export interface MeResponse {
  id: string;
  email: string;
  displayName: string;
  language: Language;
  role: Role;
  moderatorAreaIds: string[];
  emailVerified: boolean;
  pendingEmail: string | null;
  createdAt: string;
}

export interface SessionResponse {
  user: MeResponse | null;
}

export interface MessageResponse {
  message: string;
}
