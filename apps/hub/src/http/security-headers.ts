import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/**
 * What the hub's pages may load: only their own origin (scripts, styles, the socket.io
 * connection, voice clips), plus data: images (QR codes, the blank favicon). No page
 * may be framed: the admin console keeps its session token in localStorage, so a
 * framing page could trick an administrator into clicks.
 */
function policy(scriptHashes: readonly string[], styleHashes: readonly string[]): string {
  const extra = (hashes: readonly string[]) => hashes.map((hash) => ` 'sha256-${hash}'`).join('');
  return [
    "default-src 'self'",
    `script-src 'self'${extra(scriptHashes)}`,
    `style-src 'self'${extra(styleHashes)}`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy of every answer that is not an HTML page (JSON, assets, socket.io, errors). */
export const DEFAULT_CSP = policy([], []);

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

/**
 * The policy of one HTML page: its own inline `<style>` and `<script>` blocks are
 * allowed by hash (the kiosk paints its dark boot screen with one before the script
 * runs), nothing else inline.
 */
export function pageCsp(html: string): string {
  const styles = [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1]!));
  const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)(?:\s[^>]*)?>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1]!)
    .filter((text) => text !== '')
    .map(sha256);
  return policy(scripts, styles);
}

/** Set on every answer before anyone writes it; a page replaces the CSP with its own. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', DEFAULT_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  // For browsers older than frame-ancestors (some kiosk and board WebViews).
  res.setHeader('X-Frame-Options', 'DENY');
}
