import { mkdtempSync, rmSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { centerConfigSchema, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@layso/shared';
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../app/create-hub.js';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { makeSelfSignedCertificate, type TestCertificate } from '../testing/test-certificates.js';
import { signRequest } from '../portal/request-signature.js';
import { http } from '../testing/http-client.js';

const SECRET = 'portal-shared-secret-for-tests-0123456789';

interface RawAnswer {
  /** The status line's code, or null when the hub closed without answering. */
  status: number | null;
  head: string;
  body: string;
  /** Whether the hub neither answered nor closed within the wait. */
  hung: boolean;
}

/**
 * One request written byte for byte on a fresh connection (plain TCP or TLS), so no
 * client library normalises the path. Reads until the hub closes or the wait ends.
 */
function rawRequest(target: { port: number; ca?: string }, bytes: string | Buffer, waitMs = 3_000): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = target.ca ? tlsConnect({ host: '127.0.0.1', port: target.port, ca: target.ca, servername: undefined }) : tcpConnect({ host: '127.0.0.1', port: target.port });
    const chunks: Buffer[] = [];
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      socket.destroy();
    }, waitMs);
    socket.on(target.ca ? 'secureConnect' : 'connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A reset after the answer was read is the hub closing the connection: the answer counts.
      if (error.code !== 'ECONNRESET') reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n', 2);
      const status = /^HTTP\/1\.1 (\d{3})/.exec(head);
      resolve({ status: status ? Number(status[1]) : null, head, body, hung });
    });
  });
}

function requestBytes(method: string, target: string, headers: Record<string, string> = {}, body = ''): string {
  const lines = [`${method} ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  if (body !== '') lines.push('Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

/**
 * Paths that mean one thing to one part of the hub and another to the next: dot
 * segments (plain and encoded), encoded or back slashes, empty segments, NUL, and a
 * request target that is not a plain path. Each must be refused before anyone reads it.
 */
const CONFUSING_TARGETS: { method: string; target: string; body?: 'ticket' | 'booking'; upgrade?: boolean }[] = [
  { method: 'GET', target: '/socket.io/%2e%2e/?EIO=4&transport=polling' },
  { method: 'GET', target: '/socket.io/%2E%2E/?EIO=4&transport=polling' },
  { method: 'GET', target: '/socket.io/../?EIO=4&transport=polling' },
  { method: 'GET', target: '/socket.io/./?EIO=4&transport=polling' },
  { method: 'GET', target: '/socket.io//?EIO=4&transport=polling' },
  { method: 'POST', target: '/socket.io/../api/tickets', body: 'ticket' },
  { method: 'POST', target: '/socket.io/%2e%2e/api/tickets', body: 'ticket' },
  { method: 'POST', target: '/kiosk/../api/tickets', body: 'ticket' },
  { method: 'POST', target: '/api/x/../tickets', body: 'ticket' },
  { method: 'POST', target: '/api//tickets', body: 'ticket' },
  { method: 'POST', target: '/api/tickets%2f', body: 'ticket' },
  { method: 'GET', target: '/api/../socket.io/' },
  { method: 'GET', target: '/api/../socket.io/?EIO=4&transport=polling' },
  { method: 'GET', target: '/api/%2e%2e/socket.io/?EIO=4&transport=polling' },
  { method: 'GET', target: '/api//portal/catalog' },
  { method: 'POST', target: '/api//portal/bookings', body: 'booking' },
  { method: 'GET', target: '//api/portal/catalog' },
  { method: 'GET', target: '/api/./portal/catalog' },
  { method: 'GET', target: '/api/portal/../health' },
  { method: 'GET', target: '/api/health/..' },
  { method: 'GET', target: '/api%2fhealth' },
  { method: 'GET', target: '/api%2Fportal%2Fcatalog' },
  { method: 'GET', target: '/api%5chealth' },
  { method: 'GET', target: '/api\\health' },
  { method: 'GET', target: '/api/health%00' },
  { method: 'GET', target: '/kiosk/%2e%2e/%2e%2e/package.json' },
  { method: 'GET', target: '/kiosk/..%2f..%2fpackage.json' },
  { method: 'GET', target: '/kiosk/..%5c..%5cpackage.json' },
  { method: 'GET', target: '/%2e%2e/' },
  { method: 'GET', target: 'http://127.0.0.1/api/../socket.io/?EIO=4&transport=polling' },
  { method: 'GET', target: '/api/../socket.io/?EIO=4&transport=websocket', upgrade: true },
  { method: 'GET', target: '/socket.io/%2e/?EIO=4&transport=websocket', upgrade: true },
];

describe('one canonical path decides who owns a request (plain LAN and TLS portal listeners)', { timeout: 60_000 }, () => {
  let dir: string;
  let hub: Hub;
  let tls: TestCertificate;
  let kioskToken: string;
  let portalToken: string;
  const logs: string[] = [];

  const countTickets = () => (hub.db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;

  function headersFor(entry: (typeof CONFUSING_TARGETS)[number], body: string): Record<string, string> {
    if (entry.upgrade) return { Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13' };
    if (entry.body === 'ticket') return { Authorization: `Bearer ${kioskToken}` };
    // A correctly signed portal request: only the path decides whether it is served.
    const timestamp = String(Date.now());
    return { Authorization: `Bearer ${portalToken}`, [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signRequest(SECRET, timestamp, entry.method, entry.target, body) };
  }

  function bodyFor(entry: (typeof CONFUSING_TARGETS)[number], i: number): string {
    if (entry.body === 'ticket') return JSON.stringify({ serviceId: 'cong-an-xnc', requestId: `confusion-${i}-${Date.now()}` });
    if (entry.body === 'booking') return JSON.stringify({ serviceId: 'cong-an-xnc', bookingRef: `B-${i}`, fullName: 'Nguyễn Văn A', phone: '0901234567' });
    return '';
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layso-paths-'));
    tls = makeSelfSignedCertificate(dir, 'paths');
    hub = await startHub({
      dataDir: join(dir, 'data'),
      port: 0,
      host: '127.0.0.1',
      config: centerConfigSchema.parse({ ...DEMO_CENTER, portal: { mode: 'push', secret: SECRET } }),
      portal: { port: 0, host: '127.0.0.1', tlsCert: join(dir, 'paths.crt'), tlsKey: join(dir, 'paths.key') },
      webRoots: { kiosk: join(dir, 'no-web'), counterDisplay: join(dir, 'no-web') },
      log: (message, error) => logs.push(`${message} ${error instanceof Error ? error.message : (error ?? '')}`),
    });
    kioskToken = hub.devices.create('kiosk', { name: 'kiosk' }).token;
    portalToken = hub.devices.create('portal', { name: 'portal' }).token;
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const listener of ['plain', 'tls'] as const) {
    it(`refuses every confusing path with 400 on the ${listener} listener, issues no ticket, and keeps serving`, async () => {
      const target = listener === 'plain' ? { port: hub.port } : { port: hub.portal!.port, ca: tls.cert };
      const ticketsBefore = countTickets();
      const wrong: string[] = [];
      for (const [i, entry] of CONFUSING_TARGETS.entries()) {
        const body = bodyFor(entry, i);
        const answer = await rawRequest(target, requestBytes(entry.method, entry.target, headersFor(entry, body), body));
        // The hub's own refusal: 400 with its error body (a 400 from engine.io or the router does not count).
        const refusedByHub = answer.status === 400 && (entry.upgrade || /^\{"error":\{"code":"VALIDATION","message":"refused request path: /.test(answer.body));
        if (!refusedByHub) wrong.push(`${entry.method} ${entry.target}: ${answer.hung ? 'never answered' : (answer.status ?? 'closed without an answer')} ${answer.body.slice(0, 100)}`);
      }
      expect(wrong).toEqual([]);
      // A NUL byte in the request line: Node's parser refuses it before any listener.
      const nul = await rawRequest(target, Buffer.concat([Buffer.from('GET /api/health'), Buffer.from([0]), Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')]));
      expect(nul.status).toBe(400);
      expect(countTickets()).toBe(ticketsBefore);

      // Still serving: health on both listeners, and a ticket through the canonical path.
      expect((await http(hub.url, 'GET', '/api/health')).status).toBe(200);
      const health = await rawRequest({ port: hub.portal!.port, ca: tls.cert }, requestBytes('GET', '/api/health'));
      expect(health.status).toBe(200);
      const issued = await http(hub.url, 'POST', '/api/tickets', { token: kioskToken, json: { serviceId: 'cong-an-xnc', requestId: `after-${listener}-${Date.now()}` } });
      expect(issued.status, issued.text).toBe(201);
      expect(countTickets()).toBe(ticketsBefore + 1);
      expect(logs.filter((line) => /unexpected|uncaught/i.test(line))).toEqual([]);
    });
  }

  it('still answers socket.io on its canonical path, over long-polling and websocket alike', async () => {
    for (const transports of [['polling'], ['websocket']] as const) {
      const socket = connectSocket(hub.url, { transports: [...transports], auth: { token: kioskToken }, reconnection: false, forceNew: true });
      try {
        const snapshot = await new Promise<unknown>((resolve, reject) => {
          socket.once('state', resolve);
          socket.once('connect_error', reject);
          setTimeout(() => reject(new Error(`no snapshot over ${transports[0]}`)), 10_000);
        });
        expect(snapshot).toBeTruthy();
      } finally {
        socket.close();
      }
    }
  });

  it('refuses the portal API over plain HTTP however the path is spelled, and keeps LAN routes off the TLS listener', async () => {
    const plain = await rawRequest({ port: hub.port }, requestBytes('GET', '/api/portal/catalog'));
    expect(plain.status).toBe(403);
    const lanOnTls = await rawRequest({ port: hub.portal!.port, ca: tls.cert }, requestBytes('GET', '/api/catalog'));
    expect(lanOnTls.status).toBe(404);
    const socketOnTls = await rawRequest({ port: hub.portal!.port, ca: tls.cert }, requestBytes('GET', '/socket.io/?EIO=4&transport=polling'));
    expect(socketOnTls.status).toBe(404);
  });
});
