/**
 * Every way printing can fail, as one error class with a code the kiosk can
 * switch on (show "Máy in đang gặp sự cố…", report to the hub) without parsing
 * messages.
 */
import type { StatusReading } from './printer-status.js';

export type PrinterErrorCode =
  /** The printer reports no paper: nothing was printed. */
  | 'PAPER_OUT'
  /** The paper cover is open: nothing was printed. */
  | 'COVER_OPEN'
  /** Cutter jam, head overheat or a hardware fault: nothing was printed. */
  | 'PRINTER_FAULT'
  /** No connection: host down, port closed, serial device missing or busy. */
  | 'CONNECT_FAILED'
  /** The connection broke or stalled while sending the ticket. */
  | 'WRITE_FAILED'
  /** The OS print spooler (`lp`, or the Windows queue's share) refused the job. */
  | 'OS_PRINTER_FAILED'
  /** The printer address is not one this module understands. */
  | 'BAD_CONFIG';

export class PrinterError extends Error {
  override readonly name = 'PrinterError';

  constructor(
    readonly code: PrinterErrorCode,
    message: string,
    readonly details: { target?: string; status?: StatusReading; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  /** Plain data for IPC to the renderer and for the report to the hub. */
  toJSON(): { code: PrinterErrorCode; message: string; target?: string; status?: StatusReading } {
    return { code: this.code, message: this.message, target: this.details.target, status: this.details.status };
  }
}
