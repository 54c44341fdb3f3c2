import type { Catalog } from '../schemas/api.js';
import { addRecentCall } from '../recent-calls.js';
import type { RecentCall } from '../schemas/events.js';
import type { ServerEventName, ServerEventPayload, StateSnapshot } from '../schemas/events.js';

/** What a screen knows about the hub: the last snapshot plus the events since. */
export interface HubState {
  bootId: string;
  seq: number;
  catalog: Catalog;
  recentCalls: RecentCall[];
  /** serverTime − local time when the snapshot arrived, for clocks on screens. */
  clockOffsetMs: number;
}

export type ApplyResult = { kind: 'state'; state: HubState } | { kind: 'resync' } | { kind: 'ignored' };

const RECENT_CALLS = 20;

export function stateFromSnapshot(snapshot: StateSnapshot, localNow = Date.now()): HubState {
  return {
    bootId: snapshot.bootId,
    seq: snapshot.seq,
    catalog: snapshot.catalog,
    recentCalls: snapshot.recentCalls,
    clockOffsetMs: Date.parse(snapshot.serverTime) - localNow,
  };
}

/**
 * Applies one server event. Renderers never compute queue state: they replace what
 * the hub sends. A gap in `seq` (or an event before any snapshot) asks for a resync;
 * a repeated old event is ignored.
 */
export function applyServerEvent<E extends ServerEventName>(state: HubState | null, name: E, payload: ServerEventPayload<E>): ApplyResult {
  if (name === 'state') return { kind: 'state', state: stateFromSnapshot(payload as StateSnapshot) };
  if (!state) return { kind: 'resync' };
  const { seq } = payload as { seq: number };
  if (seq <= state.seq) return { kind: 'ignored' };
  if (seq !== state.seq + 1) return { kind: 'resync' };
  const next: HubState = { ...state, seq };
  switch (name) {
    case 'ticket:called': {
      const { seq: _seq, ...call } = payload as ServerEventPayload<'ticket:called'>;
      next.recentCalls = addRecentCall(state.recentCalls, call, RECENT_CALLS);
      return { kind: 'state', state: next };
    }
    case 'queue:changed': {
      const { seq: _seq, serviceId, ...status } = payload as ServerEventPayload<'queue:changed'>;
      next.catalog = {
        ...state.catalog,
        areas: state.catalog.areas.map((area) =>
          area.services.some((s) => s.id === serviceId)
            ? { ...area, services: area.services.map((s) => (s.id === serviceId ? { ...s, ...status } : s)) }
            : area,
        ),
      };
      return { kind: 'state', state: next };
    }
    case 'counter:changed': {
      const { counter, status, current } = payload as ServerEventPayload<'counter:changed'>;
      next.catalog = {
        ...state.catalog,
        counters: state.catalog.counters.map((c) => (c.number === counter ? { ...c, status, current } : c)),
      };
      return { kind: 'state', state: next };
    }
    // A new day or a new configuration changes too much to patch: take a fresh snapshot.
    default:
      return { kind: 'resync' };
  }
}
