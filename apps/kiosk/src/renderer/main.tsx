/**
 * Kiosk page bootstrap: read the timings and the device token, connect to the hub,
 * detect the Electron bridge, lock the page down and render.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectHub, newRequestId, readDeviceToken } from '@layso/shared/client';
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

const TOKEN_KEY = 'layso.kiosk.token';
/** Opening hours and day changes are not pushed as events: refresh the snapshot now and then. */
const SNAPSHOT_REFRESH_MS = 60_000;

const token = readDeviceToken(TOKEN_KEY);
const bridge = detectBridge(window);
const store = createKioskStore({
  api: createKioskApi({ token }),
  bridge,
  config: parseKioskConfig(window.location.search),
  newRequestId,
  statusUrl: (ticket) => `${window.location.origin}/t/${ticket.day}/${ticket.number}`,
});
installLockdown(window);

const connection = connectHub({
  token,
  onState: (state) => store.getState().setHub(state),
  onStatus: (status) => store.getState().setConnection(status),
});
setInterval(() => connection.requestState(), SNAPSHOT_REFRESH_MS);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <KioskStoreProvider store={store}>
      <App bridge={bridge} />
    </KioskStoreProvider>
  </StrictMode>,
);
