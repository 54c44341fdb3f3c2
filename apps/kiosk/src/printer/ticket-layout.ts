/**
 * The paper ticket, as one pure function from ticket data to printer commands.
 * Wording comes from @layso/shared (fixed by GLOSSARY.md) so screen and paper agree.
 */
import { formatDateTime, formatWait, t } from '@layso/shared';
import type { Language } from '@layso/shared';
import { PAPER_COLUMNS } from './print-commands.js';
import type { Align, PaperWidth, PrintCommand } from './print-commands.js';
import { wrapText } from './text-wrap.js';

export interface PrintableTicket {
  centerName: string;
  areaName: string;
  serviceName: string;
  /** `XXYYY`, e.g. "86001". */
  number: string;
  counter: number;
  /** ISO instant from the hub. */
  issuedAt: string;
  /** The center's time zone, e.g. "Asia/Ho_Chi_Minh". */
  timeZone: string;
  ahead: number;
  estWaitMin: number;
  statusUrl: string;
  /** Already in the ticket's language, e.g. "Người cao tuổi". */
  priorityName?: string | null;
  language?: Language;
  /** Printed again on the admin's request ("in lại" from the device list): marked on the paper. */
  reprint?: boolean;
}

/** The mark on a reprinted ticket, so a second paper with the same number is recognised as a copy. */
export const REPRINT_MARK: Record<Language, string> = { vi: 'IN LẠI', en: 'REPRINT' };

/** Lines after the cut position so the footer clears the cutter blade. */
const FEED_BEFORE_CUT = 3;

export function layoutTicket(ticket: PrintableTicket, paper: PaperWidth): PrintCommand[] {
  const language: Language = ticket.language ?? 'vi';
  const columns = PAPER_COLUMNS[paper];
  const commands: PrintCommand[] = [];
  const lines = (text: string, align: Align, bold = false, size: 1 | 2 = 1): void => {
    // Double-width text takes two columns per letter.
    for (const line of wrapText(text, Math.floor(columns / size))) {
      commands.push({ kind: 'text', text: line, align, bold, size });
    }
  };

  if (ticket.reprint) lines(REPRINT_MARK[language], 'center', true);
  lines(ticket.centerName, 'center', true);
  lines(ticket.areaName, 'center');
  lines(ticket.serviceName, 'center', true);
  commands.push({ kind: 'divider' });
  lines(t(language, 'yourNumber'), 'center');
  lines(ticket.number, 'center', true, 2);
  lines(`${t(language, 'counter')} ${ticket.counter}`, 'center', true);
  if (ticket.priorityName) lines(`${t(language, 'priority')}: ${ticket.priorityName}`, 'center');
  commands.push({ kind: 'divider' });
  lines(formatDateTime(ticket.issuedAt, ticket.timeZone), 'left');
  lines(`${t(language, 'ahead')}: ${ticket.ahead}`, 'left');
  lines(`${t(language, 'estimatedWait')}: ${formatWait(ticket.estWaitMin, language)}`, 'left');
  commands.push({ kind: 'qr', payload: ticket.statusUrl });
  lines(t(language, 'waitYourTurn'), 'center');
  commands.push({ kind: 'feed', lines: FEED_BEFORE_CUT });
  commands.push({ kind: 'cut' });
  return commands;
}
