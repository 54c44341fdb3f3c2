import { describe, expect, it } from 'vitest';
import { formatDateTime, localMinuteOfDay, serviceDay, startOfServiceDay } from './time.js';

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
