/** The "Trở về" button at the bottom of every screen below home. */
import { useText } from '../hooks/use-text.js';
import { useKiosk } from '../store/kiosk-context.js';

export function BottomBar() {
  const say = useText();
  const goBack = useKiosk((s) => s.goBack);
  return (
    <div className="bottom-bar">
      <button type="button" className="action-button secondary" data-testid="back-button" onClick={goBack}>
        ← {say('back')}
      </button>
    </div>
  );
}
