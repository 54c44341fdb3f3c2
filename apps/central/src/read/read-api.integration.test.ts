import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentralRankingAnswer } from '@layso/shared';
import { startCentral, type Central } from '../app/start-central.js';
import { ROLLUP_COLUMNS } from '../rollup/store-events-sql.js';
import type { SqlClient } from '../store/sql-client.js';
import { STORAGE_BACKENDS } from '../testing/storage-backends.js';

const TOKEN = 'province-read-token';
const MIN = 60_000;
type Figures = Record<(typeof ROLLUP_COLUMNS)[number], number>;

async function seed(db: SqlClient, table: 'center_days' | 'center_months', hub: string, at: string, figures: Figures) {
  const when = table === 'center_days' ? 'day' : 'month';
  await db.query(
    `INSERT INTO ${table} (hub_id, ${when}, service_id, ${ROLLUP_COLUMNS.join(', ')}) VALUES ($1, $2, 'ho-tich', ${ROLLUP_COLUMNS.map((_, i) => `$${i + 3}`).join(', ')})`,
    [hub, at, ...ROLLUP_COLUMNS.map((c) => figures[c])],
  );
}

// Hand-made figures. A's October is a whole month in the range below (read from
// center_months; its day row must not count twice); its 2 November counts from
// center_days; 5 November is past the range. B has one October day.
const A_OCTOBER: Figures = { issued: 12, online: 6, called: 10, served: 8, no_show: 2, wait_ms_sum: 50 * MIN, within_target: 8, ratings: 4, satisfied: 3 };
const A_NOV_2: Figures = { issued: 2, online: 0, called: 2, served: 1, no_show: 1, wait_ms_sum: 60 * MIN, within_target: 0, ratings: 1, satisfied: 0 };
const A_NOV_5: Figures = { issued: 100, online: 100, called: 100, served: 100, no_show: 0, wait_ms_sum: 100 * MIN, within_target: 100, ratings: 100, satisfied: 100 };
const B_OCT_20: Figures = { issued: 4, online: 1, called: 4, served: 4, no_show: 0, wait_ms_sum: 8 * MIN, within_target: 4, ratings: 2, satisfied: 2 };

describe.each(STORAGE_BACKENDS.map((make) => [make().name, make] as const))('central read API on %s', (_name, make) => {
  const backend = make();
  let db: SqlClient;
  let central: Central;

  beforeAll(async () => {
    await backend.setup();
    db = await backend.fresh();
    central = await startCentral({ db, log: () => {}, readToken: TOKEN });
    for (const [id, province] of [['xa-a', 'dong-nai'], ['xa-b', 'dong-nai'], ['xa-c', 'binh-duong'], ['xa-d', 'dong-nai']] as const) {
      await central.hubs.register({ id, name: `Trung tâm ${id}`, province });
    }
    await seed(db, 'center_months', 'xa-a', '2026-10-01', A_OCTOBER);
    await seed(db, 'center_days', 'xa-a', '2026-10-15', A_OCTOBER);
    await seed(db, 'center_months', 'xa-a', '2026-11-01', { ...A_NOV_5, issued: 102 });
    await seed(db, 'center_days', 'xa-a', '2026-11-02', A_NOV_2);
    await seed(db, 'center_days', 'xa-a', '2026-11-05', A_NOV_5);
    await seed(db, 'center_months', 'xa-b', '2026-10-01', B_OCT_20);
    await seed(db, 'center_days', 'xa-b', '2026-10-20', B_OCT_20);
    await seed(db, 'center_days', 'xa-c', '2026-10-20', B_OCT_20);
  });
  afterAll(async () => {
    await central?.close();
    await backend.teardown();
  });

  const get = async (path: string, token: string | null = TOKEN) => {
    const response = await fetch(`${central.url}${path}`, token ? { headers: { Authorization: `Bearer ${token}` } } : {});
    return { status: response.status, json: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string } } };
  };

  it('ranks a province\'s centers over whole months and odd days, as computed by hand', async () => {
    const { status, json } = await get('/api/ranking?from=2026-10-01&to=2026-11-03&province=dong-nai');
    expect(status).toBe(200);
    const answer = json as unknown as CentralRankingAnswer;
    expect(answer).toMatchObject({ from: '2026-10-01', to: '2026-11-03', province: 'dong-nai', sort: 'withinTargetShare', waitTargetMs: 15 * MIN });
    expect(answer.centers).toEqual([
      { rank: 1, hubId: 'xa-b', name: 'Trung tâm xa-b', province: 'dong-nai', issued: 4, called: 4, served: 4, noShows: 0, ratings: 2, withinTargetShare: 1, averageWaitMs: 2 * MIN, noShowRate: 0, satisfaction: 1, onlineShare: 0.25 },
      { rank: 2, hubId: 'xa-a', name: 'Trung tâm xa-a', province: 'dong-nai', issued: 14, called: 12, served: 9, noShows: 3, ratings: 5, withinTargetShare: 8 / 12, averageWaitMs: (110 * MIN) / 12, noShowRate: 0.25, satisfaction: 0.6, onlineShare: 6 / 14 },
      { rank: 3, hubId: 'xa-d', name: 'Trung tâm xa-d', province: 'dong-nai', issued: 0, called: 0, served: 0, noShows: 0, ratings: 0, withinTargetShare: null, averageWaitMs: null, noShowRate: null, satisfaction: null, onlineShare: null },
    ]);
  });

  it('sorts by the indicator asked for, and reads only days inside a month that is not whole', async () => {
    const byNoShow = (await get('/api/ranking?from=2026-10-01&to=2026-11-03&province=dong-nai&sort=noShowRate')).json as unknown as CentralRankingAnswer;
    expect(byNoShow.centers.map((c) => [c.hubId, c.noShowRate])).toEqual([['xa-b', 0], ['xa-a', 0.25], ['xa-d', null]]);
    const inside = (await get('/api/ranking?from=2026-10-10&to=2026-10-20')).json as unknown as CentralRankingAnswer;
    expect(inside.centers.map((c) => [c.hubId, c.called])).toEqual([['xa-b', 4], ['xa-c', 4], ['xa-a', 10], ['xa-d', 0]]);
    const wholeNovember = (await get('/api/ranking?from=2026-11-01&to=2026-11-30&province=dong-nai&sort=averageWaitMs')).json as unknown as CentralRankingAnswer;
    expect(wholeNovember.centers[0]).toMatchObject({ hubId: 'xa-a', issued: 102, called: 100 });
  });

  it('lists a province\'s centers live', async () => {
    const { status, json } = await get('/api/centers?province=dong-nai');
    expect(status).toBe(200);
    expect((json.centers as Array<{ hubId: string; waiting: number; lagging: boolean }>).map((c) => [c.hubId, c.waiting, c.lagging])).toEqual([
      ['xa-a', 0, true],
      ['xa-b', 0, true],
      ['xa-d', 0, true],
    ]);
    expect(((await get('/api/centers')).json.centers as unknown[]).length).toBe(4);
  });

  it('refuses a bad query with INVALID_QUERY and a clear message, never a 500', async () => {
    const bad: Array<[string, string]> = [
      ['/api/ranking', 'from'],
      ['/api/ranking?from=2026-10-01', 'to'],
      ['/api/ranking?from=2026-02-30&to=2026-03-01', 'from'],
      ['/api/ranking?from=01/10/2026&to=2026-10-02', 'from'],
      ['/api/ranking?from=2026-10-05&to=2026-10-01', 'from must not be after to'],
      ['/api/ranking?from=2025-01-01&to=2026-10-01', 'at most 366 days'],
      ['/api/ranking?from=2026-10-01&to=2026-10-02&sort=rank', 'sort'],
      ['/api/ranking?from=2026-10-01&to=2026-10-02&province=../etc', 'province'],
      ['/api/ranking?from=2026-10-01&to=2026-10-02&limit=5', 'limit'],
      ['/api/ranking?from=2026-10-01&from=2026-10-02&to=2026-10-03', 'from given twice'],
      ['/api/centers?province=Dong%20Nai', 'province'],
      ['/api/centers?provinc=dong-nai', 'provinc'],
    ];
    for (const [path, mentions] of bad) {
      const { status, json } = await get(path);
      expect({ path, status, code: json.error?.code }).toEqual({ path, status: 400, code: 'INVALID_QUERY' });
      expect(json.error?.message).toContain(mentions);
    }
    expect((await get('/api/ranking?from=2026-10-01&to=2026-10-02', null)).json.error?.code).toBe('UNAUTHENTICATED');
    expect((await get('/api/ranking?from=2026-10-01&to=2026-10-02', 'wrong')).status).toBe(401);
  });
});
