import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { INDICATOR_IMPORT_MAX_LISTED_ERRORS, type IndicatorImportResponse } from '@app/shared';
import { NOW_SQL } from '../../database/column-types';
import { TransactionRunner } from '../../database/transactions';
import { Area } from '../areas/area.entity';
import { AuditService } from '../audit/audit.service';
import type { User } from '../users/user.entity';
import { parseIndicatorCsv, type ImportRow } from './csv-import';
import { CITY_SCOPE, Indicator } from './indicator.entities';

/** Rows per multi-row INSERT … ON CONFLICT: 6 parameters each stays far below both databases' limits. */
const UPSERT_CHUNK = 2000;

/** The CSV import of indicator values: check everything, then write all of it in one transaction or nothing. */
@Injectable()
export class IndicatorImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Indicator) private readonly indicators: Repository<Indicator>,
    @InjectRepository(Area) private readonly areas: Repository<Area>,
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * Checks the whole file; with errors nothing is written. Otherwise compares with what is stored
   * (inserted / updated / unchanged) and, unless dry run, writes new and changed values in one
   * transaction with chunked multi-row upserts. Unchanged values are not touched.
   */
  async import(actor: User, text: string, dryRun: boolean): Promise<IndicatorImportResponse> {
    const started = Date.now();
    const [areas, indicators] = await Promise.all([
      this.areas.find({ select: ['id', 'code'] }),
      this.indicators.find({ select: ['id', 'key'] }),
    ]);
    const parsed = parseIndicatorCsv(text, {
      areas: new Map(areas.map((a) => [a.code.toLowerCase(), a.id])),
      indicators: new Map(indicators.map((i) => [i.key, i.id])),
      maxYear: new Date().getUTCFullYear(),
    });
    const base = {
      dryRun,
      delimiter: parsed.delimiter,
      decimalSeparator: parsed.decimalSeparator,
      rows: parsed.rowCount,
    };
    if (parsed.errors.length) {
      const errors = [...parsed.errors].sort((a, b) => a.line - b.line);
      return {
        ...base,
        imported: false,
        counts: { inserted: 0, updated: 0, unchanged: 0 },
        errorCount: errors.length,
        errors: errors.slice(0, INDICATOR_IMPORT_MAX_LISTED_ERRORS),
        durationMs: Date.now() - started,
      };
    }
    const result = (counts: IndicatorImportResponse['counts'], imported: boolean): IndicatorImportResponse => ({
      ...base,
      imported,
      counts,
      errorCount: 0,
      errors: [],
      durationMs: Date.now() - started,
    });
    if (dryRun) return result((await this.diff(this.dataSource.manager, parsed.rows)).counts, false);

    const counts = await this.transactions.run(async (m) => {
      const diff = await this.diff(m, parsed.rows);
      await this.upsert(m, diff.changes);
      await this.audit.record(
        {
          actorId: actor.id,
          action: 'indicator_values.imported',
          entityType: 'indicator_value',
          details: { rows: parsed.rowCount, ...diff.counts },
        },
        m,
      );
      return diff.counts;
    });
    return result(counts, true);
  }

  /** What the rows would change: stored values of the concerned indicators are read once and compared exactly. */
  private async diff(m: EntityManager, rows: ImportRow[]): Promise<{ counts: IndicatorImportResponse['counts']; changes: ImportRow[] }> {
    const indicatorIds = [...new Set(rows.map((r) => r.indicatorId))];
    const stored = new Map<string, number>();
    for (const indicatorId of indicatorIds) {
      const existing: Array<{ scope: string; year: number | string; valueScaled: number | string }> = await m.query(
        `SELECT "scope", "year", "valueScaled" FROM "indicator_values" WHERE "indicatorId" = ${this.placeholder(1)}`,
        [indicatorId],
      );
      for (const e of existing) stored.set(`${indicatorId}|${e.scope}|${Number(e.year)}`, Number(e.valueScaled));
    }
    const counts = { inserted: 0, updated: 0, unchanged: 0 };
    const changes: ImportRow[] = [];
    for (const row of rows) {
      const before = stored.get(`${row.indicatorId}|${row.areaId ?? CITY_SCOPE}|${row.year}`);
      if (before === undefined) counts.inserted++;
      else if (before !== row.scaled) counts.updated++;
      else {
        counts.unchanged++;
        continue;
      }
      changes.push(row);
    }
    return { counts, changes };
  }

  private placeholder(n: number): string {
    return this.transactions.isPostgres ? `$${n}` : '?';
  }

  /** INSERT … ON CONFLICT (indicatorId, scope, year) DO UPDATE: the same statement on SQLite (≥ 3.24) and PostgreSQL. */
  private async upsert(m: EntityManager, rows: ImportRow[]): Promise<void> {
    const now = NOW_SQL(this.transactions.isPostgres);
    for (let start = 0; start < rows.length; start += UPSERT_CHUNK) {
      const chunk = rows.slice(start, start + UPSERT_CHUNK);
      const params: Array<string | number | null> = [];
      const tuples = chunk.map((row) => {
        const first = params.length + 1;
        params.push(randomUUID(), row.indicatorId, row.areaId, row.areaId ?? CITY_SCOPE, row.year, row.scaled);
        return `(${[0, 1, 2, 3, 4, 5].map((i) => this.placeholder(first + i)).join(', ')})`;
      });
      await m.query(
        `INSERT INTO "indicator_values" ("id", "indicatorId", "areaId", "scope", "year", "valueScaled") VALUES ${tuples.join(', ')} ` +
          `ON CONFLICT ("indicatorId", "scope", "year") DO UPDATE SET "valueScaled" = excluded."valueScaled", "updatedAt" = ${now}`,
        params,
      );
    }
  }
}
