import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counterClerkResponseSchema, fleetResponseSchema } from '@layso/shared';
import { AuditLogStore } from '../audit/audit-log-store.js';
import { withDatabase } from '../testing/db-snapshot.js';
import { expectError } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { TestSocket } from '../testing/socket-client.js';

/**
 * Renumbering a counter through the admin API moves its devices and clerk.
 * Everything goes through the running hub, as create-hub wires it.
 * smallCenter: counters 60, 87, 64, 65; service y-te (prefix 64) is served by 64 and 65.
 */
describe('renumbering a counter keeps its devices and clerk', () => {
  let t: TestHub;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    t = await startTestHub({ config: smallCenter() });
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    expect(t.logs).toEqual([]);
    await t?.stop();
  });

  const renumber = (from: number, to: number) => t.request('PUT', `/api/admin/counters/${from}`, { token: t.tokens.admin, json: { number: to } });
  const reloadsReceived = (socket: TestSocket) => socket.since(0, 'device:command').filter((e) => (e.payload as { command: string }).command === 'reload').length;
  /** Device and clerk bindings and the audit log, straight from the database file. */
  const bindings = () =>
    withDatabase(t.dataDir, (db) => ({
      devices: db.prepare('SELECT id, counter, screen_counter FROM devices ORDER BY id').all(),
      clerks: db.prepare('SELECT counter, clerk_id FROM counter_clerks ORDER BY counter').all(),
      audit: db.prepare('SELECT COUNT(*) AS n FROM audit_log').get(),
    }));

  it('moves the console token, the door screen and the signed-in clerk with the number, in one audited change', async () => {
    const consoleToken = t.tokens.counter[65]!;
    const consoleId = t.devices.authenticate(consoleToken)!.id;
    const door = t.devices.create('display', { screen: 'door', screenCounter: 65, name: 'Cửa quầy 65' });
    const otherDoor = t.devices.create('display', { screen: 'door', screenCounter: 64, name: 'Cửa quầy 64' });
    const created = await t.request('POST', '/api/admin/clerks', { token: t.tokens.admin, json: { code: 'LAN01', name: 'Nguyễn Thị Lan', pin: '2468' } });
    expect(created.status, created.text).toBe(201);
    const signIn = await t.request('POST', '/api/counters/65/clerk', { token: consoleToken, json: { code: 'LAN01', pin: '2468' } });
    expect(signIn.status, signIn.text).toBe(200);
    const live = await TestSocket.connect(t.url, consoleToken);
    sockets.push(live);
    const mark = live.mark();

    const response = await renumber(65, 66);
    expect(response.status, response.text).toBe(200);

    // The same token now acts for counter 66, with its clerk still signed in there.
    expect((await t.issue('y-te')).status).toBe(201);
    const next = await t.counterCommand(66, 'next', {}, consoleToken);
    expect(next.status, next.text).toBe(200);
    // With clerks configured a call needs a clerk signed in at that counter: the call is hers.
    expect(withDatabase(t.dataDir, (db) => db.prepare("SELECT clerk FROM tickets WHERE number = '64001'").get())).toEqual({ clerk: 'LAN01' });
    expectError(await t.request('GET', '/api/counters/65/queue', { token: consoleToken }), 403, 'FORBIDDEN');
    expect((await t.request('GET', '/api/device', { token: consoleToken })).body).toMatchObject({ role: 'counter', counter: 66 });
    const clerk = counterClerkResponseSchema.parse((await t.request('GET', '/api/counters/66/clerk', { token: consoleToken })).body);
    expect(clerk.clerk?.code).toBe('LAN01');

    // The door screen of 65 now belongs to 66; the door screen of 64 stayed.
    const fleet = fleetResponseSchema.parse((await t.request('GET', '/api/admin/devices', { token: t.tokens.admin })).body).devices;
    expect(fleet.find((d) => d.id === door.device.id)).toMatchObject({ screen: 'door', counter: 66 });
    expect(fleet.find((d) => d.id === otherDoor.device.id)).toMatchObject({ screen: 'door', counter: 64 });

    // One audit entry names the devices and clerk that moved along.
    const entry = new AuditLogStore(t.db).list().find((e) => e.action === 'counter.update' && e.target === 'counter:65');
    expect(entry?.before).toMatchObject({ number: 65, consoles: [consoleId], doorScreens: [door.device.id], clerk: 'LAN01' });
    expect(entry?.after).toMatchObject({ number: 66, consoles: [consoleId], doorScreens: [door.device.id], clerk: 'LAN01' });

    // The live console is told to reload (it learns its counter when its page loads);
    // like every screen it hears `catalog:changed` and resyncs to the new catalog.
    await live.waitForEvent('device:command', (event: { command: string }) => event.command === 'reload', mark);
    expect(reloadsReceived(live)).toBe(1);
    await live.waitForEvent('catalog:changed', () => true, mark);
    const numbers = (await live.sync()).catalog.counters.map((c) => c.number);
    expect(numbers).toContain(66);
    expect(numbers).not.toContain(65);
  });

  it('changes nothing when the renumber is refused: a number in use, or a counter serving a ticket', async () => {
    const before = bindings();
    expectError(await renumber(66, 60), 409, 'CONFLICT');
    expect(bindings()).toEqual(before);
    // Counter 66 serves the ticket called in the test above.
    expectError(await renumber(66, 67), 409, 'CONFLICT');
    expect(bindings()).toEqual(before);
    expectError(await t.counterCommand(67, 'recall', {}, t.tokens.counter[65]), 403, 'FORBIDDEN');
    expect(reloadsReceived(sockets[0]!)).toBe(1);
  });

  it('a renumber gives way to a stale sign-in left at the new number, and moves revoked tokens too', async () => {
    // Counter 64 is renumbered to 61; a clerk sign-in row was left at 61 (a counter deleted earlier).
    const { db } = t;
    const clerkId = (db.prepare("INSERT INTO clerks (code, name, pin_hash, created_at) VALUES ('CU01', 'Cũ', 'x', 0) RETURNING id").get() as { id: number }).id;
    db.prepare('INSERT INTO counter_clerks (counter, clerk_id, signed_in_at) VALUES (61, ?, 0)').run(clerkId);
    const revokedId = t.devices.authenticate(t.tokens.counter[64]!)!.id;
    t.devices.revoke(revokedId);

    const response = await renumber(64, 61);
    expect(response.status, response.text).toBe(200);
    expect(bindings().clerks).not.toContainEqual(expect.objectContaining({ counter: 61 }));
    expect(t.devices.byId(revokedId)).toMatchObject({ counter: 61, revokedAt: expect.any(Number) });
    // Moved for the history, but revoked: it still does not authenticate.
    expectError(await t.request('GET', '/api/device', { token: t.tokens.counter[64]! }), 401, 'UNAUTHENTICATED');
  });
});
