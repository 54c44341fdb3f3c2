import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeShell, type FakeBrowserWindow, type FakeElectronHolder } from '@layso/electron-shell/testing';
import { SETTINGS_URL } from '../src/main/app-protocol.js';
import { IPC } from '../src/main/ipc-channels.js';
import { settingsPath } from '../src/main/settings-file.js';
import { SettingsService } from '../src/main/settings-service.js';

// The real entry, electron/main.ts, loaded against a fake `electron` module: the wiring
// of the lockdown is checked as the app runs it (Electron's binary is not installed here).
const fake = vi.hoisted((): FakeElectronHolder => ({ electron: null }));
vi.mock('electron', async () => (await import('@layso/electron-shell/testing')).fakeElectronModule(fake));

// Port 9 on loopback: the wrong-PIN report to the hub is refused at once, nothing leaves the machine.
const HUB = 'http://127.0.0.1:9';
const SETTINGS_PAGE = { senderFrame: { url: SETTINGS_URL } };
let dir: string;
let window: FakeBrowserWindow;
const electron = () => fake.electron!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'layso-cd-main-'));
  new SettingsService(settingsPath(dir)).save({ pin: '', settings: { role: 'board', hubUrl: HUB, token: 'lys_boardtoken1', areas: ['tang-3'] }, newPin: '2468' });
  ({ window } = await startFakeShell(fake, () => import('./main.js'), dir));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('counter display entry (electron/main.ts) with a fake Electron', () => {
  it('removes the application menu and opens the board fullscreen in kiosk mode, devtools off', () => {
    expect(electron().app.menu).toBeNull();
    expect(window.options).toMatchObject({ kiosk: true, fullscreen: true, webPreferences: { devTools: false, sandbox: true, contextIsolation: true } });
    expect(window.webContents.loads.at(-1)).toBe(`${HUB}/board?area=tang-3#token=lys_boardtoken1`);
  });

  it('blocks devtools, reload, quit and fullscreen keys, and keeps kiosk mode on Ctrl+Alt+S until the PIN is accepted', async () => {
    const contents = window.webContents;
    expect(contents.key('I', { control: true, shift: true })).toBe(false);
    expect(contents.key('r', { control: true })).toBe(false);
    expect(contents.key('q', { control: true })).toBe(false);
    expect(contents.key('F11')).toBe(false);
    expect(contents.key('s', { control: true, alt: true })).toBe(false);
    expect(contents.loads.at(-1)).toBe(SETTINGS_URL);
    expect(window).toMatchObject({ kiosk: true, fullscreen: true });
    expect(await electron().ipcMain.handlers.get(IPC.settingsUnlock)!(SETTINGS_PAGE, '1111')).toMatchObject({ ok: false });
    expect(window).toMatchObject({ kiosk: true, fullscreen: true });
    expect(await electron().ipcMain.handlers.get(IPC.settingsUnlock)!(SETTINGS_PAGE, '2468')).toMatchObject({ ok: true });
    expect(window).toMatchObject({ kiosk: false, fullscreen: false });
    electron().ipcMain.listeners.get(IPC.settingsClose)!(SETTINGS_PAGE);
    expect(window).toMatchObject({ kiosk: true, fullscreen: true });
  });

  it('follows redirects to the hub only and opens no window', () => {
    expect(window.webContents.fire('will-redirect', `${HUB}/board`)).toBe(true);
    expect(window.webContents.fire('will-redirect', 'https://evil.example/')).toBe(false);
    expect(window.webContents.openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('denies permissions and devices, cancels downloads, adds the CSP to hub pages', () => {
    const session = electron().session;
    const granted: boolean[] = [];
    session.permissionRequest!(null, 'media', (g) => granted.push(g), {});
    expect(granted).toEqual([false]);
    expect(session.permissionCheck!(null, 'serial', HUB, {})).toBe(false);
    expect(session.devicePermission!({})).toBe(false);
    expect(session.fire('will-download', { getURL: () => `${HUB}/x.exe` }, {})).toBe(false);
    expect(session.fire('select-serial-port', [], {}, () => {})).toBe(false);
    const responses: { responseHeaders?: Record<string, unknown> }[] = [];
    session.headersReceived!({ url: `${HUB}/board`, resourceType: 'mainFrame', responseHeaders: {} }, (r) => responses.push(r));
    expect(String(responses[0]!.responseHeaders!['Content-Security-Policy'])).toContain("script-src 'self'");
    const results: number[] = [];
    session.certificateVerifyProc!({ hostname: 'example.org', certificate: { data: '' } }, (r) => results.push(r));
    expect(results).toEqual([-3]);
  });

  it('refuses to close the window, relaunches when the app quits, and restarts once on the admin restart', async () => {
    expect(window.fire('close')).toBe(false);
    electron().app.fire('will-quit');
    expect(electron().app.calls.filter((c) => c === 'relaunch')).toHaveLength(1);
    await electron().ipcMain.handlers.get(IPC.restartApp)!({ senderFrame: { url: `${HUB}/board` } });
    expect(electron().app.calls.slice(-1)).toEqual(['exit 0']);
    expect(window.fire('close')).toBe(true);
  });
});
