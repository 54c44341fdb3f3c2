/**
 * The one call the kiosk makes: check the printer, print the ticket, check again,
 * and say what happened in a form the kiosk can show and report to the hub.
 */
import { encodeEscPos } from './escpos-encoder.js';
import type { QrMode, TextMode } from './escpos-encoder.js';
import type { PaperWidth } from './print-commands.js';
import { PrinterError } from './printer-errors.js';
import { queryPrinterStatus } from './printer-status.js';
import type { StatusReading } from './printer-status.js';
import { describeTarget } from './printer-target.js';
import type { PrinterTarget } from './printer-target.js';
import { openPrinterConnection, toTarget, TRANSPORT_DEFAULTS } from './printer-transport.js';
import type { TransportOptions } from './printer-transport.js';
import { loadRasterFont } from './raster-font.js';
import type { PrintCommand } from './print-commands.js';
import { layoutTestPage, type TestPage } from './test-page-layout.js';
import { layoutTicket } from './ticket-layout.js';
import type { PrintableTicket } from './ticket-layout.js';

export interface PrintOptions extends TransportOptions {
  paper?: PaperWidth;
  textMode?: TextMode;
  /** ESC t n for WPC1258 (cp1258 mode); 52 on Epson. */
  codePage?: number;
  qrMode?: QrMode;
  qrModuleDots?: number;
  /** A TrueType font with Vietnamese glyphs for raster mode; the bundled one by default. */
  rasterFontPath?: string;
}

export type PrintWarning = 'paper-near-end' | 'status-unknown' | 'problem-after-printing';

export interface PrintResult {
  ok: true;
  target: string;
  paper: PaperWidth;
  textMode: TextMode;
  bytesSent: number;
  statusBefore: StatusReading;
  statusAfter: StatusReading;
  /** Things the kiosk should report to the hub although the ticket printed. */
  warnings: PrintWarning[];
}

export const PRINT_DEFAULTS = { paper: '80mm', textMode: 'cp1258' } as const;

export function printTicket(config: string | PrinterTarget, ticket: PrintableTicket, options: PrintOptions = {}): Promise<PrintResult> {
  return printLayout(config, (paper) => layoutTicket(ticket, paper), options);
}

/** The admin's "in thử" (test print) from the device list: same path, a short page. */
export function printTestPage(config: string | PrinterTarget, page: TestPage, options: PrintOptions = {}): Promise<PrintResult> {
  return printLayout(config, (paper) => layoutTestPage(page, paper), options);
}

async function printLayout(
  config: string | PrinterTarget,
  layout: (paper: PaperWidth) => PrintCommand[],
  options: PrintOptions,
): Promise<PrintResult> {
  const target = toTarget(config);
  const where = describeTarget(target);
  const paper = options.paper ?? PRINT_DEFAULTS.paper;
  const textMode = options.textMode ?? PRINT_DEFAULTS.textMode;
  const statusTimeoutMs = options.statusTimeoutMs ?? TRANSPORT_DEFAULTS.statusTimeoutMs;
  // Encode first: a bad ticket or font must fail before we touch the printer.
  const bytes = encodeEscPos(layout(paper), {
    paper,
    textMode,
    codePage: options.codePage,
    qrMode: options.qrMode,
    qrModuleDots: options.qrModuleDots,
    rasterFont: textMode === 'raster' ? loadRasterFont(options.rasterFontPath) : undefined,
  });

  const connection = await openPrinterConnection(target, options);
  try {
    const statusBefore = await queryPrinterStatus(connection, statusTimeoutMs);
    refuseIfUnable(statusBefore, where);
    await connection.write(bytes);
    const statusAfter = await queryPrinterStatus(connection, statusTimeoutMs);
    return {
      ok: true,
      target: where,
      paper,
      textMode,
      bytesSent: bytes.length,
      statusBefore,
      statusAfter,
      warnings: warningsFor(statusBefore, statusAfter),
    };
  } finally {
    await connection.close();
  }
}

function refuseIfUnable(status: StatusReading, where: string): void {
  if (status === 'unknown') return; // many USB/serial printers never answer; try anyway
  const details = { target: where, status };
  if (status.paperOut) throw new PrinterError('PAPER_OUT', `printer at ${where} is out of paper`, details);
  if (status.coverOpen) throw new PrinterError('COVER_OPEN', `printer at ${where} has its cover open`, details);
  if (status.error) throw new PrinterError('PRINTER_FAULT', `printer at ${where} reports: ${status.error}`, details);
}

function warningsFor(before: StatusReading, after: StatusReading): PrintWarning[] {
  const warnings: PrintWarning[] = [];
  if (before === 'unknown' || after === 'unknown') warnings.push('status-unknown');
  const latest = after === 'unknown' ? before : after;
  if (latest !== 'unknown' && latest.paperNearEnd) warnings.push('paper-near-end');
  if (after !== 'unknown' && (after.paperOut || after.coverOpen || after.error !== undefined)) {
    warnings.push('problem-after-printing');
  }
  return warnings;
}
