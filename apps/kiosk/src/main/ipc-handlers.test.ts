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

function setup() {
  const dir = tempDir();
  const file = join(dir.path, 'kiosk-settings.json');
  saveSettingsFile(file, validSettings());
  const settings = createSettingsService({ file });
  const driver = fakePrinterDriver();
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => unknown>();
  const openSettings = vi.fn();
  const closeSettings = vi.fn();
  registerIpcHandlers(
    { handle: (channel, listener) => handlers.set(channel, listener) },
    {
      printer: createPrinterService(() => settings.current(), driver),
      settings,
      senderKind: (url) => pageKind(url, { hubOrigin: 'http://192.168.1.10:8080', localPages: [SETTINGS_PAGE] }),
      openSettings,
      closeSettings,
    },
  );
  const invoke = (channel: string, from: string, ...args: unknown[]) => handlers.get(channel)!({ senderFrame: { url: from } }, ...args);
  return { dir, handlers, driver, invoke, openSettings, closeSettings };
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

  it('open-settings from the kiosk page and close-settings from the settings page switch pages', async () => {
    await ctx.invoke('open-settings', HUB_PAGE);
    await ctx.invoke('close-settings', SETTINGS_PAGE);
    expect(ctx.openSettings).toHaveBeenCalledTimes(1);
    expect(ctx.closeSettings).toHaveBeenCalledTimes(1);
  });
});
