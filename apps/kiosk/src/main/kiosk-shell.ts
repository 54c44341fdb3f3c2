/**
 * What the kiosk window does over its life, written against the few parts of
 * Electron's BrowserWindow it uses so it runs in tests without Electron: which page
 * to show, what to refuse, and how to recover from crashes and an unreachable hub.
 */
import { closeWhenIdle, lockDownContents, type KeyInput } from '@layso/electron-shell';
import { isAllowedNavigation, pageKind, type NavigationContext, type PageKind } from './navigation-policy.js';
import type { SettingsService } from './settings-service.js';
import { kioskPageUrl } from './window-options.js';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void): unknown;
  on(event: 'did-fail-load', listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void): unknown;
  on(event: 'before-input-event', listener: (event: PreventableEvent, input: KeyInput) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
  loadURL(url: string): Promise<void>;
  loadFile(filePath: string): Promise<void>;
  getURL(): string;
}

export interface KioskWindowLike {
  webContents: WebContentsLike;
  on(event: 'unresponsive', listener: () => void): unknown;
}

export interface KioskShellOptions {
  window: KioskWindowLike;
  settings: SettingsService;
  /** Absolute paths of the shell's local pages. */
  pages: { settings: string; offline: string };
  toFileUrl(path: string): string;
  log(message: string): void;
  /** How long the offline page waits before trying the hub again. */
  retryMs?: number;
  /** A settings screen without input for this long goes back to the kiosk page (default 60 s). */
  settingsIdleMs?: number;
  setTimeout?(callback: () => void, ms: number): unknown;
  clearTimeout?(handle: unknown): void;
}

export interface KioskShell {
  showKiosk(): void;
  showSettings(): void;
  senderKind(url: string): PageKind;
  context(): NavigationContext;
}

/** Chromium's "navigation aborted" (a newer load replaced this one): not a failure. */
const ERR_ABORTED = -3;

export function createKioskShell(options: KioskShellOptions): KioskShell {
  const { window, settings, log } = options;
  const contents = window.webContents;
  const retryMs = options.retryMs ?? 5_000;
  const schedule = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
  const cancel = options.clearTimeout ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
  let mode: 'kiosk' | 'settings' = 'kiosk';
  let retry: unknown = null;

  const context = (): NavigationContext => ({
    hubOrigin: settings.current()?.hubUrl ?? null,
    localPages: [options.toFileUrl(options.pages.settings), options.toFileUrl(options.pages.offline)],
  });

  const load = (what: Promise<void>) => {
    // Failures are handled by did-fail-load; the promise only reports them again.
    what.catch(() => undefined);
  };

  const clearRetry = () => {
    if (retry !== null) cancel(retry);
    retry = null;
  };

  // Declared before use by showKiosk/showSettings below (function hoisting would not cover a const).
  const idle = closeWhenIdle(contents, {
    idleMs: options.settingsIdleMs,
    timers: { setTimeout: schedule, clearTimeout: cancel },
    onIdle: () => {
      if (mode !== 'settings') return;
      log('settings screen idle: back to the kiosk page');
      showKiosk();
    },
  });

  function showKiosk(): void {
    clearRetry();
    idle.disarm();
    const current = settings.current();
    if (!current) {
      log(`no usable settings (${settings.problems().join('; ') || 'first start'}): showing the settings screen`);
      showSettings();
      return;
    }
    mode = 'kiosk';
    load(contents.loadURL(kioskPageUrl(current)));
  }

  function showSettings(): void {
    clearRetry();
    mode = 'settings';
    // First start (nothing stored): the technician is setting it up, there is nothing to go back to.
    if (settings.current()) idle.arm();
    load(contents.loadFile(options.pages.settings));
  }

  // Navigation, redirects, new windows, webviews and keys: the lockdown both shells share.
  lockDownContents(contents, {
    isAllowed: (url) => isAllowedNavigation(url, context()),
    keyPolicy: () => ({ editing: mode === 'settings' }),
    onSettingsShortcut: showSettings,
    // A same-hub link with target=_blank is opened in place: a second window would have no hardening.
    onOpenAllowed: (url) => {
      if (pageKind(url, context()) === 'hub') load(contents.loadURL(url));
    },
    log,
  });
  contents.on('render-process-gone', (_event, details) => {
    log(`renderer gone (${details.reason}): reloading`);
    if (mode === 'kiosk') showKiosk();
    else showSettings();
  });
  window.on('unresponsive', () => {
    log('renderer unresponsive: reloading');
    if (mode === 'kiosk') showKiosk();
  });
  contents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    if (!isMainFrame || errorCode === ERR_ABORTED || mode !== 'kiosk') return;
    log(`cannot load ${url} (${errorDescription}): showing the offline page, retrying in ${retryMs} ms`);
    load(contents.loadFile(options.pages.offline));
    clearRetry();
    retry = schedule(() => {
      retry = null;
      if (mode === 'kiosk') showKiosk();
    }, retryMs);
  });
  // No pinch or ctrl+wheel zoom on the touchscreen.
  contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);

  return {
    showKiosk,
    showSettings,
    senderKind: (url) => pageKind(url, context()),
    context,
  };
}
