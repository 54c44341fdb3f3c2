import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IPC } from './ipc-channels.js';
import { registerSettingsIpc, type IpcEventLike, type IpcMainLike } from './ipc-handlers.js';
import { settingsPath } from './settings-file.js';
import { SettingsService } from './settings-service.js';
import type { ShellSettings } from './settings-schema.js';

class FakeIpc implements IpcMainLike {
  readonly handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown) {
    this.handlers.set(channel, listener);
  }
  on(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => void) {
    this.handlers.set(channel, listener);
  }
  call(channel: string, fromUrl: string, ...args: unknown[]) {
    return this.handlers.get(channel)!({ senderFrame: { url: fromUrl } }, ...args);
  }
}

const SETTINGS_PAGE = 'layso://app/counter/settings';
const HUB_PAGE = 'http://10.0.0.2:8080/board';
const board = { role: 'board', hubUrl: 'http://10.0.0.2:8080', token: 'lys_boardtoken1', areas: ['tang-3'] };
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'layso-ipc-'));
  dirs.push(dir);
  const ipc = new FakeIpc();
  const saved: ShellSettings[] = [];
  let closed = 0;
  let unlocked = 0;
  registerSettingsIpc(ipc, { service: new SettingsService(settingsPath(dir)), onSaved: (s) => saved.push(s), onClose: () => closed++, onUnlocked: () => unlocked++ });
  return { ipc, saved, closed: () => closed, unlocked: () => unlocked };
}

describe('settings IPC', () => {
  it('serves the shell settings page: status, save, close', () => {
    const { ipc, saved, closed } = setup();
    expect(ipc.call(IPC.settingsStatus, SETTINGS_PAGE)).toMatchObject({ configured: false, hasPin: false });
    expect(ipc.call(IPC.settingsSave, SETTINGS_PAGE, { pin: '', settings: board, newPin: '1357' })).toMatchObject({ ok: true });
    expect(saved.map((s) => s.role)).toEqual(['board']);
    expect(ipc.call(IPC.settingsUnlock, SETTINGS_PAGE, '1357')).toMatchObject({ ok: true, settings: { areas: ['tang-3'] } });
    ipc.call(IPC.settingsClose, SETTINGS_PAGE);
    expect(closed()).toBe(1);
  });

  it('reports an accepted PIN only (the window leaves kiosk mode then)', () => {
    const { ipc, unlocked } = setup();
    ipc.call(IPC.settingsSave, SETTINGS_PAGE, { pin: '', settings: board, newPin: '1357' });
    expect(ipc.call(IPC.settingsUnlock, SETTINGS_PAGE, '0000')).toMatchObject({ ok: false });
    expect(unlocked()).toBe(0);
    expect(ipc.call(IPC.settingsUnlock, SETTINGS_PAGE, '1357')).toMatchObject({ ok: true });
    expect(unlocked()).toBe(1);
  });

  it('refuses every settings call from a hub page', () => {
    const { ipc, saved, closed } = setup();
    expect(() => ipc.call(IPC.settingsStatus, HUB_PAGE)).toThrow('not allowed');
    expect(() => ipc.call(IPC.settingsSave, HUB_PAGE, { pin: '', settings: board, newPin: '1357' })).toThrow('not allowed');
    ipc.call(IPC.settingsClose, HUB_PAGE);
    expect(saved).toEqual([]);
    expect(closed()).toBe(0);
  });

  it('answers malformed arguments without touching the file', () => {
    const { ipc, saved } = setup();
    expect(ipc.call(IPC.settingsSave, SETTINGS_PAGE, 'drop table')).toMatchObject({ ok: false, reason: 'invalid' });
    expect(ipc.call(IPC.settingsUnlock, SETTINGS_PAGE, { pin: 1 })).toMatchObject({ ok: true, settings: null });
    expect(saved).toEqual([]);
  });
});
