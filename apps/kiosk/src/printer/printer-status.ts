/**
 * ESC/POS real-time status (DLE EOT n). The printer answers each request with one
 * byte, even while it is printing or offline. Bit meanings from Epson's reference
 * (TM-T88 series), which clones follow:
 * - n=1 printer:  bit 3 offline
 * - n=2 offline cause: bit 2 cover open, bit 5 stopped at paper end, bit 6 error
 * - n=3 error cause: bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable
 *   (head too hot, or cover opened while printing)
 * - n=4 roll paper: bits 2–3 near end, bits 5–6 paper end
 * In every answer bits 1 and 4 are fixed on and bits 0 and 7 off; a byte without
 * that pattern is not a status answer (a printer echoing data, line noise).
 */
import * as cmd from './escpos-commands.js';
import type { PrinterConnection } from './printer-connection.js';

export interface PrinterStatus {
  online: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  /** Set when the printer reports a fault; says which. */
  error?: string;
}

/** `unknown` when the printer did not answer (one-way link, unsupported, timeout). */
export type StatusReading = PrinterStatus | 'unknown';

export type StatusBytes = Record<1 | 2 | 3 | 4, number>;

const FIXED_MASK = 0x93;
const FIXED_VALUE = 0x12;

export function isStatusByte(byte: number): boolean {
  return (byte & FIXED_MASK) === FIXED_VALUE;
}

export function parseStatusBytes(bytes: StatusBytes): PrinterStatus {
  const faults: string[] = [];
  if (bytes[3] & 0x08) faults.push('autocutter error');
  if (bytes[3] & 0x20) faults.push('unrecoverable error');
  if (bytes[3] & 0x40) faults.push('auto-recoverable error (print head too hot or cover opened while printing)');
  if (faults.length === 0 && bytes[2] & 0x40) faults.push('error');
  const status: PrinterStatus = {
    online: (bytes[1] & 0x08) === 0,
    paperOut: (bytes[4] & 0x60) !== 0 || (bytes[2] & 0x20) !== 0,
    paperNearEnd: (bytes[4] & 0x0c) !== 0,
    coverOpen: (bytes[2] & 0x04) !== 0,
  };
  if (faults.length > 0) status.error = faults.join(', ');
  return status;
}

/**
 * Asks the four statuses in turn. The first request left unanswered ends the
 * query, so a printer that never answers costs one timeout, not four.
 */
export async function queryPrinterStatus(connection: PrinterConnection, timeoutMs: number): Promise<StatusReading> {
  if (!connection.canRead) return 'unknown';
  connection.discardInput();
  const answers: Partial<StatusBytes> = {};
  for (const n of [1, 2, 3, 4] as const) {
    await connection.write(cmd.realTimeStatus(n));
    const byte = await connection.readByte(timeoutMs);
    if (byte === undefined || !isStatusByte(byte)) return 'unknown';
    answers[n] = byte;
  }
  return parseStatusBytes(answers as StatusBytes);
}
