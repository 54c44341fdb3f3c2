import { describe, expect, it } from 'vitest';
import { ErrorCode } from '@layso/shared';
import { MINUTE } from '../testing/fake-clock.js';
import { callAll, callNext, expectQueueError, issueNumbers } from '../testing/queue-helpers.js';
import { XNC, testCenter } from '../testing/test-center.js';
import { openMemoryCore, type MemoryCoreOptions } from '../testing/memory-core.js';

const DAY = '2026-11-23';
const checkInRequired = { config: testCenter({ online: { checkInRequired: true } }) };

/** A booking for XNC made now with the seed's 11-minute arrival window, then two walk-ins. */
function bookedThenTwoWalkIns(options: MemoryCoreOptions = {}) {
  const temp = openMemoryCore(options);
  const booking = temp.core.book({ serviceId: XNC, bookingRef: 'portal-0001', deadline: temp.clock.now() + 11 * MINUTE }).value;
  const walkIns = [temp.core.issue({ serviceId: XNC }).value, temp.core.issue({ serviceId: XNC }).value]; // 66002, 66003
  return { ...temp, booking, walkIns };
}

describe('book', () => {
  it('takes the next number of the service sequence, booked until its deadline', () => {
    const { booking, clock, core } = bookedThenTwoWalkIns();
    expect(booking).toMatchObject({ number: '66001', status: 'booked', source: 'portal', bookingRef: 'portal-0001', deadline: clock.now() + 11 * MINUTE });
    expect(core.findTicketByBookingRef('portal-0001')?.id).toBe(booking.id);
  });

  it('is idempotent on bookingRef', () => {
    const { core, booking, store, clock } = bookedThenTwoWalkIns();
    const again = core.book({ serviceId: XNC, bookingRef: 'portal-0001', deadline: clock.now() + 30 * MINUTE });
    expect(again.value).toEqual(booking);
    expect(store.lastSeq(DAY, '66')).toBe(3);
  });

  it('refuses a deadline that is not in the future with VALIDATION', () => {
    const { core, clock } = openMemoryCore();
    expectQueueError(() => core.book({ serviceId: XNC, bookingRef: 'portal-0002', deadline: clock.now() }), ErrorCode.VALIDATION);
  });
});

describe('booking deadline', () => {
  it('expireBookings voids bookings at their deadline and reports the queue change', () => {
    const { core, clock, booking } = bookedThenTwoWalkIns();
    clock.advance({ minutes: 10, seconds: 59 });
    expect(core.expireBookings().value).toEqual([]);
    clock.advance({ seconds: 1 });
    const { value, events } = core.expireBookings();
    expect(value.map((t) => t.id)).toEqual([booking.id]);
    expect(events).toContainEqual({ type: 'queue-changed', serviceId: XNC });
    expect(core.getTicket(booking.id)).toMatchObject({ status: 'expired', finishedAt: clock.now() });
  });

  it('reports an expiry even when the command that triggered it was refused', () => {
    const { core, clock } = bookedThenTwoWalkIns();
    clock.advance({ minutes: 11 });
    expectQueueError(() => core.issue({ serviceId: 'khong-co' }), ErrorCode.NOT_FOUND);
    expect(core.tick().events).toContainEqual({ type: 'queue-changed', serviceId: XNC });
  });

  it('never calls an expired booking', () => {
    const { core, clock, booking } = bookedThenTwoWalkIns();
    clock.advance({ minutes: 12 });
    expect(callAll(core, 66)).toEqual(['66002', '66003']);
    expect(core.getTicket(booking.id)).toMatchObject({ status: 'expired', calledAt: null });
  });

  it('leaves bookings of others alone when one expires', () => {
    const { core, clock } = bookedThenTwoWalkIns();
    const later = core.book({ serviceId: XNC, bookingRef: 'portal-0003', deadline: clock.now() + 30 * MINUTE }).value;
    clock.advance({ minutes: 12 });
    core.expireBookings();
    expect(core.getTicket(later.id)?.status).toBe('booked');
  });
});

describe('online.checkInRequired = false', () => {
  it('next may call a booked ticket in its place before the deadline', () => {
    const { core, booking } = bookedThenTwoWalkIns();
    expect(core.views.serviceStatus(XNC).waiting).toBe(3);
    expect(core.next(66, { deviceId: null }).value.ticket).toMatchObject({ id: booking.id, number: '66001', status: 'called', source: 'portal' });
  });
});

describe('online.checkInRequired = true', () => {
  it('next passes over a booked ticket until the citizen checks in', () => {
    const { core } = bookedThenTwoWalkIns(checkInRequired);
    expect(core.views.serviceStatus(XNC).waiting).toBe(2);
    expect(callNext(core, 66)).toBe('66002');
    expect(core.views.publicStatus(DAY, '66001').status).toBe('booked');
  });

  it('checkIn puts the ticket in its booked place in the queue', () => {
    const { core, booking } = bookedThenTwoWalkIns(checkInRequired);
    callNext(core, 66); // 66002
    const { value, events } = core.checkIn(booking.id);
    expect(value.status).toBe('waiting');
    expect(events).toContainEqual({ type: 'queue-changed', serviceId: XNC });
    expect(core.views.publicStatus(DAY, '66001').ahead).toBe(0);
    expect(callAll(core, 66)).toEqual(['66001', '66003']);
  });

  it('a checked-in ticket no longer expires at its deadline', () => {
    const { core, clock, booking } = bookedThenTwoWalkIns(checkInRequired);
    core.checkIn(booking.id);
    clock.advance({ minutes: 30 });
    expect(core.expireBookings().value).toEqual([]);
    expect(callNext(core, 66)).toBe('66001');
  });

  it('refuses a check-in after the deadline, or of a ticket that is not booked, with CONFLICT', () => {
    const { core, clock, booking, walkIns } = bookedThenTwoWalkIns(checkInRequired);
    expectQueueError(() => core.checkIn(walkIns[0]!.id), ErrorCode.CONFLICT);
    clock.advance({ minutes: 11 });
    expectQueueError(() => core.checkIn(booking.id), ErrorCode.CONFLICT);
    expect(core.getTicket(booking.id)?.status).toBe('expired');
  });
});

describe('cancel', () => {
  it('cancels a waiting ticket: out of the queue, never called, number not reused', () => {
    const { core } = openMemoryCore();
    const first = core.issue({ serviceId: XNC }).value;
    issueNumbers(core, XNC, 1);
    const { value, events } = core.cancel(first.id);
    expect(value).toMatchObject({ status: 'cancelled' });
    expect(events).toContainEqual({ type: 'queue-changed', serviceId: XNC });
    expect(core.views.publicStatus(DAY, '66002').ahead).toBe(0);
    expect(core.views.serviceStatus(XNC).waiting).toBe(1);
    expect(callAll(core, 66)).toEqual(['66002']);
    expect(issueNumbers(core, XNC, 1)).toEqual(['66003']);
  });

  it('cancels a booking', () => {
    const { core, booking } = bookedThenTwoWalkIns();
    core.cancel(booking.id);
    expect(core.getTicket(booking.id)?.status).toBe('cancelled');
    expect(callNext(core, 66)).toBe('66002');
  });

  it('refuses to cancel a called ticket with CONFLICT and an unknown one with NOT_FOUND', () => {
    const { core } = openMemoryCore();
    const ticket = core.issue({ serviceId: XNC }).value;
    callNext(core, 66);
    expectQueueError(() => core.cancel(ticket.id), ErrorCode.CONFLICT);
    expect(core.getTicket(ticket.id)?.status).toBe('called');
    expectQueueError(() => core.cancel(9999), ErrorCode.NOT_FOUND);
  });
});
