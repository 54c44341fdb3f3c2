import { describe, expect, it } from 'vitest';
import { ADMIN_SESSION, isSessionAlive, sessionEnd, shouldTouch } from './session-policy.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('admin session lifetime', () => {
  const session = { createdAt: 0, expiresAt: 12 * HOUR, lastSeenAt: 0 };

  it('ends after 30 idle minutes', () => {
    expect(isSessionAlive(session, 30 * MIN - 1, ADMIN_SESSION)).toBe(true);
    expect(isSessionAlive(session, 30 * MIN, ADMIN_SESSION)).toBe(false);
  });

  it('slides with use but never past 12 hours after sign-in', () => {
    const used = { ...session, lastSeenAt: 11 * HOUR + 50 * MIN };
    expect(sessionEnd(used, ADMIN_SESSION)).toBe(12 * HOUR);
    expect(isSessionAlive(used, 12 * HOUR - 1, ADMIN_SESSION)).toBe(true);
    expect(isSessionAlive(used, 12 * HOUR, ADMIN_SESSION)).toBe(false);
    expect(sessionEnd({ ...session, lastSeenAt: HOUR }, ADMIN_SESSION)).toBe(HOUR + 30 * MIN);
  });

  it('touches the last-use time at most once a minute', () => {
    expect(shouldTouch(session, 59_999, ADMIN_SESSION)).toBe(false);
    expect(shouldTouch(session, 60_000, ADMIN_SESSION)).toBe(true);
  });
});
