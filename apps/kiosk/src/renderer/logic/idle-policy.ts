/**
 * How long the current screen may stay without a touch before the kiosk ends the
 * session (home, Vietnamese, normal text). null: nothing to time out (home in
 * Vietnamese with normal text): a citizen who turned on "Chữ to" gets it for their
 * session only, so the next citizen finds the kiosk as usual.
 */
import type { Language } from '@layso/shared';
import type { KioskConfig } from '../config/kiosk-config.js';

export function idleTimeoutFor(screen: { name: string }, language: Language, config: KioskConfig, bigText = false): number | null {
  if (screen.name === 'ticket') return config.ticketIdleMs;
  if (screen.name === 'home' && language === 'vi' && !bigText) return null;
  return config.idleMs;
}
