import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawExchange, http, type HttpResponse } from '../testing/http-client.js';
import { startTestHub, type TestHub } from '../testing/start-test-hub.js';

const BOOT_STYLE = 'html,body{background:#061a33}';
const INDEX = `<!doctype html><html><head><style>${BOOT_STYLE}</style><script type="module" src="/kiosk/assets/index-CPbibmHF.js"></script></head><body></body></html>`;

function expectSecurityHeaders(response: Pick<HttpResponse, 'headers'>, what: string): void {
  expect(response.headers['content-security-policy'], what).toMatch(/frame-ancestors 'none'/);
  expect(response.headers['content-security-policy'], what).toMatch(/default-src 'self'/);
  expect(response.headers['content-security-policy'], what).not.toMatch(/unsafe-(inline|eval)/);
  expect(response.headers['x-content-type-options'], what).toBe('nosniff');
  expect(response.headers['referrer-policy'], what).toBe('no-referrer');
  expect(response.headers['x-frame-options'], what).toBe('DENY');
}

describe('security headers on every answer', { timeout: 30_000 }, () => {
  let dir: string;
  let hub: TestHub;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layso-headers-'));
    mkdirSync(join(dir, 'kiosk/assets'), { recursive: true });
    writeFileSync(join(dir, 'kiosk/index.html'), INDEX);
    writeFileSync(join(dir, 'kiosk/assets/index-CPbibmHF.js'), 'export {}');
    hub = await startTestHub({ webRoots: { kiosk: join(dir, 'kiosk'), counterDisplay: join(dir, 'none') } });
  });
  afterAll(async () => {
    await hub?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('API answers, errors, refusals, assets, socket.io polling and the 503 of an unbuilt page carry them', async () => {
    const answers: [string, HttpResponse][] = [
      ['health', await http(hub.url, 'GET', '/api/health')],
      ['API 401', await http(hub.url, 'POST', '/api/tickets', { json: {} })],
      ['API 404', await http(hub.url, 'GET', '/api/nothing')],
      ['refused path', await http(hub.url, 'GET', '/api/%2e%2e/x')],
      ['asset', await http(hub.url, 'GET', '/kiosk/assets/index-CPbibmHF.js')],
      ['socket.io polling', await http(hub.url, 'GET', '/socket.io/?EIO=4&transport=polling')],
      ['unbuilt page', await http(hub.url, 'GET', '/board')],
    ];
    for (const [what, response] of answers) expectSecurityHeaders(response, what);
    expect(answers.find(([what]) => what === 'socket.io polling')![1].status).toBe(200);
  });

  it('a page\'s CSP allows its own inline style by hash and nothing else inline', async () => {
    const page = await http(hub.url, 'GET', '/kiosk/');
    expectSecurityHeaders(page, 'kiosk page');
    const hash = createHash('sha256').update(BOOT_STYLE).digest('base64');
    expect(page.headers['content-security-policy']).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    // Revalidated (a reload): the 304 replaces the cached page's headers, so it carries the page's CSP too.
    const revalidated = await http(hub.url, 'GET', '/kiosk/', { headers: { 'if-none-match': page.headers.etag! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.headers['content-security-policy']).toBe(page.headers['content-security-policy']);
    const landing = await http(hub.url, 'GET', '/');
    expectSecurityHeaders(landing, 'landing page');
    expect(landing.headers['content-security-policy']).toMatch(/style-src 'self' 'sha256-/);
  });

  it('a refused websocket upgrade is answered and closed', async () => {
    const answer = await rawExchange(hub.url, 'GET /api/../socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
  });
});
