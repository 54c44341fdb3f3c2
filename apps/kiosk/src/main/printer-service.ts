/**
 * What the print-ticket and printer-status IPC calls do: validate, call the printer
 * module with the kiosk's settings, and turn any failure into a plain outcome the
 * renderer can show ("Máy in đang gặp sự cố…") instead of a rejected promise.
 */
import type { PrintOptions, PrintResult } from '../printer/print-ticket.js';
import type { StatusReading } from '../printer/printer-status.js';
import type { PrintableTicket } from '../printer/ticket-layout.js';
import type { TestPage } from '../printer/test-page-layout.js';
import type { PrintFailureCode, PrintOutcome, PrinterHealth } from './bridge-api.js';
import { createPrintRateLimit, type PrintRateLimit } from './print-rate-limit.js';
import { printableTicketSchema, testPageSchema } from '../contract/printable-ticket-schema.js';
import type { KioskSettings } from './settings-schema.js';

/** The two calls of the printer module the kiosk needs (a fake in tests). */
export interface PrinterDriver {
  printTicket(config: string, ticket: PrintableTicket, options: PrintOptions): Promise<PrintResult>;
  printTestPage(config: string, page: TestPage, options: PrintOptions): Promise<PrintResult>;
  readPrinterStatus(config: string, options: PrintOptions): Promise<StatusReading>;
}

export interface PrinterService {
  print(ticket: unknown): Promise<PrintOutcome>;
  /** The admin's test print (device list → "In thử"). */
  printTestPage(page: unknown): Promise<PrintOutcome>;
  status(): Promise<PrinterHealth>;
}

const PRINTER_CODES = new Set<PrintFailureCode>([
  'PAPER_OUT',
  'COVER_OPEN',
  'PRINTER_FAULT',
  'CONNECT_FAILED',
  'WRITE_FAILED',
  'OS_PRINTER_FAILED',
  'BAD_CONFIG',
]);

export function failureOf(error: unknown): { code: PrintFailureCode; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return { code: typeof code === 'string' && PRINTER_CODES.has(code as PrintFailureCode) ? (code as PrintFailureCode) : 'PRINTER_FAULT', message };
}

export function printOptionsOf(settings: KioskSettings): PrintOptions {
  return { paper: settings.paper, textMode: settings.textMode, ...(settings.codePage === null ? {} : { codePage: settings.codePage }) };
}

export function createPrinterService(settings: () => KioskSettings | null, driver: PrinterDriver, rateLimit: PrintRateLimit = createPrintRateLimit()): PrinterService {
  // One job at a time: a serial port or a TCP printer takes one connection.
  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  /** Validated input → one exclusive print job → a plain outcome. */
  function job<T>(parsed: { success: true; data: T } | { success: false; error: { issues: { message: string }[] } }, run: (printer: string, data: T, options: PrintOptions) => Promise<PrintResult>): Promise<PrintOutcome> {
    if (!parsed.success) return Promise.resolve({ ok: false, code: 'INVALID_TICKET', message: parsed.error.issues[0]?.message ?? 'invalid ticket' });
    const current = settings();
    if (!current?.printer) return Promise.resolve({ ok: false, code: 'NOT_CONFIGURED', message: 'no printer configured' });
    const printer = current.printer;
    const data = parsed.data;
    if (!rateLimit.take()) return Promise.resolve({ ok: false, code: 'RATE_LIMITED', message: 'too many prints asked for; try again in a few seconds' });
    return exclusive(async (): Promise<PrintOutcome> => {
      try {
        const result = await run(printer, data, printOptionsOf(current));
        return { ok: true, warnings: result.warnings };
      } catch (error) {
        return { ok: false, ...failureOf(error) };
      }
    });
  }

  return {
    print: (raw) => job(printableTicketSchema.safeParse(raw), (printer, ticket, options) => driver.printTicket(printer, ticket, options)),
    printTestPage: (raw) => job(testPageSchema.safeParse(raw), (printer, page, options) => driver.printTestPage(printer, page, options)),
    async status() {
      const current = settings();
      if (!current?.printer) return { state: 'not-configured' };
      const printer = current.printer;
      return exclusive(async (): Promise<PrinterHealth> => {
        try {
          const reading = await driver.readPrinterStatus(printer, printOptionsOf(current));
          if (reading === 'unknown') return { state: 'unknown' };
          if (reading.paperOut) return { state: 'not-ready', code: 'PAPER_OUT', message: 'out of paper' };
          if (reading.coverOpen) return { state: 'not-ready', code: 'COVER_OPEN', message: 'cover open' };
          if (reading.error) return { state: 'not-ready', code: 'PRINTER_FAULT', message: reading.error };
          if (!reading.online) return { state: 'not-ready', code: 'PRINTER_FAULT', message: 'offline' };
          return { state: 'ready', paperNearEnd: reading.paperNearEnd };
        } catch (error) {
          return { state: 'not-ready', ...failureOf(error) };
        }
      });
    },
  };
}
