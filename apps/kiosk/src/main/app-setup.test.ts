import { describe, expect, it, vi } from 'vitest';
import { configureApp } from './app-setup.js';

function fakeApp(locked = true) {
  return { requestSingleInstanceLock: () => locked, setLoginItemSettings: vi.fn(), quit: vi.fn() };
}

describe('configureApp', () => {
  it('starts at login and removes the menu', () => {
    const app = fakeApp();
    const menu = { setApplicationMenu: vi.fn() };
    expect(configureApp(app, menu)).toBe(true);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, openAsHidden: false });
    expect(menu.setApplicationMenu).toHaveBeenCalledWith(null);
  });

  it('quits when another kiosk instance is already running', () => {
    const app = fakeApp(false);
    expect(configureApp(app, { setApplicationMenu: vi.fn() })).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.setLoginItemSettings).not.toHaveBeenCalled();
  });
});
