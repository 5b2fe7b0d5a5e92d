import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import writeExcelFile from 'write-excel-file/node';
import { ApplicationSource, ApplicationState, FundApplicantKind } from '@app/shared/funds';
import { writeCsv, type CsvCell } from '../../common/http/csv';
import { ReportSql, toNumber } from '../social-report/report-sql';
import { toIso } from '../social-report/social-report.service';

export type FundsExportLanguage = 'de' | 'en';
export type FundsExportScope = { year: number } | { fundId: string };

/** One application of the year's export, with its fund; amounts in cents. */
export interface FundsExportRow {
  fund: string;
  areaCode: string;
  year: number;
  id: string;
  title: string;
  state: ApplicationState;
  applicantKind: FundApplicantKind;
  applicantName: string;
  contactName: string;
  contactEmail: string | null;
  contactPhone: string | null;
  contactAddress: string | null;
  source: ApplicationSource;
  sourceNote: string | null;
  fieldOfActionCode: string | null;
  requestedAmountCents: number;
  approvedAmountCents: number | null;
  paidAmountCents: number | null;
  spentAmountCents: number | null;
  returnedAmountCents: number | null;
  startDate: string | null;
  endDate: string | null;
  submittedAt: string | null;
  projectId: string | null;
}

const HEADERS: Record<FundsExportLanguage, string[]> = {
  de: [
    'Fonds',
    'Aktionsraum',
    'Jahr',
    'Antrag-ID',
    'Titel',
    'Stand',
    'Antragsart',
    'Antragsteller',
    'Kontakt Name',
    'Kontakt E-Mail',
    'Kontakt Telefon',
    'Kontakt Anschrift',
    'Eingang',
    'Herkunft',
    'Handlungsfeld',
    'Beantragt (EUR)',
    'Bewilligt (EUR)',
    'Ausgezahlt (EUR)',
    'Verwendet (EUR)',
    'Zurückgeflossen (EUR)',
    'Beginn',
    'Ende',
    'Eingereicht am',
    'Einzelprojekt-ID',
  ],
  en: [
    'Fund',
    'Action area',
    'Year',
    'Application id',
    'Title',
    'State',
    'Applicant kind',
    'Applicant',
    'Contact name',
    'Contact email',
    'Contact phone',
    'Contact address',
    'Received',
    'Source note',
    'Field of action',
    'Requested (EUR)',
    'Approved (EUR)',
    'Paid (EUR)',
    'Spent (EUR)',
    'Returned (EUR)',
    'Start',
    'End',
    'Submitted at',
    'Single project id',
  ],
};

const STATE_DE: Record<ApplicationState, string> = {
  [ApplicationState.Draft]: 'Entwurf',
  [ApplicationState.Submitted]: 'eingereicht',
  [ApplicationState.Returned]: 'zurückgegeben',
  [ApplicationState.Checked]: 'geprüft',
  [ApplicationState.OnAgenda]: 'auf der Tagesordnung',
  [ApplicationState.Approved]: 'bewilligt',
  [ApplicationState.Rejected]: 'abgelehnt',
  [ApplicationState.Paid]: 'ausgezahlt',
  [ApplicationState.ProofSubmitted]: 'Verwendungsnachweis eingereicht',
  [ApplicationState.Closed]: 'abgeschlossen',
  [ApplicationState.Withdrawn]: 'zurückgezogen',
};
const KIND_DE: Record<FundApplicantKind, string> = { person: 'Person', group: 'Gruppe', organisation: 'Organisation' };
const SOURCE_DE: Record<ApplicationSource, string> = { online: 'online', paper: 'Papier' };

/** Euros from cents as exact text ("1500.00"): integer arithmetic, never a floating-point amount. */
export function euros(cents: number | null): string | null {
  if (cents === null) return null;
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const nullableCents = (v: unknown): number | null => (v === null || v === undefined ? null : toNumber(v));
const iso = (v: unknown): string | null => (v === null || v === undefined ? null : toIso(v as Date | string));

/**
 * The administrators' export of a year (issue 17): every application of every fund of that year, with
 * contact data (the administrators' own, never open data), as CSV (the platform's one writer, formula
 * injection neutralised) and as XLSX (write-excel-file, as the portfolio export).
 */
@Injectable()
export class FundsExportService {
  private readonly sql: ReportSql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new ReportSql(ds);
  }

  /** The applications of one year (every fund of it) or of one fund. */
  async rows(scope: FundsExportScope): Promise<FundsExportRow[]> {
    const params: unknown[] = [];
    const where = 'year' in scope ? `f."year" = ${this.sql.param(scope.year, params)}` : `f."id" = ${this.sql.param(scope.fundId, params)}`;
    const rows = await this.sql.query<Record<string, unknown>>(
      `SELECT a."name" AS "areaName", a."code" AS "areaCode", f."year", x."id", x."title", x."state", x."applicantKind", x."applicantName", ` +
        `x."contactName", x."contactEmail", x."contactPhone", x."contactAddress", x."source", x."sourceNote", fa."code" AS "fieldOfActionCode", ` +
        `x."requestedAmountCents", x."approvedAmountCents", x."paidAmountCents", x."spentAmountCents", x."returnedAmountCents", ` +
        `x."startDate", x."endDate", x."submittedAt", x."projectId" FROM "fund_applications" x JOIN "funds" f ON f."id" = x."fundId" ` +
        `JOIN "areas" a ON a."id" = f."areaId" LEFT JOIN "fields_of_action" fa ON fa."id" = x."fieldOfActionId" ` +
        `WHERE ${where} ORDER BY a."name", x."createdAt", x."id"`,
      params,
    );
    return rows.map((r) => ({
      fund: `Aktionsraumfonds ${r.areaName as string} ${toNumber(r.year)}`,
      areaCode: r.areaCode as string,
      year: toNumber(r.year),
      id: r.id as string,
      title: r.title as string,
      state: r.state as ApplicationState,
      applicantKind: r.applicantKind as FundApplicantKind,
      applicantName: r.applicantName as string,
      contactName: r.contactName as string,
      contactEmail: (r.contactEmail as string | null) ?? null,
      contactPhone: (r.contactPhone as string | null) ?? null,
      contactAddress: (r.contactAddress as string | null) ?? null,
      source: r.source as ApplicationSource,
      sourceNote: (r.sourceNote as string | null) ?? null,
      fieldOfActionCode: (r.fieldOfActionCode as string | null) ?? null,
      requestedAmountCents: toNumber(r.requestedAmountCents),
      approvedAmountCents: nullableCents(r.approvedAmountCents),
      paidAmountCents: nullableCents(r.paidAmountCents),
      spentAmountCents: nullableCents(r.spentAmountCents),
      returnedAmountCents: nullableCents(r.returnedAmountCents),
      startDate: (r.startDate as string | null) ?? null,
      endDate: (r.endDate as string | null) ?? null,
      submittedAt: iso(r.submittedAt),
      projectId: (r.projectId as string | null) ?? null,
    }));
  }

  /** The fund's area code and year, for the file name; null when there is no such fund. */
  async fundName(fundId: string): Promise<string | null> {
    const params: unknown[] = [];
    const [row] = await this.sql.query<{ code: string; year: unknown }>(
      `SELECT a."code", f."year" FROM "funds" f JOIN "areas" a ON a."id" = f."areaId" WHERE f."id" = ${this.sql.param(fundId, params)}`,
      params,
    );
    return row ? `${row.code}-${toNumber(row.year)}` : null;
  }

  async csv(scope: FundsExportScope, lang: FundsExportLanguage): Promise<string> {
    return writeCsv(
      HEADERS[lang],
      (await this.rows(scope)).map((r) => cells(r, lang)),
    );
  }

  /** One sheet, a bold frozen header row; amounts as numbers in euros with two decimals. */
  async xlsx(scope: FundsExportScope, lang: FundsExportLanguage): Promise<Buffer> {
    const header = HEADERS[lang].map((value) => ({ value, fontWeight: 'bold' as const }));
    const rows = (await this.rows(scope)).map((r) =>
      cells(r, lang).map((value, i) => {
        if (value === null || value === undefined) return null;
        if (typeof value === 'number') return { value, type: Number };
        // Amount columns (15–19): the exact euro text as a number cell with two decimals.
        if (i >= 15 && i <= 19) return { value: Number(value), type: Number, format: '#,##0.00' };
        return { value: String(value), type: String };
      }),
    );
    return writeExcelFile([header, ...rows], {
      sheet: `${lang === 'de' ? 'Anträge' : 'Applications'}${'year' in scope ? ` ${scope.year}` : ''}`,
      columns: [30, 16, 8, 38, 40, 22, 14, 30, 26, 30, 18, 36, 10, 30, 12, 14, 14, 14, 14, 14, 12, 12, 22, 38].map((width) => ({ width })),
      stickyRowsCount: 1,
    }).toBuffer();
  }
}

function cells(r: FundsExportRow, lang: FundsExportLanguage): CsvCell[] {
  const de = lang === 'de';
  return [
    r.fund,
    r.areaCode,
    r.year,
    r.id,
    r.title,
    de ? STATE_DE[r.state] : r.state,
    de ? KIND_DE[r.applicantKind] : r.applicantKind,
    r.applicantName,
    r.contactName,
    r.contactEmail,
    r.contactPhone,
    r.contactAddress,
    de ? SOURCE_DE[r.source] : r.source,
    r.sourceNote,
    r.fieldOfActionCode,
    euros(r.requestedAmountCents),
    euros(r.approvedAmountCents),
    euros(r.paidAmountCents),
    euros(r.spentAmountCents),
    euros(r.returnedAmountCents),
    r.startDate,
    r.endDate,
    r.submittedAt,
    r.projectId,
  ];
}
