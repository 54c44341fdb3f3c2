/** Problems the citizen should know before tapping: hub unreachable, printer not ready. */
import { useText } from '../hooks/use-text.js';
import { useKiosk } from '../store/kiosk-context.js';

export function StatusBanners() {
  const say = useText();
  const connection = useKiosk((s) => s.connection);
  const printer = useKiosk((s) => s.printer);
  const hasHub = useKiosk((s) => s.hub !== null);
  const offline = hasHub && (connection === 'offline' || connection === 'unauthorized');
  return (
    <>
      {offline && (
        <div className="banner banner-offline" role="alert" data-testid="offline-banner">
          {say('systemPaused')}
        </div>
      )}
      {printer?.state === 'not-ready' && (
        <div className="banner banner-printer" role="status" data-testid="printer-banner">
          {say('printerProblem')}
        </div>
      )}
    </>
  );
}
