import type { AreaType } from '../enums/area-type';
import type { LocalizedText } from './reference-data';

/**
 * Indicators of the social report: their definitions, values per area and year, and targets.
 *
 * Conventions used by every social-report contract (here, indicator-import, social-report, open-data):
 * - Indicator values are exact decimals with at most INDICATOR_VALUE_MAX_DECIMALS places. The API
 *   stores them as scaled integers (value × 10^4) and sends them as JSON numbers; compare or sum
 *   them only after rounding to the indicator's `decimals`.
 * - **City-wide values** (the whole city, e.g. "Arbeitslosenrate Dortmund") have `areaId: null` in
 *   JSON and the reserved area key `stadt` (CITY_AREA_KEY) in CSV files, imports and open data.
 *   The "city average" shown beside an area is this reported city-wide value, not a mean of areas.
 * - Years are calendar years (integers).
 * - Every route is under the global prefix `/api`.
 */
/** Area key for city-wide values in CSV files (import and open data). No area may use this code. */
export const CITY_AREA_KEY = 'stadt';

/** Indicator keys: lower case letters, digits and underscores, starting with a letter. */
export const INDICATOR_KEY_PATTERN = /^[a-z][a-z0-9_]{1,39}$/;
export const INDICATOR_KEY_MAX = 40;
export const INDICATOR_NAME_MAX = 120;
export const INDICATOR_UNIT_MAX = 40;
export const INDICATOR_SOURCE_MAX = 300;
export const INDICATOR_DESCRIPTION_MAX = 2000;
/** Display precision an indicator may ask for (0–4). */
export const INDICATOR_DECIMALS_MAX = 4;
/** Stored precision: a value may carry at most this many decimal places (more → import error `too_many_decimals`). */
export const INDICATOR_VALUE_MAX_DECIMALS = 4;
/** Absolute value limit: value × 10^4 stays an exact integer in JSON numbers (below 2^53). */
export const INDICATOR_VALUE_MAX_ABS = 100_000_000_000;
/** Years accepted for values; the upper end is the current calendar year (values are observations). */
export const INDICATOR_YEAR_MIN = 1990;
/** Due years accepted for targets. */
export const TARGET_YEAR_MIN = 1990;
export const TARGET_YEAR_MAX = 2100;

export enum IndicatorDirection {
  /** More is better (e.g. Übergang zum Gymnasium). */
  HigherIsBetter = 'higher_is_better',
  /** Less is better (e.g. Arbeitslosenrate). */
  LowerIsBetter = 'lower_is_better',
}
export const INDICATOR_DIRECTIONS: readonly IndicatorDirection[] = Object.values(IndicatorDirection);

export enum TargetComparator {
  /** Target met when the value is strictly below `value` ("Arbeitslosenrate unter 10 %"). */
  Below = 'below',
  /** Target met when the value is strictly above `value`. */
  Above = 'above',
}
export const TARGET_COMPARATORS: readonly TargetComparator[] = Object.values(TargetComparator);

/**
 * GET  /api/indicators              (public) → IndicatorDefinition[] ordered by sortOrder, key
 * (:key = the indicator's key, e.g. arbeitslosenrate, or its id; both work in every path below)
 * GET  /api/indicators/:key         (public) → IndicatorDefinition
 * POST /api/indicators              (administrator) CreateIndicatorRequest → 201 IndicatorDefinition (409 INDICATOR_KEY_TAKEN)
 * PATCH /api/indicators/:key        (administrator) UpdateIndicatorRequest → IndicatorDefinition (the key is fixed)
 * DELETE /api/indicators/:key       (administrator) → 204; 409 INDICATOR_IN_USE while values or targets exist
 */
export interface IndicatorDefinition {
  id: string;
  /** Stable key used in CSV imports, URLs and open data, e.g. "arbeitslosenrate". */
  key: string;
  name: LocalizedText;
  /** Display unit, e.g. "%", "je 1.000 unter 21", "Stadt = 100", "Personen". */
  unit: string;
  direction: IndicatorDirection;
  description: LocalizedText;
  /** Where the numbers come from (statistics office, report year); demo data says "illustrativ". */
  source: string;
  /** Decimal places to show (0–4). */
  decimals: number;
  sortOrder: number;
  /** Number of stored values and the years they cover (null when there are none). */
  valueCount: number;
  firstYear: number | null;
  lastYear: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateIndicatorRequest {
  key: string;
  name: LocalizedText;
  unit: string;
  direction: IndicatorDirection;
  description: LocalizedText;
  source: string;
  /** Default 1. */
  decimals?: number;
  /** Default 0. */
  sortOrder?: number;
}

export type UpdateIndicatorRequest = Partial<Omit<CreateIndicatorRequest, 'key'>>;

/** A small area reference used in report responses. */
export interface ReportAreaRef {
  id: string;
  code: string;
  name: string;
  type: AreaType;
}

/**
 * GET /api/indicators/:key/values?areaId=<uuid|"city">&from=<year>&to=<year>   (public)
 *   → IndicatorValue[] ordered by year, city-wide first, then area name.
 *   `areaId=city` selects the city-wide values only; without areaId all values are returned.
 * PUT /api/indicators/:key/values   (administrator) SetIndicatorValueRequest → IndicatorValue
 *   Creates or replaces the one value for (indicator, area, year); audited.
 * DELETE /api/indicators/:key/values/:id   (administrator) → 204; audited.
 */
export interface IndicatorValue {
  id: string;
  indicatorKey: string;
  /** null = city-wide value (CSV key `stadt`). */
  areaId: string | null;
  /** The area's code, or `stadt` for the city-wide value. */
  areaCode: string;
  areaName: string | null;
  year: number;
  value: number;
  updatedAt: string;
}

export interface SetIndicatorValueRequest {
  /** null = city-wide. */
  areaId: string | null;
  year: number;
  /**
   * A JSON number with at most INDICATOR_VALUE_MAX_DECIMALS decimal places (stored exactly: the
   * shortest decimal form of the number is parsed, never the binary float).
   */
  value: number;
}

/**
 * GET    /api/indicator-targets?indicator=<key>&areaId=<uuid|"city">   (public) → IndicatorTarget[]
 * POST   /api/indicator-targets        (administrator) CreateTargetRequest → 201 IndicatorTarget
 * PATCH  /api/indicator-targets/:id    (administrator) UpdateTargetRequest → IndicatorTarget
 * DELETE /api/indicator-targets/:id    (administrator) → 204
 * All writes are audited.
 */
export interface IndicatorTarget {
  id: string;
  indicatorKey: string;
  /** null = city-wide target; it is also shown as the benchmark in every area profile. */
  areaId: string | null;
  areaCode: string;
  areaName: string | null;
  comparator: TargetComparator;
  value: number;
  /** The year by which the target should be met. */
  dueYear: number;
  /** Optional public note, e.g. the council decision the target comes from. */
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreateTargetRequest {
  indicatorKey: string;
  areaId?: string | null;
  comparator: TargetComparator;
  /** A JSON number, at most INDICATOR_VALUE_MAX_DECIMALS decimal places. */
  value: number;
  dueYear: number;
  note?: string | null;
}

export type UpdateTargetRequest = Partial<Omit<CreateTargetRequest, 'indicatorKey'>>;

/** A target measured against the latest value in scope. */
export interface TargetProgress {
  target: IndicatorTarget;
  /** Where the target applies: this area's own target, or the city-wide target used as benchmark. */
  scope: 'area' | 'city';
  /** The latest value this target is measured against (this area's, for both scopes). */
  latestYear: number | null;
  latestValue: number | null;
  /** latestValue − target.value, in the indicator's unit (null without a value). */
  distance: number | null;
  /** True when the comparator holds for the latest value; null without a value. */
  met: boolean | null;
  /** True when dueYear < current year and the target is not met. */
  overdue: boolean;
}
