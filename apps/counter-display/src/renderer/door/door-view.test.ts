import { describe, expect, it } from 'vitest';
import type { Catalog, CatalogCounter } from '@layso/shared';
import { doorView } from './door-view.js';

function catalogWith(counter: Partial<CatalogCounter>): Catalog {
  return {
    day: '2026-03-02',
    center: { name: 'Trung tâm', timeZone: 'Asia/Ho_Chi_Minh' },
    open: true,
    priorityCategories: [],
    areas: [
      {
        id: 'tang-3',
        name: 'Tầng 3',
        services: [
          { id: 'tu-phap', name: 'Tư pháp', prefix: '60', current: null, waiting: 0, estWaitMin: 0, active: true, full: false },
          { id: 'tu-van-phap-ly', name: 'Bộ phận tư vấn pháp lý', prefix: '65', current: null, waiting: 0, estWaitMin: 0, active: true, full: false },
        ],
      },
    ],
    counters: [{ number: 65, name: 'Quầy 65', areaId: 'tang-3', serviceIds: ['tu-van-phap-ly', 'tu-phap'], status: 'open', current: null, ...counter }],
  };
}

describe('doorView', () => {
  it('shows the number being served and the counter services by name', () => {
    expect(doorView(catalogWith({ current: '65003' }), 65)).toEqual({
      counter: 65,
      extraName: null,
      services: ['Bộ phận tư vấn pháp lý', 'Tư pháp'],
      mode: 'serving',
      current: '65003',
    });
  });

  it('is idle with no current number and paused when the clerk is on a break', () => {
    expect(doorView(catalogWith({}), 65)?.mode).toBe('idle');
    expect(doorView(catalogWith({ status: 'paused', current: '65003' }), 65)).toMatchObject({ mode: 'paused', current: null });
  });

  it('keeps a counter name that says more than its number', () => {
    expect(doorView(catalogWith({ name: 'Quầy hỗ trợ' }), 65)?.extraName).toBe('Quầy hỗ trợ');
  });

  it('returns null for a counter the center does not have', () => {
    expect(doorView(catalogWith({}), 99)).toBeNull();
  });
});
