import { describe, expect, it } from 'vitest';
import type { Catalog, PublicTicketStatus } from '@layso/shared';
import { relevanceKey, ticketView } from './ticket-view.js';

const catalog = {
  day: '2026-11-23',
  center: { name: 'TTPVHCC', timeZone: 'Asia/Ho_Chi_Minh' },
  open: true,
  priorityCategories: [],
  areas: [{ id: 'tang-3', name: 'Tầng 3', services: [{ id: 'cong-an-xnc', name: 'Công an tỉnh (XNC)', nameEn: 'Provincial police (immigration)', prefix: '86', current: '86002', waiting: 3, estWaitMin: 12, active: true, full: false }] }],
  counters: [{ number: 86, name: 'Quầy 86', areaId: 'tang-3', serviceIds: ['cong-an-xnc'], status: 'serving', current: '86002' }],
} as unknown as Catalog;

const status = (patch: Partial<PublicTicketStatus>): PublicTicketStatus => ({
  number: '86005', day: '2026-11-23', serviceId: 'cong-an-xnc', status: 'waiting', ahead: 2, current: '86002', counter: null, estWaitMin: 8, ...patch,
});

describe('ticketView', () => {
  it('waiting: asks to wait, shows the counters of the service, the people ahead and the estimate', () => {
    expect(ticketView(status({}), catalog, 'vi')).toEqual({
      number: '86005', mode: 'waiting', headline: 'Vui lòng chờ đến lượt', serviceName: 'Công an tỉnh (XNC)', counters: [86], current: '86002', ahead: 2, estWaitMin: 8,
    });
  });

  it('called: "Mời đến quầy 86", in English on request', () => {
    expect(ticketView(status({ status: 'called', counter: 86, ahead: 0 }), catalog, 'vi').headline).toBe('Mời đến quầy 86');
    const en = ticketView(status({ status: 'called', counter: 86 }), catalog, 'en');
    expect([en.headline, en.serviceName]).toEqual(['Please go to counter 86', 'Provincial police (immigration)']);
  });

  it('finished states say what happened and show nobody ahead', () => {
    const expired = ticketView(status({ status: 'expired' }), catalog, 'vi');
    expect([expired.mode, expired.headline, expired.ahead]).toEqual(['finished', 'Số đã hết hạn. Vui lòng lấy số khác tại trung tâm.', 0]);
    expect(ticketView(status({ status: 'done' }), catalog, 'vi').headline).toMatch(/hoàn thành/);
  });

  it('shows "Chưa có" when nothing was called today, and the service id before the catalog arrives', () => {
    const view = ticketView(status({ current: null }), null, 'vi');
    expect([view.current, view.serviceName, view.counters]).toEqual(['Chưa có', 'cong-an-xnc', []]);
  });
});

describe('relevanceKey', () => {
  it('changes with the service queue or the latest call, not with other services', () => {
    const key = relevanceKey(catalog, '86002', 'cong-an-xnc');
    expect(relevanceKey(catalog, '86003', 'cong-an-xnc')).not.toBe(key);
    expect(relevanceKey(catalog, '86002', 'cong-an-xnc')).toBe(key);
  });
});

describe('relevanceKey and the serving counter', () => {
  it('changes when a counter of the service finishes its ticket', () => {
    const idle = { ...catalog, counters: [{ ...catalog.counters[0]!, status: 'idle', current: null }] } as unknown as Catalog;
    expect(relevanceKey(idle, '86002', 'cong-an-xnc')).not.toBe(relevanceKey(catalog, '86002', 'cong-an-xnc'));
  });
});
