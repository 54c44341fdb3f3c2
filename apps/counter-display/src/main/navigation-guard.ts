import type { EmitterLike, PreventableEvent } from './emitter-like.js';

export interface GuardedContents extends EmitterLike {
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * scheme://host of a URL. URL.origin is "null" for custom schemes like the shell's
 * own `layso://app`, which would make every custom-scheme page look alike.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isAllowedNavigation(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}

/**
 * A role window shows the hub's pages and the shell's own settings page, nothing
 * else: a link, a redirect or window.open to anywhere else is refused, new windows
 * are never opened, and <webview> cannot be attached.
 */
export function guardNavigation(contents: GuardedContents, allowedOrigins: () => readonly string[], log: (message: string) => void = () => {}): void {
  const check = (...args: unknown[]) => {
    const [event, url] = args as [PreventableEvent, string];
    if (isAllowedNavigation(url, allowedOrigins())) return;
    event.preventDefault();
    log(`blocked navigation to ${url}`);
  };
  contents.on('will-navigate', check);
  contents.on('will-redirect', check);
  contents.on('will-attach-webview', (...args: unknown[]) => (args[0] as PreventableEvent).preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    log(`blocked new window for ${url}`);
    return { action: 'deny' };
  });
}
