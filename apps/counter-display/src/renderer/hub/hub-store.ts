import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConnectionStatus, HubState } from '@layso/shared/client';

export interface HubStoreState {
  /** The hub's last snapshot plus the events since; null until the first snapshot. */
  hub: HubState | null;
  status: ConnectionStatus;
  setHub(hub: HubState): void;
  setStatus(status: ConnectionStatus): void;
}

export type HubStore = StoreApi<HubStoreState>;

/**
 * What a screen knows about the hub. The screen renders only this: everything comes
 * from the hub's snapshot and events, so a fresh snapshot after a reconnect or a hub
 * restart replaces every number on screen and nothing stale can survive it.
 */
export function createHubStore(): HubStore {
  return createStore<HubStoreState>()((set) => ({
    hub: null,
    status: 'connecting',
    setHub: (hub) => set({ hub }),
    setStatus: (status) => set({ status }),
  }));
}

/** Hub time now: the local clock corrected by the offset measured at the last snapshot. */
export function hubNow(hub: HubState | null, localNow: number): number {
  return localNow + (hub?.clockOffsetMs ?? 0);
}
