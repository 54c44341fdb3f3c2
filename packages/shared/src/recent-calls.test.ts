import { describe, expect, it } from 'vitest';
import { addRecentCall } from './recent-calls.js';
import type { RecentCall } from './schemas/events.js';

const call = (number: string, counter: number, at: string, recall = false): RecentCall => ({
  number,
  counter,
  serviceId: 's',
  areaId: 'a',
  recall,
  at: `2026-03-02T03:00:${at}Z`,
});

describe('addRecentCall', () => {
  it('keeps each ticket once, at its latest call: a transfer called at the new counter replaces the old line', () => {
    let list: RecentCall[] = [];
    list = addRecentCall(list, call('86004', 86, '00'), 20);
    list = addRecentCall(list, call('86005', 86, '10'), 20);
    list = addRecentCall(list, call('86004', 87, '20'), 20);
    expect(list.map((c) => `${c.number}→${c.counter}`)).toEqual(['86004→87', '86005→86']);
  });

  it('moves a recalled number to the top and keeps the limit', () => {
    let list: RecentCall[] = [];
    for (const n of ['86001', '86002', '86003']) list = addRecentCall(list, call(n, 86, '00'), 2);
    expect(list.map((c) => c.number)).toEqual(['86003', '86002']);
    list = addRecentCall(list, call('86002', 86, '30', true), 2);
    expect(list.map((c) => [c.number, c.recall])).toEqual([
      ['86002', true],
      ['86003', false],
    ]);
  });
});
