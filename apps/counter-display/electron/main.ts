/**
 * Electron main process: glue only. Every decision lives in a plain module under
 * src/main (unit-tested without Electron, whose binary is not installed on the
 * build machines); this file hands them Electron's objects.
 *
 * Build: electron/build.ts bundles this file (main.js, ESM) and preload.ts
 * (preload.cjs) into dist-electron/ next to the renderer's dist/.
 */
import { app, BrowserWindow, ipcMain, net, protocol, session } from 'electron';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connectHub } from '@layso/shared/client';
import { KeypadDriver, KeypadHubBridge, LedBoardDriver } from '../src/devices/index.js';
import { APP_SCHEME, resolveAppFile } from '../src/main/app-protocol.js';
import { applyXdgAutostart, autostartPlan } from '../src/main/autostart.js';
import { startCounterDevices } from '../src/main/counter-devices.js';
import { registerSettingsIpc } from '../src/main/ipc-handlers.js';
import { registerRolePageIpc } from '../src/main/role-page-ipc.js';
import { guardNavigation } from '../src/main/navigation-guard.js';
import { keepPageAlive } from '../src/main/page-keeper.js';
import { settingsPath } from '../src/main/settings-file.js';
import { SettingsService } from '../src/main/settings-service.js';
import { isSettingsShortcut } from '../src/main/settings-shortcut.js';
import { ShellController } from '../src/main/shell-controller.js';
import { windowOptions } from '../src/main/window-options.js';

const here = dirname(fileURLToPath(import.meta.url));
const distDir = join(here, '..', 'dist');
const preloadPath = join(here, 'preload.cjs');
const log = (message: string, error?: unknown) => console.log(`[layso] ${message}`, error ?? '');

// Boards speak without anyone touching them (also set per window in window-options).
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) app.quit();

void app.whenReady().then(() => {
  protocol.handle(APP_SCHEME, (request) => {
    const file = resolveAppFile(distDir, new URL(request.url).pathname);
    return file ? net.fetch(pathToFileURL(file).toString()) : new Response('not found', { status: 404 });
  });
  // No page of this shell needs a camera, a microphone, notifications or geolocation.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  const service = new SettingsService(settingsPath(app.getPath('userData')));
  const initial = service.current();
  const window = new BrowserWindow(windowOptions(initial?.role ?? 'settings', preloadPath));
  window.once('ready-to-show', () => window.show());

  const controller = new ShellController({
    window,
    currentSettings: () => service.current(),
    startDevices: (settings) =>
      startCounterDevices(
        settings,
        {
          createLed: (options) => new LedBoardDriver(options),
          createKeypad: (options) => new KeypadDriver(options),
          createBridge: (options) => new KeypadHubBridge(options),
          connect: connectHub,
        },
        log,
      ),
    applyAutostart: (enabled) => {
      const plan = autostartPlan({ platform: process.platform, enabled, execPath: process.execPath, homeDir: homedir(), configHome: process.env.XDG_CONFIG_HOME });
      if (plan.kind === 'login-item') app.setLoginItemSettings({ openAtLogin: plan.openAtLogin, args: plan.args });
      else applyXdgAutostart(plan);
    },
    log,
  });

  guardNavigation(window.webContents, () => controller.allowedOrigins(), log);
  keepPageAlive(window.webContents, { url: () => controller.currentUrl(), log });
  window.webContents.on('before-input-event', (event, input) => {
    if (!isSettingsShortcut(input)) return;
    event.preventDefault();
    controller.showSettings();
  });
  registerSettingsIpc(ipcMain, {
    service,
    onSaved: (settings) => controller.settingsSaved(settings),
    onClose: () => controller.closeSettings(),
    log,
  });

  registerRolePageIpc(ipcMain, {
    allowedOrigins: () => controller.allowedOrigins(),
    restart: () => {
      app.relaunch();
      app.exit(0);
    },
    adoptPairing: (pairing) => {
      const settings = service.adoptPairing(pairing);
      if (settings) controller.settingsSaved(settings);
      return settings !== null;
    },
    log,
  });

  controller.start();
  app.on('before-quit', () => void controller.stop());
});

app.on('window-all-closed', () => app.quit());
