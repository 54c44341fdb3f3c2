/**
 * Small centers for kiosk tests: one open around the clock with a service that is
 * full after one ticket and one that takes no tickets, and a closed one.
 */
import type { CenterConfigInput } from '@layso/shared';

const ALL_DAY = [{ open: '00:00', close: '24:00' }];
const EVERY_DAY = { sun: ALL_DAY, mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY };

export function smallCenter(overrides: Partial<CenterConfigInput> = {}): CenterConfigInput {
  return {
    name: 'Trung tâm Phục vụ hành chính công thử nghiệm',
    nameEn: 'Test Public Administrative Service Center',
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: EVERY_DAY,
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
          { id: 'tu-phap', name: 'Tư pháp', nameEn: 'Justice', prefix: '60' },
          { id: 'thue', name: 'Thuế', nameEn: 'Tax', prefix: '12', dailyLimit: 1 },
          { id: 'dat-dai', name: 'Đất đai', nameEn: 'Land', prefix: '11', active: false },
        ],
      },
      {
        id: 'tang-2',
        name: 'Tầng 2',
        nameEn: 'Floor 2',
        services: [{ id: 'cong-an-xnc', name: 'Công an tỉnh (XNC)', nameEn: 'Police (immigration)', prefix: '86' }],
      },
    ],
    counters: [
      { number: 60, areaId: 'tang-1', serviceIds: ['tu-phap'] },
      { number: 12, areaId: 'tang-1', serviceIds: ['thue'] },
      { number: 11, areaId: 'tang-1', serviceIds: ['dat-dai'] },
      { number: 86, areaId: 'tang-2', serviceIds: ['cong-an-xnc'] },
    ],
    ...overrides,
  };
}

export function closedCenter(): CenterConfigInput {
  return smallCenter({ openingHours: {} });
}

/** A big center: one floor with 40 services, more than any kiosk screen holds. */
export function manyServicesCenter(): CenterConfigInput {
  const services = Array.from({ length: 40 }, (_, i) => ({ id: `linh-vuc-${i + 10}`, name: `Lĩnh vực số ${i + 10}`, nameEn: `Service ${i + 10}`, prefix: String(i + 10) }));
  return smallCenter({
    areas: [{ id: 'tang-1', name: 'Tầng 1', nameEn: 'Floor 1', services }],
    counters: services.map((s) => ({ number: Number(s.prefix), areaId: 'tang-1', serviceIds: [s.id] })),
  });
}
