import { centerConfigSchema, type CenterConfig, type CenterConfigInput } from '@layso/shared';

type Intervals = { open: string; close: string }[];
type Week = Record<'sun' | 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat', Intervals>;

const ALL_DAY: Intervals = [{ open: '00:00', close: '24:00' }];
const WORKDAY: Intervals = [
  { open: '07:30', close: '11:30' },
  { open: '13:30', close: '17:00' },
];

/** Round the clock, every day. */
export const ALWAYS_OPEN: Week = { sun: ALL_DAY, mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY };

/** A real center's week: 07:30–11:30 and 13:30–17:00 on weekdays (lunch break between), Saturday morning, Sunday closed. */
export const OFFICE_HOURS: Week = {
  sun: [],
  mon: WORKDAY,
  tue: WORKDAY,
  wed: WORKDAY,
  thu: WORKDAY,
  fri: WORKDAY,
  sat: [{ open: '07:30', close: '11:30' }],
};

/** Service ids of the test center; each prefix is the counter number that serves it (seed 001). */
export const TU_PHAP = 'tu-phap';
export const XNC = 'xuat-nhap-canh';
export const VISA = 'visa';
export const ELDERLY = 'nguoi-cao-tuoi';

/**
 * Floor 3 of a small center:
 * - counter 86 serves Tư pháp (prefix 86) and XNC,
 * - counter 66 serves XNC (prefix 66),
 * - counter 68 serves Visa (prefix 68).
 */
export interface TestCenterOptions {
  openingHours?: Week;
  priorityPolicy?: CenterConfigInput['priorityPolicy'];
  online?: { windowMin?: number; checkInRequired?: boolean };
  defaultServiceMinutes?: number;
  /** Per-service daily limits, by service id. */
  dailyLimits?: Record<string, number>;
  inactive?: string[];
}

export function testCenter(options: TestCenterOptions = {}): CenterConfig {
  const service = (id: string, name: string, prefix: string) => ({
    id,
    name,
    prefix,
    ...(options.dailyLimits?.[id] !== undefined ? { dailyLimit: options.dailyLimits[id] } : {}),
    ...(options.inactive?.includes(id) ? { active: false } : {}),
  });
  return centerConfigSchema.parse({
    name: 'Trung tâm Phục vụ hành chính công (test)',
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: options.openingHours ?? OFFICE_HOURS,
    priorityPolicy: options.priorityPolicy ?? { policy: 'strict' },
    priorityCategories: [
      { id: ELDERLY, name: 'Người cao tuổi' },
      { id: 'nguoi-khuyet-tat', name: 'Người khuyết tật' },
    ],
    defaultServiceMinutes: options.defaultServiceMinutes ?? 5,
    online: { windowMin: 10, checkInRequired: false, ...options.online },
    areas: [
      {
        id: 'tang-3',
        name: 'Tầng 3',
        services: [service(TU_PHAP, 'Tư pháp', '86'), service(XNC, 'Công an tỉnh (XNC)', '66'), service(VISA, 'Visa', '68')],
      },
    ],
    counters: [
      { number: 86, areaId: 'tang-3', serviceIds: [TU_PHAP, XNC] },
      { number: 66, areaId: 'tang-3', serviceIds: [XNC] },
      { number: 68, areaId: 'tang-3', serviceIds: [VISA] },
    ],
  } satisfies CenterConfigInput);
}
