/**
 * Sandboxed preload: exposes exactly one object, `window.layso`, whose type is
 * KioskBridge (src/main/bridge-api.ts). Built to dist-electron/preload.cjs
 * (sandboxed preloads must be a single CommonJS file).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { KioskBridge } from '../src/main/bridge-api.js';
import { createBridge } from '../src/main/bridge-client.js';

const api = createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)) satisfies KioskBridge;

contextBridge.exposeInMainWorld('layso', api);
