import { createHmac, timingSafeEqual } from 'node:crypto';
import { SIGNATURE_MAX_AGE_MS } from './schemas/portal.js';

/**
 * Node-only (node:crypto), so it is its own entry point, not part of the browser-safe
 * index. Used by the portal link and by hubs signing their stream to central.
 *
 * HMAC-SHA256 over `timestamp.METHOD.path.body` with the portal's shared secret.
 * Binding method and path (not only timestamp and body) stops a captured signature
 * for one endpoint from being replayed against another.
 */
export function signRequest(secret: string, timestamp: string, method: string, path: string, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${method.toUpperCase()}.${path}.${body}`).digest('hex');
  return `sha256=${mac}`;
}

export type SignatureProblem = 'missing' | 'stale' | 'mismatch';

/** Checks a signed request; returns the problem, or null when it is authentic and fresh. */
export function checkSignature(options: {
  secret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  method: string;
  path: string;
  body: string;
  now: number;
}): SignatureProblem | null {
  const { timestamp, signature } = options;
  if (!timestamp || !signature) return 'missing';
  const at = Number(timestamp);
  if (!/^\d{10,16}$/.test(timestamp) || Math.abs(options.now - at) > SIGNATURE_MAX_AGE_MS) return 'stale';
  const expected = Buffer.from(signRequest(options.secret, timestamp, options.method, options.path, options.body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given) ? null : 'mismatch';
}
