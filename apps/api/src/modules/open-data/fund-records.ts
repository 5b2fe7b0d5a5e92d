import { APPLICATION_STATE_INFO, ApplicationState, FundApplicantKind } from '@app/shared/funds';
import { OpenDataDatasetId } from '@app/shared';
import { toIso } from '../social-report/social-report.service';
import { ReportSql, toNumber } from '../social-report/report-sql';

type Row = Record<string, unknown>;

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : toIso(v as Date | string));
const cents = (v: unknown): number | null => (v === null || v === undefined ? null : toNumber(v));
/** Drafts are private: only what the applicant has submitted is public. */
const PUBLIC_STATES = Object.values(ApplicationState).filter((s) => APPLICATION_STATE_INFO[s].public);

/**
 * The open-data records of the Aktionsraumfonds (funds, fund-applications): read-only SQL over the
 * funds module's tables. Never a contact column, never a draft, never a private person's name (their
 * applicantName is left empty; a group's or organisation's name stays).
 */
export async function fundRecords(sql: ReportSql): Promise<Row[]> {
  const rows = await sql.query<Row>(
    `SELECT f."id", a."code" AS "areaCode", a."name" AS "areaName", f."year", f."amountCents", f."maxPerApplicationCents", ` +
      `f."applicationStart", f."applicationEnd", f."conferenceDate", f."decidedAt", f."approvedCents", f."paidCents", f."returnedCents", ` +
      `f."createdAt", f."updatedAt" FROM "funds" f JOIN "areas" a ON a."id" = f."areaId" ORDER BY f."year", a."code"`,
  );
  return rows.map((r) => {
    const amountCents = toNumber(r.amountCents);
    const approvedCents = toNumber(r.approvedCents);
    const returnedCents = toNumber(r.returnedCents);
    return {
      id: r.id,
      areaCode: r.areaCode,
      year: toNumber(r.year),
      title: `Aktionsraumfonds ${r.areaName as string} ${toNumber(r.year)}`,
      amountCents,
      maxPerApplicationCents: toNumber(r.maxPerApplicationCents),
      applicationStart: r.applicationStart,
      applicationEnd: r.applicationEnd,
      conferenceDate: r.conferenceDate ?? null,
      decided: r.decidedAt !== null && r.decidedAt !== undefined,
      approvedCents,
      paidCents: toNumber(r.paidCents),
      returnedCents,
      remainingCents: amountCents - approvedCents + returnedCents,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    };
  });
}

export async function fundApplicationRecords(sql: ReportSql): Promise<Row[]> {
  const params: unknown[] = [];
  const rows = await sql.query<Row>(
    `SELECT x."id", x."fundId", a."code" AS "areaCode", f."year", x."title", x."purpose", x."state", x."applicantKind", x."applicantName", ` +
      `fa."code" AS "fieldOfActionCode", q."code" AS "neighbourhoodCode", x."requestedAmountCents", x."approvedAmountCents", ` +
      `x."paidAmountCents", x."startDate", x."endDate", x."submittedAt", x."projectId", x."updatedAt" ` +
      `FROM "fund_applications" x JOIN "funds" f ON f."id" = x."fundId" JOIN "areas" a ON a."id" = f."areaId" ` +
      `LEFT JOIN "fields_of_action" fa ON fa."id" = x."fieldOfActionId" LEFT JOIN "areas" q ON q."id" = x."neighbourhoodId" ` +
      `WHERE ${sql.in('x."state"', PUBLIC_STATES, params)} ORDER BY f."year", a."code", x."submittedAt", x."id"`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    fundId: r.fundId,
    areaCode: r.areaCode,
    year: toNumber(r.year),
    title: r.title,
    purpose: r.purpose,
    state: r.state,
    applicantKind: r.applicantKind,
    applicantName: r.applicantKind === FundApplicantKind.Person ? null : r.applicantName,
    fieldOfActionCode: r.fieldOfActionCode ?? null,
    neighbourhoodCode: r.neighbourhoodCode ?? null,
    requestedAmountCents: toNumber(r.requestedAmountCents),
    approvedAmountCents: cents(r.approvedAmountCents),
    paidAmountCents: cents(r.paidAmountCents),
    startDate: r.startDate ?? null,
    endDate: r.endDate ?? null,
    submittedAt: iso(r.submittedAt),
    projectId: r.projectId ?? null,
    updatedAt: iso(r.updatedAt),
  }));
}

/** Count and newest change of the funds datasets, as OpenDataService.summary. */
export async function fundSummary(
  sql: ReportSql,
  id: OpenDataDatasetId.Funds | OpenDataDatasetId.FundApplications,
): Promise<{ count: number; lastModified: string | null }> {
  const params: unknown[] = [];
  const query =
    id === OpenDataDatasetId.Funds
      ? `SELECT COUNT(*) AS n, MAX("updatedAt") AS last FROM "funds"`
      : `SELECT COUNT(*) AS n, MAX("updatedAt") AS last FROM "fund_applications" WHERE ${sql.in('"state"', PUBLIC_STATES, params)}`;
  const [r] = await sql.query<{ n: unknown; last: unknown }>(query, params);
  return { count: toNumber(r?.n), lastModified: r?.last ? iso(r.last) : null };
}
