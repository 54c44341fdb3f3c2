import { useEffect, useRef } from 'react';
import type { RecentCall } from '@layso/shared';
import { connectHub, type DeviceCommandHandlers } from '@layso/shared/client';
import { createApiClient } from '@layso/ui';
import { APP_VERSION } from '../app-version.js';
import type { HubStore } from './hub-store.js';

export interface UseHubConnectionOptions {
  token: string | null;
  /** A live call (not one from a snapshot). */
  onCall?(call: RecentCall): void;
  /** False postpones connecting (e.g. until a clerk has signed in). */
  enabled?: boolean;
}

/** The admin's remote commands: every counter-display screen can reload or restart (no printer). */
const SCREEN_COMMANDS: DeviceCommandHandlers = {
  reload: () => window.location.reload(),
  // The Electron shell relaunches the app; a plain browser reloads the page instead.
  'restart-app': () => (window.laysoShell?.restartApp ? void window.laysoShell.restartApp() : window.location.reload()),
};

/** Keeps `store` in sync with the hub for as long as the component is mounted. */
export function useHubConnection(store: HubStore, options: UseHubConnectionOptions): void {
  // The latest callback is read at call time so a re-render never reconnects the socket.
  const onCall = useRef(options.onCall);
  onCall.current = options.onCall;
  const { token, enabled = true } = options;

  useEffect(() => {
    if (!enabled) return;
    let reported = false;
    const connection = connectHub({
      token,
      onState: (hub) => store.getState().setHub(hub),
      onStatus: (status) => {
        store.getState().setStatus(status);
        // The app version for the admin's device list, once per page load.
        if (status === 'online' && token && !reported) {
          reported = true;
          createApiClient({ token }).reportStatus({ appVersion: APP_VERSION }).catch(() => undefined);
        }
      },
      onCall: (call) => onCall.current?.(call),
      commands: SCREEN_COMMANDS,
    });
    return () => connection.close();
  }, [store, token, enabled]);
}
