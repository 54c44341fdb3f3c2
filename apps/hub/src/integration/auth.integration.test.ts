import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotQueueTables, type DbSnapshot } from '../testing/db-snapshot.js';
import { expectError, type HttpOptions } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { ACTING_COUNTER, PROTECTED_ENDPOINTS, seedBusyQueue, type ProtectedEndpoint } from '../testing/protected-endpoints.js';
import { connectRefused } from '../testing/socket-client.js';
import { smallCenter } from '../testing/integration-centers.js';

function call(t: TestHub, endpoint: ProtectedEndpoint, options: HttpOptions) {
  const body = endpoint.body?.();
  return t.request(endpoint.method, endpoint.path, { ...(body === undefined ? {} : { json: body }), ...options });
}

/** One way of presenting credentials, and the refusal it must get. */
interface Credential {
  label: string;
  /** The Authorization header value, or undefined for none. */
  header(t: TestHub): string | undefined;
}

const MISSING_OR_BAD: Credential[] = [
  { label: 'no Authorization header', header: () => undefined },
  { label: 'Basic scheme', header: () => `Basic ${Buffer.from('admin:admin').toString('base64')}` },
  { label: 'Bearer without a token', header: () => 'Bearer' },
  { label: 'Bearer with two spaces', header: (t) => `Bearer  ${t.tokens.admin}` },
  { label: 'a valid admin token with trailing junk', header: (t) => `Bearer ${t.tokens.admin} x` },
  { label: 'characters a token never has', header: () => 'Bearer lys_<script>é' },
  { label: 'a 300-character token', header: () => `Bearer lys_${'A'.repeat(296)}` },
  { label: 'an unknown well-formed token', header: () => 'Bearer lys_0123456789abcdefghijABCDEFGHIJ0123456789abc' },
  {
    label: 'a revoked admin token',
    header: (t) => {
      const revoked = t.createToken('admin');
      t.devices.revoke(revoked.deviceId);
      return `Bearer ${revoked.token}`;
    },
  },
];

/**
 * Starts a hub in a busy state and takes a snapshot of its queue tables; the last
 * test of the block checks the refused requests left them exactly as they were.
 * Each block gets its own hub: the failure limiter (30 bad tokens a minute per
 * IP) would otherwise turn the later rows of the matrix into 429s. It is tested
 * on its own below.
 */
function busyHubPerBlock() {
  const state = {} as { t: TestHub; before: DbSnapshot };
  beforeAll(async () => {
    state.t = await startTestHub({ config: smallCenter() });
    await seedBusyQueue(state.t);
    state.before = snapshotQueueTables(state.t.dataDir);
  });
  afterAll(async () => {
    expect(state.t.logs).toEqual([]);
    await state.t.stop();
  });
  return state;
}

describe.each(MISSING_OR_BAD)('$label → 401 UNAUTHENTICATED', (credential) => {
  const state = busyHubPerBlock();

  it.each(PROTECTED_ENDPOINTS)('$method $path', async (endpoint) => {
    const header = credential.header(state.t);
    const response = await call(state.t, endpoint, header === undefined ? {} : { headers: { authorization: header } });
    expectError(response, 401, 'UNAUTHENTICATED');
  });

  it('changed nothing in the database', () => {
    expect(snapshotQueueTables(state.t.dataDir)).toEqual(state.before);
  });
});

describe('a valid token of the wrong role → 403 FORBIDDEN', () => {
  const state = busyHubPerBlock();
  const cases = PROTECTED_ENDPOINTS.flatMap((endpoint) =>
    (['kiosk', 'counter', 'display', 'portal'] as const)
      .filter((role) => !endpoint.roles.includes(role))
      .map((role) => ({ role, endpoint, label: `${role} on ${endpoint.method} ${endpoint.path}` })),
  );

  it.each(cases)('$label', async ({ role, endpoint }) => {
    const { tokens } = state.t;
    const token = role === 'counter' ? tokens.counter[ACTING_COUNTER]! : tokens[role];
    const error = expectError(await call(state.t, endpoint, { token }), 403, 'FORBIDDEN');
    expect(error.error.message).toContain(role);
  });

  it.each(PROTECTED_ENDPOINTS.filter((e) => e.roles.includes('counter')))('counter 87 acting on counter 60: $method $path', async (endpoint) => {
    const error = expectError(await call(state.t, endpoint, { token: state.t.tokens.counter[87] }), 403, 'FORBIDDEN');
    expect(error.error.message).toContain('87');
  });

  it('a counter token cannot reach its own counter through another spelling of the number', async () => {
    // The ownership check compares the raw path segment; "060" would coerce to 60.
    for (const spelling of ['060', '60.0', '0x3C', '6e1']) {
      expectError(await state.t.request('POST', `/api/counters/${spelling}/next`, { token: state.t.tokens.counter[ACTING_COUNTER] }), 403, 'FORBIDDEN');
    }
  });

  it('changed nothing in the database', () => {
    expect(snapshotQueueTables(state.t.dataDir)).toEqual(state.before);
  });
});

describe('the right tokens pass (control for the matrix above)', () => {
  const state = busyHubPerBlock();

  it.each(PROTECTED_ENDPOINTS)('$method $path', async (endpoint) => {
    for (const role of endpoint.roles) {
      const token = role === 'counter' ? state.t.tokens.counter[ACTING_COUNTER]! : state.t.tokens[role as 'kiosk' | 'admin'];
      const response = await call(state.t, endpoint, { token });
      // Authorization passed; the queue may still refuse (e.g. done with nobody served → 409).
      expect([200, 201, 409], `${role}: ${response.text}`).toContain(response.status);
    }
  });
});

describe('failed-authentication rate limit (30 per minute per IP)', () => {
  let t: TestHub;
  let before: DbSnapshot;
  const issue = PROTECTED_ENDPOINTS[0]!;
  const unknown = { headers: { authorization: 'Bearer lys_guessing0000000000000000000000000000000' } };

  beforeAll(async () => {
    t = await startTestHub({ config: smallCenter() });
    await seedBusyQueue(t);
    before = snapshotQueueTables(t.dataDir);
  });
  afterAll(async () => {
    expect(t.logs).toEqual([]);
    await t.stop();
  });

  it('answers 401 for the first 30 bad tokens, then 429 RATE_LIMITED', async () => {
    for (let i = 0; i < 30; i++) expectError(await call(t, issue, unknown), 401, 'UNAUTHENTICATED');
    expectError(await call(t, issue, unknown), 429, 'RATE_LIMITED');
  });

  it('while blocked, refuses a valid token from the same IP too', async () => {
    expectError(await call(t, issue, { token: t.tokens.kiosk }), 429, 'RATE_LIMITED');
    expectError(await t.counterCommand(ACTING_COUNTER, 'next'), 429, 'RATE_LIMITED');
    // Any request that carries a token is refused, even on a public endpoint ...
    expectError(await t.request('GET', '/api/health', { token: t.tokens.display }), 429, 'RATE_LIMITED');
  });

  it('while blocked, requests without a token are not rate limited', async () => {
    // ... but the limiter is only consulted when a token is presented.
    expect((await t.request('GET', '/api/health')).status).toBe(200);
    expect((await t.request('GET', '/api/catalog')).status).toBe(200);
    expectError(await call(t, issue, {}), 401, 'UNAUTHENTICATED');
  });

  it('blocks per source IP: another loopback address is still served', async () => {
    const response = await call(t, issue, { token: t.tokens.kiosk, localAddress: '127.0.0.2' });
    expect(response.status, response.text).toBe(201);
    before = snapshotQueueTables(t.dataDir);
  });

  it('limits socket.io handshakes from the blocked IP too, even with a valid token', async () => {
    expect((await connectRefused(t.url, 'lys_guess')).message).toBe('RATE_LIMITED');
    expect((await connectRefused(t.url, t.tokens.display)).message).toBe('RATE_LIMITED');
  });

  it('changed nothing in the database while refusing', () => {
    expect(snapshotQueueTables(t.dataDir)).toEqual(before);
  });
});

describe('the Authorization scheme name', () => {
  it('is case-insensitive, as HTTP says', async () => {
    const t = await startTestHub({ config: smallCenter() });
    try {
      const response = await call(t, PROTECTED_ENDPOINTS[0]!, { headers: { authorization: `bearer ${t.tokens.kiosk}` } });
      expect(response.status, response.text).toBe(201);
    } finally {
      await t.stop();
    }
  });
});
