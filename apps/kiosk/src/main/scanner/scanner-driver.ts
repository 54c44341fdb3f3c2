/**
 * A 2D scanner in serial (USB-CDC) mode, e.g. /dev/ttyACM0 or COM5. Opens the shells' serial
 * port (@layso/electron-shell/serial) through an injectable factory (the real `serialport`
 * package by default), splits what it sends into scans (ScanLineReader) and hands each one
 * to `onScan`. A port that is missing, busy or lost (cable pulled) is retried every
 * `retryMs` by the shells' ReconnectingSerialPort, so plugging the scanner in later just works.
 *
 * Personal data: the payload is a citizen's identity card. It is passed on, never logged —
 * log lines say only how long a scan was.
 */
import { ReconnectingSerialPort, type SerialPortFactory } from '@layso/electron-shell/serial';
import { DEFAULT_MAX_SCAN_BYTES, ScanLineReader } from './scan-line-reader.js';

export interface ScannerDriverOptions {
  path: string;
  /** USB-CDC ignores it; real RS-232 scanners default to 9600. */
  baudRate?: number;
  onScan: (payload: string) => void;
  factory?: SerialPortFactory;
  retryMs?: number;
  maxLength?: number;
  log?: (message: string) => void;
}

export interface ScannerDriver {
  start(): void;
  stop(): Promise<void>;
  readonly connected: boolean;
}

export function createScannerDriver(options: ScannerDriverOptions): ScannerDriver {
  const retryMs = options.retryMs ?? 2_000;
  const log = options.log ?? (() => {});
  const newReader = () =>
    new ScanLineReader({
      maxLength: options.maxLength ?? DEFAULT_MAX_SCAN_BYTES,
      onOverflow: (bytes) => log(`scanner ${options.path}: discarded an over-long scan (${bytes}+ bytes)`),
    });
  // A fixed retry rather than the LED board's backoff: a scanner is plugged in by hand.
  const port = new ReconnectingSerialPort({
    path: options.path,
    baudRate: options.baudRate ?? 9600,
    portFactory: options.factory,
    backoff: { initialDelayMs: retryMs, maxDelayMs: retryMs, factor: 1 },
  });
  // A scan cut off by an unplug is not completed by the next connection's bytes.
  let reader = newReader();
  let lastError = '';

  port.onConnect(() => {
    reader = newReader();
    lastError = '';
    log(`scanner ${options.path} connected`);
  });
  port.onOpenFailed((error) => {
    // Log a missing scanner once, not every retry.
    if (error.message !== lastError) log(`scanner ${options.path} not available: ${error.message}`);
    lastError = error.message;
  });
  port.onStatusChange((status, error) => {
    if (status === 'disconnected' && error) log(`scanner ${options.path} lost (${error.message}); retrying`);
  });
  port.onData((chunk) => {
    for (const line of reader.push(chunk)) {
      try {
        options.onScan(line);
      } catch (error) {
        log(`scanner ${options.path}: scan handler failed: ${(error as Error).message}`);
      }
    }
  });

  return {
    get connected() {
      return port.status === 'connected';
    },
    start: () => port.start(),
    stop: () => port.stop(),
  };
}
