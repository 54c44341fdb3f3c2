import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKioskShell, type KioskWindowLike, type PreventableEvent } from './kiosk-shell.js';
import { saveSettingsFile } from './settings-file.js';
import { createSettingsService } from './settings-service.js';
import { tempDir, validSettings } from './test-support.js';

class FakeContents extends EventEmitter {
  loads: string[] = [];
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  zoomLimits: number[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  async setVisualZoomLevelLimits(min: number, max: number) {
    this.zoomLimits = [min, max];
  }
  async loadURL(url: string) {
    this.loads.push(url);
  }
  async loadFile(path: string) {
    this.loads.push(pathToFileURL(path).href);
  }
  getURL() {
    return this.loads.at(-1) ?? '';
  }
}

function preventable(): PreventableEvent & { prevented: boolean } {
  const event = { prevented: false, preventDefault: () => (event.prevented = true) };
  return event;
}

const PAGES = { settings: '/app/settings.html', offline: '/app/offline.html' };
const SETTINGS_URL = pathToFileURL(PAGES.settings).href;
const OFFLINE_URL = pathToFileURL(PAGES.offline).href;
const KIOSK_URL = 'http://192.168.1.10:8080/kiosk/#token=kiosk-token-abc';

let dir: ReturnType<typeof tempDir>;
beforeEach(() => {
  dir = tempDir();
});
afterEach(() => dir.remove());

function setup(configured = true) {
  const file = join(dir.path, 'kiosk-settings.json');
  if (configured) saveSettingsFile(file, validSettings());
  const contents = new FakeContents();
  const windowEvents = new EventEmitter();
  const window = { webContents: contents, on: windowEvents.on.bind(windowEvents) } as unknown as KioskWindowLike;
  const timers: { callback: () => void; ms: number }[] = [];
  const logs: string[] = [];
  const shell = createKioskShell({
    window,
    settings: createSettingsService({ file }),
    pages: PAGES,
    toFileUrl: (path) => pathToFileURL(path).href,
    log: (message) => logs.push(message),
    retryMs: 5_000,
    setTimeout: (callback, ms) => timers.push({ callback, ms }),
    clearTimeout: () => undefined,
  });
  return { shell, contents, windowEvents, timers, logs };
}

describe('kiosk shell', () => {
  it('loads the hub kiosk page when configured', () => {
    const { shell, contents } = setup();
    shell.showKiosk();
    expect(contents.loads).toEqual([KIOSK_URL]);
  });

  it('shows the settings page on first start', () => {
    const { shell, contents } = setup(false);
    shell.showKiosk();
    expect(contents.loads).toEqual([SETTINGS_URL]);
  });

  it('blocks navigation away from the hub and the local pages', () => {
    const { contents } = setup();
    const away = preventable();
    contents.emit('will-navigate', away, 'https://example.com/');
    expect(away.prevented).toBe(true);
    const hub = preventable();
    contents.emit('will-navigate', hub, 'http://192.168.1.10:8080/kiosk/');
    expect(hub.prevented).toBe(false);
  });

  it('follows server redirects within the hub only', () => {
    const { contents } = setup();
    const away = preventable();
    contents.emit('will-redirect', away, 'https://evil.example/kiosk/');
    const hub = preventable();
    contents.emit('will-redirect', hub, 'http://192.168.1.10:8080/kiosk/?lang=vi');
    expect([away.prevented, hub.prevented]).toEqual([true, false]);
  });

  it('blocks devtools, print and fullscreen keys', () => {
    const { contents } = setup();
    for (const input of [
      { key: 'I', control: true, shift: true },
      { key: 'p', control: true, shift: false },
      { key: 'F11', control: false, shift: false },
      { key: 'F12', control: false, shift: false },
    ]) {
      const event = preventable();
      contents.emit('before-input-event', event, { type: 'keyDown', meta: false, alt: false, ...input });
      expect(event.prevented, input.key).toBe(true);
    }
  });

  it('denies every new window', () => {
    const { contents } = setup();
    expect(contents.openHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler!({ url: 'http://192.168.1.10:8080/kiosk/' })).toEqual({ action: 'deny' });
    // The same-hub link is opened in place instead.
    expect(contents.loads).toEqual(['http://192.168.1.10:8080/kiosk/']);
  });

  it('reloads the kiosk page when the renderer crashes or hangs', () => {
    const { shell, contents, windowEvents } = setup();
    shell.showKiosk();
    contents.emit('render-process-gone', {}, { reason: 'crashed' });
    windowEvents.emit('unresponsive');
    expect(contents.loads).toEqual([KIOSK_URL, KIOSK_URL, KIOSK_URL]);
  });

  it('shows the offline page when the hub cannot be reached and tries again later', () => {
    const { shell, contents, timers } = setup();
    shell.showKiosk();
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', KIOSK_URL, true);
    expect(contents.loads).toEqual([KIOSK_URL, OFFLINE_URL]);
    expect(timers).toHaveLength(1);
    expect(timers[0]!.ms).toBe(5_000);
    timers[0]!.callback();
    expect(contents.loads).toEqual([KIOSK_URL, OFFLINE_URL, KIOSK_URL]);
  });

  it('ignores aborted loads and sub-frame failures', () => {
    const { shell, contents, timers } = setup();
    shell.showKiosk();
    contents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', KIOSK_URL, true);
    contents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', 'http://x/frame', false);
    expect(contents.loads).toEqual([KIOSK_URL]);
    expect(timers).toHaveLength(0);
  });

  it('blocks shortcuts and opens the settings on the technician shortcut', () => {
    const { contents } = setup();
    const reload = preventable();
    contents.emit('before-input-event', reload, { type: 'keyDown', key: 'r', control: true, meta: false, alt: false, shift: false });
    expect(reload.prevented).toBe(true);
    const digit = preventable();
    contents.emit('before-input-event', digit, { type: 'keyDown', key: '5', control: false, meta: false, alt: false, shift: false });
    expect(digit.prevented).toBe(false);
    const settings = preventable();
    contents.emit('before-input-event', settings, { type: 'keyDown', key: 's', control: true, meta: false, alt: true, shift: false });
    expect(contents.loads).toEqual([SETTINGS_URL]);
    // On the settings screen a technician may paste the token.
    const paste = preventable();
    contents.emit('before-input-event', paste, { type: 'keyDown', key: 'v', control: true, meta: false, alt: false, shift: false });
    expect(paste.prevented).toBe(false);
  });

  it('closes an idle settings screen after a minute, not one in use', () => {
    const { shell, contents, timers } = setup();
    shell.showSettings();
    const idleTimer = () => timers.filter((t) => t.ms === 60_000).at(-1)!;
    const first = idleTimer();
    contents.emit('input-event', {}, { type: 'mouseDown' });
    // Input restarted the count: the first timer is stale, the new one closes the screen.
    expect(idleTimer()).not.toBe(first);
    idleTimer().callback();
    expect(contents.loads).toEqual([SETTINGS_URL, KIOSK_URL]);
  });

  it('keeps the first-start settings screen open however long it takes', () => {
    const { shell, timers } = setup(false);
    shell.showKiosk();
    expect(timers.filter((t) => t.ms === 60_000)).toEqual([]);
  });

  it('locks the zoom level', () => {
    expect(setup().contents.zoomLimits).toEqual([1, 1]);
  });

  it('knows which page sent an IPC call', () => {
    const { shell } = setup();
    expect(shell.senderKind('http://192.168.1.10:8080/kiosk/')).toBe('hub');
    expect(shell.senderKind(SETTINGS_URL)).toBe('local');
    expect(shell.senderKind('http://evil/')).toBe('other');
  });
});
