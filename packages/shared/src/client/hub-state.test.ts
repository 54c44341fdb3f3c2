import { describe, expect, it } from 'vitest';
import type { StateSnapshot } from '../schemas/events.js';
import { applyServerEvent, stateFromSnapshot, type HubState } from './hub-state.js';

const snapshot: StateSnapshot = {
  protocolVersion: 1,
  bootId: 'boot-1',
  seq: 5,
  serverTime: '2026-11-22T03:00:00.000Z',
  recentCalls: [],
  catalog: {
    day: '2026-11-22',
    center: { name: 'Trung tâm', timeZone: 'Asia/Ho_Chi_Minh' },
    open: true,
    priorityCategories: [],
    areas: [
      {
        id: 'tang-3',
        name: 'Tầng 3',
        services: [{ id: 'tu-phap', name: 'Tư pháp', prefix: '86', current: null, waiting: 2, estWaitMin: 10, active: true, full: false }],
      },
    ],
    counters: [{ number: 86, name: 'Quầy 86', areaId: 'tang-3', serviceIds: ['tu-phap'], status: 'open', current: null }],
  },
};

function start(): HubState {
  return stateFromSnapshot(snapshot, Date.parse('2026-11-22T03:00:01.000Z'));
}

function expectState(result: ReturnType<typeof applyServerEvent>): HubState {
  if (result.kind !== 'state') throw new Error(`expected a new state, got ${result.kind}`);
  return result.state;
}

describe('hub state on a screen', () => {
  it('remembers the clock offset of the snapshot', () => {
    expect(start().clockOffsetMs).toBe(-1000);
  });

  it('applies the next event in sequence', () => {
    const state = expectState(applyServerEvent(start(), 'queue:changed', { serviceId: 'tu-phap', current: '86001', waiting: 1, estWaitMin: 5, full: false, seq: 6 }));
    expect(state.seq).toBe(6);
    expect(state.catalog.areas[0]!.services[0]).toMatchObject({ current: '86001', waiting: 1, estWaitMin: 5 });
  });

  it('updates a counter and records calls newest first', () => {
    let state = expectState(applyServerEvent(start(), 'counter:changed', { counter: 86, status: 'open', current: '86001', seq: 6 }));
    state = expectState(
      applyServerEvent(state, 'ticket:called', { number: '86001', counter: 86, serviceId: 'tu-phap', areaId: 'tang-3', recall: false, at: '2026-11-22T03:00:02.000Z', seq: 7 }),
    );
    state = expectState(
      applyServerEvent(state, 'ticket:called', { number: '86001', counter: 86, serviceId: 'tu-phap', areaId: 'tang-3', recall: true, at: '2026-11-22T03:00:09.000Z', seq: 8 }),
    );
    expect(state.catalog.counters[0]!.current).toBe('86001');
    // One ticket, one line: the recall replaces the first call.
    expect(state.recentCalls.map((c) => [c.number, c.recall])).toEqual([['86001', true]]);
    state = expectState(
      applyServerEvent(state, 'ticket:called', { number: '86001', counter: 87, serviceId: 'visa', areaId: 'tang-3', recall: false, at: '2026-11-22T03:01:00.000Z', seq: 9 }),
    );
    expect(state.recentCalls.map((c) => `${c.number}→${c.counter}`)).toEqual(['86001→87']);
  });

  it('asks for a snapshot on a gap and before any snapshot', () => {
    expect(applyServerEvent(start(), 'counter:changed', { counter: 86, status: 'paused', current: null, seq: 7 }).kind).toBe('resync');
    expect(applyServerEvent(null, 'counter:changed', { counter: 86, status: 'paused', current: null, seq: 1 }).kind).toBe('resync');
  });

  it('ignores an event it already has', () => {
    expect(applyServerEvent(start(), 'counter:changed', { counter: 86, status: 'paused', current: null, seq: 5 }).kind).toBe('ignored');
  });

  it('takes a fresh snapshot on a new day or configuration', () => {
    expect(applyServerEvent(start(), 'day:changed', { day: '2026-11-23', seq: 6 }).kind).toBe('resync');
    expect(applyServerEvent(start(), 'catalog:changed', { seq: 6 }).kind).toBe('resync');
  });

  it('replaces everything with a new snapshot, even from a restarted hub', () => {
    const restarted = { ...snapshot, bootId: 'boot-2', seq: 0 };
    const state = expectState(applyServerEvent(start(), 'state', restarted));
    expect(state).toMatchObject({ bootId: 'boot-2', seq: 0 });
  });
});
