import { ApplicationState } from '@app/shared/funds';
import type { ProfileFundedApplication, ProfileFundItem, ProfileFunds, ProjectState } from '@app/shared';
import { isErased } from '../funds/application-privacy';
import { ReportSql, toNumber } from './report-sql';

/** Applications that got money: approved and every later state (withdrawn ones gave it back). */
export const FINANCED_STATES: readonly ApplicationState[] = [
  ApplicationState.Approved,
  ApplicationState.Paid,
  ApplicationState.ProofSubmitted,
  ApplicationState.Closed,
];

const cents = (v: unknown): number | null => (v === null || v === undefined ? null : toNumber(v));

/**
 * The Aktionsraumfonds part of an area's profile: the area's funds (amount, approved, paid, returned,
 * remaining) and the applications they financed, with the Einzelprojekt each became. Read-only SQL over
 * the funds module's tables; public facts only (no contact data, no drafts).
 */
export async function areaFunds(sql: ReportSql, areaId: string): Promise<ProfileFunds> {
  const params: unknown[] = [];
  const funds = await sql.query<Record<string, unknown>>(
    `SELECT f."id", f."year", a."name" AS "areaName", f."amountCents", f."approvedCents", f."paidCents", f."returnedCents", f."decidedAt" ` +
      `FROM "funds" f JOIN "areas" a ON a."id" = f."areaId" WHERE f."areaId" = ${sql.param(areaId, params)} ORDER BY f."year" DESC`,
    params,
  );
  const items: ProfileFundItem[] = funds.map((f) => {
    const amountCents = toNumber(f.amountCents);
    const approvedCents = toNumber(f.approvedCents);
    const returnedCents = toNumber(f.returnedCents);
    return {
      id: f.id as string,
      year: toNumber(f.year),
      title: `Aktionsraumfonds ${f.areaName as string} ${toNumber(f.year)}`,
      amountCents,
      approvedCents,
      paidCents: toNumber(f.paidCents),
      returnedCents,
      remainingCents: amountCents - approvedCents + returnedCents,
      decided: f.decidedAt !== null && f.decidedAt !== undefined,
    };
  });
  if (!items.length) return { items, financed: [] };
  const appParams: unknown[] = [];
  const rows = await sql.query<Record<string, unknown>>(
    `SELECT x."id", x."fundId", f."year", x."title", x."applicantName", x."state", x."approvedAmountCents", x."paidAmountCents", ` +
      `p."id" AS "projectId", p."title" AS "projectTitle", p."state" AS "projectState" ` +
      `FROM "fund_applications" x JOIN "funds" f ON f."id" = x."fundId" LEFT JOIN "projects" p ON p."id" = x."projectId" ` +
      `WHERE ${sql.in(
        'x."fundId"',
        items.map((f) => f.id),
        appParams,
      )} AND ${sql.in('x."state"', FINANCED_STATES, appParams)} ` +
      `ORDER BY f."year" DESC, x."title", x."id"`,
    appParams,
  );
  const financed: ProfileFundedApplication[] = rows.map((r) => ({
    id: r.id as string,
    fundId: r.fundId as string,
    year: toNumber(r.year),
    title: r.title as string,
    applicantName: isErased(r.applicantName as string) ? null : (r.applicantName as string),
    state: r.state as ApplicationState,
    approvedAmountCents: toNumber(r.approvedAmountCents),
    paidAmountCents: cents(r.paidAmountCents),
    project: r.projectId ? { id: r.projectId as string, title: r.projectTitle as string, state: r.projectState as ProjectState } : null,
  }));
  return { items, financed };
}
