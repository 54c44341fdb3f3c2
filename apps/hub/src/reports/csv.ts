import type { Cell, ReportTable } from './report-table.js';

const BOM = '\uFEFF';

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * UTF-8 with a byte-order mark (without it Excel reads the file as the local ANSI code
 * page and garbles Vietnamese), CRLF line ends, a header row.
 */
export function toCsv(table: ReportTable): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvField).join(','));
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8');
}
