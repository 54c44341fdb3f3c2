import { describe, expect, it } from 'vitest';
import { createApiClient } from './api-client.js';
import { HubApiError } from './hub-request.js';

const ticket = {
  id: 7,
  number: '86001',
  serviceId: 'cong-an-xnc',
  day: '2026-11-22',
  issuedAt: '2026-11-22T02:00:00.000Z',
  priority: null,
  ahead: 0,
  estWaitMin: 0,
};

function answering(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fake = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fetch: fake, calls };
}

describe('hub API client', () => {
  it('checks in with the kiosk token and returns the ticket', async () => {
    const hub = answering(200, ticket);
    const client = createApiClient({ token: 'kiosk-token', fetch: hub.fetch, baseUrl: 'http://hub' });
    expect((await client.checkIn({ number: '86001', phoneLast4: '1234' })).number).toBe('86001');
    expect(hub.calls[0]!.url).toBe('http://hub/api/tickets/checkin');
    expect(hub.calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(hub.calls[0]!.init.body))).toEqual({ number: '86001', phoneLast4: '1234' });
    expect((hub.calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer kiosk-token');
  });

  it('reports the hub error code and status', async () => {
    const hub = answering(404, { error: { code: 'NOT_FOUND', message: 'no online booking matches this number and code' } });
    const failure = createApiClient({ token: 't', fetch: hub.fetch }).checkIn({ number: '86001', phoneLast4: '1234' });
    await expect(failure).rejects.toBeInstanceOf(HubApiError);
    await expect(failure).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('reports NETWORK when the hub cannot be reached or answers off-contract', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(createApiClient({ token: 't', fetch: down }).issueTicket({ serviceId: 'visa', requestId: 'abcdefgh' })).rejects.toMatchObject({ code: 'NETWORK' });
    const odd = answering(200, { hello: 'world' });
    await expect(createApiClient({ token: 't', fetch: odd.fetch }).checkIn({ number: '86001', phoneLast4: '1234' })).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
