import { describe, expect, it } from 'vitest';
import type { QueueStore } from '../ports.js';
import { DAY, NEXT_DAY, B, T0, newTicket, config } from './fixtures.js';

/** The configuration, meta values and ticket sequences. */
export function describeConfigMetaAndSequences(open: () => QueueStore): void {
  describe('configuration, meta and sequences', () => {
    it('stores one configuration: none at first, the last one saved afterwards', () => {
      const store = open();
      expect(store.loadConfig()).toBeNull();
      store.saveConfig(config('Một'), T0);
      store.saveConfig(config('Hai'), T0 + 1);
      expect(store.loadConfig()).toEqual(config('Hai'));
    });

    it('keeps meta values by key, the last write winning', () => {
      const store = open();
      expect(store.getMeta('day')).toBeNull();
      store.setMeta('day', DAY);
      store.setMeta('other', 'x');
      store.setMeta('day', NEXT_DAY);
      expect([store.getMeta('day'), store.getMeta('other')]).toEqual([NEXT_DAY, 'x']);
    });

    it('keeps a last sequence per day and prefix (0 before the first), refusing values past 999', () => {
      const store = open();
      expect(store.lastSeq(DAY, '86')).toBe(0);
      store.setLastSeq(DAY, '86', 4);
      store.setLastSeq(DAY, '66', 9);
      store.setLastSeq(NEXT_DAY, '86', 1);
      store.setLastSeq(DAY, '86', 5);
      expect([store.lastSeq(DAY, '86'), store.lastSeq(DAY, '66'), store.lastSeq(NEXT_DAY, '86'), store.lastSeq(NEXT_DAY, '66')]).toEqual([5, 9, 1, 0]);
      expect(() => store.setLastSeq(DAY, '86', 1000)).toThrow();
      expect(store.lastSeq(DAY, '86')).toBe(5);
    });

    it('finds the highest stored sequence of a day and prefix, whatever the sequence row says', () => {
      const store = open();
      expect(store.highestSeq(DAY, '86')).toBe(0);
      store.insertTicket(newTicket(3));
      store.insertTicket(newTicket(12));
      store.insertTicket(newTicket(7));
      store.insertTicket(newTicket(40, { prefix: '66', serviceId: B }));
      store.insertTicket(newTicket(90, { day: NEXT_DAY }));
      store.setLastSeq(DAY, '86', 1);
      expect([store.highestSeq(DAY, '86'), store.highestSeq(DAY, '66'), store.highestSeq(NEXT_DAY, '86'), store.highestSeq(NEXT_DAY, '66')]).toEqual([12, 40, 90, 0]);
    });
  });
}
