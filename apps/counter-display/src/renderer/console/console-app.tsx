import { useEffect, useMemo, useState } from 'react';
import { createApiClient } from '@layso/shared/client';
import { StatusScreen } from '../common/status-screen.js';
import { loadDeviceToken, TOKEN_STORAGE_KEY } from '../hub/device-token.js';
import { UI, useUiLanguage } from '../strings.js';
import { loadClerk, saveClerk } from './clerk-session.js';
import { ConsoleScreen } from './console-screen.js';
import { discoverCounter, type DiscoverResult } from './discover-counter.js';
import { SignInForm } from './sign-in-form.js';

const COUNTER_STORAGE_KEY = 'layso.counter-display.counter';

function savedCounter(): number | null {
  const saved = Number(localStorage.getItem(COUNTER_STORAGE_KEY));
  return Number.isInteger(saved) && saved >= 1 && saved <= 999 ? saved : null;
}

/** Sign-in (clerk name, device token when the link had none), then the console of the token's counter. */
export function ConsoleApp({ counterParam }: { counterParam: number | null }) {
  // Re-renders the whole console (no memoized children) when the clerk switches language.
  useUiLanguage();
  const [token, setToken] = useState(loadDeviceToken);
  const [clerk, setClerk] = useState(() => loadClerk(localStorage));
  const [found, setFound] = useState<DiscoverResult | null>(null);
  const api = useMemo(() => createApiClient({ token }), [token]);

  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!token || !clerk) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      const result = await discoverCounter(() => api.device(), counterParam ?? savedCounter());
      if (!live) return;
      if (result.kind === 'found') localStorage.setItem(COUNTER_STORAGE_KEY, String(result.counter));
      setFound(result);
      // The hub may be starting up (power cut in the morning): keep asking.
      if (result.kind === 'unreachable') retry = setTimeout(() => setAttempt((n) => n + 1), 3_000);
    })();
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [api, token, clerk, counterParam, attempt]);

  if (!token || !clerk) {
    return (
      <SignInForm
        needsToken={!token}
        onSignIn={(name, typedToken) => {
          if (typedToken) {
            localStorage.setItem(TOKEN_STORAGE_KEY, typedToken);
            setToken(typedToken);
          }
          saveClerk(localStorage, name);
          setClerk(name);
        }}
      />
    );
  }
  if (found === null) return <StatusScreen>{UI.findingCounter}</StatusScreen>;
  if (found.kind === 'unreachable') return <StatusScreen>{UI.hubUnreachable}</StatusScreen>;
  if (found.kind === 'unauthorized') return <StatusScreen tone="error">{UI.unauthorized}</StatusScreen>;
  if (found.kind === 'none') return <StatusScreen tone="error">{UI.counterUnknown}</StatusScreen>;
  return (
    <ConsoleScreen
      key={`${found.counter}:${clerk}`}
      counter={found.counter}
      clerk={clerk}
      token={token}
      api={api}
      onSignOut={() => {
        saveClerk(localStorage, null);
        setClerk(null);
      }}
    />
  );
}
