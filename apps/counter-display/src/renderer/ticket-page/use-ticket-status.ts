import { useEffect, useState } from 'react';
import type { Catalog, PublicTicketStatus } from '@layso/shared';
import { connectHub, type ConnectionStatus } from '@layso/shared/client';
import { createApiClient, HubApiError } from '@layso/ui';
import { relevanceKey } from './ticket-view.js';

export interface TicketStatusState {
  status: PublicTicketStatus | null;
  catalog: Catalog | null;
  connection: ConnectionStatus;
  /** NOT_FOUND when the hub does not know the number; null otherwise. */
  error: 'notFound' | null;
}

/**
 * The ticket's public status, kept live: the page listens to the hub's public stream
 * (no token) and fetches GET /api/tickets/:day/:number again whenever something that
 * can move this ticket changed (see relevanceKey), or its service published a change
 * whose figures look the same (a check-in: the booking already counted as waiting).
 */
export function useTicketStatus(day: string, number: string): TicketStatusState {
  const [state, setState] = useState<TicketStatusState>({ status: null, catalog: null, connection: 'connecting', error: null });

  useEffect(() => {
    const api = createApiClient({ token: null });
    let serviceId: string | null = null;
    let lastKey = '';
    // Set by a live queue:changed of this ticket's service, read by the onState right after.
    let serviceChanged = false;
    let closed = false;
    // Only the newest answer counts: an older, slower response must not overwrite it.
    let generation = 0;
    const refresh = async () => {
      const mine = ++generation;
      try {
        const status = await api.ticketStatus(day, number);
        if (closed || mine !== generation) return;
        serviceId = status.serviceId;
        setState((previous) => ({ ...previous, status, error: null }));
      } catch (error) {
        if (closed || mine !== generation) return;
        if (error instanceof HubApiError && error.code === 'NOT_FOUND') setState((previous) => ({ ...previous, error: 'notFound' }));
      }
    };
    void refresh();
    const connection = connectHub({
      token: null,
      onStatus: (connectionStatus) => setState((previous) => ({ ...previous, connection: connectionStatus })),
      onServiceChanged: (changed) => {
        if (changed === serviceId) serviceChanged = true;
      },
      onState: (hub) => {
        setState((previous) => ({ ...previous, catalog: hub.catalog }));
        const latestCall = hub.recentCalls.find((call) => call.serviceId === serviceId)?.number ?? null;
        const key = relevanceKey(hub.catalog, latestCall, serviceId ?? '');
        const forced = serviceChanged;
        serviceChanged = false;
        if (key === lastKey && !forced) return;
        lastKey = key;
        void refresh();
      },
    });
    return () => {
      closed = true;
      connection.close();
    };
  }, [day, number]);

  return state;
}
