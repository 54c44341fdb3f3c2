import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeShell, type FakeElectronHolder } from '@layso/electron-shell/testing';
import { IPC_CHANNELS } from '../src/main/bridge-api.js';
import { saveSettingsFile, SETTINGS_FILE_NAME } from '../src/main/settings-file.js';
import { validSettings } from '../src/main/test-support.js';

// The real entry as the systemd user unit / Windows watchdog task runs it (LAYSO_SUPERVISED=1),
// against a fake `electron` module (Electron's binary is not installed here).
const fake = vi.hoisted((): FakeElectronHolder => {
  process.env.LAYSO_SUPERVISED = '1';
  return { electron: null };
});
vi.mock('electron', async () => (await import('@layso/electron-shell/testing')).fakeElectronModule(fake));

const HUB = 'http://127.0.0.1:9';
let dir: string;
const electron = () => fake.electron!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'layso-kiosk-supervised-'));
  saveSettingsFile(join(dir, SETTINGS_FILE_NAME), validSettings({ hubUrl: HUB }));
  await startFakeShell(fake, () => import('./main.js'), dir);
});
afterAll(() => {
  delete process.env.LAYSO_SUPERVISED;
  rmSync(dir, { recursive: true, force: true });
});

describe('kiosk entry under the OS supervisor (LAYSO_SUPERVISED=1)', () => {
  it('leaves starting at login to the supervisor, and exits without relaunching on a quit and on the admin restart', async () => {
    expect(electron().app.calls).toContain('login-item {"openAtLogin":false,"openAsHidden":false}');
    electron().app.fire('will-quit');
    await electron().ipcMain.handlers.get(IPC_CHANNELS.restartApp)!({ senderFrame: { url: `${HUB}/kiosk/` } });
    expect(electron().app.calls).not.toContain('relaunch');
    expect(electron().app.calls.slice(-1)).toEqual(['exit 0']);
  });
});
