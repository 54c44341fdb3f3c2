import { describe, expect, it } from 'vitest';
import { HubApiError } from '@layso/ui';
import { catalogFixture, hubStateFixture, ticketFixture } from '../testing/fixtures.js';
import type { PrintOutcome } from '../../main/bridge-api.js';
import { deferred, fakeBridge, fakeDeps, settle } from '../testing/fake-deps.js';
import { createKioskStore } from './kiosk-store.js';

const offline = () => new HubApiError('NETWORK', 0, 'hub unreachable: fetch failed');

function setup(overrides: Parameters<typeof fakeDeps>[0] = {}) {
  const deps = fakeDeps(overrides);
  const store = createKioskStore(deps);
  store.getState().setHub(hubStateFixture());
  return { deps, store, api: deps.api, state: () => store.getState() };
}

describe('issuing a ticket', () => {
  it('sends one request per tap and shows the ticket the hub issued', async () => {
    const { api, state } = setup();
    state().openArea('tang-3');
    const done = state().issue('cong-an-xnc', null);
    expect(api.issued).toHaveLength(1);
    expect(api.issued[0]!.body).toEqual({ serviceId: 'cong-an-xnc', requestId: 'request-1' });
    api.issued[0]!.answer.resolve(ticketFixture());
    await done;
    expect(state().screen).toMatchObject({ name: 'ticket', ticket: { number: '86001' }, print: 'none', checkedIn: false });
    expect(state().busy).toBeNull();
  });

  it('ignores the second tap of a double tap while the first is in flight', async () => {
    const { api, state } = setup();
    const first = state().issue('cong-an-xnc', null);
    const second = state().issue('cong-an-xnc', null);
    state().issue('tu-phap', null);
    expect(api.issued).toHaveLength(1);
    api.issued[0]!.answer.resolve(ticketFixture());
    await Promise.all([first, second]);
    expect(api.issued).toHaveLength(1);
  });

  it('sends the priority category on the priority path', async () => {
    const { api, state } = setup();
    state().openPriority();
    state().pickPriority('nguoi-cao-tuoi');
    expect(state().screen).toEqual({ name: 'priority-areas', priority: 'nguoi-cao-tuoi' });
    state().openArea('tang-3', 'nguoi-cao-tuoi');
    void state().issue('cong-an-xnc', 'nguoi-cao-tuoi');
    expect(api.issued[0]!.body).toEqual({ serviceId: 'cong-an-xnc', priority: 'nguoi-cao-tuoi', requestId: 'request-1' });
  });

  it('skips the area step of the priority path when there is only one area', () => {
    const { store, state } = setup();
    const catalog = catalogFixture();
    store.getState().setHub(hubStateFixture({ ...catalog, areas: [catalog.areas[1]!] }));
    state().pickPriority('nguoi-cao-tuoi');
    expect(state().screen).toEqual({ name: 'services', areaId: 'tang-3', priority: 'nguoi-cao-tuoi' });
  });
});

describe('failures', () => {
  it('shows "system paused" when the hub is unreachable and retries with the same requestId', async () => {
    const { api, state } = setup();
    state().openArea('tang-3');
    const first = state().issue('cong-an-xnc', null);
    api.issued[0]!.answer.reject(offline());
    await first;
    expect(state().screen).toMatchObject({ name: 'error', kind: 'offline', back: { name: 'services', areaId: 'tang-3' } });

    const retry = state().retry();
    expect(api.issued[1]!.body.requestId).toBe(api.issued[0]!.body.requestId);
    api.issued[1]!.answer.reject(offline());
    await retry;

    // Going back and tapping the same service again is still the same request.
    state().goBack();
    expect(state().screen).toMatchObject({ name: 'services', areaId: 'tang-3' });
    const again = state().issue('cong-an-xnc', null);
    expect(api.issued[2]!.body.requestId).toBe(api.issued[0]!.body.requestId);
    api.issued[2]!.answer.resolve(ticketFixture());
    await again;
    expect(state().screen.name).toBe('ticket');

    // Once answered, the next tap is a new request.
    state().endSession();
    void state().issue('cong-an-xnc', null);
    expect(api.issued[3]!.body.requestId).not.toBe(api.issued[0]!.body.requestId);
  });

  it('forgets the unresolved requestId when the session ends', async () => {
    const { api, state } = setup();
    const first = state().issue('cong-an-xnc', null);
    api.issued[0]!.answer.reject(offline());
    await first;
    state().endSession();
    void state().issue('cong-an-xnc', null);
    expect(api.issued[1]!.body.requestId).not.toBe(api.issued[0]!.body.requestId);
  });

  it.each([
    ['QUEUE_FULL', 'queue-full'],
    ['CLOSED', 'closed'],
  ] as const)('shows %s as %s with no retry and a fresh id next time', async (code, kind) => {
    const { api, state } = setup();
    const first = state().issue('tu-phap', null);
    api.issued[0]!.answer.reject(new HubApiError(code, 409, 'no'));
    await first;
    expect(state().screen).toMatchObject({ name: 'error', kind });
    expect(state().unresolved).toBeNull();
    await state().retry();
    expect(api.issued).toHaveLength(1);
  });

  it('drops an answer that arrives after the session ended (idle) instead of showing it to the next citizen', async () => {
    const { api, state } = setup();
    const first = state().issue('cong-an-xnc', null);
    state().endSession();
    api.issued[0]!.answer.resolve(ticketFixture());
    await first;
    expect(state().screen).toEqual({ name: 'home' });
    expect(state().busy).toBeNull();
  });
});

describe('printing', () => {
  it('prints through the bridge and says so', async () => {
    const printing = deferred<PrintOutcome>();
    const bridge = fakeBridge(printing.promise);
    const { api, state } = setup({ bridge });
    const done = state().issue('cong-an-xnc', null);
    api.issued[0]!.answer.resolve(ticketFixture());
    await done;
    expect(state().screen).toMatchObject({ name: 'ticket', print: 'printing' });
    printing.resolve({ ok: true, warnings: [] });
    await settle();
    expect(state().screen).toMatchObject({ name: 'ticket', print: 'printed' });
    expect(bridge.printed[0]).toMatchObject({ number: '86001', counter: 86, serviceName: 'Công an tỉnh (XNC)', language: 'vi' });
    expect(api.printReports).toEqual([{ number: '86001', result: { ok: true } }]);
  });

  it('tells the hub when a ticket did not print, and reports the printer state', async () => {
    const { api, state } = setup({ bridge: fakeBridge({ ok: false, code: 'PAPER_OUT', message: 'out of paper' }) });
    const done = state().issue('cong-an-xnc', null);
    api.issued[0]!.answer.resolve(ticketFixture());
    await done;
    await settle();
    expect(api.printReports).toEqual([{ number: '86001', result: { ok: false, code: 'PAPER_OUT', message: 'out of paper' } }]);
    state().setPrinter({ state: 'not-ready', code: 'PAPER_OUT', message: 'out of paper' });
    expect(api.statusReports).toEqual([{ printer: { state: 'not-ready', code: 'PAPER_OUT', message: 'out of paper' } }]);
  });

  it('shows the printer problem when printing fails', async () => {
    const { api, state } = setup({ bridge: fakeBridge({ ok: false, code: 'PAPER_OUT', message: 'out of paper' }) });
    const done = state().issue('cong-an-xnc', null);
    api.issued[0]!.answer.resolve(ticketFixture());
    await done;
    await settle();
    expect(state().screen).toMatchObject({ name: 'ticket', print: 'failed' });
  });

  it('asks to remember the number when the shell has no printer configured', async () => {
    const { api, state } = setup({ bridge: fakeBridge({ ok: false, code: 'NOT_CONFIGURED', message: 'none' }) });
    const done = state().issue('cong-an-xnc', null);
    api.issued[0]!.answer.resolve(ticketFixture());
    await done;
    await settle();
    expect(state().screen).toMatchObject({ name: 'ticket', print: 'none' });
  });

  it('prints in the language the citizen chose', async () => {
    const bridge = fakeBridge();
    const { api, state } = setup({ bridge });
    state().toggleLanguage();
    const done = state().issue('cong-an-xnc', null);
    api.issued[0]!.answer.resolve(ticketFixture());
    await done;
    await settle();
    expect(bridge.printed[0]).toMatchObject({ serviceName: 'Police (immigration)', language: 'en' });
  });
});

describe('language and sessions', () => {
  it('falls back to Vietnamese when the session returns home', () => {
    const { state } = setup();
    state().toggleLanguage();
    state().openArea('tang-1');
    expect(state().language).toBe('en');
    state().goBack();
    expect(state().language).toBe('en');
    state().endSession();
    expect(state().language).toBe('vi');
    expect(state().screen).toEqual({ name: 'home' });
  });

  it('goes back one step at a time', () => {
    const { state } = setup();
    state().openPriority();
    state().pickPriority('nguoi-cao-tuoi');
    state().openArea('tang-1', 'nguoi-cao-tuoi');
    state().goBack();
    expect(state().screen).toEqual({ name: 'priority-areas', priority: 'nguoi-cao-tuoi' });
    state().goBack();
    expect(state().screen).toEqual({ name: 'priority' });
    state().goBack();
    expect(state().screen).toEqual({ name: 'home' });
  });

  it('leaves a screen whose area disappeared from a new catalog', () => {
    const { store, state } = setup();
    state().openArea('tang-3');
    const catalog = catalogFixture();
    store.getState().setHub(hubStateFixture({ ...catalog, areas: [catalog.areas[0]!] }));
    expect(state().screen).toEqual({ name: 'home' });
  });

  it('leaves the services, priority and check-in screens for home when the day closes under them', () => {
    const catalog = catalogFixture();
    const screens: [string, (state: ReturnType<ReturnType<typeof setup>['store']['getState']>) => void][] = [
      ['services', (s) => s.openArea('tang-3')],
      ['priority', (s) => s.openPriority()],
      ['priority-areas', (s) => (s.openPriority(), s.pickPriority('nguoi-cao-tuoi'))],
      ['checkin', (s) => s.openCheckin()],
    ];
    for (const [name, open] of screens) {
      const { store, state } = setup();
      open(state());
      expect(state().screen.name).toBe(name);
      store.getState().setHub(hubStateFixture({ ...catalog, open: false, closedEarly: true }));
      expect(state().screen).toEqual({ name: 'home' });
    }
  });

  it('keeps the ticket on screen when the day closes, and an error\'s way back leads home', async () => {
    const { api, store, state } = setup();
    state().openArea('tang-3');
    const done = state().issue('cong-an-xnc', null);
    api.issued[0]!.answer.reject(offline());
    await done;
    expect(state().screen).toMatchObject({ name: 'error', back: { name: 'services' } });
    store.getState().setHub(hubStateFixture({ ...catalogFixture(), open: false }));
    expect(state().screen).toMatchObject({ name: 'error', back: { name: 'home' } });
    state().goBack();
    expect(state().screen).toEqual({ name: 'home' });

    const issued = setup();
    issued.state().openArea('tang-3');
    const second = issued.state().issue('cong-an-xnc', null);
    issued.api.issued[0]!.answer.resolve(ticketFixture());
    await second;
    issued.store.getState().setHub(hubStateFixture({ ...catalogFixture(), open: false }));
    expect(issued.state().screen).toMatchObject({ name: 'ticket', ticket: { number: '86001' } });
  });

  it('renders what the hub pushes, as it is', () => {
    const { store, state } = setup();
    const catalog = catalogFixture();
    const pushed = hubStateFixture({ ...catalog, open: false });
    store.getState().setHub(pushed);
    expect(state().hub).toBe(pushed);
  });
});

describe('online check-in', () => {
  function typeEntry(state: () => ReturnType<ReturnType<typeof setup>['store']['getState']>, digits: string) {
    for (const digit of digits) state().checkinType(digit);
  }

  it('sends the number and phone digits and shows the checked-in ticket', async () => {
    const { api, state } = setup();
    state().openCheckin();
    typeEntry(state, '860011234');
    const done = state().checkIn();
    expect(api.checkins[0]!.body).toEqual({ number: '86001', phoneLast4: '1234' });
    api.checkins[0]!.answer.resolve(ticketFixture());
    await done;
    expect(state().screen).toMatchObject({ name: 'ticket', checkedIn: true, ticket: { number: '86001' } });
  });

  it('does not send an incomplete entry', async () => {
    const { api, state } = setup();
    state().openCheckin();
    typeEntry(state, '8600112');
    await state().checkIn();
    expect(api.checkins).toHaveLength(0);
  });

  it('asks to see the staff when the hub has no check-in endpoint, keeping the digits', async () => {
    const { api, state } = setup();
    state().openCheckin();
    typeEntry(state, '860011234');
    const done = state().checkIn();
    api.checkins[0]!.answer.reject(new HubApiError('NOT_FOUND', 404, 'no such endpoint: POST /api/tickets/checkin'));
    await done;
    expect(state().screen).toMatchObject({ name: 'checkin', error: 'checkin-unavailable', entry: { number: '86001', phone: '1234' } });
    // Typing again clears the message.
    state().checkinDelete();
    expect(state().screen).toMatchObject({ name: 'checkin', error: null });
  });
});

/** The paper the first kiosk page printed (its bridge is a FakeBridge). */
async function firstPrinted(page: ReturnType<typeof setup>) {
  const printed = (page.deps.bridge as ReturnType<typeof fakeBridge>).printed;
  expect(printed).toHaveLength(1);
  return printed[0]!;
}

describe('remote commands from the admin', () => {
  it('reprints the last printed ticket, marked as a reprint, and reports the outcome', async () => {
    const bridge = fakeBridge();
    const { api, state } = setup({ bridge });
    expect(await state().reprintLast()).toEqual({ ok: false, message: 'nothing printed today on this kiosk' });
    const done = state().issue('cong-an-xnc', null);
    api.issued[0]!.answer.resolve(ticketFixture());
    await done;
    await settle();
    expect(await state().reprintLast()).toEqual({ ok: true, message: 'printed' });
    expect(bridge.printed).toHaveLength(2);
    expect(bridge.printed[1]).toEqual({ ...bridge.printed[0], reprint: true });
    expect(bridge.printed[0]!.reprint).toBeUndefined();
  });

  it('still reprints after a reload (a new store on the same storage), but not on the next service day', async () => {
    const storage = new Map<string, string>();
    const pageStorage = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v), removeItem: (k: string) => void storage.delete(k) };
    const first = setup({ bridge: fakeBridge(), storage: pageStorage });
    const done = first.state().issue('cong-an-xnc', null);
    first.api.issued[0]!.answer.resolve(ticketFixture());
    await done;
    await settle();

    const bridge = fakeBridge();
    const reloaded = setup({ bridge, storage: pageStorage });
    expect(await reloaded.state().reprintLast()).toEqual({ ok: true, message: 'printed' });
    expect(bridge.printed).toEqual([{ ...(await firstPrinted(first)), reprint: true }]);

    // 00:30 the next morning in Hanoi: yesterday's number must not come out again.
    const nextDay = setup({ bridge, storage: pageStorage, now: () => Date.parse('2026-03-04T17:30:00.000Z') });
    expect(await nextDay.state().reprintLast()).toEqual({ ok: false, message: 'nothing printed today on this kiosk' });
    expect(bridge.printed).toHaveLength(1);
  });

  it('says why it cannot print in a plain browser, or when the printer fails', async () => {
    expect(await setup().state().reprintLast()).toMatchObject({ ok: false, message: expect.stringContaining('browser') });
    expect(await setup().state().testPrint()).toMatchObject({ ok: false });
    const failing = fakeBridge({ ok: false, code: 'PAPER_OUT', message: 'out of paper' });
    const { api, state } = setup({ bridge: failing });
    const done = state().issue('cong-an-xnc', null);
    api.issued[0]!.answer.resolve(ticketFixture());
    await done;
    expect(await state().reprintLast()).toEqual({ ok: false, message: 'PAPER_OUT: out of paper' });
  });

  it('prints a test page with the center name and the time of the request', async () => {
    const pages: unknown[] = [];
    const bridge = { ...fakeBridge(), printTestPage: async (page: unknown) => (pages.push(page), { ok: true as const, warnings: [] }) };
    const { state } = setup({ bridge });
    expect(await state().testPrint(new Date('2026-11-23T01:15:00Z'))).toEqual({ ok: true, message: 'printed' });
    expect(pages).toEqual([{ centerName: catalogFixture().center.name, at: '2026-11-23T01:15:00.000Z', timeZone: catalogFixture().center.timeZone }]);
  });
});
