import type { Language } from '../enums/languages';
import type { Role } from '../enums/roles';

/** What an administrator sees of an account in the user list. */
export interface AdminUserResponse {
  id: string;
  email: string | null;
  displayName: string | null;
  language: Language;
  role: Role;
  moderatorAreaIds: string[];
  emailVerified: boolean;
  deleted: boolean;
  createdAt: string;
}

export interface AdminUpdateUserRequest {
  role?: Role;
  /** Only meaningful for moderators: the areas they may moderate. Empty = all areas. */
  moderatorAreaIds?: string[];
}

/** What anybody may see of another person: the pseudonym, nothing else. */
export interface PublicUserResponse {
  id: string;
  /** null when the account was deleted; show "Deleted account" (common.deletedUser). */
  displayName: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
