/**
 * The main-process side of the bridge: one handler per channel. Each checks who is
 * asking (the hub's kiosk page may print and open settings; only the local settings
 * page may read or write settings) before doing anything.
 */
import { IPC_CHANNELS, type IpcChannel } from './bridge-api.js';
import type { PageKind } from './navigation-policy.js';
import type { PrinterService } from './printer-service.js';
import type { SettingsService } from './settings-service.js';

/** The part of Electron's IpcMainInvokeEvent the handlers read. */
export interface InvokeEventLike {
  senderFrame: { url: string } | null;
}

/** The part of Electron's ipcMain the handlers need. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
}

export interface IpcDeps {
  printer: PrinterService;
  settings: SettingsService;
  /** Which kind of page sent the call (navigation-policy's pageKind). */
  senderKind(url: string): PageKind;
  openSettings(): void;
  closeSettings(): void;
  /** Loads the kiosk page again (with the current settings' token). */
  openKiosk(): void;
  /** app.relaunch() + app.exit(): the admin's remote "restart app". */
  restartApp(): void;
}

export class ForbiddenSenderError extends Error {
  constructor(channel: string, url: string) {
    super(`${channel} refused for ${url || 'an unknown page'}`);
    this.name = 'ForbiddenSenderError';
  }
}

const ALLOWED: Record<IpcChannel, readonly PageKind[]> = {
  'print-ticket': ['hub'],
  'printer-status': ['hub', 'local'],
  'get-settings': ['local'],
  'save-settings': ['local'],
  'open-settings': ['hub'],
  'close-settings': ['local'],
  'print-test-page': ['hub'],
  'restart-app': ['hub'],
  'save-paired-token': ['hub'],
};

export function registerIpcHandlers(ipc: IpcMainLike, deps: IpcDeps): void {
  const on = (channel: IpcChannel, run: (...args: unknown[]) => unknown) => {
    ipc.handle(channel, (event, ...args) => {
      const url = event.senderFrame?.url ?? '';
      if (!ALLOWED[channel].includes(deps.senderKind(url))) throw new ForbiddenSenderError(channel, url);
      return run(...args);
    });
  };
  on(IPC_CHANNELS.printTicket, (ticket) => deps.printer.print(ticket));
  on(IPC_CHANNELS.printerStatus, () => deps.printer.status());
  on(IPC_CHANNELS.getSettings, (pin) => deps.settings.get(pin));
  on(IPC_CHANNELS.saveSettings, (pin, input) => deps.settings.save(pin, input));
  on(IPC_CHANNELS.openSettings, () => deps.openSettings());
  on(IPC_CHANNELS.closeSettings, () => deps.closeSettings());
  on(IPC_CHANNELS.printTestPage, (page) => deps.printer.printTestPage(page));
  on(IPC_CHANNELS.restartApp, () => deps.restartApp());
  on(IPC_CHANNELS.savePairedToken, (token) => {
    const adopted = deps.settings.adoptPairedToken(token);
    // Reload the page with the token in its address, as on every start.
    if (adopted) deps.openKiosk();
    return adopted;
  });
}
