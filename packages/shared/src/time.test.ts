import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateTime, localMinuteOfDay, localParts, serviceDay, startOfServiceDay } from './time.js';

const HCM = 'Asia/Ho_Chi_Minh';

describe('center time', () => {
  it('formats the seed deadline as dd/MM/yyyy HH:mm in Vietnam time', () => {
    // 15:17 on 03/04/2020 in Hồ Chí Minh City is 08:17 UTC.
    expect(formatDateTime('2020-04-03T08:17:00Z', HCM)).toBe('03/04/2020 15:17');
  });

  it('uses a 24-hour clock with leading zeros', () => {
    expect(formatDateTime('2026-01-05T17:05:00Z', HCM)).toBe('06/01/2026 00:05');
  });

  it('rolls the service day over at local midnight, not UTC midnight', () => {
    expect(serviceDay(Date.parse('2026-11-22T16:59:59Z'), HCM)).toBe('2026-11-22');
    expect(serviceDay(Date.parse('2026-11-22T17:00:00Z'), HCM)).toBe('2026-11-23');
    expect(serviceDay(Date.parse('2026-11-22T17:00:00Z'), 'UTC')).toBe('2026-11-22');
  });

  it('gives minutes since local midnight', () => {
    expect(localMinuteOfDay(Date.parse('2026-11-22T00:30:00Z'), HCM)).toBe(7 * 60 + 30);
  });
});

describe('startOfServiceDay', () => {
  it('is local midnight of the day in the center time zone', () => {
    expect(new Date(startOfServiceDay('2026-11-23', 'Asia/Ho_Chi_Minh')).toISOString()).toBe('2026-11-22T17:00:00.000Z');
    expect(new Date(startOfServiceDay('2026-03-29', 'Europe/Berlin')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(new Date(startOfServiceDay('2026-03-30', 'Europe/Berlin')).toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });
});

describe('localParts (kept per UTC minute)', () => {
  // Zones with half- and quarter-hour offsets, daylight saving, and (Monrovia, before 1972) an offset in seconds.
  const zones = ['Asia/Ho_Chi_Minh', 'Asia/Kathmandu', 'Australia/Eucla', 'America/St_Johns', 'Europe/Berlin', 'Africa/Monrovia', 'UTC'];
  const fresh = (instant: number, timeZone: string) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', weekday: 'short' })
        .formatToParts(instant)
        .map((p) => [p.type, p.value]),
    );
    const { year, month, day, hour, minute } = parts;
    return { year, month, day, hour, minute, weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday!) };
  };

  it('property: equals a fresh formatting for any instant and zone, however the calls follow each other', () => {
    const instant = fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) });
    // Each step may stay in the minute just asked about (other seconds), move a little, or jump anywhere.
    const step = fc.oneof(fc.integer({ min: -59_999, max: 59_999 }), fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 }), instant.map((at) => ({ at })));
    fc.assert(
      fc.property(instant, fc.array(fc.tuple(step, fc.constantFrom(...zones)), { minLength: 1, maxLength: 30 }), (start, steps) => {
        let at = start;
        for (const [move, zone] of steps) {
          at = typeof move === 'number' ? at + move : move.at;
          expect(localParts(at, zone)).toEqual(fresh(at, zone));
          expect(localParts(new Date(at), zone)).toEqual(fresh(at, zone));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a local minute that starts inside a UTC minute (an offset in seconds, before 1972) is not mistaken for its neighbour', () => {
    // Monrovia was UTC-0:44:30 in 1950: 10:00:29 UTC is 09:15:59 local, 10:00:31 is 09:16:01.
    expect(localParts(Date.parse('1950-06-01T10:00:29Z'), 'Africa/Monrovia').minute).toBe('15');
    expect(localParts(Date.parse('1950-06-01T10:00:31Z'), 'Africa/Monrovia').minute).toBe('16');
  });

  it('rejects an invalid instant as the formatter does', () => {
    expect(() => localParts(Number.NaN, 'Asia/Ho_Chi_Minh')).toThrow(RangeError);
  });
});
