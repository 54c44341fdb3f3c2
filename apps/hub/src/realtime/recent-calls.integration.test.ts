import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stateSnapshotSchema } from '@layso/shared';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { smallCenter } from '../testing/integration-centers.js';
import { TestSocket } from '../testing/socket-client.js';

let t: TestHub;
const sockets: TestSocket[] = [];
beforeEach(async () => {
  t = await startTestHub({ config: smallCenter() });
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.close();
  await t.stop();
});

async function ok(response: Promise<{ status: number; text: string }>): Promise<void> {
  const r = await response;
  expect(r.status, r.text).toBeLessThan(300);
}

const lines = (calls: readonly { number: string; counter: number }[]) => calls.map((c) => `${c.number}→${c.counter}`);

describe("the hub's recent calls after a transfer", () => {
  it('lists the ticket once, at its new counter, in the snapshot of a screen that was connected and of one that connects later', async () => {
    const board = await TestSocket.connect(t.url, t.tokens.display);
    sockets.push(board);
    await ok(t.issue('tu-phap'));
    await ok(t.issue('tu-phap'));
    await ok(t.counterCommand(60, 'next')); // 60001 → 60
    await ok(t.counterCommand(60, 'transfer', { toServiceId: 'visa' }));
    await ok(t.counterCommand(60, 'next')); // 60002 → 60
    await ok(t.counterCommand(87, 'next')); // 60001 → 87 (transferred, first in the visa queue)

    const live = stateSnapshotSchema.parse(await board.sync());
    expect(lines(live.recentCalls)).toEqual(['60001→87', '60002→60']);
    const later = await TestSocket.connect(t.url, t.tokens.display);
    sockets.push(later);
    expect(lines(later.initialState.recentCalls)).toEqual(['60001→87', '60002→60']);
  });
});
