import { describe, expect, it } from 'vitest';
import { windowOptions } from './window-options.js';

describe('windowOptions', () => {
  it('isolates and sandboxes every window', () => {
    for (const mode of ['counter', 'door', 'board', 'settings'] as const) {
      const prefs = windowOptions(mode, '/app/preload.js').webPreferences!;
      expect(prefs).toMatchObject({
        preload: '/app/preload.js',
        contextIsolation: true,
        nodeIntegration: false,
        sandbox: true,
        webSecurity: true,
        webviewTag: false,
        autoplayPolicy: 'no-user-gesture-required',
      });
    }
  });

  it('turns devtools off unless a technician asks for them', () => {
    for (const mode of ['counter', 'door', 'board', 'settings'] as const) {
      expect(windowOptions(mode, 'p').webPreferences!.devTools, mode).toBe(false);
    }
    expect(windowOptions('board', 'p', { devTools: true }).webPreferences!.devTools).toBe(true);
  });

  it('makes board and door screens fullscreen kiosks, and the console a window', () => {
    expect(windowOptions('board', 'p')).toMatchObject({ fullscreen: true, kiosk: true });
    expect(windowOptions('door', 'p')).toMatchObject({ fullscreen: true, kiosk: true });
    expect(windowOptions('counter', 'p')).toMatchObject({ fullscreen: false, kiosk: false });
    expect(windowOptions('settings', 'p')).toMatchObject({ fullscreen: false });
  });
});
