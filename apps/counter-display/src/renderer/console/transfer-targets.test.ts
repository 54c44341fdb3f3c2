import { describe, expect, it } from 'vitest';
import type { Catalog } from '@layso/shared';
import { transferTargets } from './transfer-targets.js';

const service = (id: string, active = true) => ({ id, name: id, prefix: '10', current: null, waiting: 0, estWaitMin: 0, active, full: false });
const catalog: Catalog = {
  day: '2026-03-02',
  center: { name: 'Trung tâm', timeZone: 'Asia/Ho_Chi_Minh' },
  open: true,
  priorityCategories: [],
  areas: [
    { id: 'tang-1', name: 'Tầng 1', services: [service('dat-dai'), service('thue', false)] },
    { id: 'tang-3', name: 'Tầng 3', services: [service('cong-an-xnc'), service('visa')] },
  ],
  counters: [],
};

describe('transferTargets', () => {
  it('offers the other active services, own area first', () => {
    expect(transferTargets(catalog, 'cong-an-xnc', 'tang-3')).toEqual([
      { areaId: 'tang-3', areaName: 'Tầng 3', services: [expect.objectContaining({ id: 'visa' })] },
      { areaId: 'tang-1', areaName: 'Tầng 1', services: [expect.objectContaining({ id: 'dat-dai' })] },
    ]);
  });

  it('is empty when there is nowhere to go', () => {
    const single: Catalog = { ...catalog, areas: [{ id: 'a', name: 'A', services: [service('only')] }] };
    expect(transferTargets(single, 'only', 'a')).toEqual([]);
  });
});
