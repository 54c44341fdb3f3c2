/**
 * Electron entry of the kiosk: glue only. Every decision (window options, what may
 * load, settings, printing, the lockdown shared with the counter display) lives in
 * plain modules under src/main and @layso/electron-shell, tested without Electron.
 * Built to dist-electron/main.js by electron/build.ts.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, powerMonitor, session } from 'electron';
import { guardHubSession, isSupervised, keepAppRunning, shellPinLock } from '@layso/electron-shell';
import { configureApp } from '../src/main/app-setup.js';
import { registerIpcHandlers } from '../src/main/ipc-handlers.js';
import { createKioskShell } from '../src/main/kiosk-shell.js';
import { printerDriver } from '../src/main/printer-driver.js';
import { createPrinterService } from '../src/main/printer-service.js';
import { forwardScansToKioskPage } from '../src/main/scanner/scan-forwarding.js';
import { SETTINGS_FILE_NAME } from '../src/main/settings-file.js';
import { createSettingsService } from '../src/main/settings-service.js';
import { kioskWindowOptions } from '../src/main/window-options.js';

const here = dirname(fileURLToPath(import.meta.url));
const log = (message: string) => console.log(`[kiosk] ${message}`);

// Under the OS supervisor (systemd user unit, Windows watchdog task) the supervisor
// starts the kiosk at login and after every exit: no login item, no self-relaunch.
const supervised = isSupervised(process.env);

if (configureApp(app, Menu, { autoStart: !supervised })) {
  // Relaunch whenever the kiosk quits, except for the OS ending the session.
  const keeper = keepAppRunning(app, log, { supervised });
  powerMonitor.on('shutdown', () => keeper.sessionEnding());

  void app.whenReady().then(() => {
    const window = new BrowserWindow(kioskWindowOptions({ preload: join(here, 'preload.cjs'), devTools: process.env.LAYSO_KIOSK_DEVTOOLS === '1' }));
    keeper.keepWindow(window);
    window.on('session-end', () => keeper.sessionEnding());
    const settings = createSettingsService({
      file: join(app.getPath('userData'), SETTINGS_FILE_NAME),
      guard: shellPinLock({ userDataDir: app.getPath('userData'), hub: () => settings.current(), log }),
      onSaved: () => {
        hubSession.reapplyPins();
        shell.showKiosk();
      },
    });
    const hubSession = guardHubSession(session.defaultSession, {
      hubOrigin: () => settings.current()?.hubUrl ?? null,
      fingerprints: () => settings.current()?.hubCertFingerprints ?? [],
      log,
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
      restartApp: () => keeper.restart(),
    });
    forwardScansToKioskPage({ settings: () => settings.current(), window, isKioskPage: (url) => shell.senderKind(url) === 'hub', log });
    window.once('ready-to-show', () => window.show());
    shell.showKiosk();
  });
}
