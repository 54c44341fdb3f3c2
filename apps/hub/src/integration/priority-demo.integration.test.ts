import { counterActionResponseSchema, counterQueueResponseSchema, issuedTicketSchema } from '@layso/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HttpResponse } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';

/**
 * Issue 15's report, replayed as a new user met it: the demo center (interleaved, one
 * priority ticket after every 2 normal ones), counter 86 serving "Công an tỉnh (XNC)"
 * alone, over HTTP on a real hub.
 */
const SERVICE = 'cong-an-xnc';
const COUNTER = 86;
const ELDERLY = 'nguoi-cao-tuoi';

let t: TestHub;

beforeEach(async () => {
  t = await startTestHub();
});
afterEach(async () => {
  expect(t.logs).toEqual([]);
  await t.stop();
});

async function issue(priority?: string): Promise<string> {
  const response = await t.issue(SERVICE, priority ? { priority } : {});
  expect(response.status, response.text).toBe(201);
  return issuedTicketSchema.parse(response.body).number;
}

async function listed(): Promise<string[]> {
  const response = await t.request('GET', `/api/counters/${COUNTER}/queue`, { token: t.tokens.counter[COUNTER] });
  expect(response.status, response.text).toBe(200);
  return counterQueueResponseSchema.parse(response.body).waiting.map((w) => w.number);
}

async function next(): Promise<string | null> {
  const response: HttpResponse = await t.counterCommand(COUNTER, 'next');
  expect(response.status, response.text).toBe(200);
  return counterActionResponseSchema.parse(response.body).ticket?.number ?? null;
}

/** Presses `next` until nobody waits, checking before each press that the console's top line is the call that follows. */
async function callAll(): Promise<string[]> {
  const called: string[] = [];
  for (;;) {
    const top = (await listed())[0] ?? null;
    const number = await next();
    expect(number).toBe(top);
    if (number === null) return called;
    called.push(number);
  }
}

describe('priority on the demo center (issue 15)', () => {
  it('the first ticket of the day, a priority one with nobody ahead, is called first, not third', async () => {
    const first = await issue(ELDERLY);
    const later = [await issue(), await issue()];
    expect(await listed()).toEqual([first, ...later]);
    expect(await callAll()).toEqual([first, ...later]);
  });

  it('priority tickets overtake older normal ones at most once per 2 normal calls, and the console list is the order next follows', async () => {
    const normal = [await issue(), await issue(), await issue(), await issue()];
    const priority = [await issue(ELDERLY), await issue(ELDERLY)];
    const expected = [normal[0], normal[1], priority[0], normal[2], normal[3], priority[1]];
    expect(await listed()).toEqual(expected);
    expect(await callAll()).toEqual(expected);
  });
});
