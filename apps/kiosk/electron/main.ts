/**
 * Electron entry of the kiosk: glue only. Every decision (window options, what may
 * load, settings, printing) lives in plain modules under src/main, tested without
 * Electron. Built to dist-electron/main.js by electron/build.ts.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu } from 'electron';
import { configureApp } from '../src/main/app-setup.js';
import { registerIpcHandlers } from '../src/main/ipc-handlers.js';
import { createKioskShell } from '../src/main/kiosk-shell.js';
import { printerDriver } from '../src/main/printer-driver.js';
import { createPrinterService } from '../src/main/printer-service.js';
import { SETTINGS_FILE_NAME } from '../src/main/settings-file.js';
import { createSettingsService } from '../src/main/settings-service.js';
import { kioskWindowOptions } from '../src/main/window-options.js';

const here = dirname(fileURLToPath(import.meta.url));
const log = (message: string) => console.log(`[kiosk] ${message}`);

if (configureApp(app, Menu)) {
  void app.whenReady().then(() => {
    const window = new BrowserWindow(kioskWindowOptions({ preload: join(here, 'preload.cjs'), devTools: process.env.LAYSO_KIOSK_DEVTOOLS === '1' }));
    const settings = createSettingsService({
      file: join(app.getPath('userData'), SETTINGS_FILE_NAME),
      onSaved: () => shell.showKiosk(),
    });
    const shell = createKioskShell({
      window,
      settings,
      pages: { settings: join(here, 'settings.html'), offline: join(here, 'offline.html') },
      toFileUrl: (path) => pathToFileURL(path).href,
      log,
    });
    registerIpcHandlers(ipcMain, {
      printer: createPrinterService(() => settings.current(), printerDriver),
      settings,
      senderKind: shell.senderKind,
      openSettings: shell.showSettings,
      closeSettings: shell.showKiosk,
      openKiosk: shell.showKiosk,
      restartApp: () => {
        app.relaunch();
        app.exit(0);
      },
    });
    window.once('ready-to-show', () => window.show());
    shell.showKiosk();
  });
  app.on('window-all-closed', () => app.quit());
}
