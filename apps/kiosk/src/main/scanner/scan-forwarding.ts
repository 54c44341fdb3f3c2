/**
 * Wires the serial scanner named in the settings file to the kiosk page: each scan goes to the
 * page through the bridge's one scan event (IPC_EVENTS.scan), and only while the window shows
 * the hub's kiosk page — never to the local settings or offline pages.
 */
import { IPC_EVENTS, MAX_SCAN_LENGTH } from '../bridge-api.js';
import type { KioskSettings } from '../settings-schema.js';
import type { SerialPortFactory } from '@layso/electron-shell/serial';
import { createScannerDriver, type ScannerDriver } from './scanner-driver.js';

export interface ScanTarget {
  webContents: { getURL(): string; send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean };
}

export interface ScanForwardingOptions {
  settings: () => KioskSettings | null;
  window: ScanTarget;
  isKioskPage: (url: string) => boolean;
  log: (message: string) => void;
  factory?: SerialPortFactory;
}

/** Returns the running driver, or null when no serial scanner is configured. */
export function forwardScansToKioskPage(options: ScanForwardingOptions): ScannerDriver | null {
  const path = options.settings()?.scanner ?? null;
  if (!path) return null;
  const driver = createScannerDriver({
    path,
    maxLength: MAX_SCAN_LENGTH,
    factory: options.factory,
    log: options.log,
    onScan: (payload) => {
      const contents = options.window.webContents;
      if (contents.isDestroyed() || !options.isKioskPage(contents.getURL())) return;
      contents.send(IPC_EVENTS.scan, payload);
    },
  });
  driver.start();
  return driver;
}
