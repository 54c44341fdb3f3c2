import type { Cell, ReportTable } from './report-table.js';

const BOM = '\uFEFF';

/**
 * Text a spreadsheet would read as a formula (or as the start of one): OWASP's list of
 * leading characters, = + - @, tab and carriage return. Service and clerk names come from
 * the admin console and counters, so a name like `=cmd|' /C calc'!A0` must not run when a
 * manager opens the export in Excel.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
 * Text that starts like a formula gets OWASP's escape: a leading single quote (Excel shows
 * the text and does not evaluate it) and the field quoted. Numbers are written as they are,
 * so a negative figure stays a number.
 */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (FORMULA_START.test(cell)) return `"'${cell.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/**
 * UTF-8 with a byte-order mark (without it Excel reads the file as the local ANSI code
 * page and garbles Vietnamese), CRLF line ends, a header row.
 */
export function toCsv(table: ReportTable): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvField).join(','));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
