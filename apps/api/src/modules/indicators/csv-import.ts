import { parse } from 'csv-parse/sync';
import { CITY_AREA_KEY, INDICATOR_YEAR_MIN, ImportErrorCode, type ImportRowError } from '@app/shared';
import { parseDecimal, type DecimalSeparator } from './decimal';

/**
 * Reads and checks an indicator CSV file, without touching the database: the caller passes the
 * known area and indicator keys. Every problem is collected (not just the first), each with its
 * physical line number, so an administrator can fix the whole file in one go.
 */

export type Delimiter = ',' | ';' | '\t';
type Field = 'area' | 'indicator' | 'year' | 'value';
const FIELDS: readonly Field[] = ['area', 'indicator', 'year', 'value'];

/** Header names understood, lower case (English and the German of statistics offices). */
const HEADER_NAMES: Record<string, Field> = {
  area: 'area',
  area_key: 'area',
  areakey: 'area',
  area_code: 'area',
  gebiet: 'area',
  gebietsschluessel: 'area',
  gebietsschlüssel: 'area',
  raum: 'area',
  indicator: 'indicator',
  indicator_key: 'indicator',
  indikator: 'indicator',
  year: 'year',
  jahr: 'year',
  value: 'value',
  wert: 'value',
};

export interface ImportRow {
  line: number;
  /** null = city-wide. */
  areaId: string | null;
  indicatorId: string;
  year: number;
  scaled: number;
}

export interface ParsedImport {
  delimiter: Delimiter;
  decimalSeparator: DecimalSeparator;
  /** Data rows read (header and empty lines not counted). */
  rowCount: number;
  rows: ImportRow[];
  errors: ImportRowError[];
}

export interface ImportLookups {
  /** Lower-case area code → area id. */
  areas: Map<string, string>;
  /** Lower-case indicator key → indicator id. */
  indicators: Map<string, string>;
  maxYear: number;
}

/** The delimiter is whichever of ; , tab occurs most often (outside quotes) in the header line. */
export function sniffDelimiter(text: string): Delimiter {
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const count = (c: string) => unquoted.split(c).length - 1;
  const counts: Array<[Delimiter, number]> = [
    [';', count(';')],
    ['\t', count('\t')],
    [',', count(',')],
  ];
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

const THOUSANDS_ONLY = /^[+-]?\d{1,3}(\.\d{3})+$/;

/**
 * `,`-delimited files use the decimal point. `;`/tab files (German statistics offices) use the
 * decimal comma, unless no value has a comma and some value has a dot that cannot be a
 * thousands separator ("12.5"): then the decimal point.
 */
function sniffDecimal(delimiter: Delimiter, values: string[]): DecimalSeparator {
  if (delimiter === ',') return '.';
  if (values.some((v) => v.includes(','))) return ',';
  const dotted = values.map((v) => v.replace(/[\s\u00a0\u202f]/g, '')).filter((v) => v.includes('.'));
  return dotted.some((v) => !THOUSANDS_ONLY.test(v)) ? '.' : ',';
}

interface RawRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

export function parseIndicatorCsv(input: string, lookups: ImportLookups): ParsedImport {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = sniffDelimiter(text);
  const errors: ImportRowError[] = [];
  const empty = (decimalSeparator: DecimalSeparator = '.'): ParsedImport => ({
    delimiter,
    decimalSeparator,
    rowCount: 0,
    rows: [],
    errors,
  });

  let records: RawRecord[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as RawRecord[];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    errors.push({
      line: typeof lines === 'number' && lines > 0 ? lines : 1,
      code: ImportErrorCode.Malformed,
      message: `The file cannot be read as CSV: ${(error as Error).message}`,
    });
    return empty();
  }
  // A record's line is where it starts: the parser reports where it ends (quoted cells may span lines).
  const lineOf = (r: RawRecord) => r.info.lines - (r.raw.replace(/^(\r?\n)+|\r?\n$/g, '').match(/\n/g)?.length ?? 0);
  const cells = (r: RawRecord) => r.record.map((c) => c.trim());
  const dataRecords = records.filter((r) => cells(r).some((c) => c !== ''));
  const header = dataRecords.shift();
  if (!header) {
    errors.push({
      line: 1,
      code: ImportErrorCode.MissingColumn,
      message: 'The file has no header row (expected: area,indicator,year,value).',
    });
    return empty();
  }

  // Header: which column holds which field.
  const headerCells = cells(header);
  const headerLine = lineOf(header);
  const position = new Map<Field, number>();
  headerCells.forEach((name, index) => {
    const field = HEADER_NAMES[name.toLowerCase().replace(/[\s-]+/g, '_')];
    if (!field) return;
    if (position.has(field)) {
      errors.push({
        line: headerLine,
        column: name,
        code: ImportErrorCode.DuplicateColumn,
        message: `The column "${name}" names the field ${field} a second time.`,
        value: name,
      });
      return;
    }
    position.set(field, index);
  });
  for (const field of FIELDS) {
    if (!position.has(field)) {
      errors.push({
        line: headerLine,
        column: field,
        code: ImportErrorCode.MissingColumn,
        message: `The header has no column "${field}" (German: ${{ area: 'Gebiet', indicator: 'Indikator', year: 'Jahr', value: 'Wert' }[field]}).`,
      });
    }
  }
  if (errors.length) return { ...empty(), rowCount: dataRecords.length };

  const col = (field: Field) => position.get(field) as number;
  const columnName = (field: Field) => headerCells[col(field)];
  const decimalSeparator = sniffDecimal(
    delimiter,
    dataRecords.filter((r) => r.record.length === headerCells.length).map((r) => r.record[col('value')] ?? ''),
  );

  const rows: ImportRow[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const record of dataRecords) {
    const line = lineOf(record);
    const row = cells(record);
    if (row.length !== headerCells.length) {
      errors.push({
        line,
        code: ImportErrorCode.WrongColumnCount,
        message: `The line has ${row.length} ${row.length === 1 ? 'column' : 'columns'}; the header has ${headerCells.length}.`,
      });
      continue;
    }
    const before = errors.length;
    const fail = (field: Field, code: ImportErrorCode, message: string) =>
      errors.push({ line, column: columnName(field), code, message, value: row[col(field)] });
    const missing = FIELDS.filter((f) => row[col(f)] === '');
    for (const field of missing) fail(field, ImportErrorCode.EmptyValue, `The ${field} is empty.`);

    const areaKey = row[col('area')];
    let areaId: string | null | undefined;
    if (areaKey !== '') {
      const lower = areaKey.toLowerCase();
      areaId = lower === CITY_AREA_KEY ? null : lookups.areas.get(lower);
      if (areaId === undefined) {
        fail(
          'area',
          ImportErrorCode.UnknownArea,
          `Unknown area "${areaKey}" (use an area code such as ar-nordmarkt, or "${CITY_AREA_KEY}").`,
        );
      }
    }
    const indicatorKey = row[col('indicator')];
    const indicatorId = indicatorKey !== '' ? lookups.indicators.get(indicatorKey.toLowerCase()) : undefined;
    if (indicatorKey !== '' && !indicatorId) fail('indicator', ImportErrorCode.UnknownIndicator, `Unknown indicator "${indicatorKey}".`);

    const yearText = row[col('year')];
    let year: number | undefined;
    if (yearText !== '') {
      if (!/^[+-]?\d+$/.test(yearText)) {
        fail('year', ImportErrorCode.YearNotInteger, `The year "${yearText}" is not a whole number.`);
      } else if (Number(yearText) < INDICATOR_YEAR_MIN || Number(yearText) > lookups.maxYear) {
        fail('year', ImportErrorCode.YearOutOfRange, `The year ${yearText} lies outside ${INDICATOR_YEAR_MIN}–${lookups.maxYear}.`);
      } else {
        year = Number(yearText);
      }
    }
    const valueText = row[col('value')];
    let scaled: number | undefined;
    if (valueText !== '') {
      const parsed = parseDecimal(valueText, decimalSeparator);
      if (parsed.ok) scaled = parsed.scaled;
      else fail('value', parsed.code, `The value "${valueText}" ${parsed.reason}.`);
    }

    if (areaId !== undefined && indicatorId && year !== undefined) {
      const key = `${indicatorId}|${areaId ?? ''}|${year}`;
      const first = firstLineOfKey.get(key);
      if (first !== undefined) {
        errors.push({
          line,
          code: ImportErrorCode.DuplicateRow,
          message: `Duplicate of line ${first}: ${areaKey}, ${indicatorKey}, ${year} appears twice in the file.`,
        });
      } else {
        firstLineOfKey.set(key, line);
      }
    }
    if (errors.length === before && areaId !== undefined && indicatorId && year !== undefined && scaled !== undefined) {
      rows.push({ line, areaId, indicatorId, year, scaled });
    }
  }
  return { delimiter, decimalSeparator, rowCount: dataRecords.length, rows, errors };
}
