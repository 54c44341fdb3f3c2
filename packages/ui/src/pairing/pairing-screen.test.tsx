// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CreatePairingRequest, CreatePairingResponse, PairingResult, PairingStatusResponse } from '@layso/shared';
import { HubApiError } from '../api/hub-request.js';
import type { PairingOptions } from './device-pairing.js';
import { PairingScreen } from './pairing-screen.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const EXPIRES_AT = '2026-11-22T02:10:00.000Z';
const PAIRED: PairingResult = { status: 'paired', token: 'lys_token', role: 'display', counter: 86, screen: 'door', name: 'Cửa quầy 86' };

/** The hub's two pairing endpoints, answering as the test says. */
function fakeHub(answers: { create?: () => Promise<CreatePairingResponse>; status?: () => Promise<PairingStatusResponse> } = {}) {
  const requests: CreatePairingRequest[] = [];
  const api: PairingOptions['api'] = {
    createPairing: (request) => {
      requests.push(request);
      return answers.create?.() ?? Promise.resolve({ pairingId: 'p'.repeat(32), code: '123456', expiresAt: EXPIRES_AT });
    },
    pairingStatus: () => answers.status?.() ?? Promise.resolve({ status: 'pending', expiresAt: EXPIRES_AT }),
  };
  return { api, requests };
}

let container: HTMLDivElement;
let root: Root;

async function render(props: Partial<Parameters<typeof PairingScreen>[0]> & { api: PairingOptions['api'] }) {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await act(async () => {
    root.render(<PairingScreen kind="counter-display" appVersion="0.1.0" hubAddress="http://192.168.1.10:8080" onPaired={() => undefined} {...props} />);
  });
}

const byTestId = (id: string) => container.querySelector(`[data-testid="${id}"]`);

beforeEach(() => vi.useFakeTimers({ now: Date.parse('2026-11-22T02:00:00.000Z') }));

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.useRealTimers();
});

describe('PairingScreen', () => {
  it('asks for a code as the given kind and version, and shows it in two groups with the hub address', async () => {
    const hub = fakeHub();
    await render({ api: hub.api, kind: 'kiosk', appVersion: '1.2.3' });
    expect(hub.requests).toEqual([{ kind: 'kiosk', appVersion: '1.2.3' }]);
    expect(byTestId('pairing-code')!.textContent).toBe('123 456');
    expect(byTestId('pairing-code')!.getAttribute('data-code')).toBe('123456');
    expect(byTestId('pairing-hub')!.textContent).toBe('Máy chủ / Hub: http://192.168.1.10:8080');
    expect(byTestId('pairing-screen')!.textContent).toContain('Nhập mã này tại trang Quản trị → Thiết bị');
  });

  it('says it is getting a code until the hub answers, and that the hub is unreachable when it fails', async () => {
    let fail: (error: Error) => void = () => undefined;
    const hub = fakeHub({ create: () => new Promise((_resolve, reject) => (fail = reject)) });
    await render({ api: hub.api });
    expect(byTestId('pairing-code')!.textContent).toBe('Đang lấy mã…');
    await act(async () => fail(new HubApiError('NETWORK', 0, 'hub unreachable: fetch failed')));
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Không kết nối được máy chủ, đang thử lại… / Cannot reach the hub, retrying…');
  });

  it('hands the token over once the admin claims the code', async () => {
    const onPaired = vi.fn();
    let claimed = false;
    const hub = fakeHub({ status: () => Promise.resolve(claimed ? PAIRED : { status: 'pending', expiresAt: EXPIRES_AT }) });
    await render({ api: hub.api, onPaired });
    await act(async () => vi.advanceTimersByTimeAsync(2_000));
    expect(onPaired).not.toHaveBeenCalled();
    claimed = true;
    await act(async () => vi.advanceTimersByTimeAsync(2_000));
    expect(onPaired).toHaveBeenCalledExactlyOnceWith(PAIRED);
  });

  it('offers typing a token by hand only where the page asks for it', async () => {
    await render({ api: fakeHub().api });
    expect(byTestId('pairing-skip')).toBeNull();
    act(() => root.unmount());
    container.remove();

    const onSkip = vi.fn();
    await render({ api: fakeHub().api, onSkip });
    const skip = byTestId('pairing-skip') as HTMLButtonElement;
    expect(skip.textContent).toBe('Nhập mã thiết bị bằng tay / Enter a device token by hand');
    act(() => skip.click());
    expect(onSkip).toHaveBeenCalledOnce();
  });
});
