import type { Language } from '../enums/languages';
import type { Role } from '../enums/roles';

/** Limits shared by the API's validation and the web's form hints. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const DISPLAY_NAME_MIN_LENGTH = 2;
export const DISPLAY_NAME_MAX_LENGTH = 60;
export const EMAIL_MAX_LENGTH = 254;

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
