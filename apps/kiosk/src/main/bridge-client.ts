/**
 * The `window.layso` object built on top of ipcRenderer.invoke. The preload passes
 * the real invoke; tests pass a recorder, so the mapping method → channel is tested
 * without Electron.
 */
import { IPC_CHANNELS, type IpcChannel, type KioskBridge, type PrintOutcome } from './bridge-api.js';

export type Invoke = (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>;

export function createBridge(invoke: Invoke): KioskBridge {
  // Each call forwards plain data only: no callbacks or Electron objects leak to the page.
  return {
    version: 1,
    printTicket: (ticket) => invoke(IPC_CHANNELS.printTicket, ticket) as ReturnType<KioskBridge['printTicket']>,
    printerStatus: () => invoke(IPC_CHANNELS.printerStatus) as ReturnType<KioskBridge['printerStatus']>,
    getSettings: (pin) => invoke(IPC_CHANNELS.getSettings, pin) as ReturnType<KioskBridge['getSettings']>,
    saveSettings: (pin, input) => invoke(IPC_CHANNELS.saveSettings, pin, input) as ReturnType<KioskBridge['saveSettings']>,
    openSettings: () => invoke(IPC_CHANNELS.openSettings) as Promise<void>,
    closeSettings: () => invoke(IPC_CHANNELS.closeSettings) as Promise<void>,
    printTestPage: (page) => invoke(IPC_CHANNELS.printTestPage, page) as Promise<PrintOutcome>,
    restartApp: () => invoke(IPC_CHANNELS.restartApp) as Promise<void>,
    savePairedToken: (token) => invoke(IPC_CHANNELS.savePairedToken, token) as Promise<boolean>,
  } satisfies KioskBridge;
}
