/** A request target every part of the hub reads the same way. */
export interface CanonicalTarget {
  /** The path exactly as sent; parts compare it literally (route segments, mount prefixes). */
  pathname: string;
  search: URLSearchParams;
}

export type TargetCheck = { ok: true; target: CanonicalTarget } | { ok: false; reason: string };

/** Encoded dot, slash, backslash and NUL: each lets a path mean one thing before decoding and another after. */
const ENCODED_SEPARATOR = /%(2e|2f|5c|00)/i;

/**
 * Accepts a request target only when it has one meaning: an origin-form path
 * (starts with `/`) with no dot segments, no encoded dots/slashes/backslashes/NUL, no
 * backslash, no empty segment (a trailing slash is fine) and no fragment (other
 * malformed percent-encoding simply matches no route: 404). Anything else is refused, not normalised: socket.io, the API
 * router, the HTTPS-only guard and the static files once each read a differently
 * normalised path, and a path that meant `/socket.io/` to one and `/` to another
 * crashed the hub.
 */
export function checkTarget(rawUrl: string | undefined): TargetCheck {
  const url = rawUrl ?? '';
  if (!url.startsWith('/')) return { ok: false, reason: 'the request target must be a path starting with /' };
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt + 1);
  if (path.includes('\\') || path.includes('\0') || url.includes('#')) return { ok: false, reason: 'the path holds a backslash, NUL or fragment' };
  if (ENCODED_SEPARATOR.test(path)) return { ok: false, reason: 'the path holds an encoded dot, slash, backslash or NUL' };
  const segments = path.slice(1).split('/');
  for (const [i, segment] of segments.entries()) {
    if (segment === '.' || segment === '..') return { ok: false, reason: 'the path holds a dot segment' };
    if (segment === '' && i < segments.length - 1) return { ok: false, reason: 'the path holds an empty segment (//)' };
  }
  return { ok: true, target: { pathname: path, search: new URLSearchParams(query) } };
}

/** Who answers a canonical path. Decided once, in one place (hub-listener.ts). */
export type Owner = 'realtime' | 'api' | 'web';

/** The path socket.io's engine answers (long-polling and the websocket upgrade). */
export const REALTIME_PATH = '/socket.io/';

export function ownerOf(pathname: string): Owner {
  if (pathname === '/socket.io' || pathname.startsWith('/socket.io/')) return 'realtime';
  if (pathname === '/api' || pathname.startsWith('/api/')) return 'api';
  return 'web';
}
