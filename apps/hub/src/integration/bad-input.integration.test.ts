import fc from 'fast-check';
import { issuedTicketSchema, MAX_BODY_BYTES, type ErrorCode } from '@layso/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTickets, snapshotQueueTables, type DbSnapshot } from '../testing/db-snapshot.js';
import { expectClientError, expectError, rawExchange, type HttpOptions, type HttpResponse } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { ACTING_COUNTER, seedBusyQueue } from '../testing/protected-endpoints.js';
import { TestSocket } from '../testing/socket-client.js';
import { smallCenter } from '../testing/integration-centers.js';

type TokenName = 'kiosk' | 'counter' | 'admin' | 'none';

interface BadCase {
  label: string;
  method: string;
  path: string;
  token: TokenName;
  options?: HttpOptions;
  status: number;
  code: ErrorCode;
}

const JSON_TYPE = { 'content-type': 'application/json' };
const VALID_ISSUE = { serviceId: 'tu-phap', requestId: 'kiosk-req-0001' };
const raw = (text: string | Buffer, headers: Record<string, string> = JSON_TYPE): HttpOptions => ({ raw: text, headers });
/** A JSON object whose serialization is exactly `bytes` long (padding in an unknown field). */
function jsonOfSize(bytes: number): string {
  const shell = JSON.stringify({ ...VALID_ISSUE, pad: '' });
  return JSON.stringify({ ...VALID_ISSUE, pad: 'x'.repeat(bytes - shell.length) });
}

const invalid = (label: string, method: string, path: string, token: TokenName, options?: HttpOptions): BadCase => ({
  label,
  method,
  path,
  token,
  ...(options ? { options } : {}),
  status: 400,
  code: 'VALIDATION',
});

const TICKETS = '/api/tickets';
const issueCase = (label: string, options?: HttpOptions) => invalid(`issue: ${label}`, 'POST', TICKETS, 'kiosk', options);
const issueJson = (label: string, json: unknown) => issueCase(label, { json });

const ISSUE_CASES: BadCase[] = [
  issueCase('invalid JSON', raw('{"serviceId": "tu-phap",')),
  issueCase('JSON followed by junk', raw(`${JSON.stringify(VALID_ISSUE)} x`)),
  issueCase('a byte-order mark before the JSON', raw(`\uFEFF${JSON.stringify(VALID_ISSUE)}`)),
  issueCase('text/plain content type', raw(JSON.stringify(VALID_ISSUE), { 'content-type': 'text/plain' })),
  issueCase('no content type', raw(JSON.stringify(VALID_ISSUE), {})),
  issueCase('form encoding', raw('serviceId=tu-phap&requestId=kiosk-req-0001', { 'content-type': 'application/x-www-form-urlencoded' })),
  issueCase('no body at all'),
  issueCase('a blank body', raw('   \n')),
  issueJson('an unknown field', { ...VALID_ISSUE, name: 'Nguyễn Văn A' }),
  issueCase('a __proto__ field', raw(`{"serviceId":"tu-phap","requestId":"kiosk-req-0001","__proto__":{"admin":true}}`)),
  issueJson('a constructor field', { ...VALID_ISSUE, constructor: { prototype: {} } }),
  issueJson('serviceId as a number', { ...VALID_ISSUE, serviceId: 60 }),
  issueJson('serviceId null', { ...VALID_ISSUE, serviceId: null }),
  issueJson('serviceId in an array', { ...VALID_ISSUE, serviceId: ['tu-phap'] }),
  issueJson('serviceId as an object', { ...VALID_ISSUE, serviceId: { id: 'tu-phap' } }),
  issueJson('requestId as a number', { ...VALID_ISSUE, requestId: 12345678 }),
  issueJson('priority as a boolean', { ...VALID_ISSUE, priority: true }),
  issueJson('missing serviceId', { requestId: VALID_ISSUE.requestId }),
  issueJson('missing requestId', { serviceId: 'tu-phap' }),
  issueJson('an empty object', {}),
  issueJson('requestId of 7 characters', { ...VALID_ISSUE, requestId: 'abcdefg' }),
  issueJson('requestId of 129 characters', { ...VALID_ISSUE, requestId: 'a'.repeat(129) }),
  issueJson('requestId of 60 000 characters', { ...VALID_ISSUE, requestId: 'a'.repeat(60_000) }),
  issueJson('requestId with a space', { ...VALID_ISSUE, requestId: 'kiosk req 0001' }),
  issueJson('requestId with a slash', { ...VALID_ISSUE, requestId: 'kiosk/../0001' }),
  issueJson('requestId with Vietnamese letters', { ...VALID_ISSUE, requestId: 'yêu-cầu-0001' }),
  issueJson('requestId with zero-width spaces', { ...VALID_ISSUE, requestId: 'kiosk\u200b\u200b\u200b\u200b0001' }),
  issueCase('serviceId 1e999 (Infinity)', raw('{"serviceId": 1e999, "requestId": "kiosk-req-0001"}')),
  issueJson('serviceId 1e308', { ...VALID_ISSUE, serviceId: 1e308 }),
  issueCase('a 40-digit requestId number', raw('{"serviceId": "tu-phap", "requestId": 1234567890123456789012345678901234567890}')),
  issueJson('serviceId with diacritics', { ...VALID_ISSUE, serviceId: 'tư-pháp' }),
  issueJson('serviceId in upper case', { ...VALID_ISSUE, serviceId: 'TU-PHAP' }),
  issueJson('serviceId with a NUL', { ...VALID_ISSUE, serviceId: 'tu-phap\u0000' }),
  issueJson('serviceId with a right-to-left override', { ...VALID_ISSUE, serviceId: 'tu-phap\u202e' }),
  issueJson('serviceId of emoji', { ...VALID_ISSUE, serviceId: '🎫🎫' }),
  issueCase('a lone surrogate', raw('{"serviceId": "\\ud800", "requestId": "kiosk-req-0001"}')),
  issueCase(
    'invalid UTF-8 bytes inside a string',
    raw(Buffer.concat([Buffer.from('{"serviceId":"tu-phap","requestId":"kiosk-'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('0001"}')])),
  ),
  issueCase('binary garbage', raw(Buffer.from([0x00, 0x01, 0xff, 0x7b, 0x80]))),
  issueJson('an array instead of an object', [VALID_ISSUE]),
  issueJson('an empty array', []),
  issueJson('null', null),
  issueJson('a string', 'tu-phap'),
  issueJson('a number', 42),
  issueJson('true', true),
  issueCase('arrays nested 5 000 deep', raw(`${'['.repeat(5000)}${']'.repeat(5000)}`)),
  issueCase('a body of exactly 64 KB (not too large, but invalid)', raw(jsonOfSize(MAX_BODY_BYTES))),
  { ...issueCase('a body one byte over 64 KB', raw(jsonOfSize(MAX_BODY_BYTES + 1))), status: 413, code: 'TOO_LARGE' },
  { ...issueCase('a 1 MB body', raw(jsonOfSize(1024 * 1024))), status: 413, code: 'TOO_LARGE' },
  { ...issueCase('a 100 KB chunked body (no Content-Length)', { ...raw(jsonOfSize(100 * 1024)), chunked: true }), status: 413, code: 'TOO_LARGE' },
  { ...issueJson('an unknown service', { ...VALID_ISSUE, serviceId: 'khong-ton-tai' }), status: 404, code: 'NOT_FOUND' },
  issueJson('an unknown priority', { ...VALID_ISSUE, priority: 'vip' }),
];

const COMMANDS = ['next', 'recall', 'done', 'skip', 'pause', 'resume'] as const;
const counterPath = (command: string, counter: number | string = ACTING_COUNTER) => `/api/counters/${counter}/${command}`;

const COMMAND_CASES: BadCase[] = [
  ...COMMANDS.flatMap((command) => [
    invalid(`${command}: invalid JSON`, 'POST', counterPath(command), 'counter', raw('{"requestId":')),
    invalid(`${command}: an unknown field`, 'POST', counterPath(command), 'counter', { json: { ticket: '60002' } }),
    invalid(`${command}: an array body`, 'POST', counterPath(command), 'counter', { json: [] }),
    invalid(`${command}: a null body`, 'POST', counterPath(command), 'counter', { json: null }),
  ]),
  invalid('next: text/plain body', 'POST', counterPath('next'), 'counter', raw('{}', { 'content-type': 'text/plain' })),
  invalid('next: requestId too short', 'POST', counterPath('next'), 'counter', { json: { requestId: 'short' } }),
  invalid('next: requestId too long', 'POST', counterPath('next'), 'counter', { json: { requestId: 'r'.repeat(129) } }),
  invalid('next: requestId as a number', 'POST', counterPath('next'), 'counter', { json: { requestId: 123456789 } }),
  invalid('next: an empty clerk', 'POST', counterPath('next'), 'counter', { json: { clerk: '' } }),
  invalid('next: a blank clerk', 'POST', counterPath('next'), 'counter', { json: { clerk: '   ' } }),
  invalid('next: a clerk of 81 characters', 'POST', counterPath('next'), 'counter', { json: { clerk: 'Đ'.repeat(81) } }),
  invalid('next: a clerk as an object', 'POST', counterPath('next'), 'counter', { json: { clerk: { name: 'A' } } }),
  { ...invalid('next: a body over 64 KB', 'POST', counterPath('next'), 'counter', { json: { clerk: 'x'.repeat(MAX_BODY_BYTES) } }), status: 413, code: 'TOO_LARGE' },
];

const transfer = (label: string, options?: HttpOptions) => invalid(`transfer: ${label}`, 'POST', counterPath('transfer'), 'counter', options);
const TRANSFER_CASES: BadCase[] = [
  transfer('no body'),
  transfer('invalid JSON', raw('{"toServiceId"')),
  transfer('missing toServiceId', { json: {} }),
  transfer('toServiceId as a number', { json: { toServiceId: 87 } }),
  transfer('toServiceId with punctuation', { json: { toServiceId: 'Visa!' } }),
  transfer('toServiceId of 49 characters', { json: { toServiceId: 'v'.repeat(49) } }),
  transfer('an unknown field', { json: { toServiceId: 'visa', toCounter: 87 } }),
  transfer('an array', { json: [{ toServiceId: 'visa' }] }),
  { ...transfer('an unknown service', { json: { toServiceId: 'khong-ton-tai' } }), status: 404, code: 'NOT_FOUND' },
  { ...transfer('to the service it is already in', { json: { toServiceId: 'tu-phap' } }), status: 409, code: 'CONFLICT' },
];

// Path parameters are checked after authorization, so these use the admin token (a
// counter token would get 403 for any counter but its own).
const PATH_CASES: BadCase[] = [
  ...['0', '1000', 'abc', '-1', '1.5', 'NaN', 'Infinity', '%20', '99999999999999999999', '0x3C', '060', '6e1', '+60', ' 60'].map((counter) =>
    invalid(`counter "${decodeURIComponent(counter)}"`, 'POST', counterPath('next', counter), 'admin'),
  ),
  invalid('counter "abc" on the queue', 'GET', '/api/counters/abc/queue', 'admin'),
  { ...invalid('counter 999 (in range, not configured)', 'POST', counterPath('next', 999), 'admin'), status: 404, code: 'NOT_FOUND' },
  { ...invalid('a counter that is not valid percent-encoding', 'POST', counterPath('next', '%ZZ'), 'admin'), status: 404, code: 'NOT_FOUND' },
  ...['2026-13-01', '2026-00-10', '2026-1-1', 'today', '20260310'].map((day) => invalid(`day "${day}"`, 'GET', `/api/tickets/${day}/60001`, 'none')),
  ...['00000', '60000', '6000', '600001', 'abcde', '٦٠٠٠١', '6000%31'].map((number) =>
    invalid(`number "${number}"`, 'GET', `/api/tickets/2026-03-10/${encodeURIComponent(number)}`, 'none'),
  ),
  { ...invalid('a day the calendar lacks (2026-02-30)', 'GET', '/api/tickets/2026-02-30/60001', 'none'), status: 404, code: 'NOT_FOUND' },
  { ...invalid('an extra path segment', 'GET', '/api/tickets/2026-03-10/60001/x', 'none'), status: 404, code: 'NOT_FOUND' },
  { ...invalid('an unknown endpoint', 'POST', '/api/counters/60/call-everyone', 'counter'), status: 404, code: 'NOT_FOUND' },
  { ...invalid('a wrong method', 'DELETE', TICKETS, 'kiosk'), status: 404, code: 'NOT_FOUND' },
  { ...invalid('PUT on a command', 'PUT', counterPath('next'), 'counter', { json: {} }), status: 404, code: 'NOT_FOUND' },
];

describe('malformed requests', () => {
  let t: TestHub;
  let before: DbSnapshot;

  beforeAll(async () => {
    t = await startTestHub({ config: smallCenter() });
    await seedBusyQueue(t);
    before = snapshotQueueTables(t.dataDir);
  });
  afterAll(async () => {
    // A hub log line means a request ended in an unexpected fault (a 500).
    expect(t.logs).toEqual([]);
    await t.stop();
  });

  const send = (method: string, path: string, token: TokenName, options: HttpOptions = {}): Promise<HttpResponse> => {
    const value = token === 'none' ? undefined : token === 'counter' ? t.tokens.counter[ACTING_COUNTER] : t.tokens[token];
    return t.request(method, path, { ...options, ...(value ? { token: value } : {}) });
  };

  /** The hub answers and nothing in the queue moved. */
  async function expectUnharmed(): Promise<void> {
    const health = await t.request('GET', '/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true });
    expect(snapshotQueueTables(t.dataDir)).toEqual(before);
  }

  it.each([...ISSUE_CASES, ...COMMAND_CASES, ...TRANSFER_CASES, ...PATH_CASES])('$label → $status $code', async (bad) => {
    expectError(await send(bad.method, bad.path, bad.token, bad.options), bad.status, bad.code);
    await expectUnharmed();
  });

  it('ignores a body sent with a GET (GETs never read one)', async () => {
    // Documents current behaviour: every v1 POST takes a body, and GET handlers do not read it.
    for (const [path, token] of [
      ['/api/health', 'none'],
      ['/api/catalog', 'none'],
      [`/api/counters/${ACTING_COUNTER}/queue`, 'counter'],
    ] as const) {
      const response = await send('GET', path, token, { json: { serviceId: 'tu-phap', junk: [1, 2, 3] } });
      expect(response.status, response.text).toBe(200);
    }
    await expectUnharmed();
  });

  it('a client hanging up halfway through its body leaves no trace', async () => {
    const head = `POST ${TICKETS} HTTP/1.1\r\nHost: hub\r\nAuthorization: Bearer ${t.tokens.kiosk}\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n`;
    for (let i = 0; i < 20; i++) await rawExchange(t.url, `${head}{"serviceId":"tu-phap","requ`, { abortAfterWrite: true });
    await expectUnharmed();
  });

  it('bytes that are not HTTP at all get a 400 and a closed connection', async () => {
    expect(await rawExchange(t.url, 'HELLO HUB\r\n\r\n')).toMatch(/^HTTP\/1\.1 400 /);
    expect(await rawExchange(t.url, `POST ${TICKETS} HTTP/1.1\r\nHost: hub\r\nContent-Length: abc\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400 /);
    await expectUnharmed();
  });

  it('random JSON bodies for POST /api/tickets: always a 4xx error body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        expectClientError(await send('POST', TICKETS, 'kiosk', { raw: JSON.stringify(value) ?? 'null', headers: JSON_TYPE }));
      }),
      { numRuns: 200 },
    );
    await expectUnharmed();
  });

  it('random raw bytes for POST /api/tickets: always a 4xx error body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), async (bytes) => {
        expectClientError(await send('POST', TICKETS, 'kiosk', { raw: Buffer.from(bytes), headers: JSON_TYPE }));
      }),
      { numRuns: 100 },
    );
    await expectUnharmed();
  });

  it('random JSON bodies for transfer: always a 4xx error body, the ticket stays put', async () => {
    const known = new Set(['tu-phap', 'visa', 'y-te', 'ngoai-vu']);
    const body = fc.oneof(
      fc.jsonValue(),
      // Close to valid: only the target service is random (never a real one).
      fc.record({ toServiceId: fc.oneof(fc.string(), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,47}$/)).filter((s) => !known.has(s)) }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (value) => {
        expectClientError(await send('POST', counterPath('transfer'), 'counter', { json: value }));
      }),
      { numRuns: 200 },
    );
    await expectUnharmed();
  });

  it('near-valid random issue requests: 201 with a valid ticket or a 4xx, and one row per accepted ticket', async () => {
    const rowsBefore = readTickets(t.dataDir).length;
    const accepted = new Set<number>();
    const request = fc.record(
      {
        // Weighted towards real services so that a fair share of the runs is accepted.
        serviceId: fc.oneof({ arbitrary: fc.constantFrom('tu-phap', 'visa', 'y-te', 'ngoai-vu', 'khong-co'), weight: 3 }, { arbitrary: fc.string(), weight: 1 }),
        requestId: fc.oneof(fc.string({ maxLength: 140 }), fc.stringMatching(/^[\w.:-]{6,130}$/)),
        // undefined drops the key from the JSON.
        priority: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, fc.constantFrom('nguoi-cao-tuoi', 'vip'), fc.jsonValue()),
        extra: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, fc.jsonValue()),
      },
      { requiredKeys: ['serviceId', 'requestId'] },
    );
    await fc.assert(
      fc.asyncProperty(request, async (value) => {
        const response = await send('POST', TICKETS, 'kiosk', { json: value });
        if (response.status === 201) accepted.add(issuedTicketSchema.parse(response.body).id);
        else expectClientError(response);
      }),
      { numRuns: 200 },
    );
    expect(accepted.size, 'the generator should produce some valid requests').toBeGreaterThan(0);
    // A repeated requestId returns the same ticket, so rows grow by distinct tickets only.
    expect(readTickets(t.dataDir).length - rowsBefore).toBe(accepted.size);
    before = snapshotQueueTables(t.dataDir);
    await expectUnharmed();
  });
});

describe('malformed socket events', () => {
  let t: TestHub;
  let display: TestSocket;

  beforeAll(async () => {
    t = await startTestHub({ config: smallCenter() });
    display = await TestSocket.connect(t.url, t.tokens.display);
  });
  afterAll(async () => {
    display.close();
    expect(t.logs).toEqual([]);
    await t.stop();
  });

  const BAD_PAYLOADS: [string, unknown][] = [
    ['a number', 42],
    ['a string', 'gap'],
    ['null', null],
    ['an array', ['gap']],
    ['an unknown reason', { reason: 'because' }],
    ['an unknown field', { reason: 'gap', since: 10 }],
    ['a deep object', { reason: { reason: { reason: 'gap' } } }],
  ];

  it.each(BAD_PAYLOADS)('state:request with %s → an error event, and the socket keeps working', async (_label, payload) => {
    const mark = display.mark();
    display.socket.emit('state:request', payload as never);
    const error = await display.waitForEvent('error', () => true, mark);
    expect(error.payload).toMatchObject({ code: 'VALIDATION' });
    expect(display.socket.connected).toBe(true);
    const snapshot = await display.sync();
    expect(snapshot.seq).toBe(display.initialState.seq);
  });

  it('state:request without a payload is valid', async () => {
    const mark = display.mark();
    display.socket.emit('state:request');
    await display.waitForEvent('state', () => true, mark);
    expect(display.since(mark, 'error')).toEqual([]);
  });

  it('events the hub does not know are ignored', async () => {
    const mark = display.mark();
    (display.socket.emit as (event: string, ...args: unknown[]) => void)('ticket:called', { number: '60001' });
    (display.socket.emit as (event: string, ...args: unknown[]) => void)('admin:reset', 1, 2, 3);
    await display.sync();
    expect(display.since(mark).map((e) => e.name)).toEqual(['state']);
    expect(display.socket.connected).toBe(true);
  });

  it('a message over 64 KB closes only that socket; the hub keeps serving everyone else', async () => {
    const victim = await TestSocket.connect(t.url, t.tokens.display);
    const closed = new Promise<string>((resolve) => victim.socket.once('disconnect', resolve));
    victim.socket.emit('state:request', { reason: 'x'.repeat(MAX_BODY_BYTES + 1) } as never);
    expect(await closed).toMatch(/transport (close|error)/);
    victim.close();

    expect(display.socket.connected).toBe(true);
    await display.sync();
    expect((await t.request('GET', '/api/health')).status).toBe(200);
    expect((await t.issue('tu-phap')).status).toBe(201);
    await display.waitForEvent('queue:changed');
  });
});
