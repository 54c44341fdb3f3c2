import { describe, expect, it } from 'vitest';
import { HubApiError } from '@layso/shared/client';
import { discoverCounter } from './discover-counter.js';

/** The hub's answers for a token of `own` (FORBIDDEN elsewhere), recording the probes. */
function hubFor(own: number | null, code: 'FORBIDDEN' | 'UNAUTHENTICATED' = 'FORBIDDEN') {
  const probed: number[] = [];
  const probe = async (counter: number) => {
    probed.push(counter);
    if (counter !== own) throw new HubApiError(code, code === 'FORBIDDEN' ? 403 : 401, 'no');
    return {};
  };
  return { probe, probed };
}

describe('discoverCounter', () => {
  it('finds the counter the token belongs to', async () => {
    const hub = hubFor(86);
    expect(await discoverCounter(hub.probe, [11, 60, 86, 87], null)).toEqual({ kind: 'found', counter: 86 });
  });

  it('asks only once when the hint is right', async () => {
    const hub = hubFor(86);
    expect(await discoverCounter(hub.probe, [11, 60, 86, 87], 86)).toEqual({ kind: 'found', counter: 86 });
    expect(hub.probed).toEqual([86]);
  });

  it('falls back to asking every counter when the hint is wrong', async () => {
    const hub = hubFor(60);
    expect(await discoverCounter(hub.probe, [11, 60, 86], 86)).toEqual({ kind: 'found', counter: 60 });
  });

  it('reports a token of no counter, and a token the hub does not know', async () => {
    expect(await discoverCounter(hubFor(null).probe, [11, 60], null)).toEqual({ kind: 'none' });
    expect(await discoverCounter(hubFor(null, 'UNAUTHENTICATED').probe, [11, 60], 11)).toEqual({ kind: 'unauthorized' });
  });

  it('reports an unreachable hub rather than a wrong token', async () => {
    const down = async () => {
      throw new HubApiError('NETWORK', 0, 'hub unreachable');
    };
    expect(await discoverCounter(down, [], 86)).toEqual({ kind: 'unreachable' });
    expect(await discoverCounter(down, [11, 86], null)).toEqual({ kind: 'unreachable' });
  });
});
