/** Before the first snapshot: connecting, or the hub cannot be reached. */
import { useText } from '../hooks/use-text.js';
import { useKiosk } from '../store/kiosk-context.js';

export function WaitingScreen() {
  const say = useText();
  const connection = useKiosk((s) => s.connection);
  const message = connection === 'unauthorized' ? 'notProvisioned' : connection === 'offline' ? 'systemPaused' : 'connecting';
  return (
    <main className="screen" data-testid="waiting-screen">
      <div className="notice-panel grow">
        <div className="notice-title" role="status" data-testid="waiting-message">
          {say(message)}
        </div>
      </div>
    </main>
  );
}
