import { useCallback, useEffect, useState } from 'react';
import { clockStatusSchema, type ClockStatus } from '@layso/shared';
import { useApi } from '../api/use-api.js';
import { useText } from '../i18n/use-text.js';
import { clockWarningHint, clockWarningLines } from '../logic/clock-warning-text.js';
import { useTimeZone } from '../store/live-store.js';

/** How often the console asks for the hub's clock state: a jump is rare, a minute late is fine. */
const CLOCK_POLL_MS = 60_000;

/**
 * On every page: the hub's clock went back or jumped ahead (tickets carry a wrong date or
 * time). Stays until an administrator says the clock was checked; the hub keeps the
 * warning across restarts until then.
 */
export function ClockWarningBanner() {
  const t = useText();
  const api = useApi();
  const timeZone = useTimeZone();
  const [status, setStatus] = useState<ClockStatus | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setStatus(await api.get('/api/admin/clock', clockStatusSchema));
    } catch {
      // An unreachable hub is already shown by the connection state; try again on the next poll.
    }
  }, [api]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), CLOCK_POLL_MS);
    return () => clearInterval(timer);
  }, [load]);

  if (!status || status.warnings.length === 0) return null;
  const acknowledge = async () => {
    setBusy(true);
    try {
      setStatus(await api.post('/api/admin/clock/acknowledge', undefined, clockStatusSchema));
    } catch {
      // Left as it is: the banner stays and the button can be pressed again.
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="banner banner-warn" role="alert" data-testid="clock-warning">
      <p>
        <strong>{t('clockWarningTitle')}</strong>
      </p>
      <ul>
        {clockWarningLines(t, status, timeZone).map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      <p>{clockWarningHint(t, status, timeZone)}</p>
      <button type="button" disabled={busy} onClick={() => void acknowledge()} data-testid="clock-acknowledge">
        {t('clockAcknowledge')}
      </button>
    </div>
  );
}
