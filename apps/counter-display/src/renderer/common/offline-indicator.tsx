import type { ConnectionStatus } from '@layso/shared/client';
import { UI } from '../strings.js';

/**
 * A discreet pill in a corner while the hub cannot be reached. The numbers stay on
 * screen (dimmed by the page) because a short network blip should not blank a hall;
 * the next snapshot replaces them all.
 */
export function OfflineIndicator({ status }: { status: ConnectionStatus }) {
  if (status !== 'offline') return null;
  return (
    <div className="offline-indicator" role="status" data-testid="offline-indicator">
      <span className="offline-dot" aria-hidden="true" />
      {UI.offline}
    </div>
  );
}
