import { describe, expect, it } from 'vitest';
import { citizenIdHash } from '@layso/shared';
import { HubApiError } from '@layso/ui';
import { catalogFixture, hubStateFixture, ticketFixture } from '../testing/fixtures.js';
import { FAKE_MATCHING_KEY, fakeBridge, fakeDeps } from '../testing/fake-deps.js';
import { createKioskStore } from './kiosk-store.js';

// 3 December 2026, 09:00 in Hồ Chí Minh City.
const NOW = Date.parse('2026-12-03T02:00:00Z');
const ID = '079090001234';
const YOUNG = `${ID}|025123456|Nguyễn Văn An|01011990|Nam|12 Lê Lợi, Quận 1, TP. Hồ Chí Minh|15062021`;
// 60 today: born 3 December 1966 (ID century/sex digit 0, year digits 66).
const ELDER_ID = '001066012345';
const ELDER = `${ELDER_ID}||Trần Văn Bình|03121966|Nam|Thôn Đông, Xã Phú Minh, Sóc Sơn, Hà Nội|10012022`;

function setup(bridge = false) {
  const deps = fakeDeps({ now: () => NOW, ...(bridge ? { bridge: fakeBridge() } : {}) });
  const store = createKioskStore(deps);
  store.getState().setHub(hubStateFixture());
  return { deps, api: deps.api, state: () => store.getState(), store };
}

const notFound = () => new HubApiError('NOT_FOUND', 404, 'no online booking today for this card');

describe('a CCCD scan at the kiosk', () => {
  it('greets by name, sends only the keyed hash, and checks the booking in and prints', async () => {
    const { api, state, deps } = setup(true);
    state().scan(YOUNG);
    expect(state().screen).toEqual({ name: 'card', fullName: 'Nguyễn Văn An', phase: 'confirm', error: null });
    // Nothing of the card but the name is in the store.
    expect(JSON.stringify(state())).not.toContain(ID);
    const done = state().cardContinue();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.idCheckins.map((c) => c.hash)).toEqual([citizenIdHash(FAKE_MATCHING_KEY, ID)]);
    api.idCheckins[0]!.answer.resolve(ticketFixture());
    await done;
    expect(state().screen).toMatchObject({ name: 'ticket', ticket: { number: '86001' }, checkedIn: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    const printed = JSON.stringify((deps.bridge as ReturnType<typeof fakeBridge>).printed);
    expect(printed).toContain('86001');
    expect(printed).not.toContain(ID);
    expect(printed).not.toContain('Nguyễn Văn An');
  });

  it('offers the Người cao tuổi priority to a citizen 60 today without a booking', async () => {
    const { api, state } = setup();
    state().scan(ELDER);
    const done = state().cardContinue();
    await new Promise((resolve) => setTimeout(resolve, 0));
    api.idCheckins[0]!.answer.reject(notFound());
    await done;
    expect(state().screen).toEqual({ name: 'card', fullName: 'Trần Văn Bình', phase: 'elderly', error: null });
    state().cardPriority();
    expect(state().screen).toEqual({ name: 'priority-areas', priority: 'nguoi-cao-tuoi' });
  });

  it('sends a younger citizen without a booking to the normal choice of service', async () => {
    const { api, state, store } = setup();
    const catalog = catalogFixture();
    store.getState().setHub(hubStateFixture({ ...catalog, areas: [catalog.areas[1]!] }));
    state().scan(YOUNG);
    const done = state().cardContinue();
    await new Promise((resolve) => setTimeout(resolve, 0));
    api.idCheckins[0]!.answer.reject(notFound());
    await done;
    expect(state().screen).toEqual({ name: 'services', areaId: 'tang-3', priority: null });
  });

  it('"Không phải tôi" ends the session and nothing is sent', async () => {
    const { api, state } = setup();
    state().scan(YOUNG);
    state().endSession();
    await state().cardContinue();
    expect(api.idCheckins).toHaveLength(0);
    expect(state().screen).toEqual({ name: 'home' });
  });

  it('says why a payload was refused and sends nothing', async () => {
    const { api, state } = setup();
    state().scan(YOUNG.replace('01011990', '31021990'));
    expect(state().screen).toEqual({ name: 'card-refused', reason: 'date-of-birth' });
    await state().cardContinue();
    expect(api.idCheckins).toHaveLength(0);
  });

  it('ignores scans in the middle of a choice or over a ticket, and while the center is closed', () => {
    const { state, store } = setup();
    state().openArea('tang-3');
    state().scan(YOUNG);
    expect(state().screen).toMatchObject({ name: 'services' });
    state().goBack();
    store.getState().setHub(hubStateFixture({ ...catalogFixture(), open: false }));
    state().scan(YOUNG);
    expect(state().screen).toEqual({ name: 'home' });
  });

  it('keeps the greeting with the error when the hub refuses for another reason', async () => {
    const { api, state } = setup();
    state().scan(YOUNG);
    const done = state().cardContinue();
    await new Promise((resolve) => setTimeout(resolve, 0));
    api.idCheckins[0]!.answer.reject(new HubApiError('CONFLICT', 409, 'booking 87001 is expired'));
    await done;
    expect(state().screen).toMatchObject({ name: 'card', phase: 'confirm', error: 'checkin-conflict' });
  });
});
