import type { EntityManager } from 'typeorm';
import { AreaType, calendarDate, ErrorCode, isCalendarDate } from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import type { ApplicationCostItem } from '@app/shared/funds';
import { Area } from '../areas/area.entity';
import { FieldOfAction } from '../fields-of-action/field-of-action.entity';
import { Project } from '../projects/project.entities';
import { Proposal } from '../proposals/proposal.entity';
import { unprocessable } from './application-store';
import type { Fund } from './fund.entities';
import { euros } from './fund-money';

/** The rules an application's content must keep (422 naming the limit); the DTO has already refused malformed input (400). */

export function assertCalendarDate(field: string, value: string | null | undefined): void {
  if (value === null || value === undefined) return;
  if (!isCalendarDate(value)) {
    throw unprocessable(field, `${field} must be a real calendar date in the form YYYY-MM-DD (e.g. 2026-03-01).`, 'date_format');
  }
}

export function assertDateOrder(startField: string, start: string | null | undefined, endField: string, end: string | null | undefined) {
  assertCalendarDate(startField, start);
  assertCalendarDate(endField, end);
  if (start && end && start > end) {
    throw unprocessable(endField, `${endField} (${end}) lies before ${startField} (${start}).`, 'date_order');
  }
}

/**
 * Applying and submitting happen within the fund's application period (Europe/Berlin calendar days,
 * inclusive) and before the fund is decided: a fund is decided once, so a later application could
 * never be decided (409).
 */
export function assertPeriodOpen(
  fund: Pick<Fund, 'applicationStart' | 'applicationEnd' | 'decidedAt' | 'decisionDate'>,
  now = new Date(),
  what = 'Applications',
): void {
  if (fund.decidedAt) {
    throw new DomainError(
      ErrorCode.Conflict,
      `This fund was decided on ${fund.decisionDate ?? calendarDate(fund.decidedAt)} and takes no more applications; apply to the next fund of this Aktionsraum.`,
    );
  }
  const today = calendarDate(now);
  if (today < fund.applicationStart || today > fund.applicationEnd) {
    const when = today < fund.applicationStart ? 'has not begun yet' : 'is over';
    throw unprocessable(
      'applicationPeriod',
      `${what} to this fund are taken from ${fund.applicationStart} to ${fund.applicationEnd}; the application period ${when} (today is ${today}).`,
      'application_period',
      { applicationStart: fund.applicationStart, applicationEnd: fund.applicationEnd, today },
    );
  }
}

/** The requested amount is the sum of the cost items and at most the fund's maximum per application. */
export function assertAmounts(fund: Pick<Fund, 'maxPerApplicationCents'>, costItems: ApplicationCostItem[], requestedAmountCents: number) {
  const sum = costItems.reduce((total, item) => total + item.amountCents, 0);
  if (sum !== requestedAmountCents) {
    throw unprocessable(
      'requestedAmountCents',
      `The requested amount (${euros(requestedAmountCents)}) must equal the sum of the cost items (${euros(sum)}).`,
      'sum_of_cost_items',
      { sumCents: sum, requestedCents: requestedAmountCents },
    );
  }
  if (requestedAmountCents > fund.maxPerApplicationCents) {
    throw unprocessable(
      'requestedAmountCents',
      `The requested amount (${euros(requestedAmountCents)}) is more than the fund's maximum per application (${euros(fund.maxPerApplicationCents)}).`,
      'amount_above_limit',
      { maxCents: fund.maxPerApplicationCents, requestedCents: requestedAmountCents },
    );
  }
}

export interface ApplicationReferences {
  fieldOfActionId?: string | null;
  neighbourhoodId?: string | null;
  proposalId?: string | null;
  projectIdeaId?: string | null;
}

/** Referenced records exist: a Handlungsfeld, a Quartier of the fund's Aktionsraum, a proposal, a project. */
export async function assertReferences(m: EntityManager, fund: Pick<Fund, 'areaId'>, refs: ApplicationReferences): Promise<void> {
  if (refs.fieldOfActionId && !(await m.existsBy(FieldOfAction, { id: refs.fieldOfActionId }))) {
    throw unprocessable('fieldOfActionId', 'There is no such Handlungsfeld; choose one listed at /api/fields-of-action.', 'reference');
  }
  if (refs.neighbourhoodId) {
    const area = await m.findOneBy(Area, { id: refs.neighbourhoodId });
    if (!area || area.type !== AreaType.Neighbourhood || area.parentId !== fund.areaId) {
      throw unprocessable('neighbourhoodId', "The Quartier must be one of the fund's Aktionsraum.", 'reference');
    }
  }
  if (refs.proposalId && !(await m.existsBy(Proposal, { id: refs.proposalId }))) {
    throw unprocessable('proposalId', 'There is no such proposal.', 'reference');
  }
  if (refs.projectIdeaId && !(await m.existsBy(Project, { id: refs.projectIdeaId }))) {
    throw unprocessable('projectIdeaId', 'There is no such project idea.', 'reference');
  }
}
