import { useState, type FormEvent } from 'react';
import { UI } from '../strings.js';
import { normalizeClerkName } from './clerk-session.js';

interface SignInFormProps {
  /** Ask for the device token too (the page was opened without a provisioning link). */
  needsToken: boolean;
  initialName?: string;
  onSignIn(clerk: string, token: string | null): void;
}

/** Without clerks at the hub, the clerk types a name (see PinSignInForm otherwise); the device token comes from the link. */
export function SignInForm({ needsToken, initialName = '', onSignIn }: SignInFormProps) {
  const [name, setName] = useState(initialName);
  const [token, setToken] = useState('');
  const clerk = normalizeClerkName(name);
  const ready = clerk !== null && (!needsToken || token.trim() !== '');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    onSignIn(clerk!, needsToken ? token.trim() : null);
  }

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} data-testid="sign-in">
        <h1>{UI.signInTitle}</h1>
        {needsToken && (
          <>
            <p className="sign-in-hint">{UI.noToken}</p>
            <label>
              {UI.deviceToken}
              <input value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" spellCheck={false} name="token" />
            </label>
          </>
        )}
        <label>
          {UI.clerkName}
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={80} name="clerk" autoComplete="name" />
        </label>
        <button type="submit" disabled={!ready}>
          {UI.signIn}
        </button>
      </form>
    </main>
  );
}
