import { describe, expect, it } from 'vitest';
import { catalogFixture, ticketFixture } from '../testing/fixtures.js';
import { availabilityOf, counterNumberOf } from './catalog-view.js';
import { printableTicket } from './printable-ticket.js';

describe('printableTicket', () => {
  it('carries what the paper ticket needs, in Vietnamese', () => {
    const ticket = ticketFixture({ priority: 'nguoi-cao-tuoi' });
    expect(printableTicket(ticket, catalogFixture(), 'vi', 'http://hub/api/tickets/2026-03-04/86001')).toEqual({
      centerName: 'Trung tâm Phục vụ hành chính công',
      areaName: 'Tầng 3',
      serviceName: 'Công an tỉnh (XNC)',
      number: '86001',
      counter: 86,
      issuedAt: '2026-03-04T01:15:00.000Z',
      timeZone: 'Asia/Ho_Chi_Minh',
      ahead: 2,
      estWaitMin: 10,
      statusUrl: 'http://hub/api/tickets/2026-03-04/86001',
      priorityName: 'Người cao tuổi',
      language: 'vi',
    });
  });

  it('uses the English names in English, falling back to Vietnamese where none exists', () => {
    const english = printableTicket(ticketFixture(), catalogFixture(), 'en', 'http://hub/x');
    expect(english).toMatchObject({ areaName: 'Floor 3', serviceName: 'Police (immigration)', priorityName: null, language: 'en' });
    const noEnglish = printableTicket(ticketFixture({ serviceId: 'thue', number: '12001' }), catalogFixture(), 'en', 'http://hub/x');
    expect(noEnglish?.serviceName).toBe('Thuế');
  });

  it('gives null for a service that left the catalog', () => {
    expect(printableTicket(ticketFixture({ serviceId: 'gone' }), catalogFixture(), 'vi', 'http://hub/x')).toBeNull();
  });
});

describe('catalog view', () => {
  it('reads availability from the hub flags', () => {
    const [justice, tax, land] = catalogFixture().areas[0]!.services;
    expect([availabilityOf(justice!), availabilityOf(tax!), availabilityOf(land!)]).toEqual(['available', 'full', 'inactive']);
  });

  it('reads the counter number from the prefix', () => {
    expect(counterNumberOf({ prefix: '86' })).toBe(86);
    expect(counterNumberOf({ prefix: '05' })).toBe(5);
  });
});
