// First of all: zod is set up for the hub's CSP before any schema is built.
import '@layso/shared/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { loadDeviceToken } from './hub/device-token.js';
import { PairingGate } from './pairing/pairing-gate.js';
import { parseRoute } from './route.js';
import { initialLanguage, setUiLanguage } from './strings.js';
import './styles/base.css';
import './styles/board.css';
import './styles/door.css';
import './styles/console.css';
import './styles/settings.css';
import '@layso/ui/pairing.css';

const route = parseRoute(window.location.pathname, window.location.search);
// The console reads its token itself (it may ask for one); the others take it from the link.
const token = route.role === 'door' || route.role === 'board' ? loadDeviceToken() : null;
// No token at all on a screen that needs one: first start, show a pairing code.
const paired = (route.role === 'console' ? loadDeviceToken() : token) !== null;
document.documentElement.dataset.role = route.role;
setUiLanguage(initialLanguage(route.role, window.location.search, window.localStorage));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PairingGate route={route} paired={paired}>
      <App route={route} token={token} />
    </PairingGate>
  </StrictMode>,
);
