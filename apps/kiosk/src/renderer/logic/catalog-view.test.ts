import { describe, expect, it } from 'vitest';
import type { CatalogArea, CatalogService } from '@layso/shared';
import { servicesInOrder } from './catalog-view.js';

function service(id: string, prefix: string): CatalogService {
  return { id, name: id, prefix, current: null, waiting: 0, estWaitMin: 0, active: true, full: false, paused: false };
}

describe('servicesInOrder', () => {
  it('lists an area\'s services by counter number, whatever order they were created in', () => {
    const area: CatalogArea = { id: 'tang-3', name: 'Tầng 3', services: [service('tu-phap', '60'), service('cong-an', '80'), service('ngoai-vu', '61'), service('visa', '87'), service('y-te', '64')] };
    expect(servicesInOrder(area).map((s) => s.prefix)).toEqual(['60', '61', '64', '80', '87']);
    // The catalog itself is left as the hub sent it.
    expect(area.services.map((s) => s.prefix)).toEqual(['60', '80', '61', '87', '64']);
  });

  it('gives the same order for the same services in any order (a live update never reshuffles the screen)', () => {
    const services = [service('a', '13'), service('b', '11'), service('c', '12')];
    const one = servicesInOrder({ id: 'x', name: 'x', services });
    const other = servicesInOrder({ id: 'x', name: 'x', services: [...services].reverse() });
    expect(one.map((s) => s.id)).toEqual(['b', 'c', 'a']);
    expect(other.map((s) => s.id)).toEqual(['b', 'c', 'a']);
  });
});
