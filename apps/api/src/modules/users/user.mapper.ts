import type { AdminUserResponse, MeResponse, PublicUserResponse } from '@app/shared';
import type { User } from './user.entity';

const areaIds = (user: User) => (user.moderatorAreas ?? []).map((a) => a.id).sort();

export function toMe(user: User): MeResponse {
  return {
    id: user.id,
    email: user.email ?? '',
    displayName: user.displayName ?? '',
    language: user.language,
    role: user.role,
    moderatorAreaIds: areaIds(user),
    emailVerified: Boolean(user.emailVerifiedAt),
    pendingEmail: user.pendingEmail,
    createdAt: user.createdAt.toISOString(),
  };
}

export function toAdminUser(user: User): AdminUserResponse {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    language: user.language,
    role: user.role,
    moderatorAreaIds: areaIds(user),
    emailVerified: Boolean(user.emailVerifiedAt),
    deleted: Boolean(user.deletedAt),
    createdAt: user.createdAt.toISOString(),
  };
}

export function toPublicUser(user: User): PublicUserResponse {
  return { id: user.id, displayName: user.deletedAt ? null : user.displayName };
}
