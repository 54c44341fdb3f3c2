import { counterActionResponseSchema, formatTicketNumber, issuedTicketSchema, type CounterTicket, type IssuedTicket } from '@layso/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readCallCounts, readSequences, readTickets } from '../testing/db-snapshot.js';
import { newRequestId, startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { expectGapFreeStream, TestSocket } from '../testing/socket-client.js';
import { ONE_QUEUE_PREFIX, ONE_QUEUE_SERVICE, oneQueueCenter } from '../testing/integration-centers.js';

const COUNTERS = Array.from({ length: 10 }, (_, i) => i + 1);

let t: TestHub;
let display: TestSocket;

/** 50001, 50002, … for the first `count` sequences of the shared prefix. */
const expectedNumbers = (count: number) => Array.from({ length: count }, (_, i) => formatTicketNumber(ONE_QUEUE_PREFIX, i + 1));

async function issue(token: string, requestId = newRequestId('race')): Promise<IssuedTicket> {
  const response = await t.issue(ONE_QUEUE_SERVICE, { token, requestId });
  expect(response.status, response.text).toBe(201);
  return issuedTicketSchema.parse(response.body);
}

/** 8 kiosks, each with its own token, firing `perKiosk` requests at once. */
async function issueFromKiosks(kiosks: number, perKiosk: number): Promise<{ kiosk: number; ticket: IssuedTicket }[]> {
  const tokens = Array.from({ length: kiosks }, () => t.createToken('kiosk').token);
  const results = await Promise.all(
    tokens.flatMap((token, kiosk) => Array.from({ length: perKiosk }, async () => ({ kiosk, ticket: await issue(token) }))),
  );
  return results;
}

/**
 * One clerk pressing "next" as fast as the hub answers, until nobody is left
 * (and, when `more` is given, until the kiosks have stopped issuing too).
 */
async function serveUntilEmpty(counter: number, more: () => boolean = () => false): Promise<CounterTicket[]> {
  const called: CounterTicket[] = [];
  for (;;) {
    const response = await t.counterCommand(counter, 'next');
    expect(response.status, response.text).toBe(200);
    const { ticket } = counterActionResponseSchema.parse(response.body);
    if (ticket) {
      expect(ticket).toMatchObject({ status: 'called', counter });
      called.push(ticket);
    } else if (!more()) {
      return called;
    }
  }
}

function expectEachCalledOnce(calledByCounter: CounterTicket[][], count: number): void {
  const numbers = calledByCounter.flat().map((ticket) => ticket.number);
  expect(numbers).toHaveLength(count);
  expect([...numbers].sort()).toEqual(expectedNumbers(count));
  // Each counter takes the head of one FIFO queue, so its own calls come in number order.
  for (const calls of calledByCounter) {
    const own = calls.map((c) => c.number);
    expect(own).toEqual([...own].sort());
  }
  // The audit log agrees: every ticket was called exactly once, by the counter that got it,
  // and finished when that counter called its next one.
  const byNumber = new Map(calledByCounter.flatMap((calls, i) => calls.map((c) => [c.number, COUNTERS[i]!] as const)));
  const callCounts = readCallCounts(t.dataDir);
  const rows = readTickets(t.dataDir);
  expect(rows).toHaveLength(count);
  for (const row of rows) {
    expect(callCounts.get(row.id), row.number).toBe(1);
    expect(row, row.number).toMatchObject({ status: 'done', counter: byNumber.get(row.number) });
  }
}

describe('concurrency on one queue served by 10 counters', () => {
  beforeEach(async () => {
    t = await startTestHub({ config: oneQueueCenter(COUNTERS.length) });
    display = await TestSocket.connect(t.url, t.tokens.display);
  });
  afterEach(async () => {
    display.close();
    expect(t.logs).toEqual([]);
    await t.stop();
  });

  it('10 counters racing next over 200 waiting tickets call each exactly once, in queue order', async () => {
    const issued = await issueFromKiosks(1, 200);
    expect(issued.map((i) => i.ticket.number).sort()).toEqual(expectedNumbers(200));

    const calledByCounter = await Promise.all(COUNTERS.map((counter) => serveUntilEmpty(counter)));
    expectEachCalledOnce(calledByCounter, 200);

    // The hall saw every call once, in the queue's order, with no hole in the stream.
    await display.waitFor(() => display.since(0, 'ticket:called').length >= 200, '200 ticket:called events');
    await display.sync();
    expect(display.since(0, 'ticket:called').map((e) => (e.payload as { number: string }).number)).toEqual(expectedNumbers(200));
    expectGapFreeStream(display.events);
  });

  it('8 kiosks issuing 50 tickets each at once get 400 distinct, contiguous numbers', async () => {
    const issued = await issueFromKiosks(8, 50);
    const numbers = issued.map((i) => i.ticket.number);
    expect(new Set(numbers).size).toBe(400);
    expect([...numbers].sort()).toEqual(expectedNumbers(400));
    // Nobody was called, so each ticket has exactly the earlier numbers ahead of it.
    for (const { ticket } of issued) expect(ticket.ahead, ticket.number).toBe(Number(ticket.number.slice(2)) - 1);
    expect(new Set(issued.map((i) => i.ticket.id)).size).toBe(400);

    expect(readTickets(t.dataDir).map((r) => r.number)).toEqual(expectedNumbers(400));
    expect(readSequences(t.dataDir)).toEqual([{ day: issued[0]!.ticket.day, prefix: ONE_QUEUE_PREFIX, last_seq: 400 }]);
    const snapshot = await display.sync();
    expect(snapshot.catalog.areas[0]!.services[0]).toMatchObject({ waiting: 400, current: null });
  });

  it('kiosks issuing while counters call: every ticket is called exactly once', async () => {
    let issuing = true;
    const issuingDone = issueFromKiosks(8, 25).finally(() => {
      issuing = false;
    });
    const serving = Promise.all(COUNTERS.map((counter) => serveUntilEmpty(counter, () => issuing)));
    const [issued, calledByCounter] = await Promise.all([issuingDone, serving]);
    expect(issued.map((i) => i.ticket.number).sort()).toEqual(expectedNumbers(200));
    expectEachCalledOnce(calledByCounter, 200);
  });

  it('a burst of retries with one requestId yields one ticket', async () => {
    const token = t.createToken('kiosk').token;
    const requestId = newRequestId('storm');
    const answers = await Promise.all(Array.from({ length: 20 }, () => issue(token, requestId)));
    expect(new Set(answers.map((a) => `${a.id}/${a.number}`))).toEqual(new Set([`${answers[0]!.id}/${expectedNumbers(1)[0]}`]));
    expect(readTickets(t.dataDir)).toHaveLength(1);
  });
});
