import { describe, expect, it } from 'vitest';
import { settle } from '@layso/electron-shell/testing';
import { KeypadHubBridge, type FetchLike } from './keypad-hub-bridge.js';

interface Call {
  url: string;
  body: string;
  respond: (status: number, body: string) => void;
  fail: (error: Error) => void;
}

/** A fetch whose responses the test releases one by one. */
function controlledFetch() {
  const calls: Call[] = [];
  const fetch: FetchLike = (url, init) =>
    new Promise((resolve, reject) => {
      calls.push({
        url,
        body: init.body,
        respond: (status, body) => resolve({ ok: status >= 200 && status < 300, status, text: async () => body }),
        fail: reject,
      });
    });
  return { fetch, calls };
}

describe('KeypadHubBridge', () => {
  it('sends one command at a time, in key order', async () => {
    const { fetch, calls } = controlledFetch();
    const bridge = new KeypadHubBridge({ hubUrl: 'http://hub', token: 't', counter: 86, fetch });
    const first = bridge.send('next');
    const second = bridge.send('done');
    await settle();
    expect(calls.map((call) => call.url)).toEqual(['http://hub/api/counters/86/next']);
    calls[0]!.respond(200, '{"ticket":null}');
    expect(await first).toMatchObject({ ok: true, status: 200, body: { ticket: null } });
    await settle();
    expect(calls.map((call) => call.url)).toEqual(['http://hub/api/counters/86/next', 'http://hub/api/counters/86/done']);
    calls[1]!.respond(200, '{}');
    expect(await second).toMatchObject({ ok: true, action: 'done', command: 'done' });
  });

  it('reports an unreachable hub without rejecting, and carries on with the next key', async () => {
    const { fetch, calls } = controlledFetch();
    const bridge = new KeypadHubBridge({ hubUrl: 'http://hub/', token: 't', counter: 3, fetch });
    const first = bridge.send('recall');
    const second = bridge.send('no-show');
    await settle();
    calls[0]!.fail(new Error('connect ECONNREFUSED'));
    expect(await first).toEqual({
      ok: false,
      action: 'recall',
      command: 'recall',
      status: null,
      error: { code: 'UNREACHABLE', message: 'connect ECONNREFUSED' },
    });
    await settle();
    expect(calls[1]?.url).toBe('http://hub/api/counters/3/skip');
    calls[1]!.respond(502, 'Bad Gateway');
    expect(await second).toMatchObject({ ok: false, status: 502, error: { code: 'HTTP_502', message: 'Bad Gateway' } });
  });

  it('sends a fresh requestId with each command', async () => {
    const { fetch, calls } = controlledFetch();
    let n = 0;
    const bridge = new KeypadHubBridge({ hubUrl: 'http://hub', token: 't', counter: 1, fetch, newRequestId: () => `req-000${++n}` });
    const done = [bridge.send('next'), bridge.send('next')];
    await settle();
    calls[0]!.respond(200, '{}');
    await settle();
    calls[1]!.respond(200, '{}');
    await Promise.all(done);
    expect(calls.map((call) => JSON.parse(call.body))).toEqual([{ requestId: 'req-0001' }, { requestId: 'req-0002' }]);
  });

  it('refuses a counter that is not a positive integer', () => {
    expect(() => new KeypadHubBridge({ hubUrl: 'http://hub', token: 't', counter: 0 })).toThrow(RangeError);
  });
});
