import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectHub, type HubConnection } from '@layso/shared/client';
import type { HubState } from '@layso/shared/client';
import { startTestHub, startTestHubAgain, stopTestHubKeepingData, type TestHub } from '../testing/index.js';

/**
 * Issue 17: after the hub restarts, every screen must be live again within 3 s of the
 * hub answering (they took 8.2–8.6 s: the client's reconnect back-off had grown to
 * 5 s while the hub was down). A real hub, stopped and started again on the same port
 * and data, and the shared client every screen uses (board, console, door, kiosk,
 * phone page, admin). Several screens, because each draws its own random delay and
 * the slowest one is the one a citizen looks at.
 */
const SCREENS = 6;
/** A hub restart as seen in the field (service manager, update): several seconds down. */
const DOWN_MS = 7_000;
const LIVE_WITHIN_MS = 3_000;

let hub: TestHub | null = null;
const connections: HubConnection[] = [];
afterEach(async () => {
  for (const c of connections.splice(0)) c.close();
  await hub?.stop();
  hub = null;
});

describe('screens after a hub restart', () => {
  it(`are all live again within ${LIVE_WITHIN_MS} ms of the hub answering`, { timeout: 40_000 }, async () => {
    const first = await startTestHub();
    hub = first;
    const token = first.token('display');
    const states: (HubState | null)[] = Array.from({ length: SCREENS }, () => null);
    const liveAt: (number | null)[] = Array.from({ length: SCREENS }, () => null);
    const statuses: string[][] = Array.from({ length: SCREENS }, () => []);
    for (let i = 0; i < SCREENS; i++) {
      connections.push(
        connectHub({
          url: first.url,
          token,
          onState: (state) => {
            if (states[i] && states[i]!.bootId !== state.bootId && liveAt[i] === null) liveAt[i] = Date.now();
            states[i] = state;
          },
          onStatus: (status) => statuses[i]!.push(status),
        }),
      );
    }
    await vi.waitFor(() => expect(states.every((s) => s !== null)).toBe(true), { timeout: 10_000, interval: 20 });
    const oldBoot = states[0]!.bootId;

    await stopTestHubKeepingData(first);
    await vi.waitFor(() => expect(statuses.every((s) => s.at(-1) === 'offline')).toBe(true), { timeout: 10_000, interval: 20 });
    await new Promise((resolve) => setTimeout(resolve, DOWN_MS));

    hub = await startTestHubAgain(first);
    const answering = Date.now();
    await vi.waitFor(() => expect(liveAt.every((t) => t !== null)).toBe(true), { timeout: 15_000, interval: 20 });
    const times = liveAt.map((t) => t! - answering);
    console.info(`hub restart: screens live again ${times.sort((a, b) => a - b).join(', ')} ms after the hub answered`);
    expect(states.every((s) => s!.bootId !== oldBoot)).toBe(true);
    expect(Math.max(...times)).toBeLessThanOrEqual(LIVE_WITHIN_MS);
  });
});
