import { stringify } from 'csv-stringify/sync';

/** Characters after which a spreadsheet may start a new cell: either separator, a tab, a line break. */
const CELL_BREAK = /[,;\t\r\n]/;
/**
 * A piece of text that begins (after optional white space) with a character spreadsheets read as
 * the start of a formula, including the full-width forms that some of them normalise.
 */
const FORMULA_START = /^\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A plain number such as -1.5 or +3 is data, not a formula: it stays as it is. */
const PLAIN_NUMBER = /^\s*[-+]?\d+(?:[.,]\d+)?\s*$/;
/** Every piece of a cell a spreadsheet could take for a cell of its own: the start and whatever follows a break. */
const PIECES = new RegExp(`(?<=^|${CELL_BREAK.source})[^,;\\t\\r\\n]+`, 'g');
/** Cells that are quoted, whatever the file's separator: a reader set to the other separator must not split them. */
const QUOTE_WHEN = /[,;\t\r\n"]/;

/**
 * The one rule against formula injection for every CSV the platform writes: a `'` goes in front of
 * every piece of text a spreadsheet could read as a formula. A piece is the cell's start and every
 * stretch after a comma, semicolon, tab or line break — a spreadsheet set to the other separator
 * (a German Excel opening a comma file) ignores quotes that do not open a cell and starts a new
 * cell there. A cell that starts with a tab or carriage return is marked as well. Plain numbers stay.
 */
export function neutraliseFormulas(text: string): string {
  const pieces = text.replace(PIECES, (piece) => (FORMULA_START.test(piece) && !PLAIN_NUMBER.test(piece) ? `'${piece}` : piece));
  return /^[\t\r]/.test(pieces) ? `'${pieces}` : pieces;
}

export type CsvCell = string | number | boolean | Date | null | undefined | readonly string[];

export interface CsvOptions {
  /** `,` (RFC 4180, the default) or `;` (what German spreadsheets expect). */
  delimiter?: ',' | ';';
}

function cellText(value: CsvCell): string | number {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return neutraliseFormulas(value.join(' '));
  return neutraliseFormulas(String(value));
}

/**
 * The platform's CSV writer: a header row, then the rows; CRLF line ends, no BOM; every text cell
 * through neutraliseFormulas, and quoted when it holds either separator, a quote or a line break.
 */
export function writeCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>, options: CsvOptions = {}): string {
  return stringify([[...header], ...rows.map((row) => row.map(cellText))], {
    delimiter: options.delimiter ?? ',',
    record_delimiter: 'windows',
    quoted_match: QUOTE_WHEN,
  });
}

/** The same for records: one row per record, the columns in the header's order. */
export function writeCsvRecords<T extends object>(
  columns: ReadonlyArray<keyof T & string>,
  records: readonly T[],
  options: CsvOptions = {},
): string {
  return writeCsv(
    columns,
    records.map((record) => columns.map((c) => record[c] as CsvCell)),
    options,
  );
}
