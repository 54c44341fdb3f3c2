import { mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSelfSignedCertificate, type TestCertificate } from '../testing/test-certificates.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';
import { DEFAULT_HTTP_TIMEOUTS, serverTimeoutOptions } from './server-timeouts.js';

/** Injected limits, small so the test is quick; the hub's own are 10 s / 30 s / 5 s. */
const TIMEOUTS = { headersMs: 400, requestMs: 800, keepAliveMs: 300 };

interface Trickle {
  /** What the hub wrote back before it closed the connection. */
  received: string;
  /** Whether the hub closed the connection before the client had sent everything. */
  cutEarly: boolean;
}

/**
 * Sends `head`, then `body` one byte every `everyMs`, as a client on a bad link (or
 * one holding sockets on purpose) would; resolves when the hub closes the connection.
 */
function trickle(open: () => { socket: Socket; ready: string }, head: string, body: string, everyMs: number): Promise<Trickle> {
  return new Promise((resolve) => {
    const { socket, ready } = open();
    const chunks: Buffer[] = [];
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    const start = () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent >= body.length || socket.destroyed) return clearInterval(timer);
        socket.write(body[sent++]!);
      }, everyMs);
    };
    socket.once(ready, start);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ received: Buffer.concat(chunks).toString('utf8'), cutEarly: sent < body.length });
    });
  });
}

describe('slow clients are cut (headers, request and keep-alive timeouts on both listeners)', { timeout: 60_000 }, () => {
  let dir: string;
  let tls: TestCertificate;
  let hub: TestHub;
  let kioskToken: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layso-timeouts-'));
    tls = makeSelfSignedCertificate(dir, 'timeouts');
    hub = await startTestHub({ httpTimeouts: TIMEOUTS, portal: { port: 0, host: '127.0.0.1', tlsCert: join(dir, 'timeouts.crt'), tlsKey: join(dir, 'timeouts.key') } });
    kioskToken = hub.token('kiosk');
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const plain = () => ({ socket: tcpConnect({ host: '127.0.0.1', port: hub.port }), ready: 'connect' });
  const secure = () => ({ socket: tlsConnect({ host: '127.0.0.1', port: hub.portal!.port, ca: tls.cert }), ready: 'secureConnect' });

  // 40 bytes at one per 100 ms: 4 s to send, five times the injected request timeout.
  const body = JSON.stringify({ serviceId: 'cong-an-xnc', requestId: 'slow-body-1' }).padEnd(40, ' ');
  const head = (path: string, token = kioskToken) => `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;

  it('a body that trickles in is cut with 408, on the LAN listener and the portal listener, and issues nothing', async () => {
    const tickets = () => (hub.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    const before = tickets();
    const lan = await trickle(plain, head('/api/tickets'), body, 100);
    expect(lan.cutEarly).toBe(true);
    expect(lan.received).toMatch(/^HTTP\/1\.1 408/);
    const portal = await trickle(secure, head('/api/portal/bookings', hub.devices.create('portal', { name: 'portal' }).token), body, 100);
    expect(portal.cutEarly).toBe(true);
    expect(portal.received).toMatch(/^HTTP\/1\.1 408/);
    expect(tickets()).toBe(before);
  });

  it('headers that trickle in are cut too', async () => {
    const headers = 'GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ' + 'a'.repeat(40) + '\r\n\r\n';
    const cut = await trickle(plain, '', headers, 100);
    expect(cut.cutEarly).toBe(true);
    expect(cut.received).toMatch(/^HTTP\/1\.1 408/);
  });

  it('an idle keep-alive connection is closed after the keep-alive timeout', async () => {
    const { socket } = plain();
    const received: string[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk.toString('utf8')));
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    // Generous (ten times the injected 300 ms) and still under the 5 s of Node and of the
    // hub's default: a connection open after 3 s was not closed by the injected limit.
    const closed = await Promise.race([
      new Promise<boolean>((resolve) => socket.once('close', () => resolve(true))),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000)),
    ]);
    socket.destroy();
    expect(received.join('')).toMatch(/^HTTP\/1\.1 200/);
    expect(closed).toBe(true);
  });

  it('a socket.io long-poll outlives the request timeout: only receiving the request is timed', async () => {
    const socket = connectSocket(hub.url, { transports: ['polling'], auth: { token: kioskToken }, reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('state', () => resolve());
        socket.once('connect_error', reject);
      });
      let dropped = false;
      socket.on('disconnect', () => (dropped = true));
      // Several request timeouts with a long-poll pending all along.
      await new Promise((resolve) => setTimeout(resolve, TIMEOUTS.requestMs * 3));
      expect(dropped).toBe(false);
      const fresh = new Promise<void>((resolve) => socket.once('state', () => resolve()));
      socket.emit('state:request');
      await fresh;
      expect(socket.connected).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('the hub\'s own limits: headers 10 s, request 30 s, keep-alive 5 s, checked every second', () => {
    expect(serverTimeoutOptions(DEFAULT_HTTP_TIMEOUTS)).toEqual({ headersTimeout: 10_000, requestTimeout: 30_000, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 });
  });
});
