/** The kiosk's screens: one citizen session walks through a few of them. */
import type { CccdRefusal, IssuedTicket } from '@layso/shared';
import type { CheckinEntry } from '../logic/checkin-entry.js';
import type { KioskErrorKind } from '../logic/error-kind.js';

/** `none`: plain browser or no printer configured: the citizen is asked to remember the number. */
export type PrintState = 'printing' | 'printed' | 'failed' | 'none';

export type Screen =
  | { name: 'home' }
  | { name: 'services'; areaId: string; priority: string | null }
  | { name: 'priority' }
  | { name: 'priority-areas'; priority: string }
  | { name: 'ticket'; ticket: IssuedTicket; print: PrintState; checkedIn: boolean }
  | { name: 'checkin'; entry: CheckinEntry; error: KioskErrorKind | null }
  | { name: 'error'; kind: KioskErrorKind; back: Screen }
  /**
   * A CCCD was scanned: "Xin chào, <name>" and what the kiosk will do. `confirm`: look for
   * today's online booking and print it; `elderly`: no booking, offer the "Người cao tuổi"
   * priority ticket. Only the name is kept on screen.
   */
  | { name: 'card'; fullName: string; phase: 'confirm' | 'elderly'; error: KioskErrorKind | null }
  /** A scan the strict parser refused: one sentence on why, then back home. */
  | { name: 'card-refused'; reason: CccdRefusal };

export type ScreenName = Screen['name'];
