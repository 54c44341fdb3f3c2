import { clerkListResponseSchema, counterClerkResponseSchema } from '@layso/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.js';
import { expectError } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { startHub } from '../app/create-hub.js';
import { withDatabase } from '../testing/db-snapshot.js';

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

async function addClerk(code: string, name: string, pin: string): Promise<number> {
  const response = await t.request('POST', '/api/admin/clerks', { token: t.tokens.admin, json: { code, name, pin } });
  expect(response.status, response.text).toBe(201);
  return (response.body as { id: number }).id;
}

const clerkSignIn = (counter: number, code: string, pin: string, token = t.tokens.counter[counter]) =>
  t.request('POST', `/api/counters/${counter}/clerk`, { token, json: { code, pin } });

/** The clerk recorded on the ticket the counter called. */
function calledClerk(number: string): string | null {
  return withDatabase(t.dataDir, (db) => (db.prepare('SELECT clerk FROM tickets WHERE number = ?').get(number) as { clerk: string | null }).clerk);
}

describe('counter commands without clerks configured', () => {
  it('keep the free-text clerk name and need no sign-in', async () => {
    await start();
    const status = await t.request('GET', '/api/counters/60/clerk', { token: t.tokens.counter[60] });
    expect(counterClerkResponseSchema.parse(status.body)).toEqual({ required: false, clerk: null });
    expect((await t.issue('tu-phap')).status).toBe(201);
    const called = await t.counterCommand(60, 'next', { clerk: 'Chị Lan' });
    expect(called.status, called.text).toBe(200);
    expect(calledClerk('60001')).toBe('Chị Lan');
  });
});

describe('clerk sign-in at a counter', () => {
  it('is required once a clerk exists; the signed-in clerk code lands on the called ticket', async () => {
    await start();
    await addClerk('lan01', 'Nguyễn Thị Lan', '2468');
    expect((await t.issue('tu-phap')).status).toBe(201);
    expect((await t.issue('tu-phap')).status).toBe(201);

    expect(counterClerkResponseSchema.parse((await t.request('GET', '/api/counters/60/clerk', { token: t.tokens.counter[60] })).body)).toEqual({ required: true, clerk: null });
    const refused = expectError(await t.counterCommand(60, 'next', { clerk: 'Chị Lan' }), 409, 'CLERK_REQUIRED');
    expect(refused.error.message).toContain('60');
    expect(calledClerk('60001')).toBeNull();

    expectError(await clerkSignIn(60, 'lan01', '0000'), 401, 'BAD_CREDENTIALS');
    expectError(await clerkSignIn(60, 'nobody', '2468'), 401, 'BAD_CREDENTIALS');
    expectError(await clerkSignIn(60, 'lan01', '12'), 401, 'BAD_CREDENTIALS');
    expectError(await clerkSignIn(60, 'lan01', '2468', t.tokens.counter[87]), 403, 'FORBIDDEN');
    const signedIn = await clerkSignIn(60, 'LAN01', '2468');
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(signedIn.body).toEqual({ required: true, clerk: { code: 'lan01', name: 'Nguyễn Thị Lan' } });

    // The body's free text cannot override who is signed in.
    const called = await t.counterCommand(60, 'next', { clerk: 'Someone else' });
    expect(called.status, called.text).toBe(200);
    expect(calledClerk('60001')).toBe('lan01');
    // Other counters still need their own clerk.
    expectError(await t.counterCommand(87, 'next'), 409, 'CLERK_REQUIRED');

    // Signing in at another counter moves the clerk.
    expect((await clerkSignIn(65, 'lan01', '2468')).status).toBe(200);
    expectError(await t.counterCommand(60, 'done'), 409, 'CLERK_REQUIRED');
    expect((await clerkSignIn(60, 'lan01', '2468')).status).toBe(200);
    expect((await t.counterCommand(60, 'done')).status).toBe(200);

    const out = await t.request('DELETE', '/api/counters/60/clerk', { token: t.tokens.counter[60] });
    expect(out.body).toEqual({ required: true, clerk: null });
    expectError(await t.counterCommand(60, 'next'), 409, 'CLERK_REQUIRED');

    const actions = t.admin.clerks.list();
    expect(actions[0]!.counter).toBeNull();
    const audit = t.db.prepare("SELECT action, target, before_json, after_json FROM audit_log WHERE action LIKE 'clerk.sign%' ORDER BY id").all() as { action: string; target: string; after_json: string }[];
    expect(audit.map((a) => a.action)).toEqual([
      'clerk.sign-in-failed',
      'clerk.sign-in-failed',
      'clerk.sign-in',
      'clerk.sign-in',
      'clerk.sign-in',
      'clerk.sign-out',
    ]);
    expect(JSON.parse(audit[2]!.after_json)).toEqual({ clerk: 'lan01' });
  });

  it('locks a clerk for 5 minutes after 5 wrong PINs', async () => {
    await start();
    await addClerk('hoa', 'Trần Hoa', '13579');
    for (let i = 0; i < 4; i++) expectError(await clerkSignIn(60, 'hoa', '00000'), 401, 'BAD_CREDENTIALS');
    const locked = expectError(await clerkSignIn(60, 'hoa', '00000'), 423, 'ACCOUNT_LOCKED');
    expect(locked.error.message).toContain('08:05');
    expect(locked.error.details).toEqual({ lockedUntil: '2026-11-23T01:05:00.000Z' });
    expect(expectError(await clerkSignIn(60, 'hoa', '13579'), 423, 'ACCOUNT_LOCKED').error.details).toEqual({ lockedUntil: '2026-11-23T01:05:00.000Z' });
    clock.advance({ minutes: 5 });
    expect((await clerkSignIn(60, 'hoa', '13579')).status).toBe(200);
  });

  it('stays signed in across a hub restart', async () => {
    await start();
    await addClerk('lan01', 'Nguyễn Thị Lan', '2468');
    expect((await clerkSignIn(60, 'lan01', '2468')).status).toBe(200);
    // Closing twice is harmless: afterEach closes the first hub again and removes the folder.
    await t.close();
    // Informational lines of a restart are fine; errors are not.
    const restartLogs: string[] = [];
    const again = await startHub({ dataDir: t.dataDir, port: 0, host: '127.0.0.1', config: smallCenter(), clock, log: (m) => restartLogs.push(m) });
    try {
      const status = await fetch(`${again.url}/api/counters/60/clerk`, { headers: { authorization: `Bearer ${t.tokens.counter[60]}` } });
      expect(await status.json()).toEqual({ required: true, clerk: { code: 'lan01', name: 'Nguyễn Thị Lan' } });
    } finally {
      await again.close();
    }
    expect(restartLogs.filter((m) => /unexpected|fail/i.test(m))).toEqual([]);
  });
});

describe('clerk management', () => {
  it('renames, resets the PIN, disables (signing out) and enables, with audit before/after', async () => {
    await start();
    const token = t.tokens.admin;
    const id = await addClerk('lan01', 'Nguyễn Thị Lan', '2468');
    expectError(await t.request('POST', '/api/admin/clerks', { token, json: { code: 'LAN01', name: 'Khác', pin: '1111' } }), 409, 'CONFLICT');
    for (const pin of ['123', '123456789', '12a4']) {
      expectError(await t.request('POST', '/api/admin/clerks', { token, json: { code: 'x', name: 'X', pin } }), 400, 'VALIDATION');
    }

    const renamed = await t.request('PUT', `/api/admin/clerks/${id}`, { token, json: { name: 'Nguyễn Thị Lan Anh' } });
    expect(renamed.body).toMatchObject({ code: 'lan01', name: 'Nguyễn Thị Lan Anh' });
    expectError(await t.request('PUT', '/api/admin/clerks/99', { token, json: { name: 'Ai' } }), 404, 'NOT_FOUND');

    expect((await t.request('POST', `/api/admin/clerks/${id}/pin`, { token, json: { pin: '97531' } })).status).toBe(200);
    expectError(await clerkSignIn(60, 'lan01', '2468'), 401, 'BAD_CREDENTIALS');
    expect((await clerkSignIn(60, 'lan01', '97531')).status).toBe(200);

    const disabled = await t.request('POST', `/api/admin/clerks/${id}/disable`, { token });
    expect(disabled.body).toMatchObject({ disabled: true, counter: null });
    // No enabled clerk left: counters fall back to the free-text name.
    expect((await t.request('GET', '/api/counters/60/clerk', { token: t.tokens.counter[60] })).body).toEqual({ required: false, clerk: null });
    expectError(await clerkSignIn(60, 'lan01', '97531'), 401, 'BAD_CREDENTIALS');
    expect((await t.request('POST', `/api/admin/clerks/${id}/enable`, { token })).body).toMatchObject({ disabled: false });

    const list = clerkListResponseSchema.parse((await t.request('GET', '/api/admin/clerks', { token })).body);
    expect(list.clerks).toMatchObject([{ code: 'lan01', name: 'Nguyễn Thị Lan Anh', disabled: false, counter: null }]);

    const rows = t.db.prepare("SELECT action, before_json, after_json FROM audit_log WHERE target = ? AND action NOT LIKE 'clerk.sign-in%' ORDER BY id").all(`clerk:${id}`) as { action: string; before_json: string | null; after_json: string }[];
    expect(rows.map((r) => r.action)).toEqual(['clerk.create', 'clerk.rename', 'clerk.pin-reset', 'clerk.disable', 'clerk.enable']);
    expect(JSON.parse(rows[1]!.before_json!)).toMatchObject({ name: 'Nguyễn Thị Lan' });
    expect(JSON.parse(rows[1]!.after_json)).toMatchObject({ name: 'Nguyễn Thị Lan Anh' });
    expect(JSON.parse(rows[3]!.before_json!)).toMatchObject({ disabled: false, counter: 60 });
    expect(JSON.stringify(rows)).not.toMatch(/scrypt|97531|2468/);
  });
});
