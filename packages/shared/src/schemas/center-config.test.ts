import { describe, expect, it } from 'vitest';
import { centerConfigSchema, type CenterConfigInput } from './center-config.js';

const valid: CenterConfigInput = {
  name: 'Trung tâm Phục vụ hành chính công',
  openingHours: { mon: [{ open: '07:30', close: '11:30' }, { open: '13:30', close: '17:00' }] },
  areas: [{ id: 'tang-3', name: 'Tầng 3', services: [{ id: 'tu-phap', name: 'Tư pháp', prefix: '86' }] }],
  counters: [{ number: 86, areaId: 'tang-3', serviceIds: ['tu-phap'] }],
};

function problems(input: unknown): string[] {
  const result = centerConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('center configuration', () => {
  it('accepts a minimal center and fills the defaults', () => {
    const config = centerConfigSchema.parse(valid);
    expect(config.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(config.priorityPolicy).toEqual({ policy: 'strict' });
    expect(config.areas[0]!.services[0]!.dailyLimit).toBe(999);
    expect(config.openingHours.sun).toEqual([]);
    expect(config.online).toEqual({ windowMin: 10, checkInRequired: false, personalDataDays: 30 });
    expect(config.portal.mode).toBe('off');
  });

  it('names a duplicate prefix and the service that owns it', () => {
    const input = structuredClone(valid);
    input.areas[0]!.services.push({ id: 'visa', name: 'Visa', prefix: '86' });
    expect(problems(input)).toContain('areas.0.services.1.prefix: prefix 86 is already used by service "tu-phap"');
  });

  it('refuses a counter without services and unknown references', () => {
    const input = structuredClone(valid);
    input.counters.push({ number: 87, areaId: 'tang-9', serviceIds: [] });
    input.counters.push({ number: 88, areaId: 'tang-3', serviceIds: ['khong-co'] });
    const found = problems(input);
    expect(found).toContain('counters.1.serviceIds: a counter must serve at least one service');
    expect(found).toContain('counters.1.areaId: unknown area "tang-9"');
    expect(found).toContain('counters.2.serviceIds.0: unknown service "khong-co"');
  });

  it.each([
    ['prefix of three digits', (c: CenterConfigInput) => (c.areas[0]!.services[0]!.prefix = '860')],
    ['daily limit over 999', (c: CenterConfigInput) => (c.areas[0]!.services[0]!.dailyLimit = 1000)],
    ['close before open', (c: CenterConfigInput) => (c.openingHours.mon = [{ open: '17:00', close: '07:30' }])],
    ['bad clock', (c: CenterConfigInput) => (c.openingHours.mon = [{ open: '7h30', close: '17:00' }])],
    ['unknown time zone', (c: CenterConfigInput) => (c.timeZone = 'Asia/Hanoi_City')],
    ['duplicate counter', (c: CenterConfigInput) => c.counters.push({ ...c.counters[0]! })],
    ['unknown field', (c: CenterConfigInput) => Object.assign(c, { colour: 'red' })],
    ['upper-case id', (c: CenterConfigInput) => (c.areas[0]!.id = 'Tang3')],
    ['announcement volume over 100', (c: CenterConfigInput) => Object.assign(c, { announcement: { volume: 120 } })],
    ['empty board notice', (c: CenterConfigInput) => Object.assign(c, { boardNotice: '  ' })],
  ])('refuses a %s', (_label, mutate) => {
    const input = structuredClone(valid);
    mutate(input);
    expect(problems(input).length).toBeGreaterThan(0);
  });

  it('accepts the admin settings and keeps an online quota within the daily limit', () => {
    const input = structuredClone(valid);
    Object.assign(input, { announcement: { volume: 60 }, boardNotice: ' Chiều thứ Sáu nghỉ ' });
    Object.assign(input.areas[0]!.services[0]!, { dailyLimit: 100, onlineQuota: 40, paused: true });
    const config = centerConfigSchema.parse(input);
    expect(config.announcement).toEqual({ volume: 60, repeat: 1 });
    expect(config.boardNotice).toBe('Chiều thứ Sáu nghỉ');
    expect(config.areas[0]!.services[0]).toMatchObject({ onlineQuota: 40, paused: true });
    input.areas[0]!.services[0]!.onlineQuota = 101;
    expect(problems(input)).toEqual(['areas.0.services.0.onlineQuota: online quota 101 is more than the daily limit 100 of service "tu-phap"']);
  });
});
