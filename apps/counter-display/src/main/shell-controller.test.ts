import { describe, expect, it } from 'vitest';
import { ShellController, type ShellWindow } from './shell-controller.js';
import { parseShellSettings, type ShellSettings } from './settings-schema.js';

function settings(extra: Record<string, unknown>): ShellSettings {
  const parsed = parseShellSettings({ hubUrl: 'http://10.0.0.2:8080', token: 'lys_tokentoken', ...extra });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.settings;
}

class FakeWindow implements ShellWindow {
  readonly loads: string[] = [];
  fullscreen = false;
  kiosk = false;
  async loadURL(url: string) {
    this.loads.push(url);
  }
  setFullScreen(flag: boolean) {
    this.fullscreen = flag;
  }
  setKiosk(flag: boolean) {
    this.kiosk = flag;
  }
}

function setup(stored: ShellSettings | null) {
  const window = new FakeWindow();
  const log: string[] = [];
  let current = stored;
  const autostart: boolean[] = [];
  const controller = new ShellController({
    window,
    currentSettings: () => current,
    startDevices: (s) => {
      log.push(`devices ${s.role}`);
      return { stop: async () => void log.push(`devices stopped ${s.role}`) };
    },
    applyAutostart: (enabled) => autostart.push(enabled),
    log: (m) => log.push(m),
  });
  return { window, controller, log, autostart, store: (s: ShellSettings) => (current = s) };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ShellController', () => {
  it('opens the settings screen, windowed, when nothing is configured', () => {
    const { window, controller } = setup(null);
    controller.start();
    expect(window.loads).toEqual(['layso://app/counter/settings']);
    expect(window.fullscreen).toBe(false);
    expect(controller.allowedOrigins()).toEqual(['layso://app']);
  });

  it('opens a configured board from the hub, fullscreen, with autostart', async () => {
    const { window, controller, autostart, log } = setup(settings({ role: 'board', areas: ['tang-3'] }));
    controller.start();
    await flush();
    expect(window.loads).toEqual(['http://10.0.0.2:8080/board?area=tang-3#token=lys_tokentoken']);
    expect(window).toMatchObject({ fullscreen: true, kiosk: true });
    expect(autostart).toEqual([true]);
    expect(log).toEqual(['devices board']);
    expect(controller.allowedOrigins()).toEqual(['layso://app', 'http://10.0.0.2:8080']);
  });

  it('keeps a board in kiosk mode and fullscreen on Ctrl+Alt+S until the PIN is accepted', () => {
    const { window, controller } = setup(settings({ role: 'board' }));
    controller.start();
    controller.showSettings();
    expect(window.loads.at(-1)).toBe('layso://app/counter/settings');
    expect(window).toMatchObject({ fullscreen: true, kiosk: true });
    controller.settingsUnlocked();
    expect(window).toMatchObject({ fullscreen: false, kiosk: false });
    controller.closeSettings();
    expect(window).toMatchObject({ fullscreen: true, kiosk: true });
    // An unlock reported while the role page shows changes nothing.
    controller.settingsUnlocked();
    expect(window).toMatchObject({ fullscreen: true, kiosk: true });
  });

  it('goes to settings and back, and restarts the devices after a save', async () => {
    const door = settings({ role: 'door', counter: 86 });
    const { window, controller, log, store } = setup(door);
    controller.start();
    controller.showSettings();
    controller.settingsUnlocked();
    expect(window.fullscreen).toBe(false);
    controller.closeSettings();
    expect(window.fullscreen).toBe(true);
    const consoleSettings = settings({ role: 'counter', counter: 86 });
    store(consoleSettings);
    controller.settingsSaved(consoleSettings);
    await flush();
    expect(log).toEqual(['devices door', 'devices stopped door', 'devices counter']);
    expect(window.loads.at(-1)).toBe('http://10.0.0.2:8080/counter?counter=86#token=lys_tokentoken');
    expect(window.fullscreen).toBe(false);
    expect(controller.currentUrl()).toBe(window.loads.at(-1));
  });
});
