import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import {
  AreaType,
  AssemblyStatus,
  AssemblyVisibility,
  IndicatorDirection,
  PROJECT_STATE_INFO,
  PROJECT_STATES,
  PROPOSAL_STATUSES,
  TargetComparator,
  type AreaIndicatorSeries,
  type AreaProfileResponse,
  type CityOverviewResponse,
  type CityOverviewRow,
  type IndicatorDefinition,
  type IndicatorPoint,
  type ProjectState,
  type ProposalStatus,
  type ReportAreaRef,
  type TargetProgress,
} from '@app/shared';
import { notFound } from '../../common/errors/domain-error';
import { Area } from '../areas/area.entity';
import { scaledToNumber } from '../indicators/decimal';
import { CITY_SCOPE, Indicator, IndicatorTargetEntity, IndicatorValueEntity } from '../indicators/indicator.entities';
import { toIndicator, toTarget } from '../indicators/indicator.mapper';
import { areaFunds } from './area-funds';
import { ReportSql, toNumber } from './report-sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const today = () => new Date().toISOString().slice(0, 10);
const isCurrent = (a: Pick<Area, 'validFrom' | 'validTo'>, day = today()) => a.validFrom <= day && (a.validTo === null || a.validTo >= day);
const ref = (a: Pick<Area, 'id' | 'code' | 'name' | 'type'>): ReportAreaRef => ({ id: a.id, code: a.code, name: a.name, type: a.type });
export const CURRENT_PROJECT_STATES = PROJECT_STATES.filter((s) => PROJECT_STATE_INFO[s].current);

/** True when `value` is worse than `reference` for an indicator of this direction. */
function worse(direction: IndicatorDirection, value: number, reference: number): boolean {
  return direction === IndicatorDirection.LowerIsBetter ? value > reference : value < reference;
}

/** How a stored value compares with a target (scaled integers, exact). */
export function targetProgress(
  target: IndicatorTargetEntity,
  indicatorKey: string,
  area: Pick<Area, 'id' | 'code' | 'name'> | null,
  scope: 'area' | 'city',
  latest: { year: number; scaled: number } | null,
): TargetProgress {
  const met = latest
    ? target.comparator === TargetComparator.Below
      ? latest.scaled < target.valueScaled
      : latest.scaled > target.valueScaled
    : null;
  return {
    target: toTarget(target, indicatorKey, area),
    scope,
    latestYear: latest?.year ?? null,
    latestValue: latest ? scaledToNumber(latest.scaled) : null,
    distance: latest ? scaledToNumber(latest.scaled - target.valueScaled) : null,
    met,
    overdue: target.dueYear < new Date().getUTCFullYear() && met !== true,
  };
}

/** The area profile and the city overview: read-only views over indicators, projects, assemblies and proposals. */
@Injectable()
export class SocialReportService {
  private readonly sql: ReportSql;

  constructor(
    @InjectDataSource() ds: DataSource,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    @InjectRepository(Indicator) private readonly indicators: Repository<Indicator>,
    @InjectRepository(IndicatorValueEntity) private readonly values: Repository<IndicatorValueEntity>,
    @InjectRepository(IndicatorTargetEntity) private readonly targets: Repository<IndicatorTargetEntity>,
  ) {
    this.sql = new ReportSql(ds);
  }

  private async findArea(key: string): Promise<Area> {
    const area = UUID.test(key) ? await this.areas.findOneBy({ id: key }) : await this.areas.findOneBy({ code: key.toLowerCase() });
    if (!area) throw notFound('The area');
    return area;
  }

  private async definitions(): Promise<{
    list: Indicator[];
    stats: Map<string, { valueCount: number; firstYear: number; lastYear: number }>;
  }> {
    const list = await this.indicators.find({ order: { sortOrder: 'ASC', key: 'ASC' } });
    const rows = await this.sql.query<{ indicatorId: string; n: unknown; first: unknown; last: unknown }>(
      `SELECT "indicatorId", COUNT(*) AS n, MIN("year") AS first, MAX("year") AS last FROM "indicator_values" GROUP BY "indicatorId"`,
    );
    return {
      list,
      stats: new Map(
        rows.map((r) => [r.indicatorId, { valueCount: toNumber(r.n), firstYear: toNumber(r.first), lastYear: toNumber(r.last) }]),
      ),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Area profile
  // ---------------------------------------------------------------------------------------------

  async profile(key: string, range: { from?: number; to?: number }): Promise<AreaProfileResponse> {
    const area = await this.findArea(key);
    const parent = area.parentId ? await this.areas.findOneBy({ id: area.parentId }) : null;
    const children = await this.areas.find({ where: { parentId: area.id }, order: { name: 'ASC' } });
    const grandchildren = children.length ? await this.areas.find({ where: { parentId: In(children.map((c) => c.id)) } }) : [];
    const scopeIds = [area.id, ...children.map((c) => c.id), ...grandchildren.map((g) => g.id)];

    const [indicators, series, projects, assemblies, proposals, funds] = await Promise.all([
      this.definitions(),
      this.seriesRows(area.id, range),
      this.projectRows(scopeIds),
      this.assemblyRows(scopeIds),
      this.proposalCounts(scopeIds),
      areaFunds(this.sql, area.id),
    ]);
    const areaTargets = await this.targets.find({ where: { areaId: area.id }, order: { dueYear: 'ASC' } });
    const cityTargets = await this.targets.createQueryBuilder('t').where('t.areaId IS NULL').orderBy('t.dueYear', 'ASC').getMany();

    const years = series.map((r) => r.year);
    const indicatorSeries: AreaIndicatorSeries[] = indicators.list.map((indicator) => {
      const rows = series.filter((r) => r.indicatorId === indicator.id);
      const own = new Map(rows.filter((r) => r.scope !== CITY_SCOPE).map((r) => [r.year, r.scaled]));
      const city = new Map(rows.filter((r) => r.scope === CITY_SCOPE).map((r) => [r.year, r.scaled]));
      const pointYears = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
      const points: IndicatorPoint[] = pointYears.map((year) => ({
        year,
        value: own.has(year) ? scaledToNumber(own.get(year) as number) : null,
        cityValue: city.has(year) ? scaledToNumber(city.get(year) as number) : null,
      }));
      const latestYear = [...own.keys()].sort((a, b) => b - a)[0];
      const latest = latestYear !== undefined ? { year: latestYear, scaled: own.get(latestYear) as number } : null;
      const cityScaled = latest ? city.get(latest.year) : undefined;
      return {
        indicator: toIndicator(indicator, indicators.stats.get(indicator.id)),
        points,
        latest: latest ? { year: latest.year, value: scaledToNumber(latest.scaled) } : null,
        cityValueSameYear: cityScaled !== undefined ? scaledToNumber(cityScaled) : null,
        differenceToCity: latest && cityScaled !== undefined ? scaledToNumber(latest.scaled - cityScaled) : null,
        worseThanCity: latest && cityScaled !== undefined ? worse(indicator.direction, latest.scaled, cityScaled) : null,
        targets: [
          ...areaTargets.filter((t) => t.indicatorId === indicator.id).map((t) => targetProgress(t, indicator.key, area, 'area', latest)),
          ...cityTargets.filter((t) => t.indicatorId === indicator.id).map((t) => targetProgress(t, indicator.key, null, 'city', latest)),
        ],
      };
    });

    const byState = new Map<string, number>();
    const byCell = new Map<string, number>();
    for (const p of projects) {
      byState.set(p.state, (byState.get(p.state) ?? 0) + 1);
      const cell = `${p.state}|${p.fieldOfActionCode}`;
      byCell.set(cell, (byCell.get(cell) ?? 0) + 1);
    }
    return {
      area: {
        ...ref(area),
        description: area.description,
        validFrom: area.validFrom,
        validTo: area.validTo,
        current: isCurrent(area),
        parent: parent ? ref(parent) : null,
        children: children.map(ref),
      },
      years: {
        from: range.from ?? (years.length ? Math.min(...years) : null),
        to: range.to ?? (years.length ? Math.max(...years) : null),
      },
      indicators: indicatorSeries,
      projects: {
        total: projects.length,
        byState: PROJECT_STATES.map((state) => ({ state, count: byState.get(state) ?? 0 })),
        byStateAndField: [...byCell.entries()]
          .map(([cell, count]) => {
            const [state, fieldOfActionCode] = cell.split('|');
            return { state: state as ProjectState, fieldOfActionCode, count };
          })
          .sort(
            (a, b) =>
              PROJECT_STATES.indexOf(a.state) - PROJECT_STATES.indexOf(b.state) || a.fieldOfActionCode.localeCompare(b.fieldOfActionCode),
          ),
        items: projects,
      },
      assemblies,
      proposals,
      funds,
      generatedAt: new Date().toISOString(),
    };
  }

  /** The area's and the city's values of every indicator in the year range. */
  private async seriesRows(areaId: string, range: { from?: number; to?: number }) {
    const qb = this.values
      .createQueryBuilder('v')
      .select(['v.indicatorId', 'v.scope', 'v.year', 'v.valueScaled'])
      .where('v.scope IN (:...scopes)', { scopes: [areaId, CITY_SCOPE] });
    if (range.from !== undefined) qb.andWhere('v.year >= :from', { from: range.from });
    if (range.to !== undefined) qb.andWhere('v.year <= :to', { to: range.to });
    const rows = await qb.getMany();
    return rows.map((r) => ({ indicatorId: r.indicatorId, scope: r.scope, year: r.year, scaled: r.valueScaled }));
  }

  /** Projects concerning any of the areas (through project_areas or as their Aktionsraum). */
  private async projectRows(areaIds: string[]) {
    const params: unknown[] = [];
    const inAreas = this.sql.in('pa."areaId"', areaIds, params);
    const inAction = this.sql.in('p."actionAreaId"', areaIds, params);
    const rows = await this.sql.query<{ id: string; title: string; state: ProjectState; code: string }>(
      `SELECT p."id", p."title", p."state", f."code" FROM "projects" p JOIN "fields_of_action" f ON f."id" = p."fieldOfActionId" ` +
        `WHERE p."id" IN (SELECT pa."projectId" FROM "project_areas" pa WHERE ${inAreas}) OR ${inAction} ORDER BY p."title"`,
      params,
    );
    return rows.map((r) => ({ id: r.id, title: r.title, state: r.state, fieldOfActionCode: r.code }));
  }

  /** Public assemblies linked to the areas, newest first, with attendance once held. */
  private async assemblyRows(areaIds: string[]) {
    // Placeholders in the order they appear in the text (SQLite's ? are positional).
    const params: unknown[] = [];
    const visibility = this.sql.param(AssemblyVisibility.Public, params);
    const inAreas = this.sql.in('aa."areaId"', areaIds, params);
    const rows = await this.sql.query<{ id: string; title: string; startsAt: Date | string; status: AssemblyStatus; attendance: unknown }>(
      `SELECT a."id", a."title", a."startsAt", a."status", (SELECT COUNT(*) FROM "assembly_participants" pt WHERE pt."assemblyId" = a."id") AS attendance ` +
        `FROM "assemblies" a WHERE a."visibility" = ${visibility} AND a."id" IN (SELECT aa."assemblyId" FROM "assembly_areas" aa WHERE ${inAreas}) ` +
        `ORDER BY a."startsAt" DESC`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      startsAt: toIso(r.startsAt),
      status: r.status,
      attendance: r.status === AssemblyStatus.Planned ? null : toNumber(r.attendance),
    }));
  }

  private async proposalCounts(areaIds: string[]): Promise<AreaProfileResponse['proposals']> {
    const params: unknown[] = [];
    const rows = await this.sql.query<{ status: ProposalStatus; code: string; n: unknown }>(
      `SELECT p."status", f."code", COUNT(*) AS n FROM "proposals" p JOIN "fields_of_action" f ON f."id" = p."fieldOfActionId" ` +
        `WHERE p."hiddenAt" IS NULL AND ${this.sql.in('p."areaId"', areaIds, params)} GROUP BY p."status", f."code"`,
      params,
    );
    const byStatus = new Map<string, number>();
    const byField = new Map<string, number>();
    for (const r of rows) {
      byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + toNumber(r.n));
      byField.set(r.code, (byField.get(r.code) ?? 0) + toNumber(r.n));
    }
    return {
      total: [...byStatus.values()].reduce((a, b) => a + b, 0),
      byStatus: PROPOSAL_STATUSES.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
      byField: [...byField.entries()]
        .map(([fieldOfActionCode, count]) => ({ fieldOfActionCode, count }))
        .sort((a, b) => a.fieldOfActionCode.localeCompare(b.fieldOfActionCode)),
    };
  }

  // ---------------------------------------------------------------------------------------------
  // City overview
  // ---------------------------------------------------------------------------------------------

  async overview(query: { indicator?: string; year?: number }): Promise<CityOverviewResponse> {
    const { list, stats } = await this.definitions();
    const wanted = query.indicator?.toLowerCase();
    const indicator = wanted ? list.find((i) => i.key === wanted) : list[0];
    if (!indicator) throw notFound(query.indicator ? `The indicator "${query.indicator}"` : 'An indicator');
    const definition: IndicatorDefinition = toIndicator(indicator, stats.get(indicator.id));

    const yearRows = await this.values
      .createQueryBuilder('v')
      .select('DISTINCT v.year', 'year')
      .where('v.indicatorId = :id', { id: indicator.id })
      .getRawMany<{ year: unknown }>();
    const availableYears = yearRows.map((r) => toNumber(r.year)).sort((a, b) => a - b);
    const year = query.year ?? availableYears[availableYears.length - 1] ?? null;

    const day = today();
    const actionAreas = (await this.areas.find({ where: { type: AreaType.ActionArea }, order: { name: 'ASC' } })).filter((a) =>
      isCurrent(a, day),
    );
    const parents = new Map(
      (
        await this.areas.find({ where: { id: In([...new Set(actionAreas.map((a) => a.parentId).filter((id): id is string => !!id))]) } })
      ).map((p) => [p.id, p.name]),
    );
    const values =
      year === null ? [] : await this.values.find({ where: { indicatorId: indicator.id, year }, select: ['scope', 'valueScaled'] });
    const byScope = new Map(values.map((v) => [v.scope, v.valueScaled]));
    const city = byScope.get(CITY_SCOPE);
    const projectCounts = await this.currentProjectCounts(actionAreas.map((a) => a.id));

    const scaledOf = (a: Area) => byScope.get(a.id);
    // Need rank: 1 = the worst value by the indicator's direction; equal values share a rank.
    const withValue = actionAreas.filter((a) => scaledOf(a) !== undefined);
    const sorted = [...withValue].sort((a, b) => {
      const d = (scaledOf(b) as number) - (scaledOf(a) as number);
      return indicator.direction === IndicatorDirection.LowerIsBetter ? d : -d;
    });
    const rank = new Map<string, number>();
    sorted.forEach((a, i) => {
      const prev = sorted[i - 1];
      rank.set(a.id, prev && scaledOf(prev) === scaledOf(a) ? (rank.get(prev.id) as number) : i + 1);
    });

    const rows: CityOverviewRow[] = actionAreas.map((a) => {
      const scaled = scaledOf(a);
      return {
        area: { ...ref(a), parentName: a.parentId ? (parents.get(a.parentId) ?? null) : null },
        value: scaled !== undefined ? scaledToNumber(scaled) : null,
        differenceToCity: scaled !== undefined && city !== undefined ? scaledToNumber(scaled - city) : null,
        worseThanCity: scaled !== undefined && city !== undefined ? worse(indicator.direction, scaled, city) : null,
        needRank: rank.get(a.id) ?? null,
        currentProjects: projectCounts.get(a.id) ?? 0,
      };
    });
    rows.sort((a, b) => (a.needRank ?? Infinity) - (b.needRank ?? Infinity) || a.area.name.localeCompare(b.area.name, 'de'));
    const sum = withValue.reduce((acc, a) => acc + (scaledOf(a) as number), 0);
    const cityTargets = await this.targets
      .createQueryBuilder('t')
      .where('t.areaId IS NULL')
      .andWhere('t.indicatorId = :id', { id: indicator.id })
      .getMany();
    const cityLatest = city !== undefined && year !== null ? { year, scaled: city } : null;

    return {
      indicator: definition,
      year,
      availableYears,
      cityValue: city !== undefined ? scaledToNumber(city) : null,
      actionAreaMean: withValue.length ? scaledToNumber(Math.round(sum / withValue.length)) : null,
      rows,
      targets: cityTargets.map((t) => targetProgress(t, indicator.key, null, 'city', cityLatest)),
      generatedAt: new Date().toISOString(),
    };
  }

  /** Current projects (single project, project type, regular operation) per Aktionsraum, its Quartiere included. */
  private async currentProjectCounts(actionAreaIds: string[]): Promise<Map<string, number>> {
    if (!actionAreaIds.length) return new Map();
    const params: unknown[] = [];
    const roots = this.sql.in('ar."id"', actionAreaIds, params);
    const states = this.sql.in('p."state"', CURRENT_PROJECT_STATES, params);
    // Each project once per Aktionsraum, whether linked to the Aktionsraum, a Quartier of it, or as its actionArea.
    const rows = await this.sql.query<{ rootId: string; n: unknown }>(
      `SELECT x."rootId", COUNT(DISTINCT x."projectId") AS n FROM (` +
        `SELECT ar."id" AS "rootId", pa."projectId" FROM "areas" ar JOIN "areas" sub ON sub."id" = ar."id" OR sub."parentId" = ar."id" ` +
        `JOIN "project_areas" pa ON pa."areaId" = sub."id" WHERE ${roots} ` +
        `UNION SELECT p2."actionAreaId" AS "rootId", p2."id" AS "projectId" FROM "projects" p2 WHERE p2."actionAreaId" IS NOT NULL` +
        `) x JOIN "projects" p ON p."id" = x."projectId" WHERE ${states} GROUP BY x."rootId"`,
      params,
    );
    return new Map(rows.map((r) => [r.rootId, toNumber(r.n)]));
  }
}

export function toIso(value: Date | string): string {
  if (value instanceof Date) return value.toISOString();
  // SQLite: "YYYY-MM-DD HH:MM:SS.SSS" in UTC.
  return new Date(/Z|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`).toISOString();
}
