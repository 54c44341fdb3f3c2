/** A printer driver for tests: records jobs and answers as told. */
import type { PrintOptions, PrintResult } from '../printer/print-ticket.js';
import type { StatusReading } from '../printer/printer-status.js';
import type { PrintableTicket } from '../printer/ticket-layout.js';
import type { TestPage } from '../printer/test-page-layout.js';
import type { PrinterDriver } from './printer-service.js';

export interface FakePrinterDriver extends PrinterDriver {
  jobs: { target: string; ticket: PrintableTicket; options: PrintOptions }[];
  testPages: { target: string; page: TestPage }[];
  failWith: Error | null;
  status: StatusReading;
}

export function fakePrinterDriver(): FakePrinterDriver {
  const driver: FakePrinterDriver = {
    jobs: [],
    testPages: [],
    failWith: null,
    status: { online: true, paperOut: false, paperNearEnd: false, coverOpen: false },
    async printTicket(target, ticket, options) {
      if (driver.failWith) throw driver.failWith;
      driver.jobs.push({ target, ticket, options });
      const result: PrintResult = {
        ok: true,
        target,
        paper: options.paper ?? '80mm',
        textMode: options.textMode ?? 'cp1258',
        bytesSent: 100,
        statusBefore: 'unknown',
        statusAfter: 'unknown',
        warnings: ['status-unknown'],
      };
      return result;
    },
    async printTestPage(target, page, options) {
      if (driver.failWith) throw driver.failWith;
      driver.testPages.push({ target, page });
      return { ok: true, target, paper: options.paper ?? '80mm', textMode: options.textMode ?? 'cp1258', bytesSent: 50, statusBefore: 'unknown', statusAfter: 'unknown', warnings: [] };
    },
    async readPrinterStatus() {
      if (driver.failWith) throw driver.failWith;
      return driver.status;
    },
  };
  return driver;
}
