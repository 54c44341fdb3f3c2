import { describe, expect, it } from 'vitest';
import { ErrorCode, type CenterConfig } from '@layso/shared';
import { smallCenter } from '../testing/integration-centers.js';
import { createArea, deleteArea, updateArea } from './area-changes.js';
import { ConfigChangeError } from './config-change-error.js';
import { createCounter, deleteCounter, updateCounter } from './counter-changes.js';
import { createService, deleteService, setServicePaused, updateService } from './service-changes.js';
import { updateSettings } from './settings-change.js';
import type { TodayUsage } from './today-usage.js';

/** smallCenter: area tang-3 with tu-phap 60, visa 87, y-te 64 (limit 3), ngoai-vu 61; counters 60, 87, 64, 65 (y-te + tu-phap). */
const IDLE: TodayUsage = { unfinishedTickets: () => 0, servingTicket: () => null };

function refusal(fn: () => unknown): ConfigChangeError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigChangeError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

function withSecondArea(): CenterConfig {
  return createService(createArea(smallCenter(), { id: 'tang-1', name: 'Tầng 1' }).config, { areaId: 'tang-1', id: 'dat-dai', name: 'Đất đai', prefix: '70' }).config;
}

describe('services', () => {
  it('adds a service at the end of its area with defaults filled in', () => {
    const change = createService(smallCenter(), { areaId: 'tang-3', id: 'thue', name: 'Thuế', prefix: '90', onlineQuota: 20 });
    const services = change.config.areas[0]!.services;
    expect(services.at(-1)).toEqual({ id: 'thue', name: 'Thuế', prefix: '90', dailyLimit: 999, onlineQuota: 20, active: true });
    expect(change).toMatchObject({ action: 'service.create', target: 'service:thue', before: null, after: { areaId: 'tang-3', id: 'thue' } });
  });

  it('refuses a duplicate prefix, naming the service that has it (Vietnamese first)', () => {
    const error = refusal(() => createService(smallCenter(), { areaId: 'tang-3', id: 'thue', name: 'Thuế', prefix: '87' }));
    expect(error.code).toBe(ErrorCode.CONFLICT);
    expect(error.message).toBe('Hai số đầu 87 đã dùng cho lĩnh vực "Visa" / prefix 87 is already used by service "visa"');
    // The same, as data the console words itself: which prefix, and whose it is.
    const reason = { kind: 'prefix-taken', prefix: '87', serviceId: 'visa', serviceName: 'Visa' };
    expect(error.reason).toEqual(reason);
    expect(error.details).toEqual([{ path: 'prefix', message: error.message, rule: 'other', reason }]);
  });

  it('refuses a duplicate id and an unknown area', () => {
    expect(refusal(() => createService(smallCenter(), { areaId: 'tang-3', id: 'visa', name: 'Visa 2', prefix: '91' })).message).toContain(
      'service id "visa" already exists',
    );
    const unknown = refusal(() => createService(smallCenter(), { areaId: 'tang-9', id: 'thue', name: 'Thuế', prefix: '91' }));
    expect(unknown.code).toBe(ErrorCode.VALIDATION);
    const reason = { kind: 'area-unknown', areaId: 'tang-9' };
    expect(unknown.details).toEqual([{ path: 'areaId', message: 'Không có khu vực "tang-9" / unknown area "tang-9"', rule: 'unknown-reference', reason }]);
  });

  it('refuses an online quota above the daily limit, naming the service and field', () => {
    const error = refusal(() => updateService(smallCenter(), 'y-te', { onlineQuota: 5 }));
    expect(error.code).toBe(ErrorCode.VALIDATION);
    expect(error.details).toEqual([
      {
        path: 'areas.0.services.2.onlineQuota',
        message: 'service "y-te" › onlineQuota: online quota 5 is more than the daily limit 3 of service "y-te"',
        rule: 'quota-above-limit',
        limit: 3,
      },
    ]);
    expect(error.reason).toEqual({ kind: 'invalid-config' });
  });

  it('changes a prefix (keeping its own prefix is no conflict) and clears an optional field with null', () => {
    const renamed = updateService(smallCenter(), 'visa', { prefix: '87', nameEn: 'Visa' }).config;
    const change = updateService(renamed, 'visa', { prefix: '88', nameEn: null });
    expect(change.before).toMatchObject({ prefix: '87', nameEn: 'Visa' });
    expect(change.after).toEqual({ areaId: 'tang-3', id: 'visa', name: 'Visa', prefix: '88', dailyLimit: 999, active: true });
  });

  it('moves a service to another area, at its end', () => {
    const change = updateService(withSecondArea(), 'visa', { areaId: 'tang-1' });
    expect(change.config.areas.map((a) => a.services.map((s) => s.id))).toEqual([['tu-phap', 'y-te', 'ngoai-vu'], ['dat-dai', 'visa']]);
  });

  it('deletes a service and takes it off counters that serve others too', () => {
    const withoutCounter64 = deleteCounter(smallCenter(), 64, IDLE).config;
    const change = deleteService(withoutCounter64, 'y-te', IDLE);
    expect(change.config.areas[0]!.services.map((s) => s.id)).not.toContain('y-te');
    expect(change.config.counters.find((c) => c.number === 65)!.serviceIds).toEqual(['tu-phap']);
  });

  it('refuses deleting a service a counter serves alone, naming the counter', () => {
    const error = refusal(() => deleteService(smallCenter(), 'visa', IDLE));
    expect(error.code).toBe(ErrorCode.CONFLICT);
    expect(error.message).toContain('counter 87 would serve no service without service "visa" (a counter must serve at least one service)');
    expect(error.message).toMatch(/^Quầy 87 chỉ phục vụ lĩnh vực "Visa"/);
  });

  it('refuses deleting a service with tickets still in today\'s queue and suggests pausing', () => {
    const busy: TodayUsage = { ...IDLE, unfinishedTickets: (id) => (id === 'ngoai-vu' ? 2 : 0) };
    const error = refusal(() => deleteService(smallCenter(), 'ngoai-vu', busy));
    expect(error.code).toBe(ErrorCode.CONFLICT);
    expect(error.message).toContain('service "ngoai-vu" still has 2 unfinished ticket(s) today; pause or deactivate it instead of deleting');
    expect(deleteService(smallCenter(), 'ngoai-vu', IDLE).after).toBeNull();
  });

  it('pauses and resumes; unknown services are NOT_FOUND', () => {
    const paused = setServicePaused(smallCenter(), 'visa', true);
    expect(paused.config.areas[0]!.services[1]!.paused).toBe(true);
    expect(paused).toMatchObject({ action: 'service.pause', before: { paused: false }, after: { paused: true } });
    const resumed = setServicePaused(paused.config, 'visa', false);
    expect(resumed.config.areas[0]!.services[1]).not.toHaveProperty('paused');
    expect(refusal(() => setServicePaused(smallCenter(), 'khong-co', true)).code).toBe(ErrorCode.NOT_FOUND);
  });
});

describe('areas', () => {
  it('adds an empty area, renames it, and refuses a duplicate id', () => {
    const created = createArea(smallCenter(), { id: 'tang-1', name: 'Tầng 1' });
    expect(created.config.areas.at(-1)).toEqual({ id: 'tang-1', name: 'Tầng 1', services: [] });
    expect(updateArea(created.config, 'tang-1', { name: 'Tầng trệt', nameEn: 'Ground floor' }).config.areas.at(-1)).toEqual({
      id: 'tang-1',
      name: 'Tầng trệt',
      nameEn: 'Ground floor',
      services: [],
    });
    expect(refusal(() => createArea(created.config, { id: 'tang-1', name: 'X' })).message).toBe('Khu vực "tang-1" đã có / area "tang-1" already exists');
  });

  it('refuses deleting the last area and an area that still has counters', () => {
    expect(refusal(() => deleteArea(smallCenter(), 'tang-3', IDLE)).message).toContain('the center needs at least one area');
    expect(refusal(() => deleteArea(withSecondArea(), 'tang-3', IDLE)).message).toContain('area "tang-3" still has counter(s) 60, 87, 64, 65; move or delete them first');
  });

  it('deletes an area with its services unless they still have tickets today', () => {
    const config = withSecondArea();
    expect(deleteArea(config, 'tang-1', IDLE).config.areas.map((a) => a.id)).toEqual(['tang-3']);
    const busy: TodayUsage = { ...IDLE, unfinishedTickets: (id) => (id === 'dat-dai' ? 1 : 0) };
    expect(refusal(() => deleteArea(config, 'tang-1', busy)).message).toContain('service "dat-dai" still has 1 unfinished ticket(s) today');
  });
});

describe('counters', () => {
  it('adds a counter and refuses a duplicate number, unknown services and a service listed twice', () => {
    const created = createCounter(smallCenter(), { number: 5, areaId: 'tang-3', serviceIds: ['visa', 'tu-phap'] });
    expect(created.config.counters.at(-1)).toEqual({ number: 5, areaId: 'tang-3', serviceIds: ['visa', 'tu-phap'] });
    expect(refusal(() => createCounter(smallCenter(), { number: 60, areaId: 'tang-3', serviceIds: ['visa'] })).message).toBe('Quầy 60 đã có / counter 60 already exists');
    expect(refusal(() => createCounter(smallCenter(), { number: 5, areaId: 'tang-3', serviceIds: ['visa', 'x'] })).details).toEqual([
      { path: 'serviceIds.1', message: 'Không có lĩnh vực "x" / unknown service "x"', rule: 'unknown-reference', reason: { kind: 'service-unknown', serviceId: 'x' } },
    ]);
    expect(refusal(() => createCounter(smallCenter(), { number: 5, areaId: 'tang-3', serviceIds: ['visa', 'visa'] })).message).toContain('listed twice');
  });

  it('refuses a counter without services with the schema message and its number', () => {
    const error = refusal(() => updateCounter(smallCenter(), 60, { serviceIds: [] }, IDLE));
    expect(error.code).toBe(ErrorCode.VALIDATION);
    expect(error.details).toEqual([
      { path: 'counters.0.serviceIds', message: 'counter 60 › serviceIds: a counter must serve at least one service', rule: 'too-few', limit: 1 },
    ]);
  });

  it('renumbers an idle counter but not one serving a ticket, nor onto a taken number', () => {
    expect(updateCounter(smallCenter(), 60, { number: 61, name: 'Quầy Tư pháp' }, IDLE).config.counters[0]).toEqual({
      number: 61,
      name: 'Quầy Tư pháp',
      areaId: 'tang-3',
      serviceIds: ['tu-phap'],
    });
    const serving: TodayUsage = { ...IDLE, servingTicket: (n) => (n === 60 ? '60001' : null) };
    expect(refusal(() => updateCounter(smallCenter(), 60, { number: 61 }, serving)).message).toContain('counter 60 is serving 60001; finish it before renumbering');
    // Other changes to a busy counter are fine: the ticket stays with it.
    expect(updateCounter(smallCenter(), 60, { serviceIds: ['tu-phap', 'visa'] }, serving).config.counters[0]!.serviceIds).toEqual(['tu-phap', 'visa']);
    // Only a new number asks for the counter's devices and clerk to follow it.
    expect(updateCounter(smallCenter(), 60, { number: 61 }, IDLE).renumber).toEqual({ from: 60, to: 61 });
    expect(updateCounter(smallCenter(), 60, { number: 60, name: 'Quầy 60' }, IDLE).renumber).toBeUndefined();
    expect(refusal(() => updateCounter(smallCenter(), 60, { number: 87 }, IDLE)).code).toBe(ErrorCode.CONFLICT);
  });

  it('deletes an idle counter, refuses a serving one and an unknown one', () => {
    expect(deleteCounter(smallCenter(), 87, IDLE).config.counters.map((c) => c.number)).toEqual([60, 64, 65]);
    const serving: TodayUsage = { ...IDLE, servingTicket: () => '87002' };
    expect(refusal(() => deleteCounter(smallCenter(), 87, serving)).message).toMatch(/^Quầy 87 đang phục vụ số 87002/);
    expect(refusal(() => deleteCounter(smallCenter(), 99, IDLE)).code).toBe(ErrorCode.NOT_FOUND);
  });
});

describe('settings', () => {
  it('changes only the given fields and audits just those', () => {
    const change = updateSettings(smallCenter(), { boardNotice: 'Thứ Bảy làm việc buổi sáng', announcement: { volume: 60, repeat: 2 } });
    expect(change.config.boardNotice).toBe('Thứ Bảy làm việc buổi sáng');
    expect(change.config.name).toBe('Trung tâm thử nghiệm');
    expect(change.before).toEqual({ boardNotice: null, announcement: null });
    expect(change.after).toEqual({ boardNotice: 'Thứ Bảy làm việc buổi sáng', announcement: { volume: 60, repeat: 2 } });
    expect(updateSettings(change.config, { boardNotice: null }).config).not.toHaveProperty('boardNotice');
  });

  it('refuses an unknown time zone and a portal mode without its secret', () => {
    expect(refusal(() => updateSettings(smallCenter(), { timeZone: 'Asia/Nowhere' })).details![0]).toEqual({
      path: 'timeZone',
      message: 'timeZone: unknown IANA time zone',
      rule: 'unknown-time-zone',
    });
    expect(refusal(() => updateSettings(smallCenter(), { portal: { mode: 'push' } })).message).toContain('portal mode "push" needs a shared secret');
  });

  it('never writes the portal secret into the audit entry', () => {
    const change = updateSettings(smallCenter(), { portal: { mode: 'push', secret: 'a-very-long-shared-secret' } });
    expect(JSON.stringify([change.before, change.after])).not.toContain('a-very-long-shared-secret');
    expect(change.after).toMatchObject({ portal: { mode: 'push', secret: '***' } });
    expect(change.config.portal.secret).toBe('a-very-long-shared-secret');
  });
});
