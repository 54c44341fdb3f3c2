/**
 * The short test page the admin prints from the device list: it shows the printer
 * works, cuts, and renders Vietnamese (the line with ố ứ ự đ fails visibly when the
 * code page or raster font is wrong).
 */
import { formatDateTime } from '@layso/shared';
import { PAPER_COLUMNS } from './print-commands.js';
import type { PaperWidth, PrintCommand } from './print-commands.js';
import { wrapText } from './text-wrap.js';

export interface TestPage {
  centerName: string;
  /** ISO instant of the request. */
  at: string;
  timeZone: string;
}

export const TEST_LINE = 'Kiểm tra máy in: ố ứ ự đ';
export const TEST_LINE_EN = 'Printer test';

export function layoutTestPage(page: TestPage, paper: PaperWidth): PrintCommand[] {
  const columns = PAPER_COLUMNS[paper];
  const commands: PrintCommand[] = [];
  const lines = (text: string, bold = false) => {
    for (const line of wrapText(text, columns)) commands.push({ kind: 'text', text: line, align: 'center', bold, size: 1 });
  };
  lines(page.centerName, true);
  commands.push({ kind: 'divider' });
  lines(TEST_LINE, true);
  lines(TEST_LINE_EN);
  lines(formatDateTime(page.at, page.timeZone));
  commands.push({ kind: 'feed', lines: 3 });
  commands.push({ kind: 'cut' });
  return commands;
}
