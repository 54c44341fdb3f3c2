/** Covers the screen while a command is on its way, so a second tap lands nowhere. */
import { useText } from '../hooks/use-text.js';
import { useKiosk } from '../store/kiosk-context.js';

export function BusyOverlay() {
  const say = useText();
  const busy = useKiosk((s) => s.busy);
  if (!busy) return null;
  return (
    <div className="busy-overlay" role="status" aria-live="polite" data-testid="busy-overlay">
      <div className="spinner" />
      <div>{say(busy === 'issue' ? 'sending' : 'checkingIn')}</div>
    </div>
  );
}
