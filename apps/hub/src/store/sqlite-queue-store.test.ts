import { describe, expect, it } from 'vitest';
import type { NewTicket } from '../queue/ports.js';
import { issueNumbers } from '../test/queue-helpers.js';
import { TU_PHAP, XNC, testCenter } from '../test/test-center.js';
import { openTempStore } from '../test/temp-store.js';

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

  it('a reset sequence makes the core fail rather than hand out a number twice', () => {
    const { core, store } = openTempStore();
    issueNumbers(core, TU_PHAP, 1);
    store.setLastSeq(DAY, '86', 0);
    expect(() => core.issue({ serviceId: TU_PHAP })).toThrow(/UNIQUE/);
    // The failed issue rolled back whole: no ticket, the sequence untouched.
    expect(core.serviceStatus(TU_PHAP).waiting).toBe(1);
    expect(store.lastSeq(DAY, '86')).toBe(0);
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

  it('round-trips the center configuration', () => {
    const { store } = openTempStore();
    const config = testCenter({ priorityPolicy: { policy: 'interleaved', every: 3 } });
    store.saveConfig(config, 0);
    expect(store.loadConfig()).toEqual(config);
  });
});
