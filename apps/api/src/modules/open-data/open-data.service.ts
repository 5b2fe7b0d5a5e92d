import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  AssemblyStatus,
  AssemblyVisibility,
  CITY_AREA_KEY,
  CITIZEN_TEXT_LICENCE_COLUMNS,
  OPEN_DATA_LICENCE,
  OPEN_DATA_LICENCE_URL,
  VotingRoundStatus,
  type OpenDataCatalogue,
  OpenDataDatasetId,
  type OpenDataFile,
  type OpenDataMeta,
} from '@app/shared';
import { writeCsv, type CsvCell } from '../../common/http/csv';
import { ExportsService } from '../exports/exports.service';
import { formatScaled } from '../indicators/decimal';
import { CITY_SCOPE } from '../indicators/indicator.entities';
import { ParticipationService } from '../social-report/participation.service';
import { day, ReportSql, toNumber } from '../social-report/report-sql';
import { toIso } from '../social-report/social-report.service';
import { CITIZEN_TEXT, DATASETS, type DatasetInfo } from './datasets';
import { fundApplicationRecords, fundRecords, fundSummary } from './fund-records';

export const PUBLISHER = 'Stadt – Aktionsplan Soziale Stadt (Beteiligungsplattform)';
type Row = Record<string, unknown>;

const iso = (v: unknown): string | null => (v === null || v === undefined ? null : toIso(v as Date | string));
const bool = (v: unknown): boolean => v === true || v === 1 || v === '1' || v === 't' || v === 'true';
const parseJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

/**
 * The open-data files: one query per dataset, nothing personal in any of them. CSV: RFC 4180 with
 * CRLF and a header row; licence, licence URL and generation time are the last three columns of
 * every row (as in the proposals export: no comment lines, so spreadsheets and CKAN previews read
 * the file cleanly). JSON: { meta, records }.
 */
@Injectable()
export class OpenDataService {
  private readonly sql: ReportSql;

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly participation: ParticipationService,
    private readonly exports: ExportsService,
  ) {
    this.sql = new ReportSql(ds);
  }

  info(id: OpenDataDatasetId): DatasetInfo {
    return DATASETS.find((d) => d.id === id) as DatasetInfo;
  }

  async catalogue(): Promise<OpenDataCatalogue> {
    const datasets = [];
    for (const d of DATASETS) {
      const { count, lastModified } = await this.summary(d.id);
      datasets.push({
        id: d.id,
        title: d.title,
        description: d.description,
        licence: OPEN_DATA_LICENCE,
        licenceUrl: OPEN_DATA_LICENCE_URL,
        contentLicence: d.citizenTextColumns ? CITIZEN_TEXT : null,
        formats: (['csv', 'json'] as const).map((format) => ({
          format,
          mediaType: format === 'csv' ? ('text/csv' as const) : ('application/json' as const),
          url: `/api/open-data/${d.id}.${format}`,
        })),
        columns: d.columns,
        lastModified,
        count,
      });
    }
    return {
      publisher: PUBLISHER,
      licence: OPEN_DATA_LICENCE,
      licenceUrl: OPEN_DATA_LICENCE_URL,
      generatedAt: new Date().toISOString(),
      datasets,
    };
  }

  async json(id: OpenDataDatasetId): Promise<OpenDataFile> {
    const records = await this.records(id);
    return { meta: await this.meta(id, records.length), records };
  }

  async csv(id: OpenDataDatasetId): Promise<{ meta: OpenDataMeta; body: string }> {
    const records = await this.records(id);
    const meta = await this.meta(id, records.length);
    const textLicence = this.info(id).citizenTextColumns ? CITIZEN_TEXT : null;
    const columns = [
      ...this.info(id).columns,
      'licence',
      'licenceUrl',
      'generatedAt',
      ...(textLicence ? CITIZEN_TEXT_LICENCE_COLUMNS : []),
    ];
    const cell = (v: unknown): CsvCell => {
      if (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean') return v;
      if (Array.isArray(v)) return v.map(String);
      return v instanceof Date ? v : String(v);
    };
    const licence = [meta.licence, meta.licenceUrl, meta.generatedAt];
    const text = textLicence ? [textLicence.licence, textLicence.licenceUrl, textLicence.attribution] : [];
    const rows = records.map((r) => [...this.info(id).columns.map((c) => cell(r[c])), ...licence, ...text]);
    const body = writeCsv(columns, rows);
    return { meta, body };
  }

  private async meta(id: OpenDataDatasetId, count: number): Promise<OpenDataMeta> {
    const info = this.info(id);
    let note: string | null = null;
    if ([OpenDataDatasetId.Indicators, OpenDataDatasetId.IndicatorValues, OpenDataDatasetId.Targets].includes(id)) {
      const rows = await this.sql.query<{ n: unknown }>(
        `SELECT COUNT(*) AS n FROM "indicators" WHERE LOWER("source") LIKE '%illustrativ%'`,
      );
      if (toNumber(rows[0]?.n))
        note = 'Enthält illustrative Demowerte (siehe Spalte "source" der Indikatoren). / Contains illustrative demo values.';
    }
    return {
      dataset: id,
      title: info.title,
      licence: OPEN_DATA_LICENCE,
      licenceUrl: OPEN_DATA_LICENCE_URL,
      ...(info.citizenTextColumns ? { contentLicence: { ...CITIZEN_TEXT, columns: info.citizenTextColumns } } : {}),
      publisher: PUBLISHER,
      generatedAt: new Date().toISOString(),
      count,
      note,
    };
  }

  /** Count and newest change of a dataset, without loading it. */
  private async summary(id: OpenDataDatasetId): Promise<{ count: number; lastModified: string | null }> {
    const params: unknown[] = [];
    const one = async (sql: string) => {
      const [r] = await this.sql.query<{ n: unknown; last: unknown }>(sql, params);
      return { count: toNumber(r?.n), lastModified: r?.last ? iso(r.last) : null };
    };
    const publicAssembly = () => `a."visibility" = ${this.sql.param(AssemblyVisibility.Public, params)}`;
    switch (id) {
      case OpenDataDatasetId.Areas:
        return one(`SELECT COUNT(*) AS n, MAX("updatedAt") AS last FROM "areas"`);
      case OpenDataDatasetId.Indicators:
        return one(`SELECT COUNT(*) AS n, MAX("updatedAt") AS last FROM "indicators"`);
      case OpenDataDatasetId.IndicatorValues:
        return one(`SELECT COUNT(*) AS n, MAX("updatedAt") AS last FROM "indicator_values"`);
      case OpenDataDatasetId.Targets:
        return one(`SELECT COUNT(*) AS n, MAX("updatedAt") AS last FROM "indicator_targets"`);
      case OpenDataDatasetId.Projects:
        return one(`SELECT COUNT(*) AS n, MAX("updatedAt") AS last FROM "projects"`);
      case OpenDataDatasetId.ProjectStates:
        return one(`SELECT COUNT(*) AS n, MAX("createdAt") AS last FROM "project_events"`);
      case OpenDataDatasetId.Assemblies:
        return one(`SELECT COUNT(*) AS n, MAX(a."updatedAt") AS last FROM "assemblies" a WHERE ${publicAssembly()}`);
      case OpenDataDatasetId.VoteResults: {
        const published = this.sql.param(VotingRoundStatus.Published, params);
        const [r] = await this.sql.query<{ options: unknown; last: unknown }>(
          `SELECT r."options", r."publishedAt" AS last FROM "voting_rounds" r JOIN "assemblies" a ON a."id" = r."assemblyId" ` +
            `WHERE r."status" = ${published} AND ${publicAssembly()} ORDER BY r."publishedAt" DESC LIMIT 1`,
          params,
        );
        return { count: (await this.voteResults()).length, lastModified: r?.last ? iso(r.last) : null };
      }
      case OpenDataDatasetId.Proposals:
        return one(`SELECT COUNT(*) AS n, MAX("updatedAt") AS last FROM "proposals" WHERE "hiddenAt" IS NULL`);
      case OpenDataDatasetId.Participation: {
        const stats = await this.participationRows();
        const last = stats.length ? await this.participation.lastChange() : null;
        return { count: stats.length, lastModified: last ? iso(last) : null };
      }
      case OpenDataDatasetId.Funds:
      case OpenDataDatasetId.FundApplications:
        return fundSummary(this.sql, id);
    }
  }

  private records(id: OpenDataDatasetId): Promise<Row[]> {
    switch (id) {
      case OpenDataDatasetId.Areas:
        return this.sql
          .query<Row>(
            `SELECT a."id", a."code", a."type", a."name", p."code" AS "parentCode", a."validFrom", a."validTo" FROM "areas" a ` +
              `LEFT JOIN "areas" p ON p."id" = a."parentId" ORDER BY a."code"`,
          )
          .then((rows: Row[]) => rows.map((r) => ({ ...r, validFrom: day(r.validFrom), validTo: day(r.validTo) })));
      case OpenDataDatasetId.Indicators:
        return this.sql
          .query<Row>(
            `SELECT "key", "nameDe", "nameEn", "unit", "direction", "decimals", "descriptionDe", "descriptionEn", "source" FROM "indicators" ORDER BY "sortOrder", "key"`,
          )
          .then((rows) => rows.map((r) => ({ ...r, decimals: toNumber(r.decimals) })));
      case OpenDataDatasetId.IndicatorValues:
        return this.indicatorValues();
      case OpenDataDatasetId.Targets:
        return this.targets();
      case OpenDataDatasetId.Projects:
        return this.projects();
      case OpenDataDatasetId.ProjectStates:
        return this.sql
          .query<Row>(
            `SELECT e."projectId", e."version", e."transitionId", e."fromState", e."toState", e."reason", e."createdAt" FROM "project_events" e ` +
              `ORDER BY e."projectId", e."version"`,
          )
          .then((rows) => rows.map((r) => ({ ...r, version: toNumber(r.version), createdAt: iso(r.createdAt) })));
      case OpenDataDatasetId.Assemblies:
        return this.assemblies();
      case OpenDataDatasetId.VoteResults:
        return this.voteResults();
      case OpenDataDatasetId.Proposals:
        return this.proposals();
      case OpenDataDatasetId.Participation:
        return this.participationRows();
      case OpenDataDatasetId.Funds:
        return fundRecords(this.sql);
      case OpenDataDatasetId.FundApplications:
        return fundApplicationRecords(this.sql);
    }
  }

  private async indicatorValues(): Promise<Row[]> {
    const rows = await this.sql.query<{ area: string | null; scope: string; indicator: string; year: unknown; valueScaled: unknown }>(
      `SELECT a."code" AS area, v."scope", i."key" AS indicator, v."year", v."valueScaled" FROM "indicator_values" v ` +
        `JOIN "indicators" i ON i."id" = v."indicatorId" LEFT JOIN "areas" a ON a."id" = v."areaId" ` +
        // City-wide first, then areas by code, each by year.
        `ORDER BY i."sortOrder", i."key", CASE WHEN a."code" IS NULL THEN 0 ELSE 1 END, a."code", v."year"`,
    );
    return rows.map((r) => ({
      area: r.scope === CITY_SCOPE ? CITY_AREA_KEY : (r.area as string),
      indicator: r.indicator,
      year: toNumber(r.year),
      value: formatScaled(toNumber(r.valueScaled)),
    }));
  }

  private async targets(): Promise<Row[]> {
    const rows = await this.sql.query<{
      indicator: string;
      area: string | null;
      comparator: string;
      valueScaled: unknown;
      dueYear: unknown;
      note: string | null;
    }>(
      `SELECT i."key" AS indicator, a."code" AS area, t."comparator", t."valueScaled", t."dueYear", t."note" FROM "indicator_targets" t ` +
        `JOIN "indicators" i ON i."id" = t."indicatorId" LEFT JOIN "areas" a ON a."id" = t."areaId" ORDER BY i."key", t."dueYear"`,
    );
    return rows.map((r) => ({
      indicator: r.indicator,
      area: r.area ?? CITY_AREA_KEY,
      comparator: r.comparator,
      value: formatScaled(toNumber(r.valueScaled)),
      dueYear: toNumber(r.dueYear),
      note: r.note,
    }));
  }

  private async projects(): Promise<Row[]> {
    const rows = await this.sql.query<Row>(
      `SELECT p."id", p."title", p."state", f."code" AS "fieldOfActionCode", aa."code" AS "actionAreaCode", p."operatorName", p."responsibleDepartment", ` +
        `p."startDate", p."endDate", p."fundingSource", p."fundingAmountCents", p."decisionBody", p."decisionNumber", p."decisionDate", ` +
        `p."stateSince", p."createdAt", p."updatedAt" FROM "projects" p JOIN "fields_of_action" f ON f."id" = p."fieldOfActionId" ` +
        `LEFT JOIN "areas" aa ON aa."id" = p."actionAreaId" ORDER BY p."createdAt", p."id"`,
    );
    const links = await this.sql.query<{ projectId: string; code: string }>(
      `SELECT pa."projectId", a."code" FROM "project_areas" pa JOIN "areas" a ON a."id" = pa."areaId" ORDER BY a."code"`,
    );
    const codes = new Map<string, string[]>();
    for (const l of links) codes.set(l.projectId, [...(codes.get(l.projectId) ?? []), l.code]);
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      state: r.state,
      fieldOfActionCode: r.fieldOfActionCode,
      areaCodes: codes.get(r.id as string) ?? [],
      actionAreaCode: r.actionAreaCode ?? null,
      operatorName: r.operatorName ?? null,
      responsibleDepartment: r.responsibleDepartment ?? null,
      startDate: r.startDate ?? null,
      endDate: r.endDate ?? null,
      fundingSource: r.fundingSource ?? null,
      fundingAmountCents: r.fundingAmountCents === null || r.fundingAmountCents === undefined ? null : toNumber(r.fundingAmountCents),
      decisionBody: r.decisionBody ?? null,
      decisionNumber: r.decisionNumber ?? null,
      decisionDate: r.decisionDate ?? null,
      stateSince: iso(r.stateSince),
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    }));
  }

  private async assemblies(): Promise<Row[]> {
    const params: unknown[] = [];
    const rows = await this.sql.query<Row>(
      `SELECT a."id", a."title", a."place", a."startsAt", a."endsAt", a."status", ` +
        `(SELECT COUNT(*) FROM "assembly_participants" pt WHERE pt."assemblyId" = a."id") AS attendance, ` +
        `(SELECT SUM(CASE WHEN pt."checkedIn" THEN 1 ELSE 0 END) FROM "assembly_participants" pt WHERE pt."assemblyId" = a."id") AS "checkedIn" ` +
        `FROM "assemblies" a WHERE a."visibility" = ${this.sql.param(AssemblyVisibility.Public, params)} ORDER BY a."startsAt", a."id"`,
      params,
    );
    const links = await this.sql.query<{ assemblyId: string; code: string }>(
      `SELECT aa."assemblyId", ar."code" FROM "assembly_areas" aa JOIN "areas" ar ON ar."id" = aa."areaId" ORDER BY ar."code"`,
    );
    const codes = new Map<string, string[]>();
    for (const l of links) codes.set(l.assemblyId, [...(codes.get(l.assemblyId) ?? []), l.code]);
    return rows.map((r) => {
      const held = r.status === AssemblyStatus.Closed;
      return {
        id: r.id,
        title: r.title,
        place: r.place,
        startsAt: iso(r.startsAt),
        endsAt: iso(r.endsAt),
        status: r.status,
        areaCodes: codes.get(r.id as string) ?? [],
        attendance: held ? toNumber(r.attendance) : null,
        checkedIn: held ? toNumber(r.checkedIn) : null,
      };
    });
  }

  /**
   * Published rounds of public assemblies, one record per option. Only the sum tables are read
   * (round_tallies), never ballot receipts or open ballots. For secret rounds the split into app
   * and hall votes is left out too: with one app voter it would show how that person voted.
   */
  private async voteResults(): Promise<Row[]> {
    const params: unknown[] = [];
    const rounds = await this.sql.query<{
      id: string;
      assemblyId: string;
      question: string;
      type: string;
      secret: unknown;
      options: unknown;
      publishedAt: unknown;
    }>(
      `SELECT r."id", r."assemblyId", r."question", r."type", r."secret", r."options", r."publishedAt" FROM "voting_rounds" r ` +
        `JOIN "assemblies" a ON a."id" = r."assemblyId" WHERE r."status" = ${this.sql.param(VotingRoundStatus.Published, params)} ` +
        `AND a."visibility" = ${this.sql.param(AssemblyVisibility.Public, params)} ORDER BY r."publishedAt", r."id"`,
      params,
    );
    if (!rounds.length) return [];
    const tallyParams: unknown[] = [];
    const tallies = await this.sql.query<{ roundId: string; optionId: string; online: unknown; hall: unknown }>(
      `SELECT "roundId", "optionId", "online", "hall" FROM "round_tallies" WHERE ${this.sql.in(
        '"roundId"',
        rounds.map((r) => r.id),
        tallyParams,
      )}`,
      tallyParams,
    );
    const tally = new Map(tallies.map((t) => [`${t.roundId}|${t.optionId}`, t]));
    return rounds.flatMap((r) => {
      const secret = bool(r.secret);
      return parseJson<Array<{ id: string; label: string }>>(r.options).map((o) => {
        const t = tally.get(`${r.id}|${o.id}`);
        const online = toNumber(t?.online);
        const hall = toNumber(t?.hall);
        return {
          assemblyId: r.assemblyId,
          roundId: r.id,
          question: r.question,
          votingType: r.type,
          secret,
          publishedAt: iso(r.publishedAt),
          optionId: o.id,
          optionLabel: o.label,
          online: secret ? null : online,
          hall: secret ? null : hall,
          total: online + hall,
        };
      });
    });
  }

  private async proposals(): Promise<Row[]> {
    // Plain object literals: each record becomes a Row (an interface has no index signature).
    return (await this.exports.publicRecords()).map((record) => ({ ...record }));
  }

  private async participationRows(): Promise<Row[]> {
    const now = new Date();
    const to = `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    const fromDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 119, 1));
    const from = `${fromDate.getUTCFullYear()}-${String(fromDate.getUTCMonth() + 1).padStart(2, '0')}`;
    const stats = await this.participation.stats({ from, to });
    return stats.rows.map(({ area, month, ...counts }) => ({ area: area.code, month, ...counts }));
  }
}
