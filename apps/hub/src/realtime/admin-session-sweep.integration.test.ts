import { afterEach, describe, expect, it } from 'vitest';
import { createAdmin, signIn } from '../testing/admin-sign-in.js';
import { FakeClock } from '../testing/fake-clock.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { connectRefused, TestSocket } from '../testing/socket-client.js';

let t: TestHub;
let clock: FakeClock;
const sockets: TestSocket[] = [];

async function connect(token: string): Promise<TestSocket> {
  const socket = await TestSocket.connect(t.url, token);
  sockets.push(socket);
  return socket;
}

/** Resolves with the client's disconnect reason. */
function dropped(socket: TestSocket): Promise<string> {
  return new Promise((resolve) => socket.socket.once('disconnect', (reason) => resolve(reason)));
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  expect(t.logs).toEqual([]);
  await t.stop();
});

describe('admin-session sockets when the session runs out by itself', () => {
  it('drops the socket of an idle-expired session within one sweep; a session kept alive over HTTP and a device token stay', async () => {
    clock = new FakeClock();
    t = await startTestHub({ config: smallCenter(), clock });
    await createAdmin(t, 'alice');
    await createAdmin(t, 'binh');
    const alice = (await signIn(t, 'alice')).token;
    const binh = (await signIn(t, 'binh')).token;
    const aliceSocket = await connect(alice);
    const binhSocket = await connect(binh);
    const adminDevice = await connect(t.tokens.admin);
    const aliceDropped = dropped(aliceSocket);

    clock.advance({ minutes: 20 });
    // Bình uses the console (an HTTP call touches the session); Alice only watches.
    expect((await t.request('GET', '/api/admin/session', { token: binh })).status).toBe(200);
    clock.advance({ minutes: 11 });

    // Alice's session ended 30 minutes after her last use: the next sweep drops her socket.
    expect(await aliceDropped).toBe('io server disconnect');
    expect(aliceSocket.events.find((e) => e.name === 'error')?.payload).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await connectRefused(t.url, alice)).data).toEqual({ code: 'UNAUTHENTICATED' });
    // The same sweep checked Bình's session: still live, so his socket still gets the stream.
    expect(binhSocket.socket.connected).toBe(true);
    expect(adminDevice.socket.connected).toBe(true);
    const mark = binhSocket.mark();
    expect((await t.issue('tu-phap')).status).toBe(201);
    expect((await binhSocket.waitForEvent('queue:changed', () => true, mark)).payload).toMatchObject({ serviceId: 'tu-phap' });
  });

  it('an open socket is no use of the session: without HTTP calls the console is signed out at the idle limit', async () => {
    clock = new FakeClock();
    t = await startTestHub({ config: smallCenter(), clock });
    await createAdmin(t, 'alice');
    await createAdmin(t, 'probe');
    // The probe's session ends a minute before Alice's: its drop shows a sweep ran while hers was live.
    const probe = await connect((await signIn(t, 'probe')).token);
    clock.advance({ minutes: 1 });
    const alice = (await signIn(t, 'alice')).token;
    const aliceSocket = await connect(alice);
    const probeDropped = dropped(probe);
    const aliceDropped = dropped(aliceSocket);

    clock.advance({ minutes: 29 });
    expect(await probeDropped).toBe('io server disconnect');
    expect(aliceSocket.socket.connected).toBe(true);
    // Had that sweep counted as use, Alice's session would now last until minute 60.
    clock.advance({ minutes: 1, seconds: 1 });
    expect(await aliceDropped).toBe('io server disconnect');
    expectUnauthorized(await t.request('GET', '/api/admin/session', { token: alice }));
  });

  it('drops the socket at the 12-hour absolute limit even while the session is in use', async () => {
    clock = new FakeClock();
    t = await startTestHub({ config: smallCenter(), clock });
    await createAdmin(t);
    const { token } = await signIn(t);
    const socket = await connect(token);
    const gone = dropped(socket);
    for (let used = 0; used < 12 * 60; used += 25) {
      expect((await t.request('GET', '/api/admin/session', { token })).status).toBe(200);
      clock.advance({ minutes: 25 });
    }
    expect(await gone).toBe('io server disconnect');
  });
});

function expectUnauthorized(response: { status: number; body: unknown }): void {
  expect(response.status).toBe(401);
  expect(response.body).toMatchObject({ error: { code: 'UNAUTHENTICATED' } });
}
