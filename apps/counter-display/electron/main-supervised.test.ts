import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeShell, type FakeElectronHolder } from '@layso/electron-shell/testing';
import { IPC } from '../src/main/ipc-channels.js';
import { settingsPath } from '../src/main/settings-file.js';
import { SettingsService } from '../src/main/settings-service.js';

// The real entry as the systemd user unit / Windows watchdog task runs it (LAYSO_SUPERVISED=1),
// against a fake `electron` module (Electron's binary is not installed here). The XDG
// config folder is a temporary one, so the autostart entry is looked at there.
const fake = vi.hoisted((): FakeElectronHolder => {
  process.env.LAYSO_SUPERVISED = '1';
  return { electron: null };
});
vi.mock('electron', async () => (await import('@layso/electron-shell/testing')).fakeElectronModule(fake));

const HUB = 'http://127.0.0.1:9';
let dir: string;
let entry: string;
const previousConfigHome = process.env.XDG_CONFIG_HOME;
const electron = () => fake.electron!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'layso-cd-supervised-'));
  process.env.XDG_CONFIG_HOME = join(dir, 'config');
  // An entry the app wrote before it was supervised: it would start a second, unsupervised copy.
  entry = join(dir, 'config/autostart/layso-counter-display.desktop');
  mkdirSync(join(dir, 'config/autostart'), { recursive: true });
  writeFileSync(entry, '[Desktop Entry]\nExec=/usr/bin/layso-counter-display\n');
  new SettingsService(settingsPath(dir)).save({ pin: '', settings: { role: 'board', hubUrl: HUB, token: 'lys_boardtoken1', areas: ['tang-3'] }, newPin: '2468' });
  await startFakeShell(fake, () => import('./main.js'), dir);
});
afterAll(() => {
  delete process.env.LAYSO_SUPERVISED;
  if (previousConfigHome === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = previousConfigHome;
  rmSync(dir, { recursive: true, force: true });
});

describe('counter display entry under the OS supervisor (LAYSO_SUPERVISED=1)', () => {
  it('leaves starting at login to the supervisor: its own autostart entry goes, though the setting is on', async () => {
    await vi.waitFor(() => expect(existsSync(entry)).toBe(false));
  });

  it('exits without relaunching on a quit and on the admin restart', async () => {
    electron().app.fire('will-quit');
    await electron().ipcMain.handlers.get(IPC.restartApp)!({ senderFrame: { url: `${HUB}/board?area=tang-3` } });
    expect(electron().app.calls).not.toContain('relaunch');
    expect(electron().app.calls.slice(-1)).toEqual(['exit 0']);
  });
});
