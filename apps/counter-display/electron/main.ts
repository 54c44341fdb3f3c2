/**
 * Electron main process: glue only. Every decision lives in a plain module under
 * src/main or in the lockdown shared with the kiosk (@layso/electron-shell), unit-tested
 * without Electron, whose binary is not installed on the build machines; this file
 * hands them Electron's objects.
 *
 * Build: electron/build.ts bundles this file (main.js, ESM) and preload.ts
 * (preload.cjs) into dist-electron/ next to the renderer's dist/.
 */
import { app, BrowserWindow, ipcMain, Menu, net, powerMonitor, protocol, session } from 'electron';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { connectHub } from '@layso/shared/client';
import { guardHubSession, isSupervised, keepAppRunning, lockDownApp, shellPinLock } from '@layso/electron-shell';
import { KeypadDriver, KeypadHubBridge, LedBoardDriver } from '../src/devices/index.js';
import { APP_SCHEME, resolveAppFile } from '../src/main/app-protocol.js';
import { applyXdgAutostart, autostartPlan } from '../src/main/autostart.js';
import { startCounterDevices } from '../src/main/counter-devices.js';
import { registerSettingsIpc } from '../src/main/ipc-handlers.js';
import { registerRolePageIpc } from '../src/main/role-page-ipc.js';
import { keepPageAlive } from '../src/main/page-keeper.js';
import { hubOrigin } from '../src/main/role-url.js';
import { settingsPath } from '../src/main/settings-file.js';
import { SettingsService } from '../src/main/settings-service.js';
import { ShellController } from '../src/main/shell-controller.js';
import { lockDownShellWindow } from '../src/main/window-lockdown.js';
import { windowOptions } from '../src/main/window-options.js';

const here = dirname(fileURLToPath(import.meta.url));
const distDir = join(here, '..', 'dist');
const preloadPath = join(here, 'preload.cjs');
const log = (message: string, error?: unknown) => console.log(`[layso] ${message}`, error ?? '');

// Boards speak without anyone touching them (also set per window in window-options).
app.commandLine.appendSwitch('autoplay-policy', 'no-user-gesture-required');
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

// Under the OS supervisor (systemd user unit, Windows watchdog task) the supervisor
// starts the app at login and after every exit: no autostart entry, no self-relaunch.
const supervised = isSupervised(process.env);

if (lockDownApp(app, Menu)) {
  // Relaunch whenever the app quits, except for the OS ending the session.
  const keeper = keepAppRunning(app, log, { supervised });
  powerMonitor.on('shutdown', () => keeper.sessionEnding());

  void app.whenReady().then(() => {
    protocol.handle(APP_SCHEME, (request) => {
      const file = resolveAppFile(distDir, new URL(request.url).pathname);
      return file ? net.fetch(pathToFileURL(file).toString()) : new Response('not found', { status: 404 });
    });

    const pinLock = shellPinLock({ userDataDir: app.getPath('userData'), hub: () => service.current(), log });
    const service = new SettingsService(settingsPath(app.getPath('userData')), { lock: pinLock });
    // No page of this shell needs a permission or a device (serial devices are the main process's).
    const hubSession = guardHubSession(session.defaultSession, {
      hubOrigin: () => {
        const current = service.current();
        return current ? hubOrigin(current) : null;
      },
      fingerprints: () => service.current()?.hubCertFingerprints ?? [],
      log,
    });

    const initial = service.current();
    const window = new BrowserWindow(windowOptions(initial?.role ?? 'settings', preloadPath, { devTools: process.env.LAYSO_DEVTOOLS === '1' }));
    keeper.keepWindow(window);
    window.on('session-end', () => keeper.sessionEnding());
    window.once('ready-to-show', () => window.show());

    // The lockdown reads the controller lazily (only once events arrive), so it can be made first.
    const settingsIdle = lockDownShellWindow(window.webContents, () => controller, { log });
    const controller: ShellController = new ShellController({
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
        const plan = autostartPlan({ platform: process.platform, enabled: enabled && !supervised, execPath: process.execPath, homeDir: homedir(), configHome: process.env.XDG_CONFIG_HOME });
        if (plan.kind === 'login-item') app.setLoginItemSettings({ openAtLogin: plan.openAtLogin, args: plan.args });
        else applyXdgAutostart(plan);
      },
      log,
      settingsIdle,
    });

    keepPageAlive(window.webContents, { url: () => controller.currentUrl(), log });
    registerSettingsIpc(ipcMain, {
      service,
      onSaved: (settings) => {
        hubSession.reapplyPins();
        controller.settingsSaved(settings);
      },
      onClose: () => controller.closeSettings(),
      onUnlocked: () => controller.settingsUnlocked(),
      log,
    });

    registerRolePageIpc(ipcMain, {
      allowedOrigins: () => controller.allowedOrigins(),
      restart: () => keeper.restart(),
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
}
