/**
 * Shows the pairing screen on a console, door or board page that has no token, and
 * the page itself otherwise (or once the clerk chose to type a token by hand).
 */
import { useState, type ReactNode } from 'react';
import type { PairingResult } from '@layso/shared';
import { saveDeviceToken } from '@layso/shared/client';
import { PairingScreen } from '@layso/ui';
import { APP_VERSION } from '../app-version.js';
import { TOKEN_STORAGE_KEY } from '../hub/device-token.js';
import type { Route } from '../route.js';
import { pairedDestination } from './paired-destination.js';

const SCREEN_OF_ROUTE: Partial<Record<Route['role'], PairingResult['screen']>> = { console: 'counter', door: 'door', board: 'board' };

/**
 * In the Electron shell the settings keep the token, screen and counter, and the shell
 * loads that screen; in a browser the token is stored where a provisioning link would
 * put it, then on to the screen the admin chose.
 */
async function continueAfterPairing(route: Route, result: PairingResult): Promise<void> {
  const shell = window.laysoShell;
  if (shell?.savePairing && (await shell.savePairing({ token: result.token, screen: result.screen, counter: result.counter }).catch(() => false))) return;
  saveDeviceToken(TOKEN_STORAGE_KEY, result.token);
  // Already on that screen (a board keeps its ?area=… settings): just start it with the token.
  if (SCREEN_OF_ROUTE[route.role] === result.screen && (result.counter === null || new URLSearchParams(window.location.search).get('counter') === String(result.counter))) {
    window.location.reload();
  } else {
    window.location.replace(pairedDestination(result));
  }
}

export function PairingGate({ route, paired, children }: { route: Route; paired: boolean; children: ReactNode }) {
  const [skipped, setSkipped] = useState(false);
  const [onPaired] = useState(() => (result: PairingResult) => void continueAfterPairing(route, result));
  if (paired || skipped || SCREEN_OF_ROUTE[route.role] === undefined) return <>{children}</>;
  return (
    <PairingScreen
      kind="counter-display"
      appVersion={APP_VERSION}
      hubAddress={window.location.origin}
      onPaired={onPaired}
      onSkip={route.role === 'console' ? () => setSkipped(true) : undefined}
    />
  );
}
