import { describe, expect, it } from 'vitest';
import { idleTimeoutFor } from './idle-policy.js';

const config = { idleMs: 30_000, ticketIdleMs: 10_000 };

describe('idleTimeoutFor', () => {
  it('keeps home in Vietnamese as it is', () => {
    expect(idleTimeoutFor({ name: 'home' }, 'vi', config)).toBeNull();
  });

  it('brings home in English back to Vietnamese after the idle time', () => {
    expect(idleTimeoutFor({ name: 'home' }, 'en', config)).toBe(30_000);
  });

  it('ends a "Chữ to" session on home after the idle time, so the next citizen gets normal text', () => {
    expect(idleTimeoutFor({ name: 'home' }, 'vi', config, true)).toBe(30_000);
  });

  it('uses the short ticket timeout on the ticket screen', () => {
    expect(idleTimeoutFor({ name: 'ticket' }, 'vi', config)).toBe(10_000);
  });

  it.each(['services', 'priority', 'priority-areas', 'checkin', 'error'])('returns home from %s after the idle time', (name) => {
    expect(idleTimeoutFor({ name }, 'vi', config)).toBe(30_000);
  });
});
