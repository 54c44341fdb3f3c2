/**
 * After a CCCD scan: what the kiosk read ("Xin chào, Nguyễn Văn A") and what it will do, with
 * "Không phải tôi" to cancel (ends the session, nothing is sent). Only the name is shown.
 */
import { BigButton } from '../components/big-button.js';
import { useText } from '../hooks/use-text.js';
import { messageKeyOf, type KioskErrorKind } from '../logic/error-kind.js';
import { useKiosk } from '../store/kiosk-context.js';

export function CardScreen({ fullName, phase, error }: { fullName: string; phase: 'confirm' | 'elderly'; error: KioskErrorKind | null }) {
  const say = useText();
  const busy = useKiosk((s) => s.busy !== null);
  const cardContinue = useKiosk((s) => s.cardContinue);
  const cardPriority = useKiosk((s) => s.cardPriority);
  const endSession = useKiosk((s) => s.endSession);
  return (
    <main className="screen" data-testid="card-screen" data-phase={phase}>
      <h2 className="screen-title" data-testid="card-hello">
        {say('cardHello', { name: fullName })}
      </h2>
      <div className="notice-panel grow">
        <div className="notice-title" data-testid="card-intent">
          {say(phase === 'elderly' ? 'cardElderly' : 'cardWillCheckIn')}
        </div>
        {error && (
          <div className="checkin-error" role="alert" data-testid="card-error">
            {say(messageKeyOf(error))}
          </div>
        )}
        {phase === 'confirm' ? (
          <BigButton variant="online" testId="card-continue" label={busy ? say('checkingIn') : say('cardContinue')} disabled={busy} onPress={() => void cardContinue()} />
        ) : (
          <BigButton variant="priority" testId="card-priority" label={say('cardTakePriority')} onPress={cardPriority} />
        )}
        <BigButton testId="card-not-me" label={say('cardNotMe')} disabled={busy} onPress={endSession} />
      </div>
    </main>
  );
}

export function CardRefusedScreen({ reason }: { reason: string }) {
  const say = useText();
  const endSession = useKiosk((s) => s.endSession);
  return (
    <main className="screen" data-testid="card-refused-screen" data-reason={reason}>
      <div className="notice-panel grow">
        <div className="notice-title" role="alert" data-testid="card-refused-message">
          {say('cardRefused')}
        </div>
        <div className="notice-text">{say('cardRefusedDetail', { reason })}</div>
        <BigButton testId="card-back" label={say('cardBack')} onPress={endSession} />
      </div>
    </main>
  );
}
