import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from './bridge-api.js';
import { fakePrinterDriver } from './fake-printer-driver.js';
import { ForbiddenSenderError, registerIpcHandlers, type InvokeEventLike } from './ipc-handlers.js';
import { pageKind } from './navigation-policy.js';
import { createPrinterService } from './printer-service.js';
import { saveSettingsFile } from './settings-file.js';
import { createSettingsService } from './settings-service.js';
import { PRINTABLE, tempDir, validSettings } from './test-support.js';

const HUB_PAGE = 'http://192.168.1.10:8080/kiosk/';
const SETTINGS_PAGE = 'file:///app/settings.html';

function setup(initial = validSettings()) {
  const dir = tempDir();
  const file = join(dir.path, 'kiosk-settings.json');
  saveSettingsFile(file, initial);
  const settings = createSettingsService({ file });
  const driver = fakePrinterDriver();
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const openSettings = vi.fn();
  const closeSettings = vi.fn();
  const restartApp = vi.fn();
  const openKiosk = vi.fn();
  registerIpcHandlers(
    { handle: (channel, listener) => handlers.set(channel, listener) },
    {
      printer: createPrinterService(() => settings.current(), driver),
      settings,
      senderKind: (url) => pageKind(url, { hubOrigin: 'http://192.168.1.10:8080', localPages: [SETTINGS_PAGE] }),
      openSettings,
      closeSettings,
      restartApp,
      openKiosk,
    },
  );
  const invoke = (channel: string, from: string, ...args: unknown[]) => handlers.get(channel)!({ senderFrame: { url: from } }, ...args);
  return { dir, handlers, driver, invoke, openSettings, closeSettings, restartApp, openKiosk, settings, file };
}

let ctx: ReturnType<typeof setup>;
beforeEach(() => {
  ctx = setup();
});
afterEach(() => ctx.dir.remove());

describe('IPC handlers', () => {
  it('handles every bridge channel', () => {
    expect([...ctx.handlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });

  it('print-ticket from the hub page prints on the configured printer', async () => {
    expect(await ctx.invoke('print-ticket', HUB_PAGE, PRINTABLE)).toEqual({ ok: true, warnings: ['status-unknown'] });
    expect(ctx.driver.jobs).toHaveLength(1);
    expect(ctx.driver.jobs[0]).toMatchObject({ target: 'tcp://192.168.1.50:9100', ticket: { number: '86001', counter: 86 } });
  });

  it('printer-status answers the hub page', async () => {
    expect(await ctx.invoke('printer-status', HUB_PAGE)).toEqual({ state: 'ready', paperNearEnd: false });
  });

  it('settings are readable and writable from the local settings page only', async () => {
    expect(await ctx.invoke('get-settings', SETTINGS_PAGE, '2468')).toMatchObject({ ok: true });
    expect(() => ctx.invoke('get-settings', HUB_PAGE, '2468')).toThrow(ForbiddenSenderError);
    expect(() => ctx.invoke('save-settings', HUB_PAGE, '2468', {})).toThrow(ForbiddenSenderError);
  });

  it('refuses any call from a foreign page', () => {
    expect(() => ctx.invoke('print-ticket', 'http://evil.example/', PRINTABLE)).toThrow(ForbiddenSenderError);
    expect(() => ctx.handlers.get('printer-status')!({ senderFrame: null })).toThrow(ForbiddenSenderError);
    expect(ctx.driver.jobs).toHaveLength(0);
  });

  it('print-test-page from the hub page prints the test page; a bad page is refused without printing', async () => {
    const page = { centerName: 'Trung tâm thử', at: '2026-11-23T01:15:00.000Z', timeZone: 'Asia/Ho_Chi_Minh' };
    expect(await ctx.invoke('print-test-page', HUB_PAGE, page)).toEqual({ ok: true, warnings: [] });
    expect(ctx.driver.testPages).toEqual([{ target: 'tcp://192.168.1.50:9100', page }]);
    expect(await ctx.invoke('print-test-page', HUB_PAGE, { centerName: '' })).toMatchObject({ ok: false, code: 'INVALID_TICKET' });
    expect(ctx.driver.testPages).toHaveLength(1);
    expect(() => ctx.invoke('print-test-page', SETTINGS_PAGE, page)).toThrow(ForbiddenSenderError);
  });

  it('restart-app is for the hub page only', async () => {
    expect(() => ctx.invoke('restart-app', 'http://evil.example/')).toThrow(ForbiddenSenderError);
    expect(ctx.restartApp).not.toHaveBeenCalled();
    await ctx.invoke('restart-app', HUB_PAGE);
    expect(ctx.restartApp).toHaveBeenCalledTimes(1);
  });

  it('save-paired-token is refused while the kiosk has a token', async () => {
    expect(await ctx.invoke('save-paired-token', HUB_PAGE, 'lys_paired')).toBe(false);
    expect(ctx.openKiosk).not.toHaveBeenCalled();
    expect(ctx.settings.current()?.token).toBe('kiosk-token-abc');
  });

  it('save-paired-token from the hub page pairs an unpaired kiosk, which then reloads; other pages are refused', async () => {
    const unpaired = setup(validSettings({ token: null }));
    try {
      expect(() => unpaired.invoke('save-paired-token', 'http://evil.example/', 'lys_paired')).toThrow(ForbiddenSenderError);
      expect(await unpaired.invoke('save-paired-token', HUB_PAGE, 'lys_paired')).toBe(true);
      expect(unpaired.settings.current()?.token).toBe('lys_paired');
      expect(unpaired.openKiosk).toHaveBeenCalledTimes(1);
    } finally {
      unpaired.dir.remove();
    }
  });

  it('open-settings from the kiosk page and close-settings from the settings page switch pages', async () => {
    await ctx.invoke('open-settings', HUB_PAGE);
    await ctx.invoke('close-settings', SETTINGS_PAGE);
    expect(ctx.openSettings).toHaveBeenCalledTimes(1);
    expect(ctx.closeSettings).toHaveBeenCalledTimes(1);
  });
});
