import type { EntityManager } from 'typeorm';
import { ErrorCode, type FieldErrorDetail, type Role } from '@app/shared';
import { ApplicationSource, type ApplicationState } from '@app/shared/funds';
import { DomainError } from '../../common/errors/domain-error';
import type { User } from '../users/user.entity';
import { FundApplication, FundApplicationEvent } from './fund.entities';

/**
 * The writes of an application's lifecycle on one EntityManager (inside a transaction): optimistic
 * locking and the public timeline. No application changes without bumpVersion and recordEvent.
 */

export const changedMeanwhile = () =>
  new DomainError(ErrorCode.Conflict, 'The application was changed meanwhile. Reload it and try again.');

/**
 * The conditional UPDATE of optimistic locking: changes the application only if it is still at
 * `expected` (and, when given, still in `state`), and answers the new version.
 */
export async function bumpVersion(
  m: EntityManager,
  a: Pick<FundApplication, 'id' | 'version' | 'state'>,
  values: Partial<FundApplication> = {},
): Promise<number> {
  const version = a.version + 1;
  const result = await m
    .createQueryBuilder()
    .update(FundApplication)
    .set({ ...values, version })
    .where('id = :id AND version = :expected AND state = :state', { id: a.id, expected: a.version, state: a.state })
    .execute();
  if (!result.affected) throw changedMeanwhile();
  return version;
}

/** Who acted, as the timeline shows it: "applicant" when the person applying online acted on their own application. */
export function actorRoleOf(user: Pick<User, 'id' | 'role'>, a: Pick<FundApplication, 'applicantId' | 'source'>): Role | 'applicant' {
  return a.applicantId === user.id && a.source === ApplicationSource.Online ? 'applicant' : user.role;
}

export interface TimelineStep {
  kind: string;
  fromState: ApplicationState | null;
  toState: ApplicationState;
  reason?: string | null;
  data?: Record<string, unknown> | null;
}

/** One immutable step of the public timeline, at the application's new version. */
export async function recordStep(
  m: EntityManager,
  applicationId: string,
  version: number,
  actor: { id: string | null; role: Role | 'applicant' },
  step: TimelineStep,
): Promise<void> {
  await m.save(
    m.create(FundApplicationEvent, {
      applicationId,
      version,
      kind: step.kind,
      fromState: step.fromState,
      toState: step.toState,
      actorRole: actor.role,
      actorId: actor.id,
      reason: step.reason ?? null,
      data: step.data && Object.keys(step.data).length ? step.data : null,
    }),
  );
}

/** 422 for a rule of the domain, naming the field. */
export function unprocessable(field: string, message: string, rule: string, params?: FieldErrorDetail['params']): DomainError {
  return new DomainError(ErrorCode.UnprocessableEntity, message, [
    { field, messages: [message], rules: [rule], ...(params ? { params } : {}) },
  ]);
}
