import type { AreaType } from '../enums/area-type';
import type { AssemblyStatus } from '../enums/assembly';
import type { ProposalStatus } from '../enums/proposal-status';
import type { ProjectState } from '../workflow/states';
import type { LocalizedText } from './reference-data';

/**
 * REST contract of the social report (issue 6): indicator definitions and values, targets, the CSV
 * import, the area profile, the city overview, participation statistics and the open-data catalogue.
 *
 * Conventions used throughout:
 * - Indicator values are exact decimals with at most INDICATOR_VALUE_MAX_DECIMALS places. The API
 *   stores them as scaled integers (value × 10^4) and sends them as JSON numbers; compare or sum
 *   them only after rounding to the indicator's `decimals`.
 * - **City-wide values** (the whole city, e.g. "Arbeitslosenrate Dortmund") have `areaId: null` in
 *   JSON and the reserved area key `stadt` (CITY_AREA_KEY) in CSV files, imports and open data.
 *   The "city average" shown beside an area is this reported city-wide value, not a mean of areas.
 * - Years are calendar years (integers).
 * - Every route is under the global prefix `/api`.
 */

// ---------------------------------------------------------------------------------------------
// Constants shared by API, web and tests
// ---------------------------------------------------------------------------------------------

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
/** Largest CSV body the import accepts; a larger body gets 413 PAYLOAD_TOO_LARGE. */
export const INDICATOR_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** At most this many row errors are listed in one import response; `errorCount` always has the total. */
export const INDICATOR_IMPORT_MAX_LISTED_ERRORS = 5000;

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

// ---------------------------------------------------------------------------------------------
// Indicator definitions
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Indicator values
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// CSV import
// ---------------------------------------------------------------------------------------------

/**
 * POST /api/indicators/import?dryRun=true|false   (administrator; CSRF header as every write)
 *
 * Body: the CSV file itself, `Content-Type: text/csv` (also accepted: `text/plain`,
 * `application/csv`, `application/vnd.ms-excel`; any other type → 400). Not multipart: the web
 * sends the File object as the body: `fetch(url, { method: 'POST', body: file, headers: { 'content-type': 'text/csv' } })`.
 * At most INDICATOR_IMPORT_MAX_BYTES (20 MB); larger → 413 PAYLOAD_TOO_LARGE. Empty body → 400.
 *
 * The file: UTF-8 with or without BOM; delimiter `,` or `;` (detected from the header line; tab
 * too); a header row naming the columns in any order, English or German:
 *   area | Gebiet | Gebietsschlüssel | Raum, indicator | Indikator, year | Jahr, value | Wert
 * (case-insensitive). Other columns (e.g. an area name for people) are ignored. Keys are
 * matched case-insensitively. Quoted cells ("…") follow RFC 4180.
 * Area key = area code (`ar-nordmarkt`) or `stadt` for city-wide values. Indicator = indicator key.
 * Value: one decimal separator per file (`decimalSeparator` in the response). `,`-delimited files
 * use the decimal point (`12.5`). `;`-delimited files (German statistics offices) use the decimal
 * comma (`12,5`, with `.` as thousands separator: `580.511`, `1.234,5`) – unless no value has a
 * comma and some value has a dot that cannot be a thousands separator (`12.5`): then the decimal
 * point. Spaces inside a value are ignored; a leading `-` is allowed. Empty lines are skipped.
 *
 * Always 200 once the body could be read: the response says whether anything was imported.
 * Rule: if ANY row has an error, nothing is written (both dryRun and real import) and every
 * bad row is listed. Otherwise a dry run reports what would happen, and the real import writes
 * all rows in one transaction. Importing the same file twice gives `unchanged = rows`.
 */
export interface IndicatorImportQuery {
  /** Default false. */
  dryRun?: boolean;
}

export enum ImportErrorCode {
  /** The header lacks a required column (line 1; `column` names it). */
  MissingColumn = 'missing_column',
  /** A header names the same column twice (e.g. `year` and `Jahr`). Unknown extra columns are ignored. */
  DuplicateColumn = 'duplicate_column',
  /** A data line has more or fewer cells than the header. */
  WrongColumnCount = 'wrong_column_count',
  /** A required cell is empty. */
  EmptyValue = 'empty_value',
  UnknownArea = 'unknown_area',
  UnknownIndicator = 'unknown_indicator',
  /** The value is not a decimal number. */
  NotANumber = 'not_a_number',
  /** More than INDICATOR_VALUE_MAX_DECIMALS decimal places, or beyond INDICATOR_VALUE_MAX_ABS. */
  TooManyDecimals = 'too_many_decimals',
  ValueOutOfRange = 'value_out_of_range',
  /** The year is not a whole number. */
  YearNotInteger = 'year_not_integer',
  /** The year lies outside INDICATOR_YEAR_MIN … current year. */
  YearOutOfRange = 'year_out_of_range',
  /** (area, indicator, year) already appeared earlier in the file; the message names that line. */
  DuplicateRow = 'duplicate_row',
  /** The file cannot be read as CSV (e.g. an unclosed quote); `line` is where the parser stopped. */
  Malformed = 'malformed',
}
export const IMPORT_ERROR_CODES: readonly ImportErrorCode[] = Object.values(ImportErrorCode);

export interface ImportRowError {
  /** 1-based physical line in the file (line 1 = header). */
  line: number;
  /** The column concerned, as named in the file's header (absent for whole-line errors). */
  column?: string;
  code: ImportErrorCode;
  /** English, human readable, e.g. "Unknown area \"ar-xyz\"". The web translates by `code`. */
  message: string;
  /** The offending cell as written in the file (absent for whole-line errors). */
  value?: string;
}

export interface IndicatorImportResponse {
  dryRun: boolean;
  /** True only for a real import without errors (everything was written in one transaction). */
  imported: boolean;
  /** Detected file format. */
  delimiter: ',' | ';' | '\t';
  decimalSeparator: '.' | ',';
  /** Data rows read (header and empty lines not counted). */
  rows: number;
  /**
   * What the import does (dry run: would do) with the clean rows: new values, changed values,
   * values already stored with the same value. All zero when there are errors.
   */
  counts: { inserted: number; updated: number; unchanged: number };
  /** Total number of errors; `errors` lists the first INDICATOR_IMPORT_MAX_LISTED_ERRORS, by line. */
  errorCount: number;
  errors: ImportRowError[];
  /** Server time spent, for the admin's information. */
  durationMs: number;
}

// ---------------------------------------------------------------------------------------------
// Area profile
// ---------------------------------------------------------------------------------------------

/**
 * GET /api/social-report/areas/:area?from=<year>&to=<year>   (public)
 *   :area = the area's id (uuid) or its code (`ar-nordmarkt`). Any area type; retired areas too.
 *   → AreaProfileResponse; 404 for an unknown area, 400 for a malformed key or years.
 */
export interface IndicatorPoint {
  year: number;
  /** This area's value (null: none reported for that year). */
  value: number | null;
  /** The city-wide value for that year (null: none reported). */
  cityValue: number | null;
}

export interface AreaIndicatorSeries {
  indicator: IndicatorDefinition;
  /** One point per year in which the area or the city has a value, ascending. */
  points: IndicatorPoint[];
  /** This area's most recent value. */
  latest: { year: number; value: number } | null;
  /** The city-wide value of the same year as `latest` (null when missing). */
  cityValueSameYear: number | null;
  /** latest.value − cityValueSameYear (null when either is missing). */
  differenceToCity: number | null;
  /** Worse than the city, judged by the indicator's direction (null when not comparable). */
  worseThanCity: boolean | null;
  /** The area's own targets first, then city-wide targets as benchmark. */
  targets: TargetProgress[];
}

export interface ProfileProjectItem {
  id: string;
  title: string;
  state: ProjectState;
  fieldOfActionCode: string;
}

export interface ProfileAssemblyItem {
  id: string;
  title: string;
  startsAt: string;
  status: AssemblyStatus;
  /** People who took part (hall and online); null for assemblies not yet held. */
  attendance: number | null;
}

export interface AreaProfileResponse {
  area: ReportAreaRef & {
    description: string | null;
    validFrom: string;
    validTo: string | null;
    current: boolean;
    parent: ReportAreaRef | null;
    /** Quartiere (or Aktionsräume of a district): their projects and proposals are included. */
    children: ReportAreaRef[];
  };
  /** The year range shown (from the query, else all years with values). */
  years: { from: number | null; to: number | null };
  indicators: AreaIndicatorSeries[];
  projects: {
    total: number;
    /** Every project state with its count (zero included), in PROJECT_STATES order. */
    byState: Array<{ state: ProjectState; count: number }>;
    /** Non-zero cells of the state × Handlungsfeld matrix. */
    byStateAndField: Array<{ state: ProjectState; fieldOfActionCode: string; count: number }>;
    items: ProfileProjectItem[];
  };
  /** Public assemblies linked to the area (unlisted ones never appear), newest first. */
  assemblies: ProfileAssemblyItem[];
  /** Visible proposals (hidden ones are not counted) in the area and its children. */
  proposals: {
    total: number;
    byStatus: Array<{ status: ProposalStatus; count: number }>;
    byField: Array<{ fieldOfActionCode: string; count: number }>;
  };
  generatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// City overview
// ---------------------------------------------------------------------------------------------

/**
 * GET /api/social-report/overview?indicator=<key>&year=<year>   (public)
 *   indicator: default = first indicator by sortOrder; year: default = latest year with values.
 *   Rows: every current Aktionsraum (valid today), sorted by needRank (areas without value last).
 *   → CityOverviewResponse; 404 unknown indicator; 400 malformed year.
 */
export interface CityOverviewRow {
  area: ReportAreaRef & { parentName: string | null };
  value: number | null;
  /** value − cityValue (null when either is missing). */
  differenceToCity: number | null;
  worseThanCity: boolean | null;
  /** 1 = greatest need (worst value by the indicator's direction); ties share a rank; null without value. */
  needRank: number | null;
  /** Current projects (single project, project type, regular operation) in the area and its Quartiere. */
  currentProjects: number;
}

export interface CityOverviewResponse {
  indicator: IndicatorDefinition;
  year: number | null;
  /** Years that have at least one value for this indicator, ascending (for the year picker). */
  availableYears: number[];
  /** City-wide value of that year ("Stadt"); null when not reported. */
  cityValue: number | null;
  /** Mean of the rows' values (unweighted), for information; null without values. */
  actionAreaMean: number | null;
  rows: CityOverviewRow[];
  /** City-wide targets of this indicator with the city-wide value measured against them. */
  targets: TargetProgress[];
  generatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Participation statistics
// ---------------------------------------------------------------------------------------------

/**
 * GET /api/social-report/participation?from=YYYY-MM&to=YYYY-MM&areaId=<uuid>   (public)
 *   Default range: the last 12 months including the current one; at most 120 months.
 *   Counts per area and calendar month (UTC):
 *   - proposals: visible proposals created in the month, by the proposal's area;
 *   - supports: supports given in the month to visible proposals of the area;
 *   - comments: visible comments written in the month on visible proposals of the area;
 *   - assemblies / attendance / checkedIn: public assemblies starting in the month that are linked
 *     to the area, their participants (hall + online) and those checked in at the door. An assembly
 *     linked to two areas counts for both.
 *   Only area × month cells with at least one non-zero count are listed.
 */
export interface ParticipationCounts {
  proposals: number;
  supports: number;
  comments: number;
  assemblies: number;
  attendance: number;
  checkedIn: number;
}

export interface ParticipationRow extends ParticipationCounts {
  area: ReportAreaRef;
  /** YYYY-MM */
  month: string;
}

export interface ParticipationStatsResponse {
  from: string;
  to: string;
  /** Every month of the range, ascending (YYYY-MM). */
  months: string[];
  rows: ParticipationRow[];
  /** Sums per month over all areas (every month of the range, zeros included). */
  byMonth: Array<ParticipationCounts & { month: string }>;
  /** Sums per area over the range (areas with any activity). */
  byArea: Array<ParticipationCounts & { area: ReportAreaRef }>;
  totals: ParticipationCounts;
  generatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Open data
// ---------------------------------------------------------------------------------------------

/**
 * GET /api/open-data                       (public) → OpenDataCatalogue
 * GET /api/open-data/<dataset>.json         (public) → { meta: OpenDataMeta, records: [...] }
 * GET /api/open-data/<dataset>.csv          (public) → text/csv; charset=utf-8, RFC 4180, CRLF,
 *   header row first, then one row per record. Licence and timestamp: as in the proposals export,
 *   the last three columns of every row are `licence`, `licenceUrl`, `generatedAt` (no comment
 *   lines, so spreadsheets and CKAN previews open the file cleanly); the same values are in the
 *   headers `Link: <licenceUrl>; rel="license"` and `X-Generated-At`. Cells a spreadsheet would
 *   run as formula are prefixed with `'`. City-wide values use the area key `stadt`.
 *   Unknown dataset or format → 404.
 *
 * Datasets (OpenDataDatasetId): areas, indicators, indicator-values, targets, projects,
 * project-states (the public timeline of state changes), assemblies (public ones only),
 * vote-results (published rounds of public assemblies; per option totals only – for secret
 * rounds not even the online/hall split, which could reveal a single online voter's choice),
 * proposals (visible ones, no author, no source note), participation (the monthly statistics).
 */
export enum OpenDataDatasetId {
  Areas = 'areas',
  Indicators = 'indicators',
  IndicatorValues = 'indicator-values',
  Targets = 'targets',
  Projects = 'projects',
  ProjectStates = 'project-states',
  Assemblies = 'assemblies',
  VoteResults = 'vote-results',
  Proposals = 'proposals',
  Participation = 'participation',
}
export const OPEN_DATA_DATASET_IDS: readonly OpenDataDatasetId[] = Object.values(OpenDataDatasetId);

/**
 * Licence for texts written by citizens (proposal titles and bodies): they are the authors' works,
 * published under the platform's terms of use with attribution, not as municipal data.
 * The city's own data (areas, indicators, projects, assemblies, results, statistics) is
 * OPEN_DATA_LICENCE (DL-DE-Zero-2.0).
 */
export const CITIZEN_TEXT_LICENCE = 'Creative Commons Namensnennung 4.0 International (CC BY 4.0)';
export const CITIZEN_TEXT_LICENCE_URL = 'https://creativecommons.org/licenses/by/4.0/';
export const CITIZEN_TEXT_ATTRIBUTION = 'Beiträge von Bürgerinnen und Bürgern, Beteiligungsplattform Soziale Stadt';
/**
 * CSV files with citizens' texts carry their licence in these columns on every row (after licence,
 * licenceUrl, generatedAt), so the file says itself that those texts are not under the data licence.
 */
export const CITIZEN_TEXT_LICENCE_COLUMNS = ['textLicence', 'textLicenceUrl', 'textAttribution'] as const;

export interface OpenDataMeta {
  dataset: OpenDataDatasetId;
  title: LocalizedText;
  /** Licence of the dataset (DL-DE-Zero-2.0 for the city's data). */
  licence: string;
  licenceUrl: string;
  /** Only where citizens' texts are included (proposals): the licence of those texts. */
  contentLicence?: { licence: string; licenceUrl: string; attribution: string; columns: string[] };
  publisher: string;
  generatedAt: string;
  count: number;
  /** Datasets with demo values say so here. */
  note: string | null;
}

export interface OpenDataFile<T = Record<string, unknown>> {
  meta: OpenDataMeta;
  records: T[];
}

export interface OpenDataFormat {
  format: 'csv' | 'json';
  mediaType: 'text/csv' | 'application/json';
  /** Absolute path under the API, e.g. "/api/open-data/areas.csv". */
  url: string;
}

export interface OpenDataDataset {
  id: OpenDataDatasetId;
  title: LocalizedText;
  description: LocalizedText;
  licence: string;
  licenceUrl: string;
  contentLicence: { licence: string; licenceUrl: string; attribution: string } | null;
  formats: OpenDataFormat[];
  /** The columns of the CSV (and keys of the JSON records), in order (without the licence columns). */
  columns: string[];
  /** Newest change in the underlying data (null for an empty dataset). */
  lastModified: string | null;
  count: number;
}

export interface OpenDataCatalogue {
  publisher: string;
  licence: string;
  licenceUrl: string;
  generatedAt: string;
  datasets: OpenDataDataset[];
}

// ---- open-data record shapes (JSON records; CSV columns are the same keys) ----

export interface OpenDataAreaRecord {
  id: string;
  code: string;
  type: AreaType;
  name: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface OpenDataIndicatorRecord {
  key: string;
  nameDe: string;
  nameEn: string;
  unit: string;
  direction: IndicatorDirection;
  decimals: number;
  descriptionDe: string;
  descriptionEn: string;
  source: string;
}

export interface OpenDataIndicatorValueRecord {
  /** Area code or `stadt`. */
  area: string;
  indicator: string;
  year: number;
  /** Decimal string with a point, exactly as stored ("12.5"). */
  value: string;
}

export interface OpenDataTargetRecord {
  indicator: string;
  /** Area code or `stadt`. */
  area: string;
  comparator: TargetComparator;
  value: string;
  dueYear: number;
  note: string | null;
}

export interface OpenDataProjectRecord {
  id: string;
  title: string;
  state: ProjectState;
  fieldOfActionCode: string;
  /** Area codes, space-separated in CSV, an array in JSON. */
  areaCodes: string[];
  actionAreaCode: string | null;
  operatorName: string | null;
  responsibleDepartment: string | null;
  startDate: string | null;
  endDate: string | null;
  fundingSource: string | null;
  fundingAmountCents: number | null;
  decisionBody: string | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  stateSince: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OpenDataProjectStateRecord {
  projectId: string;
  version: number;
  transitionId: string;
  fromState: ProjectState | null;
  toState: ProjectState;
  /** The public reason given for side exits (rejected, parked, ended). */
  reason: string | null;
  createdAt: string;
}

export interface OpenDataAssemblyRecord {
  id: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  status: AssemblyStatus;
  /** Area codes (space-separated in CSV). */
  areaCodes: string[];
  /** Participants counted (closed assemblies; null before). */
  attendance: number | null;
  checkedIn: number | null;
}

export interface OpenDataVoteResultRecord {
  assemblyId: string;
  roundId: string;
  question: string;
  votingType: string;
  secret: boolean;
  publishedAt: string;
  optionId: string;
  optionLabel: string;
  /** App ballots for this option; null for secret rounds (only the total is published). */
  online: number | null;
  /** Hall count for this option; null for secret rounds. */
  hall: number | null;
  total: number;
}

export interface OpenDataProposalRecord {
  id: string;
  title: string;
  body: string;
  status: ProposalStatus;
  fieldOfActionCode: string;
  areaCode: string;
  supportCount: number;
  commentCount: number;
  createdAt: string;
}

export interface OpenDataParticipationRecord extends ParticipationCounts {
  area: string;
  month: string;
}
