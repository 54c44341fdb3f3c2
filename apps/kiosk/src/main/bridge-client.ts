/**
 * The `window.layso` object built on top of ipcRenderer.invoke. The preload passes
 * the real invoke; tests pass a recorder, so the mapping method → channel is tested
 * without Electron.
 */
import {
  IPC_CHANNELS,
  IPC_EVENTS,
  MAX_SCAN_LENGTH,
  type IpcChannel,
  type IpcEvent,
  type KioskBridge,
  type PrintOutcome,
} from './bridge-api.js';

export type Invoke = (channel: IpcChannel, ...args: unknown[]) => Promise<unknown>;
/** Listens to an event from main (ipcRenderer.on without the event object); returns the unsubscribe. */
export type Subscribe = (channel: IpcEvent, listener: (...args: unknown[]) => void) => () => void;

const noSubscribe: Subscribe = () => () => {};

export function createBridge(invoke: Invoke, subscribe: Subscribe = noSubscribe): KioskBridge {
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
    // Only a bounded string reaches the page: the listener never sees the IPC event or other values.
    onScan: (listener) =>
      subscribe(IPC_EVENTS.scan, (payload) => {
        if (typeof payload === 'string' && payload.length > 0 && payload.length <= MAX_SCAN_LENGTH) listener(payload);
      }),
  } satisfies KioskBridge;
}
