import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHubRequest, HubApiError } from './hub-request.js';

interface Call {
  url: string;
  init: RequestInit;
}

/** A fetch that records each call and answers with `respond()`. */
function recording(respond: () => Response) {
  const calls: Call[] = [];
  const fake = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond();
  }) as unknown as typeof fetch;
  return { fetch: fake, calls };
}

const jsonResponse = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const headersOf = (call: Call) => call.init.headers as Record<string, string>;

async function refusal(promise: Promise<unknown>): Promise<HubApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubApiError);
  return error as HubApiError;
}

describe('hub request layer: bodies', () => {
  it('sends a JSON body with its Content-Type and the bearer token', async () => {
    const hub = recording(() => jsonResponse(200, { ok: true }));
    const request = createHubRequest({ token: 'tok', fetch: hub.fetch, baseUrl: 'http://hub' });
    expect(await request.json('POST', '/api/x', z.object({ ok: z.boolean() }), { name: 'Quầy 1' })).toEqual({ ok: true });
    expect(hub.calls[0]!.url).toBe('http://hub/api/x');
    expect(hub.calls[0]!.init.body).toBe('{"name":"Quầy 1"}');
    expect(headersOf(hub.calls[0]!)).toEqual({ Authorization: 'Bearer tok', 'Content-Type': 'application/json' });
  });

  it('sends FormData and Blob bodies as they are, leaving their Content-Type to the browser', async () => {
    const hub = recording(() => jsonResponse(200, {}));
    const request = createHubRequest({ token: null, fetch: hub.fetch });
    const form = new FormData();
    form.append('file', new Blob(['SQLite format 3']), 'layso-backup.sqlite');
    const blob = new Blob(['abc'], { type: 'application/octet-stream' });
    await request.json('POST', '/api/form', null, form);
    await request.json('PUT', '/api/blob', null, blob);
    expect(hub.calls[0]!.init.body).toBe(form);
    expect(hub.calls[1]!.init.body).toBe(blob);
    expect(headersOf(hub.calls[0]!)).toEqual({});
    expect(headersOf(hub.calls[1]!)).toEqual({});
  });

  it('sends no body and no Content-Type when there is none', async () => {
    const hub = recording(() => new Response(null, { status: 204 }));
    const request = createHubRequest({ token: null, fetch: hub.fetch });
    expect(await request.json('POST', '/api/admin/devices/1/revoke', null)).toBeUndefined();
    expect(hub.calls[0]!.init.body).toBeUndefined();
    expect(headersOf(hub.calls[0]!)).toEqual({});
  });

  it('names a download as the Content-Disposition says, else by the fallback', async () => {
    const named = recording(
      () => new Response('x', { status: 200, headers: { 'Content-Disposition': `attachment; filename="Bao_cao.xlsx"; filename*=UTF-8''${encodeURIComponent('Báo cáo.xlsx')}` } }),
    );
    const file = await createHubRequest({ token: 't', fetch: named.fetch }).download('/api/admin/reports/export', 'report.xlsx');
    expect(file.fileName).toBe('Báo cáo.xlsx');
    expect(await file.blob.text()).toBe('x');
    const bare = recording(() => new Response('y', { status: 200 }));
    expect((await createHubRequest({ token: 't', fetch: bare.fetch }).download('/api/admin/backup', 'layso-backup.sqlite')).fileName).toBe('layso-backup.sqlite');
  });
});

describe('hub request layer: errors from the wire shape', () => {
  it('keeps the code, status, field issues and reason of a refusal', async () => {
    const reason = { kind: 'prefix-taken', prefix: '86', serviceId: 'visa', serviceName: 'Cấp thị thực' };
    const hub = recording(() =>
      jsonResponse(409, { error: { code: 'VALIDATION', message: 'invalid body', details: [{ path: 'services.0.prefix', message: 'taken' }], reason } }),
    );
    const error = await refusal(createHubRequest({ token: 't', fetch: hub.fetch }).json('PUT', '/api/admin/config', null, {}));
    expect(error).toMatchObject({ code: 'VALIDATION', status: 409, message: 'invalid body' });
    expect(error.fieldIssues).toEqual([{ path: 'services.0.prefix', message: 'taken' }]);
    expect(error.lockedUntil).toBeNull();
    expect(error.reason).toEqual(reason);
  });

  it('takes the end of a lockout from the details, and has no field issues then', async () => {
    const hub = recording(() => jsonResponse(423, { error: { code: 'ACCOUNT_LOCKED', message: 'locked', details: { lockedUntil: '2026-11-22T05:20:00.000Z' } } }));
    const error = await refusal(createHubRequest({ token: 't', fetch: hub.fetch }).json('POST', '/api/counters/1/clerk', null, {}));
    expect(error.lockedUntil).toBe('2026-11-22T05:20:00.000Z');
    expect(error.fieldIssues).toEqual([]);
    expect(error.reason).toBeNull();
  });

  it('shows each worded refusal to onRefusal before throwing it, and nothing else', async () => {
    const seen: HubApiError[] = [];
    const refusing = recording(() => jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: 'session expired' } }));
    const thrown = await refusal(createHubRequest({ token: 't', fetch: refusing.fetch, onRefusal: (e) => seen.push(e) }).json('GET', '/api/admin/today', null));
    expect(seen).toEqual([thrown]);
    const proxyPage = recording(() => new Response('<html>502</html>', { status: 502 }));
    await refusal(createHubRequest({ token: 't', fetch: proxyPage.fetch, onRefusal: (e) => seen.push(e) }).json('GET', '/api/admin/today', null));
    expect(seen).toHaveLength(1);
  });

  it('reports NETWORK for an error page that is not the hub shape, a non-JSON or off-contract answer, and no answer', async () => {
    const cases: [() => Response, number][] = [
      [() => new Response('<html>502</html>', { status: 502 }), 502],
      [() => new Response('not json', { status: 200 }), 200],
      [() => jsonResponse(200, { hello: 'world' }), 200],
      [() => jsonResponse(423, { error: { code: 'ACCOUNT_LOCKED', message: 'locked', details: { lockedUntil: 'soon' } } }), 423],
    ];
    for (const [respond, status] of cases) {
      const hub = recording(respond);
      const error = await refusal(createHubRequest({ token: 't', fetch: hub.fetch }).json('GET', '/api/catalog', z.object({ ok: z.literal(true) })));
      expect(error).toMatchObject({ code: 'NETWORK', status });
    }
    const down = (async () => {
      throw new TypeError('fetch failed');
    }) as unknown as typeof fetch;
    expect(await refusal(createHubRequest({ token: 't', fetch: down }).json('GET', '/api/catalog', null))).toMatchObject({ code: 'NETWORK', status: 0 });
  });

  it('gives every call a timeout, and a hub that never answers fails as NETWORK', async () => {
    const signals: AbortSignal[] = [];
    const silent = ((_url: string, init: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        signals.push(init.signal!);
        init.signal!.addEventListener('abort', () => reject(init.signal!.reason as Error));
      })) as unknown as typeof fetch;
    const error = await refusal(createHubRequest({ token: 't', fetch: silent, timeoutMs: 20 }).json('GET', '/api/catalog', null));
    expect(error).toMatchObject({ code: 'NETWORK', status: 0 });
    expect(signals[0]!.aborted).toBe(true);
  });
});
