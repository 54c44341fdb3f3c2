import type { ConnectionStatus } from '@layso/shared/client';
import { UI } from '../strings.js';
import { OfflineIndicator } from './offline-indicator.js';
import { StatusScreen } from './status-screen.js';

/**
 * A screen before the hub's first snapshot. Without one there is nothing to show, but
 * the connection can already have failed (the hub stopped while the page loaded, or a
 * screen powered on while the hub is down): it then says "Mất kết nối" like a live
 * screen does, instead of "Đang kết nối…" for as long as the hub stays away.
 */
export function WaitingForHub({ status }: { status: ConnectionStatus }) {
  return (
    <>
      <StatusScreen>{UI.connecting}</StatusScreen>
      <OfflineIndicator status={status} />
    </>
  );
}
