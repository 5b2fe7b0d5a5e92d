import { In, type EntityManager } from 'typeorm';
import { ApplicationSource, applicationDataOnAccountDeletion, FundApplicantKind } from '@app/shared/funds';
import { FundApplication } from './fund.entities';

/**
 * Personal data of fund applications that has served its purpose: erased when the applicant deletes
 * their account (DSGVO Art. 17; which applications, by state, is the shared model's
 * applicationDataOnAccountDeletion) and by the retention period after an application has ended
 * (RetentionService). Erased means: no contact data, and no name when a private person applied.
 * The columns are not nullable, so an erased name or contact name is the empty string; the mappers
 * turn it into null (isErased).
 */

export const isErased = (value: string): boolean => value === '';

/** Erases the applicant's contact data (and a private person's name) of these applications. */
export async function eraseApplicantData(m: EntityManager, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await m.update(FundApplication, { id: In(ids) }, { contactName: '', contactEmail: null, contactPhone: null, contactAddress: null });
  await m.update(FundApplication, { id: In(ids), applicantKind: FundApplicantKind.Person }, { applicantName: '' });
}

/**
 * Runs in the transaction that deletes the account (UsersService.deleteAccount): the person's own
 * online applications (paper applications a moderator entered belong to whoever applied on paper).
 * Drafts are deleted (their files go with the next clean-up of orphaned uploads); applications
 * without granted money are erased; a grant record is kept for the retention period.
 */
export async function forgetApplicant(m: EntityManager, userId: string): Promise<void> {
  const own = await m.find(FundApplication, {
    where: { applicantId: userId, source: ApplicationSource.Online },
    select: { id: true, state: true },
  });
  const withOutcome = (outcome: ReturnType<typeof applicationDataOnAccountDeletion>) =>
    own.filter((a) => applicationDataOnAccountDeletion(a.state) === outcome).map((a) => a.id);
  const drafts = withOutcome('delete');
  if (drafts.length) await m.delete(FundApplication, { id: In(drafts) });
  await eraseApplicantData(m, withOutcome('erase'));
}
