import { useCallback, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { ApiClient } from '@layso/ui';
import { LanguageToggle } from '../common/language-toggle.js';
import { OfflineIndicator } from '../common/offline-indicator.js';
import { StatusScreen } from '../common/status-screen.js';
import { WaitingForHub } from '../common/waiting-for-hub.js';
import { createHubStore } from '../hub/hub-store.js';
import { useHubConnection } from '../hub/use-hub-connection.js';
import { UI, counterLabel } from '../strings.js';
import { CenterClock } from '../time/center-clock.js';
import type { ConsoleAction } from './actions.js';
import { ActionBar } from './action-bar.js';
import { buttonStates } from './button-rules.js';
import { createConsoleStore } from './console-store.js';
import { queueSignature } from './queue-signature.js';
import { ServingPanel } from './serving-panel.js';
import { actionForKey, keyPressOf } from './shortcuts.js';
import { StatsBar } from './stats-bar.js';
import { serviceName } from './ticket-badges.js';
import { TransferDialog } from './transfer-dialog.js';
import { UndoNotice } from './undo-notice.js';
import { transferTargets } from './transfer-targets.js';
import { WaitingList } from './waiting-list.js';

interface ConsoleScreenProps {
  counter: number;
  clerk: string;
  token: string;
  api: ApiClient;
  onSignOut(): void;
}

/** The clerk's console: the ticket being served, six commands, the waiting list, today's numbers. */
export function ConsoleScreen({ counter, clerk, token, api, onSignOut }: ConsoleScreenProps) {
  const [hubStore] = useState(createHubStore);
  const [store] = useState(() => createConsoleStore({ api, counter, clerk }));
  const [transferOpen, setTransferOpen] = useState(false);
  useHubConnection(hubStore, { token });

  const hub = useStore(hubStore, (state) => state.hub);
  const status = useStore(hubStore, (state) => state.status);
  const queue = useStore(store, (state) => state.queue);
  const inFlight = useStore(store, (state) => state.inFlight);
  const message = useStore(store, (state) => state.message);
  const loadError = useStore(store, (state) => state.loadError);
  const undoable = useStore(store, (state) => state.undoable);

  // Fetch the queue again when an event that touches this counter arrives, and after
  // every reconnect (the hub may have changed while the console was offline).
  const signature = hub ? queueSignature(hub.catalog, counter) : null;
  useEffect(() => {
    if (signature !== null) void store.getState().refresh();
  }, [signature, store]);
  useEffect(() => {
    if (status === 'online') void store.getState().refresh();
  }, [status, store]);

  const paused = queue?.counter.status === 'paused';
  const serving = queue?.serving ?? null;
  const targets = hub && serving ? transferTargets(hub.catalog, serving.serviceId, queue?.counter.areaId ?? null) : [];
  const states = buttonStates({
    loaded: queue !== null && hub !== null,
    online: status === 'online',
    inFlight: inFlight !== null,
    paused,
    serving: serving !== null,
    canTransfer: targets.length > 0,
  });

  const onAction = (action: ConsoleAction) => {
    if (!states[action].enabled) return;
    if (action === 'transfer') {
      setTransferOpen(true);
      return;
    }
    void store.getState().run(action === 'pause' ? (paused ? 'resume' : 'pause') : action);
  };
  const onActionRef = useRef(onAction);
  onActionRef.current = onAction;

  useEffect(() => {
    if (transferOpen) return;
    const onKey = (event: KeyboardEvent) => {
      const action = actionForKey(keyPressOf(event));
      if (!action) return;
      // Even a disabled shortcut is swallowed: F5 must never reload the console mid-service.
      event.preventDefault();
      onActionRef.current(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [transferOpen]);

  // The ticket can leave while the dialog is open (keypad, second console): close it.
  const transferShown = transferOpen && serving !== null && targets.length > 0;
  const closeTransfer = useCallback(() => setTransferOpen(false), []);

  if (status === 'unauthorized') return <StatusScreen tone="error">{UI.unauthorized}</StatusScreen>;
  if (!hub) return <WaitingForHub status={status} />;
  const entry = hub.catalog.counters.find((c) => c.number === counter);
  const services = (entry?.serviceIds ?? []).map((id) => serviceName(hub.catalog, id));

  return (
    <div className="console" data-testid="console" data-offline={status === 'offline' ? 'true' : 'false'}>
      <header className="console-header">
        <div className="console-title">
          <h1>{counterLabel(counter)}</h1>
          <span className="console-services">{services.join(' · ')}</span>
        </div>
        <CenterClock className="console-clock" timeZone={hub.catalog.center.timeZone} clockOffsetMs={hub.clockOffsetMs} />
        <div className="console-clerk">
          <span>
            {UI.clerk}: <strong data-testid="clerk-name">{clerk}</strong>
          </span>
          <button type="button" className="link-button" onClick={onSignOut}>
            {UI.signOut}
          </button>
          <LanguageToggle />
        </div>
      </header>
      <div className="console-body">
        <div className="console-main">
          <ServingPanel serving={serving} paused={paused} catalog={hub.catalog} clockOffsetMs={hub.clockOffsetMs} />
          <ActionBar states={states} paused={paused} inFlight={inFlight !== null} onAction={onAction} />
          <div className="console-footer">
            <StatsBar servedToday={queue?.servedToday ?? 0} avgServiceMin={queue?.avgServiceMin ?? null} />
            {undoable && (
              <UndoNotice undoable={undoable} catalog={hub.catalog} disabled={inFlight !== null || status !== 'online'} onUndo={() => void store.getState().undo()} />
            )}
            {(message ?? loadError) && (
              <p className={`console-message tone-${message?.tone ?? 'error'}`} role="status" data-testid="console-message">
                {message?.text ?? loadError}
              </p>
            )}
          </div>
        </div>
        <WaitingList waiting={queue?.waiting ?? []} catalog={hub.catalog} showService={services.length > 1} />
      </div>
      {transferShown && (
        <TransferDialog
          ticketNumber={serving.number}
          groups={targets}
          onCancel={closeTransfer}
          onPick={(serviceId) => {
            setTransferOpen(false);
            void store.getState().run('transfer', serviceId);
          }}
        />
      )}
      <OfflineIndicator status={status} />
    </div>
  );
}
