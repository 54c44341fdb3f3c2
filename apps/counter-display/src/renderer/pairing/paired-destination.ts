import type { PairingResult } from '@layso/shared';

/**
 * The page a freshly paired counter-display opens: the screen the admin chose when
 * claiming the code, whatever address the device started on.
 */
export function pairedDestination(result: Pick<PairingResult, 'screen' | 'counter'>): string {
  switch (result.screen) {
    case 'counter':
      return result.counter === null ? '/counter' : `/counter?counter=${result.counter}`;
    case 'door':
      return result.counter === null ? '/door' : `/door?counter=${result.counter}`;
    case 'board':
      return '/board';
    case 'kiosk':
      // A kiosk token on a counter-display: the hub refuses this pairing; stay safe anyway.
      return '/kiosk/';
  }
}
