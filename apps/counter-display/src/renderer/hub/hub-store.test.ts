import { describe, expect, it } from 'vitest';
import type { HubState } from '@layso/shared/client';
import { createHubStore, hubNow } from './hub-store.js';

function hubState(seq: number, clockOffsetMs = 0): HubState {
  return {
    bootId: 'boot',
    seq,
    clockOffsetMs,
    recentCalls: [],
    catalog: {
      day: '2026-03-02',
      center: { name: 'Trung tâm', timeZone: 'Asia/Ho_Chi_Minh' },
      open: true,
      priorityCategories: [],
      areas: [],
      counters: [],
    },
  };
}

describe('hub store', () => {
  it('starts connecting with no state, then takes what the connection reports', () => {
    const store = createHubStore();
    expect(store.getState()).toMatchObject({ hub: null, status: 'connecting' });
    store.getState().setHub(hubState(4));
    store.getState().setStatus('online');
    expect(store.getState().hub?.seq).toBe(4);
    expect(store.getState().status).toBe('online');
  });

  it('replaces the whole state on a new snapshot (nothing of the old hub survives)', () => {
    const store = createHubStore();
    store.getState().setHub({ ...hubState(57), bootId: 'old' });
    const fresh = { ...hubState(0), bootId: 'new' };
    store.getState().setHub(fresh);
    expect(store.getState().hub).toBe(fresh);
  });

  it('corrects the local clock by the offset measured at the snapshot', () => {
    expect(hubNow(hubState(1, 90_000), 1_000)).toBe(91_000);
    expect(hubNow(null, 1_000)).toBe(1_000);
  });
});
