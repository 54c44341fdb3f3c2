/**
 * The shells' own Content-Security-Policy on every page of the hub they show, added
 * in the main process (session.webRequest.onHeadersReceived) so it holds whatever the
 * hub or anything between it and the screen sends: scripts only from the hub itself,
 * sockets only to the hub, no plugins, frames, foreign forms or <base> tricks. A
 * policy the hub sends too still applies (browsers enforce both).
 */
export function hubContentSecurityPolicy(hubOrigin: string): string {
  const host = new URL(hubOrigin).host;
  return [
    "default-src 'self'",
    "script-src 'self'",
    // The pages' boot screen is an inline <style> in index.html; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' data: blob:",
    `connect-src 'self' ws://${host} wss://${host}`,
    "worker-src 'self'",
    "object-src 'none'",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

export interface HeadersDetails {
  url: string;
  resourceType?: string;
  responseHeaders?: Record<string, string[] | string>;
}

export interface WebRequestLike {
  onHeadersReceived(handler: (details: HeadersDetails, callback: (response: { responseHeaders?: Record<string, string[] | string> }) => void) => void): void;
}

/** Documents (main frame, frames) from the hub get the policy; everything else passes unchanged. */
export function withHubCsp(details: HeadersDetails, hubOrigin: string | null): Record<string, string[] | string> | undefined {
  if (hubOrigin === null) return details.responseHeaders;
  let origin: string;
  try {
    origin = new URL(details.url).origin;
  } catch {
    return details.responseHeaders;
  }
  if (origin !== hubOrigin) return details.responseHeaders;
  if (details.resourceType !== undefined && details.resourceType !== 'mainFrame' && details.resourceType !== 'subFrame') return details.responseHeaders;
  return { ...details.responseHeaders, 'Content-Security-Policy': [hubContentSecurityPolicy(hubOrigin)] };
}

export function addHubCsp(webRequest: WebRequestLike, hubOrigin: () => string | null): void {
  webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withHubCsp(details, hubOrigin()) }));
}
