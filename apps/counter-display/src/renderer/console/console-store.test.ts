import { describe, expect, it } from 'vitest';
import type { CounterActionRequest, CounterActionResponse, CounterQueueResponse, CounterTicket } from '@layso/shared';
import { HubApiError } from '@layso/ui';
import { createConsoleStore, type ConsoleApi } from './console-store.js';

function ticket(number: string): CounterTicket {
  return {
    id: Number(number),
    number,
    serviceId: 'cong-an-xnc',
    day: '2026-03-02',
    status: 'called',
    priority: null,
    source: 'kiosk',
    issuedAt: '2026-03-02T02:00:00.000Z',
    calledAt: '2026-03-02T02:10:00.000Z',
    counter: 86,
    recalls: 0,
    deadline: null,
    transferredFrom: null,
  };
}

function queue(serving: string | null): CounterQueueResponse {
  return {
    counter: { number: 86, name: 'Quầy 86', areaId: 'tang-3', serviceIds: ['cong-an-xnc'], status: 'open', current: serving },
    serving: serving ? ticket(serving) : null,
    waiting: [],
    servedToday: 0,
    avgServiceMin: null,
  };
}

interface Call {
  action: string;
  body: CounterActionRequest & { toServiceId?: string };
  resolve(value: CounterActionResponse): void;
  reject(error: Error): void;
}

/** An API whose commands answer only when the test says so. */
function fakeApi() {
  const calls: Call[] = [];
  let serving: string | null = null;
  let queueRequests = 0;
  const pending = (action: string, body: Call['body']) =>
    new Promise<CounterActionResponse>((resolve, reject) => calls.push({ action, body, resolve, reject }));
  const api: ConsoleApi = {
    counterQueue: async () => {
      queueRequests++;
      return queue(serving);
    },
    counterAction: (_counter, action, body) => pending(action, body),
    transfer: (_counter, body) => pending('transfer', body),
    undo: (_counter, body) => pending('undo', body),
  };
  return {
    api,
    calls,
    setServing: (n: string | null) => (serving = n),
    queueRequests: () => queueRequests,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
let ids = 0;
const newRequestId = () => `req-0000-${++ids}`;

describe('console store', () => {
  it('ignores presses while a command is in flight: a double press calls one ticket', async () => {
    const fake = fakeApi();
    const store = createConsoleStore({ api: fake.api, counter: 86, clerk: 'Nguyễn Văn An', newRequestId });
    const first = store.getState().run('next');
    const second = await store.getState().run('next');
    expect(second).toBe('ignored');
    expect(await store.getState().run('done')).toBe('ignored');
    expect(fake.calls).toHaveLength(1);
    expect(store.getState().inFlight).toBe('next');
    fake.setServing('86001');
    fake.calls[0]!.resolve({ ticket: ticket('86001') });
    expect(await first).toBe('done');
    expect(store.getState().inFlight).toBeNull();
    expect(store.getState().queue?.serving?.number).toBe('86001');
  });

  it('sends a fresh requestId and the clerk name with every press', async () => {
    const fake = fakeApi();
    const store = createConsoleStore({ api: fake.api, counter: 86, clerk: 'Trần Thị Bình', newRequestId });
    const a = store.getState().run('next');
    fake.calls[0]!.resolve({ ticket: ticket('86001') });
    await a;
    const b = store.getState().run('recall');
    fake.calls[1]!.resolve({ ticket: ticket('86001') });
    await b;
    expect(fake.calls.map((c) => c.body.clerk)).toEqual(['Trần Thị Bình', 'Trần Thị Bình']);
    expect(fake.calls[0]!.body.requestId).not.toBe(fake.calls[1]!.body.requestId);
  });

  it('retries a press that did not reach the hub with the same requestId', async () => {
    const fake = fakeApi();
    const store = createConsoleStore({ api: fake.api, counter: 86, clerk: 'An', newRequestId, sleep: async () => {}, retryDelaysMs: [0, 0] });
    const run = store.getState().run('done');
    await flush();
    fake.calls[0]!.reject(new HubApiError('NETWORK', 0, 'hub unreachable'));
    await flush();
    fake.calls[1]!.resolve({ ticket: ticket('86001') });
    expect(await run).toBe('done');
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[1]!.body.requestId).toBe(fake.calls[0]!.body.requestId);
  });

  it('does not retry a refusal, and says why in Vietnamese', async () => {
    const fake = fakeApi();
    const store = createConsoleStore({ api: fake.api, counter: 86, clerk: 'An', newRequestId, sleep: async () => {} });
    const run = store.getState().run('next');
    fake.calls[0]!.reject(new HubApiError('CONFLICT', 409, 'counter 86 is paused; resume it first'));
    expect(await run).toBe('failed');
    expect(fake.calls).toHaveLength(1);
    expect(store.getState().message).toEqual({ tone: 'error', text: expect.stringContaining('trạng thái hiện tại') });
    expect(store.getState().inFlight).toBeNull();
  });

  it('tells the clerk when nobody is waiting', async () => {
    const fake = fakeApi();
    const store = createConsoleStore({ api: fake.api, counter: 86, clerk: 'An', newRequestId });
    const run = store.getState().run('next');
    fake.calls[0]!.resolve({ ticket: null });
    await run;
    expect(store.getState().message).toEqual({ tone: 'info', text: 'Không có công dân đang chờ' });
  });

  it('sends the target service with a transfer, and needs one', async () => {
    const fake = fakeApi();
    const store = createConsoleStore({ api: fake.api, counter: 86, clerk: 'An', newRequestId });
    expect(await store.getState().run('transfer')).toBe('ignored');
    const run = store.getState().run('transfer', 'visa');
    fake.calls[0]!.resolve({ ticket: null });
    await run;
    expect(fake.calls[0]).toMatchObject({ action: 'transfer', body: { toServiceId: 'visa', clerk: 'An' } });
  });

  it('coalesces a burst of refreshes into at most one extra request', async () => {
    const fake = fakeApi();
    const store = createConsoleStore({ api: fake.api, counter: 86, clerk: 'An', newRequestId });
    await Promise.all([store.getState().refresh(), store.getState().refresh(), store.getState().refresh()]);
    expect(fake.queueRequests()).toBe(2);
  });

  describe('Hoàn tác', () => {
    function withTimer() {
      let clock = 1_000;
      const timers: { at: number; fn: () => void }[] = [];
      const setTimer = (fn: () => void, ms: number) => {
        const timer = { at: clock + ms, fn };
        timers.push(timer);
        return () => void timers.splice(timers.indexOf(timer), 1);
      };
      const advance = (ms: number) => {
        clock += ms;
        for (const timer of timers.filter((t) => t.at <= clock)) {
          timers.splice(timers.indexOf(timer), 1);
          timer.fn();
        }
      };
      return { now: () => clock, setTimer, advance };
    }

    it('offers undo after a no-show, sends the number and action it showed, and says what happened', async () => {
      const fake = fakeApi();
      const time = withTimer();
      const store = createConsoleStore({ api: fake.api, counter: 86, clerk: 'Nguyễn Văn An', newRequestId, now: time.now, setTimer: time.setTimer });
      const skip = store.getState().run('skip');
      fake.calls[0]!.resolve({ ticket: { ...ticket('86003'), status: 'skipped' } });
      await skip;
      expect(store.getState().undoable).toMatchObject({ action: 'skip', number: '86003', until: 11_000 });
      const undo = store.getState().undo();
      expect(store.getState().undoable).toBeNull();
      expect(fake.calls[1]).toMatchObject({ action: 'undo', body: { number: '86003', action: 'skip', clerk: 'Nguyễn Văn An' } });
      fake.calls[1]!.resolve({ ticket: ticket('86003') });
      expect(await undo).toBe('done');
      expect(store.getState().message).toEqual({ tone: 'info', text: 'Đã hoàn tác: số 86003 đang được phục vụ lại tại quầy.' });
      expect(await store.getState().undo()).toBe('ignored');
    });

    it('withdraws the offer when its time is up or another command is pressed, and never for next or recall', async () => {
      const fake = fakeApi();
      const time = withTimer();
      const store = createConsoleStore({ api: fake.api, counter: 86, clerk: 'A', newRequestId, now: time.now, setTimer: time.setTimer });
      const done = store.getState().run('done');
      fake.calls[0]!.resolve({ ticket: { ...ticket('86001'), status: 'done' } });
      await done;
      time.advance(9_999);
      expect(store.getState().undoable).not.toBeNull();
      time.advance(1);
      expect(store.getState().undoable).toBeNull();

      const transfer = store.getState().run('transfer', 'visa');
      fake.calls[1]!.resolve({ ticket: { ...ticket('86002'), status: 'waiting', serviceId: 'visa' } });
      await transfer;
      expect(store.getState().undoable).toMatchObject({ action: 'transfer', number: '86002', serviceId: 'visa' });
      const next = store.getState().run('next');
      expect(store.getState().undoable).toBeNull();
      fake.calls[2]!.resolve({ ticket: ticket('86003') });
      await next;
      expect(store.getState().undoable).toBeNull();
    });

    it('shows the hub refusal when the undo comes too late', async () => {
      const fake = fakeApi();
      const store = createConsoleStore({ api: fake.api, counter: 86, clerk: 'A', newRequestId });
      const skip = store.getState().run('skip');
      fake.calls[0]!.resolve({ ticket: { ...ticket('86001'), status: 'skipped' } });
      await skip;
      const undo = store.getState().undo();
      fake.calls[1]!.reject(new HubApiError('CONFLICT', 409, 'the 10 s to undo have passed'));
      expect(await undo).toBe('failed');
      expect(store.getState().message?.tone).toBe('error');
    });
  });
});
