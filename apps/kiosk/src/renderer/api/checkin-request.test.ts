import { describe, expect, it } from 'vitest';
import { HubApiError } from '@layso/shared/client';
import { ticketFixture } from '../testing/fixtures.js';
import { postCheckIn } from './checkin-request.js';

function answering(status: number, body: unknown): { fetch: typeof fetch; calls: { url: string; init: RequestInit }[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  const fake = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { fetch: fake, calls };
}

describe('postCheckIn', () => {
  it('sends { number, phoneLast4 } with the kiosk token and returns the ticket', async () => {
    const hub = answering(200, ticketFixture());
    const ticket = await postCheckIn({ number: '86001', phoneLast4: '1234' }, { token: 'kiosk-token', fetch: hub.fetch, baseUrl: 'http://hub' });
    expect(ticket.number).toBe('86001');
    expect(hub.calls[0]!.url).toBe('http://hub/api/tickets/checkin');
    expect(hub.calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(hub.calls[0]!.init.body))).toEqual({ number: '86001', phoneLast4: '1234' });
    expect((hub.calls[0]!.init.headers as Record<string, string>).Authorization).toBe('Bearer kiosk-token');
  });

  it('reports the hub error code (a hub without the endpoint answers NOT_FOUND)', async () => {
    const hub = answering(404, { error: { code: 'NOT_FOUND', message: 'no such endpoint: POST /api/tickets/checkin' } });
    const failure = postCheckIn({ number: '86001', phoneLast4: '1234' }, { token: 't', fetch: hub.fetch });
    await expect(failure).rejects.toBeInstanceOf(HubApiError);
    await expect(failure).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
  });

  it('reports NETWORK when the hub cannot be reached or answers off-contract', async () => {
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    await expect(postCheckIn({ number: '86001', phoneLast4: '1234' }, { token: 't', fetch: down })).rejects.toMatchObject({ code: 'NETWORK' });
    const odd = answering(200, { hello: 'world' });
    await expect(postCheckIn({ number: '86001', phoneLast4: '1234' }, { token: 't', fetch: odd.fetch })).rejects.toMatchObject({ code: 'NETWORK' });
  });
});
