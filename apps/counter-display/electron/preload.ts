/**
 * Preload: the page's only way to the main process. One object, typed once in
 * src/main/bridge-api.ts and checked here with `satisfies`, on window.laysoShell.
 * Sandboxed preloads can require only 'electron' at run time: bundle this file
 * (the imports below are a constant table and types).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { blockNativeDialogs } from '@layso/electron-shell/block-native-dialogs';
import type { LaysoShellBridge, SaveRequest } from '../src/main/bridge-api.js';
import { IPC } from '../src/main/ipc-channels.js';

// window.print() and file choosers open native dialogs that browse the disk: neutralised
// in the page's world before any page script runs (shared with the kiosk).
contextBridge.executeInMainWorld({ func: blockNativeDialogs });

const bridge = {
  shell: 'electron',
  settingsStatus: () => ipcRenderer.invoke(IPC.settingsStatus),
  unlockSettings: (pin: string) => ipcRenderer.invoke(IPC.settingsUnlock, pin),
  saveSettings: (request: SaveRequest) => ipcRenderer.invoke(IPC.settingsSave, request),
  closeSettings: () => ipcRenderer.send(IPC.settingsClose),
  restartApp: () => ipcRenderer.invoke(IPC.restartApp) as Promise<void>,
  savePairing: (pairing: { token: string; screen: string; counter: number | null }) => ipcRenderer.invoke(IPC.savePairing, pairing) as Promise<boolean>,
} satisfies LaysoShellBridge;

contextBridge.exposeInMainWorld('laysoShell', bridge);
