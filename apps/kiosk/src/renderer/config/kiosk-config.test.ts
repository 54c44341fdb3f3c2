import { describe, expect, it } from 'vitest';
import { DEFAULT_KIOSK_CONFIG, parseKioskConfig } from './kiosk-config.js';

describe('parseKioskConfig', () => {
  it('uses 30 s idle and 10 s on the ticket by default', () => {
    expect(parseKioskConfig('')).toEqual({ idleMs: 30_000, ticketIdleMs: 10_000, voice: false });
  });

  it('reads both timings from the query', () => {
    expect(parseKioskConfig('?idleMs=2500&ticketIdleMs=1500')).toEqual({ idleMs: 2_500, ticketIdleMs: 1_500, voice: false });
  });

  it.each(['abc', '-1', '0', '1.5', '99999999', ''])('falls back to the default for %j', (value) => {
    expect(parseKioskConfig(`?idleMs=${value}&ticketIdleMs=${value}`)).toEqual(DEFAULT_KIOSK_CONFIG);
  });

  it('reads the issued number aloud only with ?voice=on (off by default)', () => {
    expect(parseKioskConfig('?voice=on').voice).toBe(true);
    expect(parseKioskConfig('?voice=1').voice).toBe(false);
  });
});
