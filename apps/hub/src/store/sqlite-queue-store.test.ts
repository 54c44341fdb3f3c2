import { describe, expect, it } from 'vitest';
import type { NewTicket } from '../queue/ports.js';
import { issueNumbers } from '../testing/queue-helpers.js';
import { TU_PHAP, XNC, testCenter } from '../testing/test-center.js';
import { openTempStore } from '../testing/temp-store.js';

const DAY = '2026-11-23';

function newTicket(overrides: Partial<NewTicket> = {}): NewTicket {
  return {
    day: DAY,
    number: '86001',
    prefix: '86',
    seq: 1,
    serviceId: TU_PHAP,
    originalServiceId: TU_PHAP,
    status: 'waiting',
    priority: null,
    source: 'admin',
    deviceId: null,
    requestId: null,
    issuedAt: 0,
    deadline: null,
    bookingRef: null,
    ...overrides,
  };
}

describe('SqliteQueueStore constraints', () => {
  it('UNIQUE(day, number): a number cannot be inserted twice on a day, even bypassing the core', () => {
    const { core, store, db } = openTempStore();
    issueNumbers(core, TU_PHAP, 1);
    expect(() => store.insertTicket(newTicket())).toThrow(/UNIQUE constraint failed: tickets.day, tickets.number/);
    expect(() =>
      db.prepare("INSERT INTO tickets (day, number, prefix, seq, service_id, original_service_id, status, source, queue_key, issued_at) VALUES (?, '86001', '86', 1, ?, ?, 'waiting', 'admin', 1, 0)").run(DAY, TU_PHAP, TU_PHAP),
    ).toThrow(/UNIQUE/);
    // The same number on another day is a different ticket.
    expect(store.insertTicket(newTicket({ day: '2026-11-24' })).number).toBe('86001');
  });

  it('a sequence that fell behind the stored tickets continues after the highest stored number, never repeating one', () => {
    const { core, store } = openTempStore();
    issueNumbers(core, TU_PHAP, 3);
    store.setLastSeq(DAY, '86', 1);
    expect(issueNumbers(core, TU_PHAP, 1)).toEqual(['86004']);
    expect(store.lastSeq(DAY, '86')).toBe(4);
    expect(core.views.serviceStatus(TU_PHAP).waiting).toBe(4);
  });

  it('a sequence cannot pass 999', () => {
    const { store } = openTempStore();
    expect(() => store.setLastSeq(DAY, '86', 1000)).toThrow(/CHECK constraint failed/);
  });

  it('one kiosk request id makes one ticket', () => {
    const { store } = openTempStore();
    store.insertTicket(newTicket({ deviceId: 3, requestId: 'kiosk3-0001' }));
    expect(() => store.insertTicket(newTicket({ number: '86002', seq: 2, deviceId: 3, requestId: 'kiosk3-0001' }))).toThrow(/UNIQUE/);
    expect(store.getTicketByRequest(3, 'kiosk3-0001')?.number).toBe('86001');
  });
});

describe('SqliteQueueStore behaviour', () => {
  it('nests transactions: an inner failure rolls back only the inner part', () => {
    const { store } = openTempStore();
    store.transaction(() => {
      store.setMeta('outer', '1');
      expect(() =>
        store.transaction(() => {
          store.setMeta('inner', '2');
          throw new Error('inner refused');
        }),
      ).toThrow('inner refused');
    });
    expect(store.getMeta('outer')).toBe('1');
    expect(store.getMeta('inner')).toBeNull();
  });

  it('gives new tickets increasing queue keys across services', () => {
    const { core, store } = openTempStore();
    issueNumbers(core, XNC, 1);
    issueNumbers(core, TU_PHAP, 1);
    issueNumbers(core, XNC, 1);
    const keys = ['66001', '86001', '66002'].map((n) => store.getTicketByNumber(DAY, n)!.queueKey);
    expect(keys[0]).toBeLessThan(keys[1]!);
    expect(keys[1]).toBeLessThan(keys[2]!);
  });

  it('returns from insertTicket exactly the row it stored, queue key included (it is not read back)', () => {
    const { store } = openTempStore();
    const inserted = [
      store.insertTicket(newTicket()),
      store.insertTicket(newTicket({ number: '86002', seq: 2, priority: 'nguoi-cao-tuoi', requestId: 'req-priority', deviceId: 7 })),
      store.insertTicket(newTicket({ number: '86003', seq: 3, status: 'booked', source: 'portal', deadline: 1_800_000, bookingRef: 'HS-1' })),
    ];
    // A transfer gives a ticket a key below the head; the next new ticket still gets (max id + 1) × step.
    store.updateTicket(inserted[0]!.id, { queueKey: 1 });
    inserted.push(store.insertTicket(newTicket({ number: '86004', seq: 4 })));
    for (const record of inserted.slice(1)) expect(record).toEqual(store.getTicket(record.id));
    expect(inserted[3]!.queueKey).toBeGreaterThan(inserted[2]!.queueKey);
  });

  it('updates only the given fields; null clears a field, undefined leaves it', () => {
    const { store } = openTempStore();
    const ticket = store.insertTicket(newTicket());
    store.updateTicket(ticket.id, { counter: 86, clerk: 'Chị Lan', status: 'called' });
    store.updateTicket(ticket.id, { counter: null, clerk: undefined });
    expect(store.getTicket(ticket.id)).toMatchObject({ counter: null, clerk: 'Chị Lan', status: 'called' });
  });

  it('highestSeq: the highest sequence stored for a day and prefix, 0 when there is none', () => {
    const { store } = openTempStore();
    expect(store.highestSeq(DAY, '86')).toBe(0);
    store.insertTicket(newTicket({ number: '86007', seq: 7 }));
    store.insertTicket(newTicket({ number: '86003', seq: 3 }));
    store.insertTicket(newTicket({ number: '86999', seq: 999, day: '2026-11-24' }));
    store.insertTicket(newTicket({ number: '87001', seq: 1, prefix: '87' }));
    store.insertTicket(newTicket({ number: '85999', seq: 999, prefix: '85' }));
    expect(store.highestSeq(DAY, '86')).toBe(7);
    expect(store.highestSeq('2026-11-24', '86')).toBe(999);
    expect(store.highestSeq(DAY, '87')).toBe(1);
    expect(store.highestSeq(DAY, '66')).toBe(0);
    expect(store.highestSeq('2026-11-22', '86')).toBe(0);
    // Whatever became of the tickets (done, expired, transferred to another service), their numbers count.
    store.updateTicket(store.getTicketByNumber(DAY, '86007')!.id, { status: 'transferred', serviceId: XNC });
    expect(store.highestSeq(DAY, '86')).toBe(7);
  });

  it('listUnfinishedOtherThan: unfinished tickets of earlier and later days, none of the given day', () => {
    const { store } = openTempStore();
    store.insertTicket(newTicket({ day: '2026-11-22', number: '86001' }));
    store.insertTicket(newTicket({ day: DAY, number: '86001' }));
    const later = store.insertTicket(newTicket({ day: '2027-12-28', number: '86001', status: 'booked' }));
    store.insertTicket(newTicket({ day: '2027-12-28', number: '86002', status: 'done' }));
    expect(store.listUnfinishedOtherThan(DAY).map((t) => t.day).sort()).toEqual(['2026-11-22', '2027-12-28']);
    expect(store.listUnfinishedOtherThan(DAY).find((t) => t.day === '2027-12-28')?.id).toBe(later.id);
  });

  it('listExpiredAfter: expired tickets of a day whose expiry time is after the instant', () => {
    const { store } = openTempStore();
    const early = store.insertTicket(newTicket({ number: '86001' }));
    const late = store.insertTicket(newTicket({ number: '86002', seq: 2 }));
    const otherDay = store.insertTicket(newTicket({ day: '2026-11-22', number: '86002', seq: 2 }));
    store.insertTicket(newTicket({ number: '86003', seq: 3 })); // still waiting
    const done = store.insertTicket(newTicket({ number: '86004', seq: 4 }));
    store.updateTicket(early.id, { status: 'expired', finishedAt: 1_000 });
    store.updateTicket(late.id, { status: 'expired', finishedAt: 5_000 });
    store.updateTicket(otherDay.id, { status: 'expired', finishedAt: 5_000 });
    store.updateTicket(done.id, { status: 'done', finishedAt: 5_000 });
    expect(store.listExpiredAfter(DAY, 1_000).map((t) => t.id)).toEqual([late.id]);
    expect(store.listExpiredAfter(DAY, 999).map((t) => t.id)).toEqual([early.id, late.id]);
    expect(store.listExpiredAfter(DAY, 5_000)).toEqual([]);
  });

  it('round-trips the center configuration', () => {
    const { store } = openTempStore();
    const config = testCenter({ priorityPolicy: { policy: 'interleaved', every: 3 } });
    store.saveConfig(config, 0);
    expect(store.loadConfig()).toEqual(config);
  });
});
