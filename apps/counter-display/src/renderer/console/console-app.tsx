import { useEffect, useMemo, useState } from 'react';
import type { CounterClerkResponse } from '@layso/shared';
import { createApiClient, HubApiError } from '@layso/ui';
import { StatusScreen } from '../common/status-screen.js';
import { loadDeviceToken, TOKEN_STORAGE_KEY } from '../hub/device-token.js';
import { UI, useUiLanguage } from '../strings.js';
import { loadClerk, saveClerk } from './clerk-session.js';
import { ConsoleScreen } from './console-screen.js';
import { discoverCounter, type DiscoverResult } from './discover-counter.js';
import { PinSignInForm } from './pin-sign-in-form.js';
import { SignInForm } from './sign-in-form.js';

const COUNTER_STORAGE_KEY = 'layso.counter-display.counter';

function savedCounter(): number | null {
  const saved = Number(localStorage.getItem(COUNTER_STORAGE_KEY));
  return Number.isInteger(saved) && saved >= 1 && saved <= 999 ? saved : null;
}

/**
 * Sign-in, then the console of the token's counter. The device token comes from the
 * link (or is typed); then the hub says whether this counter needs a clerk sign-in:
 * with clerks configured, code + PIN (the hub remembers who is signed in); without,
 * the clerk's name as a label, kept in this browser.
 */
export function ConsoleApp({ counterParam }: { counterParam: number | null }) {
  // Re-renders the whole console (no memoized children) when the clerk switches language.
  useUiLanguage();
  const [token, setToken] = useState(loadDeviceToken);
  const [clerk, setClerk] = useState(() => loadClerk(localStorage));
  const [found, setFound] = useState<DiscoverResult | null>(null);
  const [clerkStatus, setClerkStatus] = useState<CounterClerkResponse | null>(null);
  const api = useMemo(() => createApiClient({ token }), [token]);

  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!token) return;
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    void (async () => {
      const result = await discoverCounter(() => api.device(), counterParam ?? savedCounter());
      if (!live) return;
      if (result.kind === 'found') localStorage.setItem(COUNTER_STORAGE_KEY, String(result.counter));
      let status: CounterClerkResponse | null = null;
      if (result.kind === 'found') {
        try {
          status = await api.counterClerk(result.counter);
        } catch (error) {
          // A hub from before clerk sign-in has no such endpoint: names only, as then.
          if (error instanceof HubApiError && error.code === 'NOT_FOUND') status = { required: false, clerk: null };
        }
        if (!live) return;
      }
      setFound(status === null && result.kind === 'found' ? { kind: 'unreachable' } : result);
      setClerkStatus(status);
      // The hub may be starting up (power cut in the morning): keep asking.
      if (result.kind === 'unreachable' || (result.kind === 'found' && status === null)) retry = setTimeout(() => setAttempt((n) => n + 1), 3_000);
    })();
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [api, token, counterParam, attempt]);

  if (!token) {
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
  if (clerkStatus === null) return <StatusScreen>{UI.findingCounter}</StatusScreen>;
  const counter = found.counter;
  if (clerkStatus.required) {
    if (!clerkStatus.clerk) {
      return (
        <PinSignInForm
          key={counter}
          counter={counter}
          onSignIn={async (code, pin) => setClerkStatus(await api.clerkSignIn(counter, { code, pin }))}
          centerTimeZone={async () => (await api.catalog()).center.timeZone}
        />
      );
    }
    const signedIn = clerkStatus.clerk;
    return (
      <ConsoleScreen
        key={`${counter}:clerk:${signedIn.code}`}
        counter={counter}
        clerk={signedIn.name}
        token={token}
        api={api}
        onSignOut={() => {
          // Back to the PIN form either way; a failed sign-out is found out on the next check.
          void api.clerkSignOut(counter).then(setClerkStatus, () => setAttempt((n) => n + 1));
          setClerkStatus({ required: true, clerk: null });
        }}
      />
    );
  }
  if (!clerk) {
    return (
      <SignInForm
        needsToken={false}
        onSignIn={(name) => {
          saveClerk(localStorage, name);
          setClerk(name);
        }}
      />
    );
  }
  return (
    <ConsoleScreen
      key={`${counter}:${clerk}`}
      counter={counter}
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
