import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeShell, type FakeBrowserWindow, type FakeElectronHolder } from '@layso/electron-shell/testing';
import { IPC_CHANNELS } from '../src/main/bridge-api.js';
import { saveSettingsFile, SETTINGS_FILE_NAME } from '../src/main/settings-file.js';
import { validSettings } from '../src/main/test-support.js';

// The real entry, electron/main.ts, loaded against a fake `electron` module: the wiring
// of the lockdown is checked as the app runs it (Electron's binary is not installed here).
const fake = vi.hoisted((): FakeElectronHolder => ({ electron: null }));
vi.mock('electron', async () => (await import('@layso/electron-shell/testing')).fakeElectronModule(fake));

// Port 9 on loopback: the wrong-PIN reports to the hub are refused at once, nothing leaves the machine.
const HUB = 'http://127.0.0.1:9';
let dir: string;
let window: FakeBrowserWindow;
const electron = () => fake.electron!;
const fromHubPage = { senderFrame: { url: `${HUB}/kiosk/` } };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'layso-kiosk-main-'));
  saveSettingsFile(join(dir, SETTINGS_FILE_NAME), validSettings({ hubUrl: HUB }));
  ({ window } = await startFakeShell(fake, () => import('./main.js'), dir));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('kiosk entry (electron/main.ts) with a fake Electron', () => {
  it('removes the application menu, starts at login, and opens the kiosk page in kiosk mode with devtools off', () => {
    expect(electron().app.menu).toBeNull();
    expect(electron().app.calls).toContain('login-item {"openAtLogin":true,"openAsHidden":false}');
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, webPreferences: { devTools: false, sandbox: true } });
    expect(window.webContents.loads.at(-1)).toBe(`${HUB}/kiosk/#token=kiosk-token-abc`);
  });

  it('denies every permission request and check, device pickers and downloads', () => {
    const session = electron().session;
    for (const permission of ['media', 'geolocation', 'notifications', 'serial', 'hid', 'usb']) {
      const granted: boolean[] = [];
      session.permissionRequest!(null, permission, (g) => granted.push(g), {});
      expect(granted, permission).toEqual([false]);
      expect(session.permissionCheck!(null, permission, HUB, {}), permission).toBe(false);
    }
    expect(session.fire('select-hid-device', {}, () => {})).toBe(false);
    expect(session.fire('select-usb-device', {}, () => {})).toBe(false);
    expect(session.fire('will-download', { getURL: () => `${HUB}/x.exe` }, {})).toBe(false);
  });

  it('follows redirects within the hub only, blocks shortcuts, refuses to close', () => {
    const contents = window.webContents;
    expect(contents.fire('will-redirect', `${HUB}/kiosk/?x=1`)).toBe(true);
    expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(false);
    expect(contents.key('I', { control: true, shift: true })).toBe(false);
    expect(contents.key('p', { control: true })).toBe(false);
    expect(window.fire('close')).toBe(false);
  });

  it('keeps wrong PINs in userData across restarts', async () => {
    contentsOpenSettings();
    const settingsPage = { senderFrame: { url: window.webContents.loads.at(-1)! } };
    for (let i = 0; i < 5; i++) await electron().ipcMain.handlers.get(IPC_CHANNELS.getSettings)!(settingsPage, '1111');
    expect(await electron().ipcMain.handlers.get(IPC_CHANNELS.getSettings)!(settingsPage, '2468')).toMatchObject({ ok: false, reason: 'LOCKED' });
    const lockFile = join(dir, 'pin-lock.json');
    expect(existsSync(lockFile)).toBe(true);
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ rounds: 1 });
  });

  it('relaunches when it quits, and restarts once on the admin restart', async () => {
    electron().app.fire('will-quit');
    expect(electron().app.calls.filter((c) => c === 'relaunch')).toHaveLength(1);
    await electron().ipcMain.handlers.get(IPC_CHANNELS.restartApp)!(fromHubPage);
    expect(electron().app.calls.slice(-1)).toEqual(['exit 0']);
  });
});

function contentsOpenSettings() {
  expect(window.webContents.key('s', { control: true, alt: true })).toBe(false);
  expect(window.webContents.loads.at(-1)).toMatch(/^file:\/\/.*settings\.html$/);
}
