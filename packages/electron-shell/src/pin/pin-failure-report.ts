/**
 * Tells the hub about a wrong settings PIN (POST /api/devices/me/pin-failures, kept in
 * its audit log with the device as the actor). Best effort: an unreachable hub or a
 * shell without a token must never change what the lock does, so failures are only
 * logged.
 */
import type { PinFailure } from './pin-lock.js';

export interface PinFailureTarget {
  hubUrl: string;
  token?: string | null;
}

export async function reportPinFailure(
  target: PinFailureTarget | null,
  failure: PinFailure,
  options: { fetch?: typeof fetch; timeoutMs?: number; log?: (message: string) => void } = {},
): Promise<boolean> {
  const log = options.log ?? (() => {});
  if (!target?.token) return false;
  const doFetch = options.fetch ?? fetch;
  try {
    const response = await doFetch(`${target.hubUrl}/api/devices/me/pin-failures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${target.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ failures: failure.failures, lockedForMs: failure.lockedForMs }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    if (!response.ok) log(`the hub did not record the wrong PIN (HTTP ${response.status})`);
    return response.ok;
  } catch (error) {
    log(`could not report the wrong PIN to the hub: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
