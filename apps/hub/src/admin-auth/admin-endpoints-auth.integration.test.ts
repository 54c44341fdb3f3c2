import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.js';
import { expectError } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { createAdmin, signIn } from '../testing/admin-sign-in.js';

/** Every endpoint this area adds that needs a token, with a valid body. */
const ADMIN_ENDPOINTS: { method: string; path: string; json?: unknown }[] = [
  { method: 'GET', path: '/api/admin/session' },
  { method: 'DELETE', path: '/api/admin/session' },
  { method: 'POST', path: '/api/admin/password', json: { current: 'whatever-1', next: 'whatever-2-long' } },
  { method: 'GET', path: '/api/admin/users' },
  { method: 'POST', path: '/api/admin/users', json: { username: 'eve', password: 'eve-password-1' } },
  { method: 'POST', path: '/api/admin/users/1/disable' },
  { method: 'POST', path: '/api/admin/users/1/enable' },
  { method: 'GET', path: '/api/admin/clerks' },
  { method: 'POST', path: '/api/admin/clerks', json: { code: 'x1', name: 'X', pin: '1234' } },
  { method: 'PUT', path: '/api/admin/clerks/1', json: { name: 'Y' } },
  { method: 'POST', path: '/api/admin/clerks/1/pin', json: { pin: '4321' } },
  { method: 'POST', path: '/api/admin/clerks/1/disable' },
  { method: 'POST', path: '/api/admin/clerks/1/enable' },
  { method: 'GET', path: '/api/admin/audit' },
  { method: 'GET', path: '/api/admin/backup' },
  { method: 'GET', path: '/api/admin/backups' },
];
const COUNTER_CLERK_ENDPOINTS: { method: string; path: string; json?: unknown }[] = [
  { method: 'GET', path: '/api/counters/60/clerk' },
  { method: 'POST', path: '/api/counters/60/clerk', json: { code: 'c1', pin: '1234' } },
  { method: 'DELETE', path: '/api/counters/60/clerk' },
];

describe('admin endpoints refuse everyone but admins', () => {
  let t: TestHub;
  let clock: FakeClock;
  let expired: string;
  let before: string;

  beforeAll(async () => {
    clock = new FakeClock();
    t = await startTestHub({ config: smallCenter(), clock });
    await createAdmin(t);
    await t.admin.clerks.create({ code: 'c1', name: 'Cán bộ 1', pin: '1234' }, { id: 0, role: 'admin', counter: null, name: 'setup' });
    expired = (await signIn(t)).token;
    clock.advance({ minutes: 31 });
    before = JSON.stringify(t.db.prepare('SELECT * FROM audit_log ORDER BY id').all());
  });
  afterAll(async () => {
    expect(t.logs).toEqual([]);
    await t.stop();
  });

  it.each(ADMIN_ENDPOINTS)('$method $path: 401 without a token or with an ended session, 403 for device roles', async ({ method, path, json }) => {
    const call = (token?: string) => t.request(method, path, { ...(token ? { token } : {}), ...(json ? { json } : {}) });
    expectError(await call(), 401, 'UNAUTHENTICATED');
    expectError(await call(expired), 401, 'UNAUTHENTICATED');
    for (const token of [t.tokens.kiosk, t.tokens.counter[60]!, t.tokens.display, t.tokens.portal]) expectError(await call(token), 403, 'FORBIDDEN');
  });

  it.each(COUNTER_CLERK_ENDPOINTS)('$method $path: only that counter or an admin', async ({ method, path, json }) => {
    const call = (token?: string) => t.request(method, path, { ...(token ? { token } : {}), ...(json ? { json } : {}) });
    expectError(await call(), 401, 'UNAUTHENTICATED');
    expectError(await call(expired), 401, 'UNAUTHENTICATED');
    for (const token of [t.tokens.kiosk, t.tokens.counter[87]!, t.tokens.display, t.tokens.portal]) expectError(await call(token), 403, 'FORBIDDEN');
  });

  it('wrote nothing (no audit entry, no clerk signed in, no user added)', () => {
    expect(JSON.stringify(t.db.prepare('SELECT * FROM audit_log ORDER BY id').all())).toBe(before);
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM counter_clerks').get()).toEqual({ n: 0 });
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM admin_users').get()).toEqual({ n: 1 });
  });
});
