import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IpcEventLike } from './ipc-handlers.js';
import { registerRolePageIpc } from './role-page-ipc.js';
import { SettingsService } from './settings-service.js';

const HUB = 'http://192.168.1.10:8080';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup(settings: Record<string, unknown>) {
  const dir = mkdtempSync(join(tmpdir(), 'layso-shell-'));
  dirs.push(dir);
  const service = new SettingsService(join(dir, 'settings.json'));
  expect(service.save({ pin: '', settings, newPin: '2468' })).toMatchObject({ ok: true });
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const restart = vi.fn();
  const reloaded = vi.fn();
  registerRolePageIpc(
    { handle: (channel, listener) => handlers.set(channel, listener), on: () => undefined },
    {
      allowedOrigins: () => ['layso://app', HUB],
      restart,
      adoptPairing: (pairing) => {
        const next = service.adoptPairing(pairing);
        if (next) reloaded(next);
        return next !== null;
      },
    },
  );
  const invoke = (channel: string, url: string | null, ...args: unknown[]) => handlers.get(channel)!({ senderFrame: url === null ? null : { url } }, ...args);
  return { service, restart, reloaded, invoke };
}

describe('role page IPC', () => {
  it('restarts when the hub page asks, and refuses other pages', () => {
    const { restart, invoke } = setup({ role: 'board', hubUrl: HUB, token: 'lys_boardtoken1' });
    expect(() => invoke('restart-app', 'http://evil.example/board')).toThrow(/not allowed/);
    expect(() => invoke('restart-app', null)).toThrow(/not allowed/);
    expect(restart).not.toHaveBeenCalled();
    invoke('restart-app', `${HUB}/board`);
    expect(restart).toHaveBeenCalledTimes(1);
  });

  it('an unpaired shell takes the token, screen and counter the admin chose, then reloads', () => {
    const { service, reloaded, invoke } = setup({ role: 'board', hubUrl: HUB });
    expect(service.current()?.token).toBeUndefined();
    expect(() => invoke('save-paired-token', 'http://evil.example/', { token: 'lys_doortoken1', screen: 'door', counter: 86 })).toThrow(/not allowed/);
    expect(invoke('save-paired-token', `${HUB}/board`, { token: 'lys_doortoken1', screen: 'door', counter: 86 })).toBe(true);
    expect(service.current()).toMatchObject({ role: 'door', counter: 86, token: 'lys_doortoken1' });
    expect(reloaded).toHaveBeenCalledTimes(1);
  });

  it('never replaces a token the shell already has, and refuses a kiosk pairing', () => {
    const paired = setup({ role: 'board', hubUrl: HUB, token: 'lys_boardtoken1' });
    expect(paired.invoke('save-paired-token', `${HUB}/board`, { token: 'lys_other123', screen: 'board', counter: null })).toBe(false);
    expect(paired.service.current()?.token).toBe('lys_boardtoken1');
    const unpaired = setup({ role: 'board', hubUrl: HUB });
    expect(unpaired.invoke('save-paired-token', `${HUB}/board`, { token: 'lys_kiosktoken', screen: 'kiosk', counter: null })).toBe(false);
    expect(unpaired.service.current()?.token).toBeUndefined();
  });
});
