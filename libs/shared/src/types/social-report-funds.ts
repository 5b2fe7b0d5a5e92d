import type { ApplicationState } from '../funds/application-states';
import type { ProjectState } from '../workflow/states';

/**
 * The Aktionsraumfonds in an area's profile of the social report (issue 17): the area's funds by year
 * with their money, and what they financed. Amounts in whole cents. Only public facts: no contact data,
 * no drafts, nothing that was not approved.
 */
export interface ProfileFundItem {
  id: string;
  year: number;
  title: string;
  amountCents: number;
  /** Approved to applications that still commit money (approved and later, not withdrawn). */
  approvedCents: number;
  paidCents: number;
  returnedCents: number;
  /** amount − approved + returned. */
  remainingCents: number;
  decided: boolean;
}

/** An application the fund financed (approved or later), with the Einzelprojekt it became, if any. */
export interface ProfileFundedApplication {
  id: string;
  fundId: string;
  year: number;
  title: string;
  /** Null when a private person's name was erased after the retention period. */
  applicantName: string | null;
  state: ApplicationState;
  approvedAmountCents: number;
  paidAmountCents: number | null;
  project: { id: string; title: string; state: ProjectState } | null;
}

export interface ProfileFunds {
  /** The area's funds, newest year first. */
  items: ProfileFundItem[];
  /** What they financed, newest year first, then by title. */
  financed: ProfileFundedApplication[];
}
