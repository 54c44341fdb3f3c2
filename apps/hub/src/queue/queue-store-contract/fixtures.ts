import { centerConfigSchema, type CenterConfig } from '@layso/shared';
import type { NewTicket, OpenTicketFilter, QueueStore, TicketRecord } from '../ports.js';

// Tickets, filters and a configuration the store contract's sections share.

export const DAY = '2026-11-23';
export const NEXT_DAY = '2026-11-24';
export const A = 'tu-phap';
export const B = 'cong-an-xnc';
export const T0 = Date.UTC(2026, 10, 23, 1, 0);
export const MIN = 60_000;

/** A new waiting walk-in ticket of service A numbered A-prefix `seq`, with overrides. */
export function newTicket(seq: number, overrides: Partial<NewTicket> = {}): NewTicket {
  const prefix = overrides.prefix ?? '86';
  return {
    day: DAY,
    number: `${prefix}${String(seq).padStart(3, '0')}`,
    prefix,
    seq,
    serviceId: A,
    originalServiceId: overrides.serviceId ?? A,
    status: 'waiting',
    priority: null,
    source: 'kiosk',
    deviceId: null,
    requestId: null,
    issuedAt: T0 + seq * MIN,
    deadline: null,
    bookingRef: null,
    ...overrides,
  };
}

/** Inserts tickets 1..n (with per-ticket overrides) and returns them. */
export function seed(store: QueueStore, ...overrides: Partial<NewTicket>[]): TicketRecord[] {
  return overrides.map((o, i) => store.insertTicket(newTicket(i + 1, o)));
}

export const filter = (serviceId: string, includeBooked = false, now = T0): OpenTicketFilter => ({ serviceId, includeBooked, now });
export const numbers = (tickets: readonly TicketRecord[]) => tickets.map((t) => t.number);
export const sorted = (tickets: readonly TicketRecord[]) => numbers(tickets).sort();
export const event = (ticketId: number, kind: string, counter: number | null = null, at = T0) => ({ ticketId, at, kind, serviceId: A, counter, clerk: null });
export const config = (name: string): CenterConfig =>
  centerConfigSchema.parse({
    name,
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: Object.fromEntries(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [{ open: '07:30', close: '17:00' }]])),
    areas: [{ id: 'a', name: 'Khu A', services: [{ id: A, name: 'Tư pháp', prefix: '86' }] }],
    counters: [{ number: 1, areaId: 'a', serviceIds: [A] }],
  });

/** Gives ticket `t` a served stretch at `counter`: called at `calledAt`, ended `minutes` later. */
export function serve(store: QueueStore, t: TicketRecord, counter: number, calledAt: number, minutes: number, status: 'done' | 'skipped' = 'done'): void {
  store.updateTicket(t.id, { status: 'called', calledAt, firstCalledAt: calledAt, counter });
  store.addTicketEvent(event(t.id, 'called', counter, calledAt));
  store.updateTicket(t.id, { status, finishedAt: calledAt + minutes * MIN });
  store.addTicketEvent(event(t.id, status, counter, calledAt + minutes * MIN));
}
