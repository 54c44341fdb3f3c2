import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.js';
import { expectClientError } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { ALICE_PASSWORD, createAdmin, signIn } from '../testing/admin-sign-in.js';

const JSON_TYPE = { 'content-type': 'application/json' };

/** Random (mostly wrong) bodies for every admin endpoint that takes one: a 4xx error body, never a 5xx, nothing written. */
describe('bad input to the admin endpoints', () => {
  let t: TestHub;
  let session: string;
  let state: () => unknown;
  let before: unknown;

  beforeAll(async () => {
    t = await startTestHub({ config: smallCenter(), clock: new FakeClock() });
    await createAdmin(t);
    session = (await signIn(t)).token;
    const created = await t.request('POST', '/api/admin/clerks', { token: t.tokens.admin, json: { code: 'c1', name: 'Cán bộ', pin: '1234' } });
    expect(created.status).toBe(201);
    // Everything a refused request could have changed (audit_log too: a refusal is not an action).
    state = () => ({
      users: t.db.prepare('SELECT * FROM admin_users ORDER BY id').all(),
      clerks: t.db.prepare('SELECT * FROM clerks ORDER BY id').all(),
      signedIn: t.db.prepare('SELECT * FROM counter_clerks').all(),
      audit: t.db.prepare('SELECT COUNT(*) AS n FROM audit_log').get(),
    });
    before = state();
  });
  afterAll(async () => {
    expect(t.logs).toEqual([]);
    await t.stop();
  });

  const targets: { method: string; path: string; token: () => string }[] = [
    { method: 'POST', path: '/api/admin/users', token: () => session },
    { method: 'POST', path: '/api/admin/password', token: () => session },
    { method: 'POST', path: '/api/admin/clerks', token: () => session },
    { method: 'PUT', path: '/api/admin/clerks/1', token: () => session },
    { method: 'POST', path: '/api/admin/clerks/1/pin', token: () => session },
    { method: 'POST', path: '/api/counters/60/clerk', token: () => t.tokens.counter[60]! },
  ];

  it.each(targets)('$method $path', async ({ method, path, token }) => {
    // Objects shaped like the real bodies, with wrong values, plus any JSON at all.
    const nearValid = fc.record(
      {
        username: fc.oneof(fc.string({ maxLength: 60 }), fc.constant('a b')),
        password: fc.string({ maxLength: 9 }),
        current: fc.constant('wrong-current-1'),
        next: fc.string({ maxLength: 9 }),
        // Never the real clerk's code: a wrong PIN for a real clerk is an audited failure, not bad input.
        code: fc.oneof(fc.string({ maxLength: 30 }), fc.constant('c 1')).filter((code) => code.trim().toLowerCase() !== 'c1'),
        name: fc.oneof(fc.constant(''), fc.string({ minLength: 81, maxLength: 90 }), fc.integer()),
        pin: fc.oneof(fc.string({ maxLength: 3 }), fc.stringMatching(/^\d{9,12}$/), fc.constant('12a4')),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), nearValid), async (value) => {
        const response = await t.request(method, path, { token: token(), raw: JSON.stringify(value) ?? 'null', headers: JSON_TYPE });
        expectClientError(response);
      }),
      { numRuns: 60 },
    );
    expect(state()).toEqual(before);
  });

  it('malformed JSON and ids are refused the same way', async () => {
    for (const raw of ['{', '{"username":', '[1,2', '"\\u00']) {
      expectClientError(await t.request('POST', '/api/admin/session', { raw, headers: JSON_TYPE }));
    }
    for (const id of ['0', '-1', '1.5', '99999999999', 'x']) {
      expectClientError(await t.request('POST', `/api/admin/clerks/${id}/disable`, { token: session }));
      expectClientError(await t.request('POST', `/api/admin/users/${id}/disable`, { token: session }));
    }
    expect(state()).toEqual(before);
    // The session still works: nothing above counted as a wrong password.
    expect((await t.request('POST', '/api/admin/session', { json: { username: 'alice', password: ALICE_PASSWORD } })).status).toBe(200);
  });
});
