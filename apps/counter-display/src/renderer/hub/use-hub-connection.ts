import { useEffect, useRef } from 'react';
import type { RecentCall } from '@layso/shared';
import { connectHub } from '@layso/shared/client';
import type { HubStore } from './hub-store.js';

export interface UseHubConnectionOptions {
  token: string | null;
  /** A live call (not one from a snapshot). */
  onCall?(call: RecentCall): void;
  /** False postpones connecting (e.g. until a clerk has signed in). */
  enabled?: boolean;
}

/** Keeps `store` in sync with the hub for as long as the component is mounted. */
export function useHubConnection(store: HubStore, options: UseHubConnectionOptions): void {
  // The latest callback is read at call time so a re-render never reconnects the socket.
  const onCall = useRef(options.onCall);
  onCall.current = options.onCall;
  const { token, enabled = true } = options;

  useEffect(() => {
    if (!enabled) return;
    const connection = connectHub({
      token,
      onState: (hub) => store.getState().setHub(hub),
      onStatus: (status) => store.getState().setStatus(status),
      onCall: (call) => onCall.current?.(call),
    });
    return () => connection.close();
  }, [store, token, enabled]);
}
