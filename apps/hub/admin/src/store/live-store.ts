/**
 * The live center as socket.io pushes it (the admin role receives every event).
 * `queueTick` counts queue events so the dashboard can refetch its charts.
 */
import { create } from 'zustand';
import { connectHub, type ConnectionStatus, type HubConnection, type HubState } from '@layso/shared/client';
import { DEFAULT_TIME_ZONE } from '@layso/shared';

interface LiveState {
  hub: HubState | null;
  status: ConnectionStatus;
  queueTick: number;
  connect(token: string, onUnauthorized: () => void): () => void;
}

export const useLive = create<LiveState>((set) => ({
  hub: null,
  status: 'connecting',
  queueTick: 0,
  connect(token, onUnauthorized) {
    let connection: HubConnection | null = connectHub({
      token,
      onState: (hub) => set((s) => ({ hub, queueTick: s.queueTick + 1 })),
      onStatus: (status) => {
        set({ status });
        if (status === 'unauthorized') onUnauthorized();
      },
    });
    // Opening hours and the day are not pushed as events: refresh now and then.
    const refresh = setInterval(() => connection?.requestState(), 60_000);
    return () => {
      clearInterval(refresh);
      connection?.close();
      connection = null;
      set({ hub: null, status: 'connecting' });
    };
  },
}));

/** The center's time zone, for every date on screen. */
export function useTimeZone(): string {
  return useLive((s) => s.hub?.catalog.center.timeZone ?? DEFAULT_TIME_ZONE);
}
