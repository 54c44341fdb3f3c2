import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { isSupervised, keepAppRunning, lockDownApp } from './app-keeper.js';
import { createFakeElectron, preventable } from '../testing/fake-electron.js';

class FakeApp extends EventEmitter {
  calls: string[] = [];
  relaunch() {
    this.calls.push('relaunch');
  }
  exit(code = 0) {
    this.calls.push(`exit ${code}`);
  }
}

describe('app keeper', () => {
  it('refuses to close the window', () => {
    const app = new FakeApp();
    const window = new EventEmitter();
    keepAppRunning(app).keepWindow(window);
    const close = preventable();
    window.emit('close', close);
    expect(close.prevented).toBe(true);
  });

  it('starts the app again when its last window is gone or it quits', () => {
    const app = new FakeApp();
    keepAppRunning(app);
    app.emit('will-quit', preventable());
    app.emit('window-all-closed');
    expect(app.calls).toEqual(['relaunch', 'exit 0']);
  });

  it('restarts once on its own restart and lets the window close then', () => {
    const app = new FakeApp();
    const keeper = keepAppRunning(app);
    const window = new EventEmitter();
    keeper.keepWindow(window);
    keeper.restart();
    const close = preventable();
    window.emit('close', close);
    app.emit('will-quit', preventable());
    expect(close.prevented).toBe(false);
    expect(app.calls).toEqual(['relaunch', 'exit 0']);
  });

  it('does not come back when the operating system ends the session', () => {
    const app = new FakeApp();
    const keeper = keepAppRunning(app);
    const window = new EventEmitter();
    keeper.keepWindow(window);
    keeper.sessionEnding();
    const close = preventable();
    window.emit('close', close);
    app.emit('will-quit', preventable());
    app.emit('window-all-closed');
    expect(close.prevented).toBe(false);
    expect(app.calls).toEqual([]);
  });
});

describe('app keeper under an OS supervisor (LAYSO_SUPERVISED=1)', () => {
  it('reads the supervisor from the environment', () => {
    expect(isSupervised({ LAYSO_SUPERVISED: '1' })).toBe(true);
    expect(isSupervised({})).toBe(false);
    expect(isSupervised({ LAYSO_SUPERVISED: '0' })).toBe(false);
  });

  it('exits without relaunching on a quit, a lost window and its own restart: the supervisor starts the one next instance', () => {
    const { app } = createFakeElectron();
    const keeper = keepAppRunning(app, () => {}, { supervised: true });
    const window = new EventEmitter();
    keeper.keepWindow(window);
    const close = preventable();
    window.emit('close', close);
    expect(close.prevented).toBe(true);
    app.fire('will-quit');
    app.emit('window-all-closed');
    keeper.restart();
    expect(app.calls).toEqual(['exit 0', 'exit 0']);
  });

  it('still relaunches itself when nothing supervises it', () => {
    const { app } = createFakeElectron();
    keepAppRunning(app, () => {}, { supervised: false }).restart();
    expect(app.calls).toEqual(['relaunch', 'exit 0']);
  });
});

describe('app lockdown', () => {
  it('removes the application menu and its accelerators', () => {
    const menus: unknown[] = [];
    const app = { requestSingleInstanceLock: () => true, quit: () => menus.push('quit') };
    expect(lockDownApp(app, { setApplicationMenu: (menu) => menus.push(menu) })).toBe(true);
    expect(menus).toEqual([null]);
  });

  it('quits a second instance without touching the menu', () => {
    const calls: unknown[] = [];
    const app = { requestSingleInstanceLock: () => false, quit: () => calls.push('quit') };
    expect(lockDownApp(app, { setApplicationMenu: (menu) => calls.push(menu) })).toBe(false);
    expect(calls).toEqual(['quit']);
  });
});
