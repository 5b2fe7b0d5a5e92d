import { formatLocale } from '../../../lib/i18n';

/**
 * One model for a chart's data table and its CSV download, so both always hold the same numbers:
 * the table renders the cells for people (grouped, with links), the CSV writes the same cells
 * in the same order, numbers in the UI language without grouping (German: decimal comma and
 * `;` as delimiter, which spreadsheets in German expect; English: decimal point and `,`).
 */
export interface TableColumn {
  id: string;
  header: string;
  numeric?: boolean;
  /** Decimal places of a numeric column. */
  decimals?: number;
}

export type Cell = string | number | null;

export interface TableRow {
  key: string;
  cells: Cell[];
  /** Optional link of the first cell (e.g. to the area profile). */
  href?: string;
}

export interface TableModel {
  columns: TableColumn[];
  rows: TableRow[];
}

function quote(text: string, delimiter: string): string {
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Cells a spreadsheet would run as a formula are defused with a leading apostrophe. */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
}

export function csvCell(cell: Cell, column: TableColumn, language: string): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    return new Intl.NumberFormat(formatLocale(language), {
      minimumFractionDigits: column.decimals ?? 0,
      maximumFractionDigits: column.decimals ?? 0,
      useGrouping: false,
    }).format(cell);
  }
  return defuse(cell);
}

export function csvDelimiter(language: string): ',' | ';' {
  return new Intl.NumberFormat(formatLocale(language)).format(1.5).includes(',') ? ';' : ',';
}

/** RFC 4180 text with CRLF line ends and a BOM (so spreadsheets read UTF-8). */
export function toCsv(model: TableModel, language: string): string {
  const delimiter = csvDelimiter(language);
  const lines = [
    model.columns.map((column) => quote(column.header, delimiter)).join(delimiter),
    ...model.rows.map((row) =>
      row.cells.map((cell, index) => quote(csvCell(cell, model.columns[index], language), delimiter)).join(delimiter),
    ),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A file name from a title: "Arbeitslosenrate 2024" → "arbeitslosenrate-2024". */
export function fileName(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${base || 'daten'}.${extension}`;
}

/** Hands a URL (data: or blob:) to the browser's download. */
export function downloadUrl(url: string, name: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
}

export function downloadText(text: string, name: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  downloadUrl(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
