import type { DeviceInfo } from '@layso/shared';
import { HubApiError } from '@layso/ui';

export type DiscoverResult = { kind: 'found'; counter: number } | { kind: 'none' } | { kind: 'unauthorized' } | { kind: 'unreachable' };

/**
 * Which counter this console acts for: the hub says which counter its token belongs to
 * (GET /api/device). An admin token may act for any counter, so it uses the hint
 * (?counter=N, or the number used last time).
 */
export async function discoverCounter(whoAmI: () => Promise<DeviceInfo>, hint: number | null): Promise<DiscoverResult> {
  try {
    const device = await whoAmI();
    if (device.role === 'counter' && device.counter !== null) return { kind: 'found', counter: device.counter };
    if (device.role === 'admin' && hint !== null) return { kind: 'found', counter: hint };
    return { kind: 'none' };
  } catch (error) {
    const code = error instanceof HubApiError ? error.code : 'NETWORK';
    if (code === 'UNAUTHENTICATED') return { kind: 'unauthorized' };
    // The hub is down (or starting after a power cut), not the token wrong.
    if (code === 'NETWORK') return { kind: 'unreachable' };
    return { kind: 'none' };
  }
}
