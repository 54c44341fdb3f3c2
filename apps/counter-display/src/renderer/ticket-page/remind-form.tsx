import { useState, type FormEvent } from 'react';
import { normalizeVnPhone, type Language } from '@layso/shared';
import { createApiClient, HubApiError } from '@layso/shared/client';
import { ts, type TicketStringKey } from './ticket-strings.js';

type FormState = { kind: 'idle' | 'sending' | 'done' } | { kind: 'error'; key: TicketStringKey };

/**
 * "Báo cho tôi khi sắp đến lượt": the citizen leaves a phone number and may walk away;
 * the hub texts them when their turn is near and when they are called. The number is
 * checked here for a quick answer and again by the hub.
 */
export function RemindForm({ day, number, language }: { day: string; number: string; language: Language }) {
  const [phone, setPhone] = useState('');
  const [state, setState] = useState<FormState>({ kind: 'idle' });

  if (state.kind === 'done') {
    return (
      <p className="remind-done" data-testid="remind-done">
        {ts(language, 'remindDone')}
      </p>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeVnPhone(phone);
    if (normalized === null) return setState({ kind: 'error', key: 'remindInvalid' });
    setState({ kind: 'sending' });
    try {
      await createApiClient({ token: null }).subscribe(day, number, { phone: normalized });
      setState({ kind: 'done' });
    } catch (error) {
      const code = error instanceof HubApiError ? error.code : 'NETWORK';
      setState({ kind: 'error', key: code === 'RATE_LIMITED' ? 'remindLimited' : code === 'VALIDATION' ? 'remindInvalid' : 'remindFailed' });
    }
  };

  return (
    <form className="remind-form" data-testid="remind-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor="remind-phone">{ts(language, 'remindTitle')}</label>
      <div className="remind-row">
        <input
          id="remind-phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          placeholder={ts(language, 'remindPhone')}
          value={phone}
          onChange={(event) => setPhone(event.target.value)}
        />
        <button type="submit" disabled={state.kind === 'sending'}>
          {ts(language, 'remindSubmit')}
        </button>
      </div>
      {state.kind === 'error' && (
        <p className="remind-error" role="alert">
          {ts(language, state.key)}
        </p>
      )}
    </form>
  );
}
