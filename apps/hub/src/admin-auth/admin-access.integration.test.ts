import { adminSessionInfoSchema, adminUserListResponseSchema, auditListResponseSchema, type AuditEntry } from '@layso/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.js';
import { expectError } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { connectRefused, TestSocket } from '../testing/socket-client.js';
import { ALICE_PASSWORD, createAdmin, signIn } from '../testing/admin-sign-in.js';

let t: TestHub;
let clock: FakeClock;

async function start(): Promise<TestHub> {
  clock = new FakeClock();
  t = await startTestHub({ config: smallCenter(), clock });
  return t;
}

afterEach(async () => {
  expect(t.logs).toEqual([]);
  await t.stop();
});

async function audit(token: string, query = ''): Promise<AuditEntry[]> {
  const response = await t.request('GET', `/api/admin/audit${query}`, { token });
  expect(response.status, response.text).toBe(200);
  return auditListResponseSchema.parse(response.body).entries;
}

describe('admin sign-in', () => {
  it('signs in, says who is signed in, and signs out (the token is then refused)', async () => {
    await start();
    await createAdmin(t);
    const session = await signIn(t, 'ALICE');
    expect(session.token).toMatch(/^lys_/);
    expect(session.user).toEqual({ username: 'alice', displayName: null, mustChangePassword: false });
    expect(Date.parse(session.expiresAt)).toBe(clock.now() + 12 * 3_600_000);

    const me = await t.request('GET', '/api/admin/session', { token: session.token });
    expect(me.status, me.text).toBe(200);
    expect(adminSessionInfoSchema.parse(me.body)).toMatchObject({ user: { username: 'alice' }, idleExpiresAt: new Date(clock.now() + 30 * 60_000).toISOString() });

    // The session acts as an admin device (-user.id), e.g. it may issue a ticket.
    const issued = await t.issue('tu-phap', { token: session.token });
    expect(issued.status, issued.text).toBe(201);

    expect((await t.request('DELETE', '/api/admin/session', { token: session.token })).status).toBe(200);
    expectError(await t.request('GET', '/api/admin/users', { token: session.token }), 401, 'UNAUTHENTICATED');
    // The session table keeps the hash, never the token.
    const stored = t.db.prepare('SELECT COUNT(*) AS n FROM admin_sessions').get() as { n: number };
    expect(stored.n).toBe(0);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    await start();
    await createAdmin(t);
    const wrong = expectError(await t.request('POST', '/api/admin/session', { json: { username: 'alice', password: 'not-the-password' } }), 401, 'BAD_CREDENTIALS');
    const unknown = expectError(await t.request('POST', '/api/admin/session', { json: { username: 'mallory', password: 'not-the-password' } }), 401, 'BAD_CREDENTIALS');
    expect(unknown.error.message).toBe(wrong.error.message);
    expectError(await t.request('POST', '/api/admin/session', { json: { username: 'alice' } }), 400, 'VALIDATION');
  });

  it('locks a user for 15 minutes after 5 wrong passwords in a row, saying until when', async () => {
    await start();
    await createAdmin(t);
    const attempt = (password: string) => t.request('POST', '/api/admin/session', { json: { username: 'alice', password } });
    for (let i = 0; i < 4; i++) expectError(await attempt(`wrong-${i}`), 401, 'BAD_CREDENTIALS');
    const locked = expectError(await attempt('wrong-5'), 423, 'ACCOUNT_LOCKED');
    // 08:00 in Hanoi + 15 minutes.
    expect(locked.error.message).toContain('23/11/2026 08:15');
    // The consoles read the end of the lock from the details, not from the sentence.
    expect(locked.error.details).toEqual({ lockedUntil: '2026-11-23T01:15:00.000Z' });
    // The right password does not get through while locked, and the end does not move.
    expect(expectError(await attempt(ALICE_PASSWORD), 423, 'ACCOUNT_LOCKED').error.details).toEqual({ lockedUntil: '2026-11-23T01:15:00.000Z' });
    // An unknown user never looks locked (no hint that "alice" exists).
    for (let i = 0; i < 6; i++) expectError(await t.request('POST', '/api/admin/session', { json: { username: 'nobody', password: 'x' } }), 401, 'BAD_CREDENTIALS');
    clock.advance({ minutes: 15 });
    await signIn(t);

    const admin = t.tokens.admin;
    const actions = (await audit(admin)).map((e) => e.action);
    expect(actions.filter((a) => a === 'admin.sign-in-failed')).toHaveLength(5);
    expect(actions[0]).toBe('admin.sign-in');
  });

  it('five wrong passwords sent at once still lock the user', async () => {
    await start();
    await createAdmin(t);
    const attempts = await Promise.all(Array.from({ length: 5 }, (_, i) => t.request('POST', '/api/admin/session', { json: { username: 'alice', password: `wrong-${i}` } })));
    expect(attempts.map((r) => r.status).sort()).toEqual([401, 401, 401, 401, 423]);
    expectError(await t.request('POST', '/api/admin/session', { json: { username: 'alice', password: ALICE_PASSWORD } }), 423, 'ACCOUNT_LOCKED');
  });

  it('wrong passwords also count against the per-address limit (30 a minute)', async () => {
    await start();
    for (let i = 0; i < 30; i++) expectError(await t.request('POST', '/api/admin/session', { json: { username: `u${i}`, password: 'x' } }), 401, 'BAD_CREDENTIALS');
    expectError(await t.request('POST', '/api/admin/session', { json: { username: 'u', password: 'x' } }), 429, 'RATE_LIMITED');
  });
});

describe('session expiry', () => {
  it('ends after 30 idle minutes; use keeps it alive', async () => {
    await start();
    await createAdmin(t);
    const { token } = await signIn(t);
    for (let i = 0; i < 3; i++) {
      clock.advance({ minutes: 29 });
      expect((await t.request('GET', '/api/admin/users', { token })).status).toBe(200);
    }
    clock.advance({ minutes: 30 });
    expectError(await t.request('GET', '/api/admin/users', { token }), 401, 'UNAUTHENTICATED');
    expectError(await t.request('GET', '/api/admin/session', { token }), 401, 'UNAUTHENTICATED');
  });

  it('ends 12 hours after sign-in however busy', async () => {
    await start();
    await createAdmin(t);
    const { token } = await signIn(t);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      clock.advance({ minutes: 20 });
      expect((await t.request('GET', '/api/admin/session', { token })).status, `after ${minutes} min`).toBe(200);
    }
    clock.advance({ minutes: 20 });
    expectError(await t.request('GET', '/api/admin/session', { token }), 401, 'UNAUTHENTICATED');
  });
});

describe('one-time password of the first admin', () => {
  it('allows only session, sign-out and password change until it is changed', async () => {
    await start();
    const oneTime = await t.admin.admins.ensureFirstAdmin();
    expect(oneTime).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(await t.admin.admins.ensureFirstAdmin()).toBeNull();
    const session = await signIn(t, 'admin', oneTime!);
    expect(session.user.mustChangePassword).toBe(true);
    const { token } = session;

    expectError(await t.request('GET', '/api/admin/users', { token }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectError(await t.issue('tu-phap', { token }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await connectRefused(t.url, token)).data).toEqual({ code: 'PASSWORD_CHANGE_REQUIRED' });
    expect((await t.request('GET', '/api/admin/session', { token })).status).toBe(200);
    // Public endpoints need no token, so the pending change does not block them.
    expect((await t.request('GET', '/api/catalog', { token })).status).toBe(200);

    expectError(await t.request('POST', '/api/admin/password', { token, json: { current: 'wrong-current', next: 'a-new-password' } }), 401, 'BAD_CREDENTIALS');
    expectError(await t.request('POST', '/api/admin/password', { token, json: { current: oneTime, next: 'short' } }), 400, 'VALIDATION');
    const changed = await t.request('POST', '/api/admin/password', { token, json: { current: oneTime, next: 'a-new-password' } });
    expect(changed.status, changed.text).toBe(200);

    expect((await t.request('GET', '/api/admin/users', { token })).status).toBe(200);
    expectError(await t.request('POST', '/api/admin/session', { json: { username: 'admin', password: oneTime } }), 401, 'BAD_CREDENTIALS');
    await signIn(t, 'admin', 'a-new-password');
  });

  it('a password change ends the other sessions of that user', async () => {
    await start();
    await createAdmin(t);
    const first = await signIn(t);
    const second = await signIn(t);
    const changed = await t.request('POST', '/api/admin/password', { token: first.token, json: { current: ALICE_PASSWORD, next: 'alice-password-2' } });
    expect(changed.status, changed.text).toBe(200);
    expect((await t.request('GET', '/api/admin/session', { token: first.token })).status).toBe(200);
    expectError(await t.request('GET', '/api/admin/session', { token: second.token }), 401, 'UNAUTHENTICATED');
  });
});

describe('admin users', () => {
  it('creates, lists, disables (ending sessions) and enables, with audit entries', async () => {
    await start();
    await createAdmin(t);
    const { token } = await signIn(t);
    const created = await t.request('POST', '/api/admin/users', { token, json: { username: 'bob', displayName: 'Nguyễn Văn Bình', password: 'bob-password-1' } });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ username: 'bob', displayName: 'Nguyễn Văn Bình', disabled: false, mustChangePassword: false });
    const bobId = (created.body as { id: number }).id;
    expectError(await t.request('POST', '/api/admin/users', { token, json: { username: 'BOB', password: 'bob-password-1' } }), 409, 'CONFLICT');
    expectError(await t.request('POST', '/api/admin/users', { token, json: { username: 'carol', password: 'short' } }), 400, 'VALIDATION');
    expectError(await t.request('POST', '/api/admin/users', { token, json: { username: 'bad name', password: 'long-enough-1' } }), 400, 'VALIDATION');

    const list = adminUserListResponseSchema.parse((await t.request('GET', '/api/admin/users', { token })).body);
    expect(list.users.map((u) => u.username)).toEqual(['alice', 'bob']);
    expect(JSON.stringify(list)).not.toContain('scrypt');

    const bob = await signIn(t, 'bob', 'bob-password-1');
    expect(bob.user.displayName).toBe('Nguyễn Văn Bình');
    const disabled = await t.request('POST', `/api/admin/users/${bobId}/disable`, { token });
    expect(disabled.status, disabled.text).toBe(200);
    expect(disabled.body).toMatchObject({ disabled: true });
    expectError(await t.request('GET', '/api/admin/session', { token: bob.token }), 401, 'UNAUTHENTICATED');
    expectError(await t.request('POST', '/api/admin/session', { json: { username: 'bob', password: 'bob-password-1' } }), 401, 'BAD_CREDENTIALS');
    expect((await t.request('POST', `/api/admin/users/${bobId}/enable`, { token })).status).toBe(200);
    await signIn(t, 'bob', 'bob-password-1');

    const aliceId = list.users[0]!.id;
    expectError(await t.request('POST', `/api/admin/users/${aliceId}/disable`, { token }), 409, 'CONFLICT');
    expectError(await t.request('POST', '/api/admin/users/999/disable', { token }), 404, 'NOT_FOUND');
    expectError(await t.request('POST', '/api/admin/users/abc/disable', { token }), 400, 'VALIDATION');

    const entries = await audit(token);
    const create = entries.find((e) => e.action === 'admin-user.create' && e.target === `admin-user:${bobId}`)!;
    expect(create.actor).toBe('admin:alice');
    expect(create.after).toMatchObject({ username: 'bob', disabled: false });
    const disable = entries.find((e) => e.action === 'admin-user.disable')!;
    expect(disable.before).toMatchObject({ disabled: false });
    expect(disable.after).toMatchObject({ disabled: true });
    // Nothing secret ever lands in the audit log.
    const raw = JSON.stringify(t.db.prepare('SELECT * FROM audit_log').all());
    expect(raw).not.toMatch(/scrypt|lys_|password-1/);
  });

  it('an admin device token works on admin endpoints and is audited as a device', async () => {
    await start();
    const created = await t.request('POST', '/api/admin/users', { token: t.tokens.admin, json: { username: 'dana', password: 'dana-password-1' } });
    expect(created.status, created.text).toBe(201);
    // A device token has no session to show or end.
    expectError(await t.request('GET', '/api/admin/session', { token: t.tokens.admin }), 403, 'FORBIDDEN');
    const [entry] = await audit(t.tokens.admin, '?limit=1');
    expect(entry!.actor).toMatch(/^device:\d+ test admin$/);
  });
});

describe('audit log listing', () => {
  it('lists newest first, pages with beforeId and filters by time', async () => {
    await start();
    const token = t.tokens.admin;
    for (const code of ['c1', 'c2', 'c3']) {
      const r = await t.request('POST', '/api/admin/clerks', { token, json: { code, name: `Cán bộ ${code}`, pin: '1234' } });
      expect(r.status, r.text).toBe(201);
      clock.advance({ minutes: 1 });
    }
    const page1 = auditListResponseSchema.parse((await t.request('GET', '/api/admin/audit?limit=2', { token })).body);
    expect(page1.entries.map((e) => e.target)).toEqual(['clerk:3', 'clerk:2']);
    expect(page1.nextBeforeId).toBe(page1.entries[1]!.id);
    const page2 = auditListResponseSchema.parse((await t.request('GET', `/api/admin/audit?limit=2&beforeId=${page1.nextBeforeId}`, { token })).body);
    expect(page2.entries.map((e) => e.target)).toEqual(['clerk:1']);
    expect(page2.nextBeforeId).toBeNull();

    const from = new Date(clock.now() - 2 * 60_000).toISOString();
    const to = new Date(clock.now() - 60_000).toISOString();
    const window = auditListResponseSchema.parse((await t.request('GET', `/api/admin/audit?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`, { token })).body);
    expect(window.entries.map((e) => e.target)).toEqual(['clerk:2']);

    for (const bad of ['?limit=0', '?limit=501', '?beforeId=x', '?from=yesterday', '?other=1']) {
      expectError(await t.request('GET', `/api/admin/audit${bad}`, { token }), 400, 'VALIDATION');
    }
  });
});

describe('socket.io with an admin session', () => {
  it('gets the admin stream; an ended session is refused', async () => {
    await start();
    await createAdmin(t);
    const { token } = await signIn(t);
    const socket = await TestSocket.connect(t.url, token);
    try {
      const mark = socket.mark();
      expect((await t.issue('tu-phap')).status).toBe(201);
      const event = await socket.waitForEvent('queue:changed', () => true, mark);
      expect(event.payload).toMatchObject({ serviceId: 'tu-phap' });
    } finally {
      socket.close();
    }
    clock.advance({ minutes: 31 });
    expect((await connectRefused(t.url, token)).data).toEqual({ code: 'UNAUTHENTICATED' });
  });

  it('signing out drops the live socket of that session', async () => {
    await start();
    await createAdmin(t);
    const { token } = await signIn(t);
    const socket = await TestSocket.connect(t.url, token);
    try {
      const dropped = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));
      expect((await t.request('DELETE', '/api/admin/session', { token })).status).toBe(200);
      expect(await dropped).toBe('io server disconnect');
      expect((await connectRefused(t.url, token)).data).toEqual({ code: 'UNAUTHENTICATED' });
    } finally {
      socket.close();
    }
  });
});
