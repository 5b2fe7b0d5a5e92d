import { Role } from '@app/shared';
import type { Area } from '../areas/area.entity';
import type { User } from './user.entity';

/**
 * The one area-scope rule: administrators and moderators without areas act everywhere; a scoped
 * moderator acts in their areas and in the areas directly inside them (an Aktionsraum's Quartiere).
 */
export function moderatesArea(user: Pick<User, 'role' | 'moderatorAreas'>, area: Pick<Area, 'id' | 'parentId'>): boolean {
  if (user.role === Role.Administrator) return true;
  if (user.role !== Role.Moderator) return false;
  const scope = (user.moderatorAreas ?? []).map((a) => a.id);
  return scope.length === 0 || scope.includes(area.id) || (area.parentId !== null && scope.includes(area.parentId));
}
