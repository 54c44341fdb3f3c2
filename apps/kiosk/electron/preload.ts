/**
 * Sandboxed preload: exposes exactly one object, `window.layso`, whose type is
 * KioskBridge (src/main/bridge-api.ts), and neutralises window.print() and file
 * choosers in the page's world before any page script runs (shared with the counter
 * display). Built to dist-electron/preload.cjs (sandboxed preloads must be a single
 * CommonJS file).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { blockNativeDialogs } from '@layso/electron-shell/block-native-dialogs';
import type { KioskBridge } from '../src/main/bridge-api.js';
import { createBridge } from '../src/main/bridge-client.js';

contextBridge.executeInMainWorld({ func: blockNativeDialogs });

const api = createBridge(
  (channel, ...args) => ipcRenderer.invoke(channel, ...args),
  (channel, listener) => {
    const handler = (_event: Electron.IpcRendererEvent, ...args: unknown[]) => listener(...args);
    ipcRenderer.on(channel, handler);
    return () => void ipcRenderer.removeListener(channel, handler);
  },
) satisfies KioskBridge;

contextBridge.exposeInMainWorld('layso', api);
