/**
 * How long the current screen may stay without a touch before the kiosk ends the
 * session (home, Vietnamese). null: nothing to time out (home in Vietnamese).
 */
import type { Language } from '@layso/shared';
import type { KioskConfig } from '../config/kiosk-config.js';

export function idleTimeoutFor(screen: { name: string }, language: Language, config: KioskConfig): number | null {
  if (screen.name === 'ticket') return config.ticketIdleMs;
  if (screen.name === 'home' && language === 'vi') return null;
  return config.idleMs;
}
