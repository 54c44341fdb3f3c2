import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connectSocket } from 'socket.io-client';
import { stateSnapshotSchema } from '@layso/shared';
import { fingerprintOfPem, isPinnedChain } from '@layso/electron-shell';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type Hub } from '../app/create-hub.js';
import { http } from '../testing/http-client.js';
import { httpsRequest } from '../testing/https-client.js';
import { makeSelfSignedCertificate, presentedFingerprint } from '../testing/test-certificates.js';

const MAKE_LAN_CERT = fileURLToPath(new URL('../../deploy/linux/make-lan-cert.sh', import.meta.url));

describe('the LAN over HTTPS with the center\'s own certificate', { timeout: 30_000 }, () => {
  let dir: string;
  let hub: Hub;
  let output: string;
  let ca: string;
  let kioskToken: string;
  const tls = () => join(dir, 'stage/etc/layso/lan-tls');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layso-lan-tls-'));
    output = execFileSync('bash', [MAKE_LAN_CERT, '127.0.0.1', 'hub.local'], { env: { PATH: '/usr/bin:/bin', LAYSO_ROOT: join(dir, 'stage') }, encoding: 'utf8' });
    ca = readFileSync(join(tls(), 'ca.crt'), 'utf8');
    hub = await startHub({
      dataDir: join(dir, 'data'),
      port: 0,
      host: '127.0.0.1',
      lanHttps: { port: 0, host: '127.0.0.1', tlsCert: join(tls(), 'hub.crt'), tlsKey: join(tls(), 'hub.key') },
      webRoots: { kiosk: join(dir, 'no-web'), counterDisplay: join(dir, 'no-web') },
      log: () => {},
    });
    kioskToken = hub.devices.create('kiosk', { name: 'kiosk' }).token;
  });
  afterAll(async () => {
    await hub?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the install script prints the CA fingerprint the devices pin, and a hub certificate signed by that CA', () => {
    const caFingerprint = new X509Certificate(ca).fingerprint256;
    expect(output).toContain(caFingerprint);
    expect(output).toContain('LAYSO_LAN_TLS_CERT=/etc/layso/lan-tls/hub.crt');
    const leaf = new X509Certificate(readFileSync(join(tls(), 'hub.crt')));
    expect(leaf.checkIssued(new X509Certificate(ca))).toBe(true);
    expect(leaf.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(leaf.checkHost('hub.local')).toBe('hub.local');
  });

  it('serves the same API over HTTPS as over plain HTTP, trusted through the center CA only', async () => {
    const secure = await httpsRequest(hub.lanHttps!.url, 'GET', '/api/catalog', { ca });
    const plain = await http(hub.url, 'GET', '/api/catalog');
    expect(secure.status).toBe(200);
    expect(secure.body).toEqual(plain.body);
    const device = await httpsRequest(hub.lanHttps!.url, 'GET', '/api/device', { ca, headers: { authorization: `Bearer ${kioskToken}` } });
    expect(device).toMatchObject({ status: 200, body: { role: 'kiosk' } });
    // Without the center's CA the certificate is not trusted.
    await expect(httpsRequest(hub.lanHttps!.url, 'GET', '/api/catalog', { ca: makeSelfSignedCertificate(dir, 'stranger').cert })).rejects.toThrow();
  });

  it('serves the hub\'s socket.io over WSS, the same server as on plain HTTP', async () => {
    const socket = connectSocket(hub.lanHttps!.url, { auth: { token: kioskToken }, transports: ['websocket'], ca, reconnection: false });
    try {
      const snapshot = await new Promise<unknown>((resolve, reject) => {
        socket.once('connect_error', reject);
        socket.onAny((event: string, payload: unknown) => {
          if (event === 'state') resolve(payload);
        });
      });
      expect(stateSnapshotSchema.safeParse(snapshot).success).toBe(true);
    } finally {
      socket.close();
    }
  });

  it('presents a certificate the shells\' pin accepts for the hub address and refuses for another', async () => {
    const presented = await presentedFingerprint(hub.lanHttps!.port);
    const leafPem = readFileSync(join(tls(), 'hub.crt'), 'utf8').split(/(?<=-----END CERTIFICATE-----)\n?/)[0]!;
    expect(presented).toBe(fingerprintOfPem(leafPem));
    const request = { hostname: '127.0.0.1', certificate: { data: leafPem, issuerCert: { data: ca } } };
    expect(isPinnedChain(request, [fingerprintOfPem(ca)])).toBe(true);
    expect(isPinnedChain({ ...request, hostname: '10.0.0.9' }, [fingerprintOfPem(ca)])).toBe(false);
  });

  it('reports the LAN listener in /api/health (the admin console warns when it is missing)', async () => {
    const health = await http(hub.url, 'GET', '/api/health');
    expect(health.body).toMatchObject({ lanTls: { port: hub.lanHttps!.port, fingerprint256: await presentedFingerprint(hub.lanHttps!.port) } });
  });
});
