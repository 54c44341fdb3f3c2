/** The admin console served by the hub at /admin. */
// First of all: zod is set up for the hub's CSP before any schema is built.
import '@layso/shared/zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { useSession } from './store/session-store.js';
import './styles/console.css';

document.documentElement.lang = useSession.getState().language;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
