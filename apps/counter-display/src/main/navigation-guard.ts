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

/**
 * Where a role window may go: the hub's pages and the shell's own settings page. The
 * events are guarded by the lockdown shared with the kiosk (window-lockdown.ts).
 */
export function isAllowedNavigation(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}
