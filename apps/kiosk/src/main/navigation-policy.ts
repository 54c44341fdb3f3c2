/**
 * Where the kiosk window may go. Only the hub's own pages and the shell's local
 * pages are allowed; a link, a redirect or a script trying anything else is refused,
 * and no page may open a second window.
 */
export interface NavigationContext {
  /** `http://192.168.1.10:8080`, or null before the kiosk is configured. */
  hubOrigin: string | null;
  /** file:// URLs of the shell's own pages (settings, offline). */
  localPages: readonly string[];
}

export type PageKind = 'hub' | 'local' | 'other';

function withoutHashAndQuery(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export function pageKind(target: string, context: NavigationContext): PageKind {
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'other';
  }
  if ((url.protocol === 'http:' || url.protocol === 'https:') && context.hubOrigin !== null && url.origin === context.hubOrigin) return 'hub';
  if (url.protocol === 'file:') {
    const page = withoutHashAndQuery(url);
    if (context.localPages.some((local) => withoutHashAndQuery(new URL(local)) === page)) return 'local';
  }
  return 'other';
}

export function isAllowedNavigation(target: string, context: NavigationContext): boolean {
  return pageKind(target, context) !== 'other';
}

/**
 * window.open / target=_blank: always refused. A second window would have no kiosk
 * hardening and could hide the kiosk page; a same-hub link is opened in place instead.
 */
export function windowOpenDecision(target: string, context: NavigationContext): { action: 'deny'; navigateInPlace: boolean } {
  return { action: 'deny', navigateInPlace: pageKind(target, context) === 'hub' };
}
