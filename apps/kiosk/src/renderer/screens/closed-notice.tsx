/** Shown instead of the home screen while the center is outside its opening hours or closed early today. */
import { useText } from '../hooks/use-text.js';

export function ClosedNotice({ closedEarly = false }: { closedEarly?: boolean | undefined }) {
  const say = useText();
  return (
    <main className="screen" data-testid="home-screen">
      <div className="notice-panel grow" data-testid="closed-notice">
        <div className="notice-title">{say('closed')}</div>
        <div className="notice-text">{say(closedEarly ? 'closedEarlyHint' : 'closedHint')}</div>
      </div>
    </main>
  );
}
