import type { CreatePairingRequest, PairingResult } from '@layso/shared';
import type { ApiClient } from '../api/api-client.js';
import { HubApiError } from '../api/hub-request.js';

export interface PairingCode {
  code: string;
  expiresAt: string;
}

export interface PairingTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface PairingOptions {
  request: CreatePairingRequest;
  api: Pick<ApiClient, 'createPairing' | 'pairingStatus'>;
  /** A (new) code to show. */
  onCode(code: PairingCode): void;
  /** The admin claimed the code: store `result.token` and go on. Called once; the loop has stopped. */
  onPaired(result: PairingResult): void;
  /** The hub cannot be reached right now (null when it can again); the loop keeps trying. */
  onProblem?(message: string | null): void;
  pollMs?: number;
  /** Ask for a fresh code this long before the shown one expires, so a typed code is never stale. */
  renewBeforeMs?: number;
  timers?: PairingTimers;
}

const browserTimers: PairingTimers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

/**
 * The device side of pairing, shared by the kiosk and the counter-display: ask for a
 * code, poll with the secret pairing id until the admin claims it, renew the code
 * before it expires (or when the hub forgot it, e.g. after a restart).
 */
export function startPairing(options: PairingOptions): { stop(): void } {
  const timers = options.timers ?? browserTimers;
  const pollMs = options.pollMs ?? 2_000;
  const renewBeforeMs = options.renewBeforeMs ?? 60_000;
  let current: { pairingId: string; expiresAt: number } | null = null;
  let handle: unknown = null;
  let stopped = false;
  let problem = false;

  const schedule = (ms: number) => {
    if (!stopped) handle = timers.setTimeout(() => void step(), ms);
  };
  const report = (message: string | null) => {
    if (problem === (message !== null)) return;
    problem = message !== null;
    options.onProblem?.(message);
  };

  async function step(): Promise<void> {
    try {
      if (current === null || timers.now() >= current.expiresAt - renewBeforeMs) {
        const created = await options.api.createPairing(options.request);
        if (stopped) return;
        current = { pairingId: created.pairingId, expiresAt: Date.parse(created.expiresAt) };
        report(null);
        options.onCode({ code: created.code, expiresAt: created.expiresAt });
      } else {
        const status = await options.api.pairingStatus(current.pairingId);
        if (stopped) return;
        report(null);
        if (status.status === 'paired') {
          stopped = true;
          options.onPaired(status);
          return;
        }
      }
    } catch (error) {
      if (stopped) return;
      // Expired or forgotten (hub restart): ask for a new code at once.
      if (error instanceof HubApiError && error.code === 'NOT_FOUND') current = null;
      else report(error instanceof Error ? error.message : String(error));
    }
    schedule(pollMs);
  }

  void step();
  return {
    stop() {
      stopped = true;
      if (handle !== null) timers.clearTimeout(handle);
    },
  };
}
