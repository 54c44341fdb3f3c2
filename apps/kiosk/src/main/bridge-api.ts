/**
 * The one object the Electron preload exposes to pages as `window.layso`, declared
 * once here. The preload checks its implementation with `satisfies KioskBridge`;
 * the renderer imports these types only (this file has no runtime Node code, so it
 * is safe in the browser bundle).
 */
import type { PrintableTicket } from '../printer/ticket-layout.js';
import type { TestPage } from '../printer/test-page-layout.js';

export type { PrintableTicket, TestPage };

/** IPC channels between preload and main (kebab-case, one per bridge call). */
export const IPC_CHANNELS = {
  printTicket: 'print-ticket',
  printerStatus: 'printer-status',
  getSettings: 'get-settings',
  saveSettings: 'save-settings',
  openSettings: 'open-settings',
  closeSettings: 'close-settings',
  printTestPage: 'print-test-page',
  restartApp: 'restart-app',
  savePairedToken: 'save-paired-token',
} as const;
export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** Events main sends to the kiosk page (webContents.send), each delivered through one bridge `on…` call. */
export const IPC_EVENTS = {
  /** A code read by the serial (USB-CDC) 2D scanner: the text of one line, terminator stripped. */
  scan: 'scanner-scan',
} as const;
export type IpcEvent = (typeof IPC_EVENTS)[keyof typeof IPC_EVENTS];

/** Longest scan the bridge hands to the page; the driver discards longer lines already. */
export const MAX_SCAN_LENGTH = 1024;

/** Why a ticket did not print, in words the kiosk can switch on (mirrors PrinterErrorCode). */
export type PrintFailureCode =
  | 'PAPER_OUT'
  | 'COVER_OPEN'
  | 'PRINTER_FAULT'
  | 'CONNECT_FAILED'
  | 'WRITE_FAILED'
  | 'OS_PRINTER_FAILED'
  | 'BAD_CONFIG'
  /** No printer address in the settings: this kiosk shows numbers on screen only. */
  | 'NOT_CONFIGURED'
  /** The renderer sent something that is not a printable ticket. */
  | 'INVALID_TICKET'
  /** More prints asked for than a kiosk ever needs (createPrintRateLimit): refused, the number stays on screen. */
  | 'RATE_LIMITED';

export type PrintOutcome =
  | { ok: true; warnings: string[] }
  | { ok: false; code: PrintFailureCode; message: string };

/**
 * `ready`: the printer answered and can print; `unknown`: one-way link or no answer
 * (printing is still tried); `not-ready`: paper out, cover open, fault or unreachable.
 */
export type PrinterHealth =
  | { state: 'ready'; paperNearEnd: boolean }
  | { state: 'unknown' }
  | { state: 'not-ready'; code: PrintFailureCode; message: string }
  | { state: 'not-configured' };

export type PaperWidthSetting = '80mm' | '58mm';
export type TextModeSetting = 'cp1258' | 'raster' | 'ascii';

/** What the settings screen may see: the device token is write-only. */
export interface SettingsView {
  hubUrl: string;
  hasToken: boolean;
  printer: string | null;
  paper: PaperWidthSetting;
  textMode: TextModeSetting;
  codePage: number | null;
  /** SHA-256 fingerprints of the hub's HTTPS certificate (or its CA) the shell trusts; [] = no pin. */
  hubCertFingerprints: string[];
}

/** A save from the settings screen; an empty `token` keeps the stored one. */
export interface SettingsInput {
  hubUrl: string;
  token: string;
  printer: string;
  paper: PaperWidthSetting;
  textMode: TextModeSetting;
  codePage: string;
  /** Fingerprints separated by commas; blank: no pin (plain HTTP, or a publicly trusted certificate). */
  hubCertFingerprints: string;
  /** Empty keeps the current PIN. */
  newPin: string;
}

export type GetSettingsResult =
  | { ok: true; settings: SettingsView | null; pinRequired: boolean }
  | { ok: false; reason: 'WRONG_PIN' | 'LOCKED'; retryInSec?: number };

export type SaveSettingsResult =
  | { ok: true }
  | { ok: false; reason: 'WRONG_PIN' | 'LOCKED'; retryInSec?: number }
  | { ok: false; reason: 'INVALID'; problems: { field: string; message: string }[] };

export interface KioskBridge {
  /** Bumped when a call changes shape, so a newer renderer can detect an old shell. */
  readonly version: 1;
  printTicket(ticket: PrintableTicket): Promise<PrintOutcome>;
  printerStatus(): Promise<PrinterHealth>;
  /** `pin` may be empty when no admin PIN is set yet (first start). */
  getSettings(pin: string): Promise<GetSettingsResult>;
  saveSettings(pin: string, input: SettingsInput): Promise<SaveSettingsResult>;
  /** Shows the local settings screen in place of the kiosk page. */
  openSettings(): Promise<void>;
  /** Leaves the settings screen and loads the kiosk page again. */
  closeSettings(): Promise<void>;
  /** The admin's test print (optional: a shell older than the device list lacks it). */
  printTestPage?(page: TestPage): Promise<PrintOutcome>;
  /** Relaunches the whole app (the admin's "restart app"); optional for the same reason. */
  restartApp?(): Promise<void>;
  /** Hands the token received by pairing to the shell, which keeps it and reloads the page; false when it already has one. */
  savePairedToken?(token: string): Promise<boolean>;
  /**
   * Scans from a 2D scanner in serial mode (the CCCD QR). Returns the unsubscribe. Optional: an
   * older shell lacks it, and a kiosk without a serial scanner simply never calls the listener.
   * The payload is a citizen's personal data: the page must not log or store it.
   */
  onScan?(listener: (payload: string) => void): () => void;
}
