import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { SHORTCUTS } from '../renderer/console/shortcuts.js';
import { parseShellSettings, type ShellSettings } from './settings-schema.js';
import { ShellController, type ShellWindow } from './shell-controller.js';
import { CONSOLE_FUNCTION_KEYS, lockDownShellWindow } from './window-lockdown.js';

class FakeWindow extends EventEmitter implements ShellWindow {
  readonly loads: string[] = [];
  fullscreen = false;
  kiosk = false;
  openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  async loadURL(url: string) {
    this.loads.push(url);
  }
  setFullScreen(flag: boolean) {
    this.fullscreen = flag;
  }
  setKiosk(flag: boolean) {
    this.kiosk = flag;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
    this.openHandler = handler;
  }
  /** Emits an event with a preventable first argument; true when it was let through. */
  fire(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return !prevented;
  }
  key(key: string, mods: { control?: boolean; shift?: boolean; alt?: boolean } = {}): boolean {
    return this.fire('before-input-event', { type: 'keyDown', key, control: false, shift: false, alt: false, meta: false, ...mods });
  }
}

function settings(extra: Record<string, unknown>): ShellSettings {
  const parsed = parseShellSettings({ hubUrl: 'http://10.0.0.2:8080', token: 'lys_tokentoken', ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.settings;
}

function setup(stored: ShellSettings | null) {
  // The window doubles as its webContents here: one emitter for both.
  const window = new FakeWindow();
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const idle = lockDownShellWindow(window, () => controller, {
    timers: {
      setTimeout: (fn, ms) => {
        const timer = { fn, ms, cleared: false };
        timers.push(timer);
        return timer;
      },
      clearTimeout: (timer) => void ((timer as { cleared: boolean }).cleared = true),
    },
  });
  const controller: ShellController = new ShellController({ window, currentSettings: () => stored, startDevices: () => null, applyAutostart: () => {}, log: () => {}, settingsIdle: idle });
  controller.start();
  const liveTimer = () => timers.filter((t) => !t.cleared).at(-1);
  return { window, controller, liveTimer };
}

describe('counter display window lockdown', () => {
  it('blocks devtools, reload, close, quit and fullscreen keys on a hall board', () => {
    const { window } = setup(settings({ role: 'board' }));
    expect(window.key('I', { control: true, shift: true })).toBe(false);
    expect(window.key('r', { control: true })).toBe(false);
    expect(window.key('w', { control: true })).toBe(false);
    expect(window.key('q', { control: true })).toBe(false);
    expect(window.key('F11')).toBe(false);
    expect(window.key('F12')).toBe(false);
    expect(window.key('F1')).toBe(false);
  });

  it("lets the clerk's console use its own F-keys, and only those", () => {
    const { window } = setup(settings({ role: 'counter', counter: 86 }));
    const rendererKeys = Object.values(SHORTCUTS)
      .flat()
      .filter((k) => /^F\d+$/.test(k));
    expect([...CONSOLE_FUNCTION_KEYS].sort()).toEqual([...rendererKeys].sort());
    for (const key of CONSOLE_FUNCTION_KEYS) expect(window.key(key), key).toBe(true);
    expect(window.key('F11')).toBe(false);
    expect(window.key('Enter')).toBe(true);
  });

  it('opens the settings on Ctrl+Alt+S, still fullscreen and in kiosk mode', () => {
    const { window, controller } = setup(settings({ role: 'board' }));
    expect(window.key('s', { control: true, alt: true })).toBe(false);
    expect(controller.showing).toBe('settings');
    expect(window.loads.at(-1)).toBe('layso://app/counter/settings');
    expect(window).toMatchObject({ fullscreen: true, kiosk: true });
    // Pasting a token on the settings screen is allowed; reload still is not.
    expect(window.key('v', { control: true })).toBe(true);
    expect(window.key('r', { control: true })).toBe(false);
  });

  it('follows navigations and redirects to the hub and the settings page only', () => {
    const { window } = setup(settings({ role: 'board' }));
    expect(window.fire('will-redirect', 'http://10.0.0.2:8080/board')).toBe(true);
    expect(window.fire('will-redirect', 'https://evil.example/')).toBe(false);
    expect(window.fire('will-navigate', 'layso://app/counter/settings')).toBe(true);
    expect(window.fire('will-navigate', 'file:///etc/passwd')).toBe(false);
    expect(window.openHandler!({ url: 'http://10.0.0.2:8080/board' })).toEqual({ action: 'deny' });
  });

  it('closes an idle settings screen after a minute, counting from the last input', () => {
    const { window, controller, liveTimer } = setup(settings({ role: 'door', counter: 86 }));
    controller.showSettings();
    controller.settingsUnlocked();
    expect(liveTimer()?.ms).toBe(60_000);
    const before = liveTimer();
    window.emit('input-event', {}, { type: 'mouseMove' });
    expect(liveTimer()).not.toBe(before);
    liveTimer()!.fn();
    expect(controller.showing).toBe('door');
    expect(window).toMatchObject({ fullscreen: true, kiosk: true });
  });

  it('never closes the first-start settings screen', () => {
    const { controller, liveTimer } = setup(null);
    expect(controller.showing).toBe('settings');
    expect(liveTimer()).toBeUndefined();
  });
});
