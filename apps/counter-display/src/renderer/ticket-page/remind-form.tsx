import { useEffect, useState, type FormEvent } from 'react';
import { normalizeVnPhone, type Language, type ReminderStatus } from '@layso/shared';
import { createApiClient, HubApiError } from '@layso/ui';
import { remindText } from './remind-text.js';
import { ts, type TicketStringKey } from './ticket-strings.js';

type FormState = { kind: 'idle' | 'sending' } | { kind: 'error'; key: TicketStringKey };

/**
 * "Báo cho tôi khi sắp đến lượt": the citizen leaves a phone number and may walk away.
 * Offered only when the hub has a channel to carry it (GET …/reminder), with that
 * channel, the threshold and how long the number is kept; the citizen must consent.
 * A registration is the hub's to remember: after a reload the page asks it again.
 */
export function RemindForm({ day, number, language }: { day: string; number: string; language: Language }) {
  const [reminder, setReminder] = useState<ReminderStatus | null>(null);
  const [phone, setPhone] = useState('');
  const [consent, setConsent] = useState(false);
  const [state, setState] = useState<FormState>({ kind: 'idle' });

  useEffect(() => {
    let closed = false;
    createApiClient({ token: null })
      .reminderStatus(day, number)
      .then((status) => !closed && setReminder(status))
      // No answer: offer nothing rather than a form that may promise what the hub cannot do.
      .catch(() => undefined);
    return () => {
      closed = true;
    };
  }, [day, number]);

  if (reminder?.registered) return <Registered reminder={reminder} language={language} />;
  if (reminder === null) return null;
  // The hub answered that no channel is configured: no form (a hidden marker says it answered).
  if (reminder.offer === null) return <div hidden data-testid="remind-unavailable" />;
  const offer = reminder.offer;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizeVnPhone(phone);
    if (normalized === null) return setState({ kind: 'error', key: 'remindInvalid' });
    if (!consent) return setState({ kind: 'error', key: 'remindConsentNeeded' });
    setState({ kind: 'sending' });
    try {
      const api = createApiClient({ token: null });
      await api.subscribe(day, number, { phone: normalized });
      setReminder(await api.reminderStatus(day, number));
      setState({ kind: 'idle' });
    } catch (error) {
      const code = error instanceof HubApiError ? error.code : 'NETWORK';
      setState({ kind: 'error', key: code === 'RATE_LIMITED' ? 'remindLimited' : code === 'VALIDATION' ? 'remindInvalid' : 'remindFailed' });
    }
  };

  return (
    <form className="remind-form" data-testid="remind-form" data-channel={offer.channel} onSubmit={(event) => void submit(event)}>
      <label htmlFor="remind-phone">{ts(language, 'remindTitle')}</label>
      <p className="remind-offer" data-testid="remind-offer">
        {remindText.offer(language, offer.channel, offer.remindAhead)}
      </p>
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
      <label className="remind-consent">
        <input type="checkbox" name="consent" data-testid="remind-consent" checked={consent} onChange={(event) => setConsent(event.target.checked)} />
        <span>{remindText.consent(language, offer.keepDays)}</span>
      </label>
      {state.kind === 'error' && (
        <p className="remind-error" role="alert">
          {ts(language, state.key)}
        </p>
      )}
    </form>
  );
}

function Registered({ reminder, language }: { reminder: ReminderStatus; language: Language }) {
  const registered = reminder.registered!;
  return (
    <p className="remind-done" data-testid="remind-done" data-channel={registered.channel}>
      {remindText.registered(language, registered.channel, registered.phone, reminder.offer?.remindAhead ?? null)}
    </p>
  );
}
