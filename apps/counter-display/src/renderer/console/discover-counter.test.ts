import { describe, expect, it } from 'vitest';
import type { DeviceInfo } from '@layso/shared';
import { HubApiError } from '@layso/ui';
import { discoverCounter } from './discover-counter.js';

const answer = (device: DeviceInfo) => async () => device;
const failing = (code: 'UNAUTHENTICATED' | 'NETWORK' | 'RATE_LIMITED', status: number) => async (): Promise<DeviceInfo> => {
  throw new HubApiError(code, status, 'no');
};

describe('discoverCounter', () => {
  it('uses the counter the token belongs to, whatever the hint says', async () => {
    expect(await discoverCounter(answer({ role: 'counter', counter: 86, name: null }), 60)).toEqual({ kind: 'found', counter: 86 });
  });

  it('lets an admin token act for the hinted counter', async () => {
    expect(await discoverCounter(answer({ role: 'admin', counter: null, name: null }), 60)).toEqual({ kind: 'found', counter: 60 });
    expect(await discoverCounter(answer({ role: 'admin', counter: null, name: null }), null)).toEqual({ kind: 'none' });
  });

  it('reports a token of another role, and a token the hub does not know', async () => {
    expect(await discoverCounter(answer({ role: 'display', counter: null, name: null }), 86)).toEqual({ kind: 'none' });
    expect(await discoverCounter(failing('UNAUTHENTICATED', 401), 86)).toEqual({ kind: 'unauthorized' });
  });

  it('reports an unreachable hub rather than a wrong token', async () => {
    expect(await discoverCounter(failing('NETWORK', 0), 86)).toEqual({ kind: 'unreachable' });
    expect(await discoverCounter(failing('RATE_LIMITED', 429), 86)).toEqual({ kind: 'none' });
  });
});
