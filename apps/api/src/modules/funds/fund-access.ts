import { Role } from '@app/shared';
import {
  APPLICATION_TRANSITIONS,
  ApplicationState,
  APPLICANT,
  checkApplicationTransition,
  type ApplicationTransitionId,
} from '@app/shared/funds';
import type { Area } from '../areas/area.entity';
import { moderatesArea } from '../users/moderator-scope';
import type { User } from '../users/user.entity';
import type { FundApplication } from './fund.entities';

/**
 * Who sees and does what with an application. The transitions' actors are the shared model's; what
 * it leaves to the API is here: a moderator scoped to areas acts only on funds of those areas, drafts
 * are private, contact data is private.
 */

export const isApplicantOf = (user: Pick<User, 'id'> | undefined, a: Pick<FundApplication, 'applicantId'>): boolean =>
  Boolean(user && a.applicantId !== null && a.applicantId === user.id);

/** Staff of the fund's area: administrators, and moderators whose scope covers the Aktionsraum. */
export const isStaffOf = (user: User | undefined, area: Pick<Area, 'id' | 'parentId'>): boolean =>
  Boolean(user && moderatesArea(user, area));

/** Drafts: the applicant and administrators (the project office) only; everything else is public. */
export const maySee = (user: User | undefined, a: FundApplication): boolean =>
  a.state !== ApplicationState.Draft || isApplicantOf(user, a) || user?.role === Role.Administrator;

/** Contact data: the applicant, administrators and the moderators of the fund's area. */
export const maySeeContact = (user: User | undefined, a: FundApplication, area: Area): boolean =>
  isApplicantOf(user, a) || isStaffOf(user, area);

/**
 * The transitions the person may make now (their actor kind fits and the state allows it; input is
 * asked for when they make it). A scoped moderator of another area gets only what they may do as applicant.
 */
export function allowedTransitions(user: User | undefined, a: FundApplication, area: Area): ApplicationTransitionId[] {
  if (!user) return [];
  const applicant = isApplicantOf(user, a);
  const staff = isStaffOf(user, area);
  return APPLICATION_TRANSITIONS.filter((t) => {
    const source = t.from.find((s) => s.state === a.state);
    if (!source) return false;
    if (!staff && !source.actors.includes(APPLICANT)) return false;
    const check = checkApplicationTransition({ state: a.state }, { role: user.role, isApplicant: applicant }, t.id, {});
    return check.ok || check.reason === 'missing_fields';
  }).map((t) => t.id);
}
