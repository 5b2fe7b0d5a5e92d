import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import {
  AssemblyStatus,
  AssemblyVisibility,
  ErrorCode,
  type AreaType,
  type ParticipationCounts,
  type ParticipationRow,
  type ParticipationStatsResponse,
  type ReportAreaRef,
} from '@app/shared';
import { DomainError } from '../../common/errors/domain-error';
import { ReportSql, toNumber } from './report-sql';

export const PARTICIPATION_MAX_MONTHS = 120;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const COUNT_KEYS: Array<keyof ParticipationCounts> = ['proposals', 'supports', 'comments', 'assemblies', 'attendance', 'checkedIn'];
const zero = (): ParticipationCounts => ({ proposals: 0, supports: 0, comments: 0, assemblies: 0, attendance: 0, checkedIn: 0 });

/** Assemblies that have happened (or are happening): the ones participation statistics count. */
const HELD = [AssemblyStatus.Live, AssemblyStatus.Closed];

const monthIndex = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * Participation per area and month: one GROUP BY query per kind of activity, merged in memory.
 * Visible contributions only; public assemblies only (an unlisted one must not show up by its counts),
 * and only those held (live or closed): a planned assembly has not happened yet.
 */
@Injectable()
export class ParticipationService {
  private readonly sql: ReportSql;

  constructor(@InjectDataSource() ds: DataSource) {
    this.sql = new ReportSql(ds);
  }

  /** Checks and completes the month range (default: the last 12 months including this one). */
  range(query: { from?: string; to?: string }): { from: string; to: string; months: string[] } {
    for (const field of ['from', 'to'] as const) {
      const value = query[field];
      if (value !== undefined && !MONTH.test(value)) {
        throw new DomainError(ErrorCode.ValidationFailed, `${field} must be a month written YYYY-MM.`, [
          { field, messages: [`${field} must be a month YYYY-MM`] },
        ]);
      }
    }
    const now = new Date();
    const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
    const to = query.to
      ? monthIndex(query.to)
      : query.from
        ? Math.min(monthIndex(query.from) + 11, Math.max(current, monthIndex(query.from)))
        : current;
    const from = query.from ? monthIndex(query.from) : to - 11;
    if (from > to)
      throw new DomainError(ErrorCode.ValidationFailed, 'from must not lie after to.', [
        { field: 'from', messages: ['from must not lie after to'] },
      ]);
    if (to - from + 1 > PARTICIPATION_MAX_MONTHS) {
      throw new DomainError(ErrorCode.ValidationFailed, `The range may span at most ${PARTICIPATION_MAX_MONTHS} months.`, [
        { field: 'from', messages: [`at most ${PARTICIPATION_MAX_MONTHS} months`] },
      ]);
    }
    const months = Array.from({ length: to - from + 1 }, (_, i) => monthOf(from + i));
    return { from: monthOf(from), to: monthOf(to), months };
  }

  /**
   * The newest change behind the statistics (a visible proposal or its counts, a support, a comment,
   * a held public assembly), or null while there is none.
   */
  async lastChange(): Promise<unknown> {
    const params: unknown[] = [];
    const held = `a."visibility" = ${this.sql.param(AssemblyVisibility.Public, params)} AND ${this.sql.in('a."status"', HELD, params)}`;
    const [row] = await this.sql.query<{ last: unknown }>(
      `SELECT MAX(t.last) AS last FROM (` +
        `SELECT MAX(p."updatedAt") AS last FROM "proposals" p WHERE p."hiddenAt" IS NULL ` +
        `UNION ALL SELECT MAX(s."createdAt") AS last FROM "proposal_supports" s ` +
        `UNION ALL SELECT MAX(c."updatedAt") AS last FROM "comments" c ` +
        `UNION ALL SELECT MAX(a."updatedAt") AS last FROM "assemblies" a WHERE ${held}) t`,
      params,
    );
    return row?.last ?? null;
  }

  async stats(query: { from?: string; to?: string; areaId?: string }): Promise<ParticipationStatsResponse> {
    const { from, to, months } = this.range(query);
    const cells = new Map<string, ParticipationCounts>();
    const add = (areaId: string, month: string, key: keyof ParticipationCounts, n: unknown) => {
      const id = `${areaId}|${month}`;
      const cell = cells.get(id) ?? zero();
      cell[key] += toNumber(n);
      cells.set(id, cell);
    };

    const run = async (
      key: keyof ParticipationCounts | 'attendance+checkedIn',
      build: (params: unknown[], month: string) => string,
      column: string,
    ) => {
      const params: unknown[] = [];
      const month = this.sql.month(column);
      const sql = build(params, month);
      const rows = await this.sql.query<{ areaId: string; month: string; n: unknown; checked?: unknown }>(sql, params);
      for (const r of rows) {
        if (key === 'attendance+checkedIn') {
          add(r.areaId, r.month, 'attendance', r.n);
          add(r.areaId, r.month, 'checkedIn', r.checked);
        } else add(r.areaId, r.month, key, r.n);
      }
    };
    const window = (params: unknown[], month: string) =>
      `${month} >= ${this.sql.param(from, params)} AND ${month} <= ${this.sql.param(to, params)}`;
    const heldPublic = (params: unknown[]) =>
      `a."visibility" = ${this.sql.param(AssemblyVisibility.Public, params)} AND ${this.sql.in('a."status"', HELD, params)}`;
    const areaFilter = (params: unknown[], column: string) =>
      query.areaId ? ` AND ${column} = ${this.sql.param(query.areaId, params)}` : '';

    await run(
      'proposals',
      (params, month) =>
        `SELECT p."areaId" AS "areaId", ${month} AS month, COUNT(*) AS n FROM "proposals" p ` +
        `WHERE p."hiddenAt" IS NULL AND ${window(params, month)}${areaFilter(params, 'p."areaId"')} GROUP BY p."areaId", ${month}`,
      'p."createdAt"',
    );
    await run(
      'supports',
      (params, month) =>
        `SELECT p."areaId" AS "areaId", ${month} AS month, COUNT(*) AS n FROM "proposal_supports" s JOIN "proposals" p ON p."id" = s."proposalId" ` +
        `WHERE p."hiddenAt" IS NULL AND ${window(params, month)}${areaFilter(params, 'p."areaId"')} GROUP BY p."areaId", ${month}`,
      's."createdAt"',
    );
    await run(
      'comments',
      (params, month) =>
        `SELECT p."areaId" AS "areaId", ${month} AS month, COUNT(*) AS n FROM "comments" c JOIN "proposals" p ON p."id" = c."proposalId" ` +
        `WHERE c."hiddenAt" IS NULL AND p."hiddenAt" IS NULL AND ${window(params, month)}${areaFilter(params, 'p."areaId"')} GROUP BY p."areaId", ${month}`,
      'c."createdAt"',
    );
    await run(
      'assemblies',
      (params, month) =>
        `SELECT aa."areaId" AS "areaId", ${month} AS month, COUNT(*) AS n FROM "assemblies" a JOIN "assembly_areas" aa ON aa."assemblyId" = a."id" ` +
        `WHERE ${heldPublic(params)} AND ${window(params, month)}${areaFilter(params, 'aa."areaId"')} GROUP BY aa."areaId", ${month}`,
      'a."startsAt"',
    );
    await run(
      'attendance+checkedIn',
      (params, month) =>
        `SELECT aa."areaId" AS "areaId", ${month} AS month, COUNT(*) AS n, SUM(CASE WHEN pt."checkedIn" THEN 1 ELSE 0 END) AS checked ` +
        `FROM "assembly_participants" pt JOIN "assemblies" a ON a."id" = pt."assemblyId" JOIN "assembly_areas" aa ON aa."assemblyId" = a."id" ` +
        `WHERE ${heldPublic(params)} AND ${window(params, month)}${areaFilter(params, 'aa."areaId"')} GROUP BY aa."areaId", ${month}`,
      'a."startsAt"',
    );

    const areaIds = [...new Set([...cells.keys()].map((k) => k.split('|')[0]))];
    const areas = new Map<string, ReportAreaRef>();
    if (areaIds.length) {
      const params: unknown[] = [];
      const rows = await this.sql.query<{ id: string; code: string; name: string; type: AreaType }>(
        `SELECT "id", "code", "name", "type" FROM "areas" WHERE ${this.sql.in('"id"', areaIds, params)}`,
        params,
      );
      for (const r of rows) areas.set(r.id, { id: r.id, code: r.code, name: r.name, type: r.type });
    }

    const rows: ParticipationRow[] = [...cells.entries()]
      .map(([id, counts]) => {
        const [areaId, month] = id.split('|');
        return { area: areas.get(areaId) as ReportAreaRef, month, ...counts };
      })
      .filter((r) => r.area)
      .sort((a, b) => a.month.localeCompare(b.month) || a.area.name.localeCompare(b.area.name, 'de'));

    const byMonth = months.map((month) => ({ month, ...zero() }));
    const monthPos = new Map(months.map((m, i) => [m, i]));
    const byAreaMap = new Map<string, ParticipationCounts & { area: ReportAreaRef }>();
    const totals = zero();
    for (const row of rows) {
      const m = byMonth[monthPos.get(row.month) as number];
      const a = byAreaMap.get(row.area.id) ?? { area: row.area, ...zero() };
      for (const key of COUNT_KEYS) {
        m[key] += row[key];
        a[key] += row[key];
        totals[key] += row[key];
      }
      byAreaMap.set(row.area.id, a);
    }
    return {
      from,
      to,
      months,
      rows,
      byMonth,
      byArea: [...byAreaMap.values()].sort((a, b) => a.area.name.localeCompare(b.area.name, 'de')),
      totals,
      generatedAt: new Date().toISOString(),
    };
  }
}
