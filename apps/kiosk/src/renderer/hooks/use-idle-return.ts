/**
 * Ends the session (home, Vietnamese) when nobody touched the screen for the
 * screen's idle time; every touch starts the count again.
 */
import { useEffect, useRef } from 'react';
import { createIdleTimer, type IdleTimer } from '../logic/idle-timer.js';
import { idleTimeoutFor } from '../logic/idle-policy.js';
import { useKiosk, useKioskStoreApi } from '../store/kiosk-context.js';

export function useIdleReturn(): void {
  const store = useKioskStoreApi();
  const screen = useKiosk((s) => s.screen);
  const language = useKiosk((s) => s.language);
  const config = useKiosk((s) => s.config);
  const bigText = useKiosk((s) => s.bigText);
  const timer = useRef<IdleTimer | null>(null);

  useEffect(() => {
    const idle = createIdleTimer(() => store.getState().endSession());
    timer.current = idle;
    const poke = () => idle.poke();
    // Capture phase: a touch counts even if a button stops it.
    window.addEventListener('pointerdown', poke, true);
    window.addEventListener('keydown', poke, true);
    return () => {
      idle.disarm();
      window.removeEventListener('pointerdown', poke, true);
      window.removeEventListener('keydown', poke, true);
    };
  }, [store]);

  // A new screen (or language, or text size) restarts the count with that screen's timeout.
  useEffect(() => {
    timer.current?.arm(idleTimeoutFor(screen, language, config, bigText));
  }, [screen, language, config, bigText]);
}
