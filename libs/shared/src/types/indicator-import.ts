/** The CSV import of indicator values: what it accepts, and every refused row by line and code. */
/** Largest CSV body the import accepts; a larger body gets 413 PAYLOAD_TOO_LARGE. */
export const INDICATOR_IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** At most this many row errors are listed in one import response; `errorCount` always has the total. */
export const INDICATOR_IMPORT_MAX_LISTED_ERRORS = 5000;

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
