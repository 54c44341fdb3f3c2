import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTickets } from '../testing/db-snapshot.js';
import { expectError } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { TestSocket } from '../testing/socket-client.js';

/** "Hoàn tác" through the real hub: HTTP, roles, socket events, the SQLite file and the audit log. */
let t: TestHub;
const sockets: TestSocket[] = [];
beforeEach(async () => {
  t = await startTestHub({ config: smallCenter() });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await t.stop();
});

const undo = (counter: number, json: unknown, token = t.tokens.counter[counter]) => t.request('POST', `/api/counters/${counter}/undo`, { json, token });

async function servingAt60(): Promise<void> {
  for (let i = 0; i < 2; i++) expect((await t.issue('tu-phap')).status).toBe(201);
  expect((await t.counterCommand(60, 'next')).status).toBe(200);
}

describe('POST /api/counters/:counter/undo', () => {
  it('takes back a no-show: the ticket is served again, every screen is told, and the audit log has it', async () => {
    await servingAt60();
    const board = await TestSocket.connect(t.url, t.tokens.display);
    sockets.push(board);
    expect((await t.counterCommand(60, 'skip', { clerk: 'Nguyễn Văn An' })).status).toBe(200);
    const mark = board.mark();
    const response = await undo(60, { number: '60001', action: 'skip', clerk: 'Nguyễn Văn An' });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ ticket: { number: '60001', status: 'called', counter: 60 } });
    await board.waitForEvent('counter:changed', () => true, mark);
    expect(board.since(mark).find((e) => e.name === 'counter:changed')!.payload).toMatchObject({ counter: 60, current: '60001' });
    expect(board.since(mark).some((e) => e.name === 'ticket:called')).toBe(false);
    expect(Object.fromEntries(readTickets(t.dataDir).map((r) => [r.number, r.status]))).toMatchObject({ '60001': 'called', '60002': 'waiting' });

    const audit = await t.request('GET', '/api/admin/audit', { token: t.tokens.admin });
    expect(audit.status).toBe(200);
    expect((audit.body as { entries: unknown[] }).entries[0]).toMatchObject({
      action: 'counter.undo',
      target: 'ticket:60001',
      before: { action: 'skip', counter: 60 },
      after: { status: 'called', counter: 60, clerk: 'Nguyễn Văn An' },
    });
    // Once is all: a second press is refused and changes nothing.
    expectError(await undo(60, { number: '60001', action: 'skip' }), 409, 'CONFLICT');
  });

  it("is refused for another counter's token, the admin, a bad body, and a transfer already called elsewhere", async () => {
    await servingAt60();
    expect((await t.counterCommand(60, 'transfer', { toServiceId: 'visa' })).status).toBe(200);
    expectError(await undo(60, { number: '60001', action: 'transfer' }, t.tokens.counter[87]), 403, 'FORBIDDEN');
    expectError(await undo(60, { number: '60001', action: 'transfer' }, t.tokens.admin), 403, 'FORBIDDEN');
    expectError(await undo(60, { number: '60001', action: 'vanish' }), 400, 'VALIDATION');
    expectError(await undo(60, { number: '600', action: 'skip' }), 400, 'VALIDATION');
    expect((await t.counterCommand(87, 'next')).status).toBe(200);
    expectError(await undo(60, { number: '60001', action: 'transfer' }), 409, 'CONFLICT');
    expect(readTickets(t.dataDir).find((r) => r.number === '60001')).toMatchObject({ status: 'called', counter: 87 });
    expect(t.logs.filter((l) => l.includes('unexpected'))).toEqual([]);
  });
});
