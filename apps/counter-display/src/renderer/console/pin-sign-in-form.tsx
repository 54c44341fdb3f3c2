import { useState, type FormEvent } from 'react';
import { DEFAULT_TIME_ZONE } from '@layso/shared';
import { HubApiError } from '@layso/ui';
import { LanguageToggle } from '../common/language-toggle.js';
import { UI } from '../strings.js';
import { isPinShaped, normalizeClerkCode } from './clerk-session.js';
import { errorText, lockedUntil } from './error-text.js';

interface PinSignInFormProps {
  counter: number;
  /** Resolves once the hub accepted the code and PIN; rejects with the hub's refusal. */
  onSignIn(code: string, pin: string): Promise<void>;
  /** The center's time zone, asked only to show when a lockout ends. */
  centerTimeZone(): Promise<string>;
}

/** Clerks configured at the hub: the clerk signs in at this counter with code + PIN (big digits). */
export function PinSignInForm({ counter, onSignIn, centerTimeZone }: PinSignInFormProps) {
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const clerkCode = normalizeClerkCode(code);
  const ready = clerkCode !== null && isPinShaped(pin) && !busy;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    try {
      await onSignIn(clerkCode, pin);
    } catch (failure) {
      // A wrong PIN clears the PIN field only: the code was probably right.
      setPin('');
      // The hub says when a lock ends; shown in the center's time (Vietnam's if the catalog is out of reach).
      const timeZone = lockedUntil(failure) ? await centerTimeZone().catch(() => DEFAULT_TIME_ZONE) : DEFAULT_TIME_ZONE;
      setError(failure instanceof HubApiError && failure.code === 'BAD_CREDENTIALS' ? UI.clerkBadCredentials : errorText(failure, timeZone));
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={(e) => void submit(e)} data-testid="clerk-pin-sign-in">
        <h1>
          {UI.signInTitle} {counter}
        </h1>
        <p className="sign-in-hint">{UI.clerkPinHint}</p>
        <label>
          {UI.clerkCode}
          <input value={code} onChange={(e) => setCode(e.target.value)} autoFocus maxLength={20} name="clerk-code" autoComplete="username" spellCheck={false} />
        </label>
        <label>
          {UI.clerkPin}
          <input
            className="pin-input"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
            type="password"
            inputMode="numeric"
            pattern="\d{4,8}"
            maxLength={8}
            name="clerk-pin"
            autoComplete="current-password"
          />
        </label>
        {error && (
          <p className="sign-in-error" role="alert" data-testid="clerk-sign-in-error">
            {error}
          </p>
        )}
        <button type="submit" disabled={!ready}>
          {UI.signIn}
        </button>
        <LanguageToggle />
      </form>
    </main>
  );
}
