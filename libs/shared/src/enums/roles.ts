/** Roles of an account. Moderators may be scoped to areas; administrators manage everything. */
export enum Role {
  Citizen = 'citizen',
  Moderator = 'moderator',
  Administrator = 'administrator',
}

export const ROLES: readonly Role[] = [Role.Citizen, Role.Moderator, Role.Administrator];
