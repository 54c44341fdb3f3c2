/** Hub state and tickets for renderer unit tests (shapes from the shared contract). */
import type { Catalog, IssuedTicket } from '@layso/shared';
import type { HubState } from '@layso/shared/client';

export function catalogFixture(overrides: Partial<Catalog> = {}): Catalog {
  return {
    day: '2026-03-04',
    center: { name: 'Trung tâm Phục vụ hành chính công', nameEn: 'Public Administrative Service Center', timeZone: 'Asia/Ho_Chi_Minh' },
    open: true,
    priorityCategories: [
      { id: 'nguoi-cao-tuoi', name: 'Người cao tuổi', nameEn: 'Elderly' },
      { id: 'phu-nu-mang-thai', name: 'Phụ nữ mang thai', nameEn: 'Pregnant woman' },
    ],
    areas: [
      {
        id: 'tang-1',
        name: 'Tầng 1',
        nameEn: 'Floor 1',
        services: [
          { id: 'tu-phap', name: 'Tư pháp', nameEn: 'Justice', prefix: '60', current: '60003', waiting: 4, estWaitMin: 20, active: true, full: false },
          { id: 'thue', name: 'Thuế', prefix: '12', current: null, waiting: 0, estWaitMin: 0, active: true, full: true },
          { id: 'dat-dai', name: 'Đất đai', prefix: '11', current: null, waiting: 0, estWaitMin: 0, active: false, full: false },
        ],
      },
      {
        id: 'tang-3',
        name: 'Tầng 3',
        nameEn: 'Floor 3',
        services: [
          { id: 'cong-an-xnc', name: 'Công an tỉnh (XNC)', nameEn: 'Police (immigration)', prefix: '86', current: null, waiting: 0, estWaitMin: 0, active: true, full: false },
        ],
      },
    ],
    counters: [],
    ...overrides,
  };
}

export function hubStateFixture(catalog: Catalog = catalogFixture()): HubState {
  return { bootId: 'boot-1', seq: 0, catalog, recentCalls: [], clockOffsetMs: 0 };
}

export function ticketFixture(overrides: Partial<IssuedTicket> = {}): IssuedTicket {
  return {
    id: 1,
    number: '86001',
    serviceId: 'cong-an-xnc',
    day: '2026-03-04',
    issuedAt: '2026-03-04T01:15:00.000Z',
    priority: null,
    ahead: 2,
    estWaitMin: 10,
    ...overrides,
  };
}
