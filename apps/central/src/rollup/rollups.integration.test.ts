import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralEvent } from '@layso/shared';
import { startCentral, type Central } from '../app/start-central.js';
import type { IngestOptions } from '../ingest/ingest-service.js';
import type { SqlClient } from '../store/sql-client.js';
import { signedPost } from '../testing/signed-post.js';
import { STORAGE_BACKENDS } from '../testing/storage-backends.js';

const DAY = '2026-11-02';
const T = Date.parse(`${DAY}T01:00:00Z`);
const MIN = 60_000;

/**
 * A hand-made day at one center: four tickets, two calls (waits 10 and 20 minutes,
 * the target is 15), one served, one no-show, two ratings, a counter status change.
 */
function fixtureDay(): CentralEvent[] {
  const ticket = (id: number, serviceId: string, source: string, issuedAt: number) => ({ ticketId: id, number: `A00${id}`, serviceId, source, priority: false, issuedAt });
  const list: Array<Omit<CentralEvent, 'seq' | 'day'>> = [
    { kind: 'ticket.issued', occurredAt: T, payload: ticket(1, 'ho-tich', 'kiosk', T) },
    { kind: 'ticket.booked', occurredAt: T + MIN, payload: ticket(2, 'ho-tich', 'portal', T + MIN) },
    { kind: 'ticket.issued', occurredAt: T + 2 * MIN, payload: ticket(3, 'ho-tich', 'kiosk', T + 2 * MIN) },
    { kind: 'ticket.called', occurredAt: T + 10 * MIN, payload: { ...ticket(1, 'ho-tich', 'kiosk', T), counter: 1 } },
    { kind: 'ticket.done', occurredAt: T + 14 * MIN, payload: { ...ticket(1, 'ho-tich', 'kiosk', T), counter: 1 } },
    { kind: 'ticket.called', occurredAt: T + 21 * MIN, payload: { ...ticket(2, 'ho-tich', 'portal', T + MIN), counter: 1 } },
    { kind: 'ticket.skipped', occurredAt: T + 24 * MIN, payload: { ...ticket(2, 'ho-tich', 'portal', T + MIN), counter: 1 } },
    { kind: 'rating', occurredAt: T + 15 * MIN, payload: { ticketId: 1, serviceId: 'ho-tich', counter: 1, score: 'very-satisfied' } },
    { kind: 'rating', occurredAt: T + 25 * MIN, payload: { ticketId: 2, serviceId: 'ho-tich', counter: 1, score: 'unsatisfied' } },
    { kind: 'counter.status', occurredAt: T + 30 * MIN, payload: { counter: 1, status: 'paused' } },
    { kind: 'ticket.issued', occurredAt: T + 31 * MIN, payload: ticket(4, 'dat-dai', 'kiosk', T + 31 * MIN) },
  ];
  return list.map((e, i) => ({ ...e, seq: i + 1, day: DAY }));
}

// Hand-computed from fixtureDay().
const EXPECTED = [
  { service_id: 'dat-dai', issued: 1, online: 0, called: 0, served: 0, no_show: 0, wait_ms_sum: 0, within_target: 0, ratings: 0, satisfied: 0 },
  { service_id: 'ho-tich', issued: 3, online: 1, called: 2, served: 1, no_show: 1, wait_ms_sum: 30 * MIN, within_target: 1, ratings: 2, satisfied: 1 },
];

async function rollups(db: SqlClient, table: 'center_days' | 'center_months', hub: string) {
  const when = table === 'center_days' ? 'day' : 'month';
  const { rows } = await db.query<Record<string, string | number>>(
    `SELECT ${when}::text AS at, service_id, issued, online, called, served, no_show, wait_ms_sum::float8 AS wait_ms_sum, within_target, ratings, satisfied
     FROM ${table} WHERE hub_id = $1 ORDER BY service_id`,
    [hub],
  );
  return rows;
}

const expectedRows = (at: string) => EXPECTED.map((row) => ({ at, ...row }));

describe.each(STORAGE_BACKENDS.map((make) => [make().name, make] as const))('central rollups on %s', (_name, make) => {
  const backend = make();
  let db: SqlClient;
  let central: Central;
  const secrets = new Map<string, string>();

  beforeAll(() => backend.setup());
  afterAll(async () => {
    await central?.close();
    await backend.teardown();
  });

  async function fresh(hubs: string[], ingest?: IngestOptions) {
    await central?.close();
    db = await backend.fresh();
    central = await startCentral({ db, log: () => {}, ...(ingest ? { ingest } : {}) });
    for (const id of hubs) secrets.set(id, (await central.hubs.register({ id, name: `Trung tâm ${id}`, province: 'dong-nai' })).secret);
  }
  const post = (hub: string, events: CentralEvent[]) => signedPost(central.url, hub, secrets.get(hub)!, { events });

  it('adds each event to the day and month rollups once, however often its batch is sent', async () => {
    await fresh(['xa-tan-phu']);
    const day = fixtureDay();
    expect((await post('xa-tan-phu', day.slice(0, 6))).json.accepted).toBe(6);
    expect((await post('xa-tan-phu', day.slice(0, 6))).json).toEqual({ accepted: 0, duplicates: 6, highWater: 6 });
    expect((await post('xa-tan-phu', day.slice(3))).json).toEqual({ accepted: 5, duplicates: 3, highWater: 11 });
    expect((await post('xa-tan-phu', day)).json).toEqual({ accepted: 0, duplicates: 11, highWater: 11 });
    expect(await rollups(db, 'center_days', 'xa-tan-phu')).toEqual(expectedRows(DAY));
    expect(await rollups(db, 'center_months', 'xa-tan-phu')).toEqual(expectedRows('2026-11-01'));
  });

  it('keeps the rollups exact under concurrent copies of batches from many hubs at once', async () => {
    const hubs = Array.from({ length: 6 }, (_, i) => `xa-${i + 1}`);
    await fresh(hubs);
    const day = fixtureDay();
    const parts = [day.slice(0, 4), day.slice(2, 8), day.slice(6)];
    await Promise.all(
      hubs.map(async (hub) => {
        for (const part of parts) {
          const answers = await Promise.all([post(hub, part), post(hub, part), post(hub, part)]);
          expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
        }
      }),
    );
    for (const hub of hubs) expect(await rollups(db, 'center_days', hub)).toEqual(expectedRows(DAY));
    const { rows } = await db.query<{ n: number; counted: number }>('SELECT (SELECT COUNT(*) FROM events)::int AS n, (SELECT SUM(event_count) FROM hub_progress)::int AS counted');
    expect(rows[0]).toEqual({ n: 6 * day.length, counted: 6 * day.length });
  });

  it('commits many hubs in one group, and a group that fails retries its batches one by one so only the bad hub fails', async () => {
    const good = ['xa-a', 'xa-b', 'xa-c', 'xa-d'];
    await fresh(['xa-dau', 'xa-hong', ...good], { concurrency: 1 });
    // A database fault for one hub's rows.
    await db.exec(`
      CREATE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.hub_id = 'xa-hong' THEN RAISE EXCEPTION 'disk full for xa-hong'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER test_fault BEFORE INSERT ON events FOR EACH ROW EXECUTE FUNCTION test_fault();`);
    const day = fixtureDay();
    // Called in one tick: the first batch takes the one commit slot alone, the five
    // that arrive while it commits wait and go as one group.
    const first = central.ingest.ingest('xa-dau', day);
    const rest = await Promise.allSettled(['xa-hong', ...good].map((hub) => central.ingest.ingest(hub, day)));
    expect(await first).toEqual({ accepted: 11, duplicates: 0, highWater: 11 });
    expect(rest[0]).toMatchObject({ status: 'rejected', reason: { message: expect.stringContaining('disk full for xa-hong') } });
    expect(rest.slice(1)).toEqual(good.map(() => ({ status: 'fulfilled', value: { accepted: 11, duplicates: 0, highWater: 11 } })));
    expect(central.ingest.stats).toMatchObject({ groups: 2, largestGroup: 5, retriedGroups: 1 });
    for (const hub of ['xa-dau', ...good]) expect(await rollups(db, 'center_days', hub)).toEqual(expectedRows(DAY));
    expect(await rollups(db, 'center_days', 'xa-hong')).toEqual([]);
    const { rows } = await db.query<{ hw: number; n: number }>(`SELECT high_water::int AS hw, (SELECT COUNT(*) FROM events WHERE hub_id = 'xa-hong')::int AS n FROM hub_progress WHERE hub_id = 'xa-hong'`);
    expect(rows[0]).toEqual({ hw: 0, n: 0 });
    // Over HTTP the bad hub gets 503 (it retries later) and the others keep going.
    expect((await post('xa-hong', day)).json.error?.code).toBe('UNAVAILABLE');
  });
});
