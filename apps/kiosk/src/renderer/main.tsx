/**
 * Kiosk page bootstrap: read the timings and the device token, connect to the hub,
 * detect the Electron bridge, lock the page down and render. Without a token (first
 * start, nothing provisioned) the page shows a pairing code instead.
 */
// First of all: zod is set up for the hub's CSP before any schema is built.
import '@layso/shared/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHub, newRequestId, readDeviceToken, saveDeviceToken } from '@layso/shared/client';
import { PairingScreen } from '@layso/ui';
import { APP_VERSION } from './app-version.js';
import { createKioskApi } from './api/kiosk-api.js';
import { App } from './app.js';
import { detectBridge } from './bridge/detect-bridge.js';
import { parseKioskConfig } from './config/kiosk-config.js';
import { installLockdown } from './logic/lockdown.js';
import { KioskStoreProvider } from './store/kiosk-context.js';
import { createKioskStore } from './store/kiosk-store.js';
import './styles/base.css';
import './styles/components.css';
import './styles/screens.css';
import '@layso/ui/pairing.css';
import './styles/big-text.css';

const TOKEN_KEY = 'layso.kiosk.token';
/** Opening hours and day changes are not pushed as events: refresh the snapshot now and then. */
const SNAPSHOT_REFRESH_MS = 60_000;

const token = readDeviceToken(TOKEN_KEY);
const bridge = detectBridge(window);
installLockdown(window);
const root = createRoot(document.getElementById('root')!);

/** The admin's "restart app": the Electron shell relaunches; a plain browser reloads the page. */
const restartApp = () => {
  if (bridge?.restartApp) void bridge.restartApp();
  else window.location.reload();
};

if (token === null) {
  // The Electron shell keeps the token in its settings and reloads the page with it;
  // in a browser it is stored where a provisioning link would put it.
  const onPaired = (result: { token: string }) => {
    void (async () => {
      if (bridge?.savePairedToken && (await bridge.savePairedToken(result.token).catch(() => false))) return;
      saveDeviceToken(TOKEN_KEY, result.token);
      window.location.reload();
    })();
  };
  root.render(
    <StrictMode>
      <PairingScreen kind="kiosk" appVersion={APP_VERSION} hubAddress={window.location.origin} onPaired={onPaired} />
    </StrictMode>,
  );
} else {
  const api = createKioskApi({ token });
  const store = createKioskStore({
    api,
    bridge,
    config: parseKioskConfig(window.location.search),
    newRequestId,
    statusUrl: (ticket) => `${window.location.origin}/t/${ticket.day}/${ticket.number}`,
    // The last printed ticket outlives a reload or restart, for the admin's reprint.
    storage: window.localStorage,
  });
  const connection = connectHub({
    token,
    onState: (state) => store.getState().setHub(state),
    onStatus: (status) => store.getState().setConnection(status),
    commands: {
      'reprint-last': () => store.getState().reprintLast(),
      'test-print': () => store.getState().testPrint(),
      reload: () => window.location.reload(),
      'restart-app': restartApp,
    },
  });
  setInterval(() => connection.requestState(), SNAPSHOT_REFRESH_MS);
  // With a shell, the printer reports carry the version; a browser kiosk reports it once.
  if (!bridge) api.reportStatus({}).catch(() => undefined);

  root.render(
    <StrictMode>
      <KioskStoreProvider store={store}>
        <App bridge={bridge} />
      </KioskStoreProvider>
    </StrictMode>,
  );
}
