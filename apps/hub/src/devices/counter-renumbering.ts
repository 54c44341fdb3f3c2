import type { ClerkStore } from '../admin-auth/clerk-store.js';
import type { DeviceStore } from './device-store.js';

/** What followed a counter to its new number, as the audit entry records it (device ids, clerk code). */
export interface CounterBindings {
  consoles: number[];
  doorScreens: number[];
  clerk: string | null;
}

/**
 * Renumbering a counter must not make its devices pair again: `move` (inside the
 * config change's transaction) hands its tokens, door screens and signed-in clerk to
 * the new number; `announce` (after the commit) tells the live consoles.
 */
export interface CounterRenumbering {
  move(from: number, to: number): CounterBindings;
  announce(moved: CounterBindings): void;
}

export interface CounterRenumberingDeps {
  devices: DeviceStore;
  clerks: ClerkStore;
  /** Sends `reload` to a device if it is online (the command dispatcher), not waiting for its answer. */
  reload(deviceId: number): void;
}

export function createCounterRenumbering(deps: CounterRenumberingDeps): CounterRenumbering {
  return {
    move(from, to) {
      const devices = deps.devices.moveCounter(from, to);
      const clerk = deps.clerks.moveCounter(from, to);
      return { ...devices, clerk: clerk?.code ?? null };
    },
    announce(moved) {
      // Every request authenticates afresh, so the token already acts for the new
      // number; but a console learns its counter once, when its page loads
      // (GET /api/device), and would keep calling the old one. A reload sends it there.
      // A door screen's counter is in its own settings (/door?counter=N): a reload
      // would not change it, so it is left alone (see docs/devices.md).
      for (const id of moved.consoles) deps.reload(id);
    },
  };
}
