import type { DataSource } from 'typeorm';

/**
 * Small helpers for the aggregate queries of the social report, which are plain SQL (GROUP BY per
 * area and month) written once for both databases: only placeholders and the month bucket differ.
 */
export class ReportSql {
  readonly pg: boolean;

  constructor(private readonly ds: DataSource) {
    this.pg = ds.options.type === 'postgres';
  }

  /** "YYYY-MM" of a timestamp column in UTC. SQLite stores TypeORM datetimes as UTC text "YYYY-MM-DD HH:MM:SS.SSS". */
  month(column: string): string {
    return this.pg ? `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM')` : `substr(${column}, 1, 7)`;
  }

  /** "a IN (…)" with one placeholder per value, appended to params. */
  in(column: string, values: readonly unknown[], params: unknown[]): string {
    if (!values.length) return '1 = 0';
    return `${column} IN (${values.map((v) => this.param(v, params)).join(', ')})`;
  }

  param(value: unknown, params: unknown[]): string {
    params.push(value);
    return this.pg ? `$${params.length}` : '?';
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.ds.query(sql, params);
  }
}

export const toNumber = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

/** Dates as YYYY-MM-DD on both databases (PostgreSQL's date column may come back as a Date). */
export function day(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  // node-postgres turns a date into local midnight: read it back in local time.
  if (v instanceof Date) return `${v.getFullYear()}-${String(v.getMonth() + 1).padStart(2, '0')}-${String(v.getDate()).padStart(2, '0')}`;
  return String(v).slice(0, 10);
}
