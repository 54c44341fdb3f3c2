import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { centerConfigSchema, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@layso/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../app/create-hub.js';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { signRequest } from '../portal/request-signature.js';
import { expectError, http } from '../testing/http-client.js';
import { resolveHubSettings } from './hub-settings.js';
import { httpsRequest } from '../testing/https-client.js';
import { makeSelfSignedCertificate, presentedFingerprint, replaceFile, type TestCertificate } from '../testing/test-certificates.js';

const SECRET = 'portal-shared-secret-for-tests-0123456789';

describe('the portal listener over HTTPS', { timeout: 30_000 }, () => {
  let dir: string;
  let hub: Hub;
  let first: ReturnType<typeof makeSelfSignedCertificate>;
  let portalToken: string;
  const logs: string[] = [];

  /** A signed portal request, as the provincial portal sends it. */
  function portalHeaders(method: string, path: string): Record<string, string> {
    const timestamp = String(Date.now());
    return { authorization: `Bearer ${portalToken}`, [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signRequest(SECRET, timestamp, method, path, '') };
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layso-tls-'));
    first = makeSelfSignedCertificate(dir, 'first');
    hub = await startHub({
      dataDir: join(dir, 'data'),
      port: 0,
      host: '127.0.0.1',
      config: centerConfigSchema.parse({ ...DEMO_CENTER, portal: { mode: 'push', secret: SECRET } }),
      portal: { port: 0, host: '127.0.0.1', tlsCert: first.certFile, tlsKey: first.keyFile },
      webRoots: { kiosk: join(dir, 'no-web'), counterDisplay: join(dir, 'no-web') },
      log: (message, error) => logs.push(`${message} ${error instanceof Error ? error.message : (error ?? '')}`),
    });
    portalToken = hub.devices.create('portal', { name: 'portal' }).token;
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers the signed portal API over HTTPS, and refuses it over the LAN\'s plain HTTP with 403', async () => {
    const path = '/api/portal/catalog';
    const secure = await httpsRequest(hub.portal!.url, 'GET', path, { ca: first.cert, headers: portalHeaders('GET', path) });
    expect(secure.status, secure.text).toBe(200);
    expect(secure.body).toMatchObject({ areas: expect.any(Array) });

    const plain = await http(hub.url, 'GET', path, { headers: portalHeaders('GET', path) });
    const refused = expectError(plain, 403, 'FORBIDDEN');
    expect(refused.error.message).toBe(`the portal API is served over HTTPS only on this hub (port ${hub.portal!.port}); plain HTTP is refused`);
  });

  it('keeps the LAN devices on HTTP, and serves only the portal API and health over HTTPS', async () => {
    expect((await http(hub.url, 'GET', '/api/catalog')).status).toBe(200);
    const lanOnly = await httpsRequest(hub.portal!.url, 'GET', '/api/catalog', { ca: first.cert });
    expect(lanOnly.status).toBe(404);
    expect(lanOnly.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const health = await httpsRequest(hub.portal!.url, 'GET', '/api/health', { ca: first.cert });
    expect(health.body).toMatchObject({ ok: true, portalTls: { fingerprint256: first.fingerprint256 } });
  });

  it('presents a renewed certificate on the next handshake, without a restart', async () => {
    expect(await presentedFingerprint(hub.portal!.port)).toBe(first.fingerprint256);
    const renewed: TestCertificate = makeSelfSignedCertificate(dir, 'renewed');
    // As certbot or an administrator would: new files renamed over the configured ones.
    replaceFile(first.keyFile, renewed.key);
    replaceFile(first.certFile, renewed.cert);
    // The folder watch picks the change up by itself; wait for the handshake to show it.
    while ((await presentedFingerprint(hub.portal!.port)) !== renewed.fingerprint256) await new Promise((resolve) => setTimeout(resolve, 25));
    const health = await httpsRequest(hub.portal!.url, 'GET', '/api/health', { ca: renewed.cert });
    expect(health.body).toMatchObject({ portalTls: { fingerprint256: renewed.fingerprint256 } });
    expect(logs.join('\n')).toMatch(/TLS certificate reloaded: .*CN=layso test renewed/);
  });

  it('keeps the current certificate when the files on disk are not a usable pair', async () => {
    const current = await presentedFingerprint(hub.portal!.port);
    const other = makeSelfSignedCertificate(dir, 'other');
    replaceFile(first.certFile, other.cert); // the certificate without its key: a renewal half done
    hub.reloadTls();
    expect(await presentedFingerprint(hub.portal!.port)).toBe(current);
    replaceFile(first.keyFile, other.key);
    hub.reloadTls();
    expect(await presentedFingerprint(hub.portal!.port)).toBe(other.fingerprint256);
  });

  it('refuses at start a certificate and key that do not belong together, naming both files', () => {
    const a = makeSelfSignedCertificate(dir, 'a');
    const b = makeSelfSignedCertificate(dir, 'b');
    const result = resolveHubSettings({ flags: { data: dir, 'tls-cert': a.certFile, 'tls-key': b.keyFile }, env: {}, cwd: dir });
    expect(result).toEqual({ ok: false, problems: [expect.stringMatching(new RegExp(`^the TLS certificate ${a.certFile} and key ${b.keyFile} are not a usable pair: .*`))] });
  });
});
