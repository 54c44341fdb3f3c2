/** What the hub's storage is doing, from /api/health (`storage`, added for full disks). */
export type StorageProblem = 'full' | 'io-error';

/**
 * The storage problem a health answer reports, or null when writes work (or the hub
 * is too old to say). The body comes with 200 or 503 alike: 503 is how health says
 * "something is wrong", so the status alone does not tell which thing.
 */
export function storageProblemIn(health: unknown): StorageProblem | null {
  const storage = (health as { storage?: unknown } | null)?.storage;
  return storage === 'full' || storage === 'io-error' ? storage : null;
}

/** Asks the hub; an unreachable hub is the live-status badge's business, not this banner's. */
export async function fetchStorageProblem(fetchFn: typeof fetch = (input, init) => fetch(input, init)): Promise<StorageProblem | null> {
  try {
    const response = await fetchFn('/api/health', { signal: AbortSignal.timeout(10_000) });
    return storageProblemIn(await response.json());
  } catch {
    return null;
  }
}
