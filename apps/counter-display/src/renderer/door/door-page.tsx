import { useState } from 'react';
import { useStore } from 'zustand';
import { OfflineIndicator } from '../common/offline-indicator.js';
import { StatusScreen } from '../common/status-screen.js';
import { WaitingForHub } from '../common/waiting-for-hub.js';
import { createHubStore } from '../hub/hub-store.js';
import { useHubConnection } from '../hub/use-hub-connection.js';
import { UI, counterLabel, counterNotFound, s } from '../strings.js';
import { doorView } from './door-view.js';

/** The small screen above a counter: which number to bring to this counter, readable from 5 m. */
export function DoorPage({ counter, token }: { counter: number | null; token: string | null }) {
  const [store] = useState(createHubStore);
  useHubConnection(store, { token, enabled: counter !== null });
  const hub = useStore(store, (state) => state.hub);
  const status = useStore(store, (state) => state.status);

  if (counter === null) return <StatusScreen tone="error">{UI.doorNeedsCounter}</StatusScreen>;
  if (status === 'unauthorized') return <StatusScreen tone="error">{UI.unauthorized}</StatusScreen>;
  if (!hub) return <WaitingForHub status={status} />;
  const view = doorView(hub.catalog, counter);
  if (!view) return <StatusScreen tone="error">{counterNotFound(counter)}</StatusScreen>;

  return (
    <div className={`door door-${view.mode}`} data-testid="door" data-mode={view.mode} data-offline={status === 'offline' ? 'true' : 'false'}>
      <header className="door-header">
        <h1 className="door-counter">{counterLabel(view.counter).toUpperCase()}</h1>
        {view.extraName && <p className="door-name">{view.extraName}</p>}
        <p className="door-services">{view.services.join(' · ')}</p>
      </header>
      <main className="door-main">
        {view.mode === 'paused' ? (
          <p className="door-paused" data-testid="door-paused">
            {s('paused').toUpperCase()}
          </p>
        ) : (
          <>
            <p className="door-label">{s('nowServing').toUpperCase()}</p>
            <p className="door-number" data-testid="door-number">
              {view.current ?? '—'}
            </p>
          </>
        )}
      </main>
      <OfflineIndicator status={status} />
    </div>
  );
}
