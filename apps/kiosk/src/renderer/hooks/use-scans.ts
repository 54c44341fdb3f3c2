/**
 * One source of CCCD scans for the page, whatever the scanner's mode: serial scans arrive
 * through the bridge (window.layso.onScan), keyboard-wedge scans are picked out of the page's
 * key events by KeyboardWedgeDetector. The payload is personal data: handed to `onScan`, never
 * logged or kept here.
 */
import { useEffect, useRef } from 'react';
import type { KioskBridge } from '../../main/bridge-api.js';
import { KeyboardWedgeDetector } from '../logic/keyboard-wedge.js';

export function useScans(bridge: KioskBridge | null, onScan: (payload: string) => void): void {
  const latest = useRef(onScan);
  useEffect(() => {
    latest.current = onScan;
  }, [onScan]);

  useEffect(() => {
    const deliver = (payload: string) => latest.current(payload);
    const detector = new KeyboardWedgeDetector();
    const onKey = (event: KeyboardEvent) => {
      // event.timeStamp is when the key arrived, not when this handler ran: a busy page
      // cannot stretch the gaps of a scanner burst.
      const payload = detector.feed(event.key, event.timeStamp);
      if (payload !== null) {
        event.preventDefault();
        deliver(payload);
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    const unsubscribe = bridge?.onScan?.(deliver);
    return () => {
      window.removeEventListener('keydown', onKey, { capture: true });
      unsubscribe?.();
    };
  }, [bridge]);
}
