import { HubApiError } from '@layso/shared/client';

export type DiscoverResult = { kind: 'found'; counter: number } | { kind: 'none' } | { kind: 'unauthorized' } | { kind: 'unreachable' };

/**
 * Which counter this device's token belongs to. The provisioning link of a console
 * is `/counter#token=…` without the number, and the hub has no "who am I" endpoint
 * yet, so the console asks GET /api/counters/:n/queue: a counter token is refused
 * (FORBIDDEN) on every counter but its own. The hint (?counter=N, or the number
 * found last time) is tried first so a known console costs one request.
 */
export async function discoverCounter(
  probe: (counter: number) => Promise<unknown>,
  candidates: readonly number[],
  hint: number | null,
): Promise<DiscoverResult> {
  const tryOne = async (counter: number): Promise<number> => {
    await probe(counter);
    return counter;
  };
  const failures: unknown[] = [];
  if (hint !== null) {
    try {
      return { kind: 'found', counter: await tryOne(hint) };
    } catch (error) {
      failures.push(error);
    }
  }
  const rest = candidates.filter((c) => c !== hint);
  if (rest.length > 0) {
    try {
      return { kind: 'found', counter: await Promise.any(rest.map(tryOne)) };
    } catch (error) {
      failures.push(...(error instanceof AggregateError ? error.errors : [error]));
    }
  }
  const code = (error: unknown) => (error instanceof HubApiError ? error.code : 'NETWORK');
  if (failures.some((e) => code(e) === 'UNAUTHENTICATED')) return { kind: 'unauthorized' };
  // Nothing but network failures (or nothing to ask): the hub is down, not the token wrong.
  if (failures.every((e) => code(e) === 'NETWORK')) return { kind: 'unreachable' };
  return { kind: 'none' };
}
