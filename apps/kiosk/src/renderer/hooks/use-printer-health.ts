/** Asks the shell about its printer now and then, so the home screen can warn early. */
import { useEffect } from 'react';
import type { KioskBridge } from '../../main/bridge-api.js';
import { useKioskStoreApi } from '../store/kiosk-context.js';

const POLL_MS = 20_000;

export function usePrinterHealth(bridge: KioskBridge | null): void {
  const store = useKioskStoreApi();
  useEffect(() => {
    if (!bridge) return;
    let stopped = false;
    const check = () => {
      bridge
        .printerStatus()
        .then((health) => {
          if (!stopped) store.getState().setPrinter(health);
        })
        .catch(() => undefined);
    };
    check();
    const handle = setInterval(check, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(handle);
    };
  }, [bridge, store]);
}
