import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CERT_ACCEPT, CERT_REJECT, CERT_USE_CHROMIUM, fingerprintOfPem, isPinnedChain, normalizeFingerprint, pinnedCertificateVerifier } from './certificate-pin.js';

// Real certificates made by openssl: the center's CA, the hub's certificate it signs,
// and an attacker's CA and certificate for the same address.
let dir: string;
const pem: Record<string, string> = {};
function openssl(...args: string[]) {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}
function makeCa(name: string) {
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.pem`, '-days', '30', '-subj', `/CN=${name}`);
  pem[name] = readFileSync(join(dir, `${name}.pem`), 'utf8');
}
function makeLeaf(name: string, ca: string, san: string) {
  writeFileSync(join(dir, `${name}.ext`), `subjectAltName=${san}\nbasicConstraints=CA:FALSE\n`);
  openssl('req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
  openssl('x509', '-req', '-in', `${name}.csr`, '-CA', `${ca}.pem`, '-CAkey', `${ca}.key`, '-CAcreateserial', '-out', `${name}.pem`, '-days', '10', '-extfile', `${name}.ext`);
  pem[name] = readFileSync(join(dir, `${name}.pem`), 'utf8');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'layso-pin-'));
  makeCa('center-ca');
  makeCa('evil-ca');
  makeLeaf('hub', 'center-ca', 'IP:192.168.1.10');
  makeLeaf('evil-hub', 'evil-ca', 'IP:192.168.1.10');
  makeLeaf('forged', 'evil-ca', 'IP:192.168.1.10');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const chain = (leaf: string, ca: string) => ({ hostname: '192.168.1.10', certificate: { data: pem[leaf]!, issuerCert: { data: pem[ca]! } } });

describe('certificate pinning', () => {
  it('reads fingerprints in the forms openssl and people write them', () => {
    const fp = fingerprintOfPem(pem['center-ca']!);
    expect(normalizeFingerprint(fp.toLowerCase())).toBe(fp);
    expect(normalizeFingerprint(`sha256 Fingerprint=${fp}`.replace('sha256 Fingerprint=', 'SHA256:'))).toBe(fp);
    expect(normalizeFingerprint(fp.replaceAll(':', ''))).toBe(fp);
    expect(normalizeFingerprint('12:34')).toBeNull();
  });

  it('accepts the hub certificate signed by the pinned center CA, or pinned itself', () => {
    expect(isPinnedChain(chain('hub', 'center-ca'), [fingerprintOfPem(pem['center-ca']!)])).toBe(true);
    expect(isPinnedChain({ hostname: '192.168.1.10', certificate: { data: pem.hub! } }, [fingerprintOfPem(pem.hub!)])).toBe(true);
  });

  it('refuses another certificate for the same address', () => {
    const pins = [fingerprintOfPem(pem['center-ca']!)];
    expect(isPinnedChain(chain('evil-hub', 'evil-ca'), pins)).toBe(false);
    // The attacker sends the center CA as "issuer" of a certificate it did not sign.
    expect(isPinnedChain(chain('forged', 'center-ca'), pins)).toBe(false);
  });

  it('refuses the pinned certificate for another host or once expired', () => {
    const pins = [fingerprintOfPem(pem['center-ca']!)];
    expect(isPinnedChain({ ...chain('hub', 'center-ca'), hostname: '192.168.1.11' }, pins)).toBe(false);
    expect(isPinnedChain(chain('hub', 'center-ca'), pins, Date.now() + 20 * 86_400_000)).toBe(false);
  });

  it('decides for the hub host only, and leaves other hosts to Chromium', () => {
    const results: number[] = [];
    const verify = pinnedCertificateVerifier(() => ({ hostname: '192.168.1.10', fingerprints: [fingerprintOfPem(pem['center-ca']!)] }));
    verify(chain('hub', 'center-ca'), (r) => results.push(r));
    verify(chain('evil-hub', 'evil-ca'), (r) => results.push(r));
    verify({ ...chain('evil-hub', 'evil-ca'), hostname: 'portal.gov.vn' }, (r) => results.push(r));
    pinnedCertificateVerifier(() => null)(chain('hub', 'center-ca'), (r) => results.push(r));
    expect(results).toEqual([CERT_ACCEPT, CERT_REJECT, CERT_USE_CHROMIUM, CERT_USE_CHROMIUM]);
  });
});
