import { APP_ORIGIN, SETTINGS_URL } from './app-protocol.js';
import type { CounterDevices } from './counter-devices.js';
import { hubOrigin, roleUrl } from './role-url.js';
import type { ShellSettings } from './settings-schema.js';
import { isFullscreenMode, type WindowMode } from './window-options.js';

/** The BrowserWindow calls the controller makes. */
export interface ShellWindow {
  loadURL(url: string): Promise<void>;
  setFullScreen(flag: boolean): void;
  setKiosk(flag: boolean): void;
}

export interface ShellControllerDeps {
  window: ShellWindow;
  /** The stored, validated settings (null until the shell is set up). */
  currentSettings(): ShellSettings | null;
  startDevices(settings: ShellSettings): CounterDevices | null;
  applyAutostart(enabled: boolean): void;
  log(message: string, error?: unknown): void;
  /** Counts idle time while a settings screen of a configured shell shows (closeWhenIdle). */
  settingsIdle?: { arm(): void; disarm(): void };
}

/**
 * What the one shell window shows: the role page from the hub once configured, else
 * the settings screen; back and forth on Ctrl+Alt+S, and a restart of the serial
 * devices and autostart after each save. Plain logic; electron/main.ts wires it.
 */
export class ShellController {
  private mode: WindowMode = 'settings';
  private url: string | null = null;
  private devices: CounterDevices | null = null;
  /** Device restarts run one after another: two quick saves must not leave two drivers on one port. */
  private deviceChain: Promise<void> = Promise.resolve();

  constructor(private readonly deps: ShellControllerDeps) {}

  /** Shows the role page, or the settings screen when nothing valid is stored. */
  start(): void {
    const settings = this.deps.currentSettings();
    if (!settings) {
      this.showSettings();
      return;
    }
    this.apply(settings);
  }

  /**
   * Ctrl+Alt+S: the settings screen, behind its PIN. A board or a door screen stays in
   * kiosk mode and fullscreen until the PIN is accepted (settingsUnlocked), so the
   * chord alone never hands a passer-by the desktop.
   */
  showSettings(): void {
    this.show('settings', SETTINGS_URL, { keepFullscreen: true });
  }

  /** The right PIN was typed (or none is set yet): the settings screen may leave kiosk mode. */
  settingsUnlocked(): void {
    if (this.mode !== 'settings') return;
    // The minute starts again from the unlock.
    if (this.deps.currentSettings()) this.deps.settingsIdle?.arm();
    this.deps.window.setKiosk(false);
    this.deps.window.setFullScreen(false);
  }

  /** What the window shows now ('settings' for the settings screen). */
  get showing(): WindowMode {
    return this.mode;
  }

  /** "Đóng" on the settings screen: back to the role page if there is one. */
  closeSettings(): void {
    const settings = this.deps.currentSettings();
    if (settings) this.show(settings.role, roleUrl(settings));
  }

  settingsSaved(settings: ShellSettings): void {
    this.apply(settings);
  }

  /** The page the window should be showing (reloaded by the page keeper after a crash). */
  currentUrl(): string | null {
    return this.url;
  }

  get currentMode(): WindowMode {
    return this.mode;
  }

  /** The hub's origin and the shell's own: all a window may navigate to. */
  allowedOrigins(): string[] {
    const settings = this.deps.currentSettings();
    return settings ? [APP_ORIGIN, hubOrigin(settings)] : [APP_ORIGIN];
  }

  async stop(): Promise<void> {
    this.deviceChain = this.deviceChain.then(async () => {
      const devices = this.devices;
      this.devices = null;
      await devices?.stop();
    });
    await this.deviceChain;
  }

  private apply(settings: ShellSettings): void {
    this.deviceChain = this.deviceChain.then(() => this.restartDevices(settings));
    try {
      this.deps.applyAutostart(settings.autostart);
    } catch (error) {
      this.deps.log('could not set autostart', error);
    }
    this.show(settings.role, roleUrl(settings));
  }

  private async restartDevices(settings: ShellSettings): Promise<void> {
    const previous = this.devices;
    this.devices = null;
    // The old drivers release their serial ports before the new ones open them.
    await previous?.stop().catch((error: unknown) => this.deps.log('stopping serial devices failed', error));
    try {
      this.devices = this.deps.startDevices(settings);
    } catch (error) {
      this.deps.log('starting serial devices failed', error);
    }
  }

  private show(mode: WindowMode, url: string, options: { keepFullscreen?: boolean } = {}): void {
    this.mode = mode;
    this.url = url;
    if (mode === 'settings' && this.deps.currentSettings()) this.deps.settingsIdle?.arm();
    else this.deps.settingsIdle?.disarm();
    if (!options.keepFullscreen) {
      const fullscreen = isFullscreenMode(mode);
      this.deps.window.setKiosk(fullscreen);
      this.deps.window.setFullScreen(fullscreen);
    }
    // A failed load is retried by the page keeper (did-fail-load).
    this.deps.window.loadURL(url).catch(() => undefined);
  }
}
