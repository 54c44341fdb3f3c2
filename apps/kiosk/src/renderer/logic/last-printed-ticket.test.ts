import { describe, expect, it } from 'vitest';
import type { PrintableTicket } from '../../main/bridge-api.js';
import { PRINTABLE } from '../../main/test-support.js';
import { LAST_TICKET_KEY, loadLastPrinted, reprintableToday, saveLastPrinted, type LastTicketStorage } from './last-printed-ticket.js';

function memoryStorage(): LastTicketStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const TICKET: PrintableTicket = { ...PRINTABLE };
const HANOI = 'Asia/Ho_Chi_Minh';

describe('the last printed ticket, kept across reloads', () => {
  it('reads back what was saved, as a new page would', () => {
    const storage = memoryStorage();
    expect(loadLastPrinted(storage)).toBeNull();
    saveLastPrinted(storage, { day: '2026-03-04', ticket: TICKET });
    expect(loadLastPrinted(storage)).toEqual({ day: '2026-03-04', ticket: TICKET });
    saveLastPrinted(storage, { day: '2026-03-04', ticket: { ...TICKET, number: '86002' } });
    expect(loadLastPrinted(storage)?.ticket.number).toBe('86002');
  });

  it('reprints only on the same service day, in the center time zone', () => {
    const last = { day: '2026-03-04', ticket: TICKET };
    // 23:59 on 04/03 in Hanoi is still the same day; 00:00 on 05/03 is the next one.
    expect(reprintableToday(last, Date.parse('2026-03-04T16:59:00.000Z'), HANOI)).toEqual(TICKET);
    expect(reprintableToday(last, Date.parse('2026-03-04T17:00:00.000Z'), HANOI)).toBeNull();
    expect(reprintableToday(last, Date.parse('2026-03-03T23:00:00.000Z'), HANOI)).toEqual(TICKET);
    // Without the catalog, the ticket's own time zone decides.
    expect(reprintableToday(last, Date.parse('2026-03-04T17:00:00.000Z'), null)).toBeNull();
    expect(reprintableToday(last, Date.parse('2026-03-04T16:00:00.000Z'), null)).toEqual(TICKET);
    expect(reprintableToday(null, Date.parse('2026-03-04T02:00:00.000Z'), HANOI)).toBeNull();
    expect(reprintableToday(last, Date.parse('2026-03-04T02:00:00.000Z'), 'Not/A_Zone')).toBeNull();
  });

  it('drops an unreadable entry instead of printing it', () => {
    const storage = memoryStorage();
    for (const text of ['{not json', JSON.stringify({ day: '2026-03-04', ticket: { ...TICKET, number: 'abc' } }), JSON.stringify({ day: 'today', ticket: TICKET })]) {
      storage.map.set(LAST_TICKET_KEY, text);
      expect(loadLastPrinted(storage)).toBeNull();
      expect(storage.map.has(LAST_TICKET_KEY)).toBe(false);
    }
  });

  it('survives a storage that refuses to work (quota, privacy mode), and works without one', () => {
    const broken: LastTicketStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => saveLastPrinted(broken, { day: '2026-03-04', ticket: TICKET })).not.toThrow();
    expect(loadLastPrinted(broken)).toBeNull();
    expect(loadLastPrinted(null)).toBeNull();
    expect(() => saveLastPrinted(null, { day: '2026-03-04', ticket: TICKET })).not.toThrow();
  });
});
