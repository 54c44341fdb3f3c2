import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@layso/shared';
import { signRequest } from './request-signature.js';

export interface SignedFetchOptions {
  baseUrl: string;
  secret: string;
  /** Bearer token (the hub's portal-role token when calling the hub). */
  token?: string;
  now?: () => number;
}

/**
 * fetch with the layso signature headers: used by the portal simulator to call the
 * hub, and by the hub to call a portal in pull mode and for upstream pushes.
 */
export function createSignedFetch(options: SignedFetchOptions) {
  const now = options.now ?? Date.now;
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> => {
    const text = body === undefined ? '' : JSON.stringify(body);
    const timestamp = String(now());
    const headers: Record<string, string> = {
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signRequest(options.secret, timestamp, method, path, text),
    };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (text) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${options.baseUrl}${path}`, { method, headers, body: text || undefined, signal: AbortSignal.timeout(10_000) });
    const raw = await response.text();
    return { status: response.status, json: parseOrText(raw) };
  };
}

function parseOrText(raw: string): unknown {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}
