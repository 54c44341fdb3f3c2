import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogCounter, RecentCall } from '@layso/shared';
import { areaNames, boardCalls, boardCounters, unknownAreaIds } from './board-filter.js';

function counter(number: number, areaId: string): CatalogCounter {
  return { number, name: `Quầy ${number}`, areaId, serviceIds: [`s${number}`], status: 'open', current: null };
}

const catalog: Catalog = {
  day: '2026-03-02',
  center: { name: 'Trung tâm', timeZone: 'Asia/Ho_Chi_Minh' },
  open: true,
  priorityCategories: [],
  areas: [
    { id: 'tang-1', name: 'Tầng 1', services: [] },
    { id: 'tang-2', name: 'Tầng 2', services: [] },
    { id: 'tang-3', name: 'Tầng 3', services: [] },
  ],
  counters: [counter(86, 'tang-3'), counter(11, 'tang-1'), counter(60, 'tang-3'), counter(21, 'tang-2')],
};

function call(number: string, counterNumber: number, areaId: string, at: string, recall = false): RecentCall {
  return { number, counter: counterNumber, serviceId: 'x', areaId, recall, at };
}

describe('boardCounters', () => {
  it('keeps the counters of the board areas, sorted by number', () => {
    expect(boardCounters(catalog, ['tang-3']).map((c) => c.number)).toEqual([60, 86]);
    expect(boardCounters(catalog, ['tang-3', 'tang-1']).map((c) => c.number)).toEqual([11, 60, 86]);
  });

  it('shows every counter when no area is given', () => {
    expect(boardCounters(catalog, []).map((c) => c.number)).toEqual([11, 21, 60, 86]);
  });
});

describe('boardCalls', () => {
  const calls = [
    call('86002', 86, 'tang-3', '2026-03-02T03:05:00Z'),
    call('11001', 11, 'tang-1', '2026-03-02T03:04:00Z'),
    call('86001', 86, 'tang-3', '2026-03-02T03:03:00Z', true),
    call('60001', 60, 'tang-3', '2026-03-02T03:02:00Z'),
    call('86001', 86, 'tang-3', '2026-03-02T03:01:00Z'),
  ];

  it('keeps only the calls of the board areas, newest first', () => {
    expect(boardCalls(calls, ['tang-1'], 10).map((c) => c.number)).toEqual(['11001']);
    expect(boardCalls(calls, ['tang-3'], 10).map((c) => c.number)).toEqual(['86002', '86001', '60001']);
  });

  it('lists a recalled number once, at its newest position', () => {
    const listed = boardCalls(calls, [], 10);
    expect(listed.map((c) => c.number)).toEqual(['86002', '11001', '86001', '60001']);
    expect(listed[2]!.recall).toBe(true);
  });

  it('lists a transferred ticket once, at its latest counter', () => {
    const transferred = [call('86004', 87, 'tang-3', '2026-03-02T03:09:00Z'), call('86005', 86, 'tang-3', '2026-03-02T03:08:00Z'), call('86004', 86, 'tang-3', '2026-03-02T03:07:00Z')];
    expect(boardCalls(transferred, [], 10).map((c) => `${c.number}→${c.counter}`)).toEqual(['86004→87', '86005→86']);
  });

  it('stops at the limit', () => {
    expect(boardCalls(calls, [], 2)).toHaveLength(2);
  });
});

describe('area names', () => {
  it('names the board areas and reports unknown ids', () => {
    expect(areaNames(catalog, ['tang-3', 'tang-9'])).toEqual(['Tầng 3']);
    expect(unknownAreaIds(catalog, ['tang-3', 'tang-9'])).toEqual(['tang-9']);
  });
});
