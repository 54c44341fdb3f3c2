/**
 * Per-window refusals of both shells, against the part of Electron's WebContents they
 * use: a link, a server redirect or a script may only reach the hub and the shell's
 * own pages; no second window, no <webview>, no Bluetooth picker; every key goes
 * through the shared key filter.
 */
import { classifyKey, type KeyInput, type KeyPolicy } from './key-filter.js';
import type { PreventableEvent } from './session-lockdown.js';

/** WebContents satisfies it through its NodeEventEmitter `on(eventName, listener)`; arguments are read as unknown. */
export interface LockableContents {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ContentsLockdownOptions {
  /** May the window go to this URL (hub origin or a local page)? */
  isAllowed(url: string): boolean;
  /** The key policy of what the window shows now (settings screen: editing). */
  keyPolicy(): KeyPolicy;
  onSettingsShortcut(): void;
  /** window.open / target=_blank to an allowed page: opened in place by the caller, else refused. */
  onOpenAllowed?(url: string): void;
  log?(message: string): void;
}

export function lockDownContents(contents: LockableContents, options: ContentsLockdownOptions): void {
  const log = options.log ?? (() => {});
  const refuse = (kind: string, event: PreventableEvent, url: unknown) => {
    if (typeof url === 'string' && options.isAllowed(url)) return;
    event.preventDefault();
    log(`blocked ${kind} to ${String(url)}`);
  };
  contents.on('will-navigate', (...args) => refuse('navigation', args[0] as PreventableEvent, args[1]));
  // A server's 302 to another site is a navigation the page never asked for.
  contents.on('will-redirect', (...args) => refuse('redirect', args[0] as PreventableEvent, args[1]));
  contents.on('will-frame-navigate', (...args) => {
    const event = args[0] as PreventableEvent & { url?: unknown };
    refuse('frame navigation', event, event.url);
  });
  contents.on('will-attach-webview', (...args) => (args[0] as PreventableEvent).preventDefault());
  contents.on('select-bluetooth-device', (...args) => {
    (args[0] as PreventableEvent).preventDefault();
    (args[2] as (deviceId: string) => void)('');
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (options.isAllowed(url) && options.onOpenAllowed) options.onOpenAllowed(url);
    else log(`blocked new window for ${url}`);
    return { action: 'deny' };
  });
  contents.on('before-input-event', (...args) => {
    const [event, input] = args as [PreventableEvent, KeyInput];
    const decision = classifyKey(input, options.keyPolicy());
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-settings') options.onSettingsShortcut();
  });
}
