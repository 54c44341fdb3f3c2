/**
 * Opens the right connection for a printer address (see printer-target.ts), and
 * the two small jobs built on it besides printing a ticket: sending raw bytes and
 * reading the status alone (kiosk start-up, periodic health report to the hub).
 */
import { openOsPrinterConnection } from './os-printer-transport.js';
import type { SpawnLike } from './os-printer-transport.js';
import type { PrinterConnection } from './printer-connection.js';
import { queryPrinterStatus } from './printer-status.js';
import type { StatusReading } from './printer-status.js';
import { describeTarget, parsePrinterTarget } from './printer-target.js';
import type { PrinterTarget } from './printer-target.js';
import { openSerialConnection } from './serial-transport.js';
import type { SerialPortFactory } from '@layso/electron-shell/serial';
import { openTcpConnection } from './tcp-transport.js';
import { PrinterError } from './printer-errors.js';
import { openWindowsShareConnection, uncPathFor } from './windows-share-transport.js';

export interface TransportOptions {
  connectTimeoutMs?: number;
  writeTimeoutMs?: number;
  /** Per status byte. */
  statusTimeoutMs?: number;
  serialPortFactory?: SerialPortFactory;
  lpCommand?: string;
  spawn?: SpawnLike;
  /** The OS `printer:` addresses are for: win32 writes to the queue's share, others use `lp`. */
  platform?: NodeJS.Platform;
  /** Where a share's UNC path is opened (tests map it to a temp file). */
  sharePath?: (unc: string) => string;
}

export const TRANSPORT_DEFAULTS = {
  connectTimeoutMs: 3000,
  writeTimeoutMs: 15000,
  statusTimeoutMs: 1000,
} as const;

export function toTarget(config: string | PrinterTarget): PrinterTarget {
  return typeof config === 'string' ? parsePrinterTarget(config) : config;
}

export function openPrinterConnection(target: PrinterTarget, options: TransportOptions = {}): Promise<PrinterConnection> {
  const writeTimeoutMs = options.writeTimeoutMs ?? TRANSPORT_DEFAULTS.writeTimeoutMs;
  switch (target.kind) {
    case 'tcp':
      return openTcpConnection({
        host: target.host,
        port: target.port,
        connectTimeoutMs: options.connectTimeoutMs ?? TRANSPORT_DEFAULTS.connectTimeoutMs,
        writeTimeoutMs,
      });
    case 'serial':
      return openSerialConnection({
        path: target.path,
        baudRate: target.baudRate,
        writeTimeoutMs,
        factory: options.serialPortFactory,
      });
    case 'os':
      if ((options.platform ?? process.platform) === 'win32') {
        return Promise.resolve(
          openWindowsShareConnection({
            path: (options.sharePath ?? ((unc) => unc))(uncPathFor(target)),
            label: describeTarget(target),
            timeoutMs: writeTimeoutMs,
          }),
        );
      }
      // On Linux a `\\HOST\SHARE` path would be a local file of that name, never a printer.
      if (target.host !== undefined) {
        return Promise.reject(new PrinterError('BAD_CONFIG', `${describeTarget(target)}: a Windows printer share works on Windows only; here use printer:QUEUE (CUPS) or tcp://HOST:9100`));
      }
      return Promise.resolve(
        openOsPrinterConnection({
          name: target.name,
          lpCommand: options.lpCommand,
          spawn: options.spawn,
          timeoutMs: writeTimeoutMs,
        }),
      );
  }
}

/** Sends bytes as they are (a test page, a logo job) and closes. */
export async function sendToPrinter(
  config: string | PrinterTarget,
  bytes: Buffer,
  options: TransportOptions = {},
): Promise<void> {
  const connection = await openPrinterConnection(toTarget(config), options);
  try {
    await connection.write(bytes);
  } finally {
    await connection.close();
  }
}

/** The printer's status without printing; `unknown` on one-way links. */
export async function readPrinterStatus(
  config: string | PrinterTarget,
  options: TransportOptions = {},
): Promise<StatusReading> {
  const connection = await openPrinterConnection(toTarget(config), options);
  try {
    return await queryPrinterStatus(connection, options.statusTimeoutMs ?? TRANSPORT_DEFAULTS.statusTimeoutMs);
  } finally {
    await connection.close();
  }
}
