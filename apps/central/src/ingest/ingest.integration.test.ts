import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CENTRAL_INGEST_PATH, type CentralEvent } from '@layso/shared';
import { startCentral, type Central } from '../app/start-central.js';
import { migrate, schemaVersion, loadMigrations } from '../store/migrate.js';
import type { SqlClient } from '../store/sql-client.js';
import { signedPost } from '../testing/signed-post.js';
import { STORAGE_BACKENDS } from '../testing/storage-backends.js';

const DAY = '2026-12-03';

function events(from: number, count: number, day = DAY): CentralEvent[] {
  return Array.from({ length: count }, (_, i) => ({
    seq: from + i,
    kind: 'ticket.issued',
    day,
    occurredAt: Date.parse(`${day}T02:00:00Z`) + (from + i) * 1000,
    payload: { ticketId: from + i, number: `A${String(from + i).padStart(3, '0')}`, serviceId: 'ho-tich' },
  }));
}

function post(central: Central, hub: string, secret: string, body: unknown, options: Parameters<typeof signedPost>[4] = {}) {
  return signedPost(central.url, hub, secret, body, options);
}

async function counts(db: SqlClient, hub: string) {
  const { rows } = await db.query<{ n: string; distinct_seq: string; hw: string; counted: string }>(
    `SELECT (SELECT COUNT(*) FROM events WHERE hub_id = $1) AS n, (SELECT COUNT(DISTINCT seq) FROM events WHERE hub_id = $1) AS distinct_seq,
            high_water AS hw, event_count AS counted FROM hub_progress WHERE hub_id = $1`,
    [hub],
  );
  const row = rows[0]!;
  return { rows: Number(row.n), distinct: Number(row.distinct_seq), highWater: Number(row.hw), counted: Number(row.counted) };
}

describe.each(STORAGE_BACKENDS.map((make) => [make().name, make] as const))('central ingest on %s', (_name, make) => {
  const backend = make();
  let db: SqlClient;
  let central: Central;
  let secret: string;

  beforeAll(async () => {
    await backend.setup();
  });
  afterAll(async () => {
    await central?.close();
    await backend.teardown();
  });

  async function fresh() {
    await central?.close();
    db = await backend.fresh();
    central = await startCentral({ db, log: () => {} });
    ({ secret } = await central.hubs.register({ id: 'xa-tan-phu', name: 'Trung tâm PVHCC xã Tân Phú', province: 'dong-nai' }));
  }

  it('migrates a new database once, to the latest version, with events partitioned by day', async () => {
    await fresh();
    expect(await schemaVersion(db)).toBe(loadMigrations().length);
    expect(await migrate(db)).toEqual([]);
    const { rows } = await db.query<{ strategy: string }>(`SELECT partstrat AS strategy FROM pg_partitioned_table WHERE partrelid = 'events'::regclass`);
    expect(rows).toEqual([{ strategy: 'r' }]);
    await post(central, 'xa-tan-phu', secret, { events: [...events(1, 2), ...events(3, 1, '2026-12-04')] });
    const parts = await db.query<{ name: string }>(`SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'events'::regclass ORDER BY 1`);
    expect(parts.rows.map((r) => r.name)).toEqual(['events_2026_12_03', 'events_2026_12_04']);
  });

  it('stores a batch once: the same batch sent twice counts once and answers the high-water mark', async () => {
    await fresh();
    const first = await post(central, 'xa-tan-phu', secret, { events: events(1, 5) });
    expect(first).toEqual({ status: 200, json: { accepted: 5, duplicates: 0, highWater: 5 } });
    const again = await post(central, 'xa-tan-phu', secret, { events: events(1, 5) });
    expect(again).toEqual({ status: 200, json: { accepted: 0, duplicates: 5, highWater: 5 } });
    const overlapping = await post(central, 'xa-tan-phu', secret, { events: events(4, 4) });
    expect(overlapping.json).toEqual({ accepted: 2, duplicates: 2, highWater: 7 });
    expect(await counts(db, 'xa-tan-phu')).toEqual({ rows: 7, distinct: 7, highWater: 7, counted: 7 });
  });

  it('refuses a gap with the high-water mark and a batch out of order, storing nothing', async () => {
    await fresh();
    await post(central, 'xa-tan-phu', secret, { events: events(1, 3) });
    const gap = await post(central, 'xa-tan-phu', secret, { events: events(5, 2) });
    expect(gap.status).toBe(409);
    expect(gap.json.error).toMatchObject({ code: 'GAP', highWater: 3 });
    const shuffled = events(4, 3);
    [shuffled[0], shuffled[1]] = [shuffled[1]!, shuffled[0]!];
    const outOfOrder = await post(central, 'xa-tan-phu', secret, { events: shuffled });
    expect(outOfOrder.status).toBe(400);
    expect(outOfOrder.json.error?.code).toBe('OUT_OF_ORDER');
    expect(await counts(db, 'xa-tan-phu')).toEqual({ rows: 3, distinct: 3, highWater: 3, counted: 3 });
  });

  it('refuses unsigned, wrongly signed, stale, unregistered and malformed requests', async () => {
    await fresh();
    const batch = { events: events(1, 1) };
    const unsigned = await fetch(`${central.url}${CENTRAL_INGEST_PATH}`, { method: 'POST', body: JSON.stringify(batch) });
    expect(unsigned.status).toBe(401);
    expect(((await unsigned.json()) as { error: { code: string } }).error.code).toBe('UNSIGNED');
    expect((await post(central, 'xa-tan-phu', 'not-the-secret', batch)).json.error?.code).toBe('BAD_SIGNATURE');
    // Signed for another path: a captured signature does not carry over.
    expect((await post(central, 'xa-tan-phu', secret, batch, { path: '/api/other' })).json.error?.code).toBe('BAD_SIGNATURE');
    expect((await post(central, 'xa-tan-phu', secret, batch, { timestamp: Date.now() - 6 * 60_000 })).json.error?.code).toBe('STALE_SIGNATURE');
    expect((await post(central, 'xa-khac', secret, batch)).json.error?.code).toBe('UNKNOWN_HUB');
    expect((await post(central, '../../etc', secret, batch)).json.error?.code).toBe('UNKNOWN_HUB');
    const badJson = await post(central, 'xa-tan-phu', secret, '{"events": [');
    expect(badJson).toMatchObject({ status: 400, json: { error: { code: 'INVALID_BATCH' } } });
    const phone = await post(central, 'xa-tan-phu', secret, { events: [{ ...events(1, 1)[0]!, payload: { note: 'x'.repeat(65) } }] });
    expect(phone.json.error?.code).toBe('INVALID_BATCH');
    const badDay = await post(central, 'xa-tan-phu', secret, { events: events(1, 1, '2026-02-30') });
    expect(badDay.json.error?.code).toBe('INVALID_BATCH');
    const huge = await post(central, 'xa-tan-phu', secret, { events: events(1, 1), pad: 'x'.repeat(1_100_000) });
    expect(huge).toMatchObject({ status: 413, json: { error: { code: 'TOO_LARGE' } } });
    expect(await counts(db, 'xa-tan-phu')).toEqual({ rows: 0, distinct: 0, highWater: 0, counted: 0 });
    // Still serving after all that.
    expect((await post(central, 'xa-tan-phu', secret, batch)).status).toBe(200);
  });

  it('stores two copies of one batch in flight at once only once', async () => {
    await fresh();
    const results = await Promise.all(Array.from({ length: 4 }, () => post(central, 'xa-tan-phu', secret, { events: events(1, 50) })));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(results.reduce((sum, r) => sum + (r.json.accepted as number), 0)).toBe(50);
    expect(await counts(db, 'xa-tan-phu')).toEqual({ rows: 50, distinct: 50, highWater: 50, counted: 50 });
  });
});
