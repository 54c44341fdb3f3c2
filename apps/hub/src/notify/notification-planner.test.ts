import { describe, expect, it } from 'vitest';
import { centerConfigSchema, type NotifyConfigInput } from '@layso/shared';
import { DEMO_CENTER } from '../demo/demo-center.js';
import type { TicketRecord } from '../queue/ports.js';
import { dedupeKey, planMessages, staleReason } from './notification-planner.js';

const ticket = { id: 7, number: '86004', prefix: '86', serviceId: 'cong-an-xnc', deadline: null } as TicketRecord;
const config = (notify: NotifyConfigInput) => centerConfigSchema.parse({ ...DEMO_CENTER, notify });
const SMS = { url: 'http://127.0.0.1:1/send' };
const EMAIL = { host: '127.0.0.1', from: 'layso@example.vn' };

describe('planMessages', () => {
  it('sends to the subscribed phone by the phone channel and to the booking e-mail, one dedupe key per ticket, kind and channel', () => {
    const messages = planMessages(config({ sms: SMS, email: EMAIL }), ticket, 'near', { subscribedPhone: '0912345678', contact: { phone: '0987654321', email: 'an@example.vn' } }, { counter: null, ahead: 3 });
    expect(messages.map((m) => [m.channel, m.recipient, m.dedupeKey])).toEqual([
      ['sms', '0912345678', '7:near:sms'],
      ['email', 'an@example.vn', '7:near:email'],
    ]);
    expect(messages[0]!.text).toMatch(/^So 86004 .* sap den luot: con 3 nguoi/);
    expect(messages[1]!.text).toMatch(/^Số 86004 .* sắp đến lượt: còn 3 người/);
  });

  it('the booking confirmation goes to the booking contact only', () => {
    const messages = planMessages(config({ sms: SMS }), { ...ticket, deadline: Date.UTC(2026, 10, 23, 2, 10) }, 'booking', { subscribedPhone: '0912345678', contact: { phone: '0987654321' } }, { counter: null, ahead: 0 });
    expect(messages.map((m) => m.recipient)).toEqual(['0987654321']);
  });

  it('sends nothing on channels that are not configured, nor by Zalo without a template for the kind', () => {
    const recipients = { subscribedPhone: '0912345678', contact: null };
    expect(planMessages(config({}), ticket, 'near', recipients, { counter: null, ahead: 1 })).toEqual([]);
    const zalo = { appId: 'a', secretKey: 's', accessToken: 't', refreshToken: 'r', templates: { called: '302' } };
    expect(planMessages(config({ phoneChannel: 'zalo', zalo }), ticket, 'near', recipients, { counter: null, ahead: 1 })).toEqual([]);
    expect(planMessages(config({ phoneChannel: 'zalo', zalo }), ticket, 'called', recipients, { counter: 86, ahead: 0 }).map((m) => m.dedupeKey)).toEqual([dedupeKey(7, 'called', 'zalo')]);
  });
});

describe('staleReason', () => {
  it('lets reminders go only while they still make sense', () => {
    expect(staleReason('near', 'waiting')).toBeNull();
    expect(staleReason('near', 'called')).toBe('ticket called');
    expect(staleReason('called', 'done')).toBe('ticket done');
    expect(staleReason('expired', 'expired')).toBeNull();
    expect(staleReason('booking', 'cancelled')).toBe('ticket cancelled');
    expect(staleReason('near', null)).toBe('ticket not found');
  });
});
