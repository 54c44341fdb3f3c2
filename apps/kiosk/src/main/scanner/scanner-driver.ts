/**
 * A 2D scanner in serial (USB-CDC) mode, e.g. /dev/ttyACM0 or COM5. Opens the shells' serial
 * port (@layso/electron-shell/serial) through an injectable factory (the real `serialport`
 * package by default), splits what it sends into scans (ScanLineReader) and hands each one
 * to `onScan`. A port that is missing, busy or lost
 * (cable pulled) is retried every `retryMs`, so plugging the scanner in later just works.
 *
 * Personal data: the payload is a citizen's identity card. It is passed on, never logged —
 * log lines say only how long a scan was.
 */
import { createNodeSerialPort, type SerialPortFactory, type SerialPortLike } from '@layso/electron-shell/serial';
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
  const factory = options.factory ?? createNodeSerialPort;
  const retryMs = options.retryMs ?? 2_000;
  const log = options.log ?? (() => {});
  let port: SerialPortLike | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let connected = false;
  let lastError = '';

  const scheduleRetry = () => {
    if (!running || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect();
    }, retryMs);
    retryTimer.unref?.();
  };

  const connect = () => {
    if (!running) return;
    const reader = new ScanLineReader({
      maxLength: options.maxLength ?? DEFAULT_MAX_SCAN_BYTES,
      onOverflow: (bytes) => log(`scanner ${options.path}: discarded an over-long scan (${bytes}+ bytes)`),
    });
    const current = factory({ path: options.path, baudRate: options.baudRate ?? 9600 });
    port = current;
    let lost = false;
    const onLost = (why: string) => {
      if (lost || port !== current) return;
      lost = true;
      connected = false;
      port = null;
      if (running) log(`scanner ${options.path} lost (${why}); retrying`);
      void current.close();
      scheduleRetry();
    };
    current.onData((chunk) => {
      if (port !== current) return;
      for (const line of reader.push(chunk)) {
        try {
          options.onScan(line);
        } catch (error) {
          log(`scanner ${options.path}: scan handler failed: ${(error as Error).message}`);
        }
      }
    });
    current.onLost((error) => onLost(error.message));
    current.open().then(
      () => {
        if (port !== current) {
          void current.close();
          return;
        }
        lastError = '';
        connected = true;
        log(`scanner ${options.path} connected`);
      },
      (error: Error) => {
        if (port !== current) return;
        port = null;
        // Log a missing scanner once, not every retry.
        if (error.message !== lastError) log(`scanner ${options.path} not available: ${error.message}`);
        lastError = error.message;
        scheduleRetry();
      },
    );
  };

  return {
    get connected() {
      return connected;
    },
    start() {
      if (running) return;
      running = true;
      connect();
    },
    stop() {
      running = false;
      connected = false;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const current = port;
      port = null;
      return current ? current.close() : Promise.resolve();
    },
  };
}
