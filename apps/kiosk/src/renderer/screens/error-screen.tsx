/** A failure, in one sentence, with "Thử lại" when trying again is safe. */
import { BottomBar } from '../components/bottom-bar.js';
import { WarningIcon } from '../components/warning-icon.js';
import { useText } from '../hooks/use-text.js';
import { canRetry, messageKeyOf, type KioskErrorKind } from '../logic/error-kind.js';
import { useKiosk } from '../store/kiosk-context.js';

export function ErrorScreen({ kind }: { kind: KioskErrorKind }) {
  const say = useText();
  const retry = useKiosk((s) => s.retry);
  return (
    <>
      <main className="screen" data-testid="error-screen" data-kind={kind}>
        <div className="notice-panel grow">
          <WarningIcon />
          <div className="notice-title" data-testid="error-message" role="alert">
            {say(messageKeyOf(kind))}
          </div>
          {canRetry(kind) && (
            <button type="button" className="action-button" data-testid="retry-button" onClick={() => void retry()}>
              {say('retry')}
            </button>
          )}
        </div>
      </main>
      <BottomBar />
    </>
  );
}
