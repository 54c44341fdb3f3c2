/**
 * Pinning the center's own certificate. A hub serving the LAN pages over HTTPS uses a
 * certificate from the center's own CA (apps/hub/deploy/linux/make-lan-cert.sh), which
 * no operating system trusts; the shell trusts exactly the SHA-256 fingerprints set
 * with the hub address when it was set up (the CA's, printed by the install script
 * and shown in the admin console, or the hub certificate's own), and for the hub's
 * host nothing else: a LAN attacker with another certificate, even one a public CA
 * signed, is refused. Other hosts keep Chromium's own verification.
 */
import { X509Certificate } from 'node:crypto';
import { normalizeFingerprint } from '@layso/shared';

export { normalizeFingerprint };

/** Electron's Certificate, the parts used here. */
export interface CertificateLike {
  data: string;
  issuerCert?: CertificateLike | null;
}

export interface VerifyRequestLike {
  hostname: string;
  certificate: CertificateLike;
}

/** callback values of session.setCertificateVerifyProc. */
export const CERT_ACCEPT = 0;
export const CERT_REJECT = -2;
export const CERT_USE_CHROMIUM = -3;

export function fingerprintOfPem(pem: string): string {
  return new X509Certificate(pem).fingerprint256;
}

function parse(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

function validNow(certificate: X509Certificate, now: number): boolean {
  return Date.parse(certificate.validFrom) <= now && now <= Date.parse(certificate.validTo);
}

function matchesHost(certificate: X509Certificate, hostname: string): boolean {
  const isIp = /^[\d.]+$/.test(hostname) || hostname.includes(':');
  return isIp ? certificate.checkIP(hostname) !== undefined : certificate.checkHost(hostname) !== undefined;
}

/**
 * Does the server's certificate chain hold a pinned certificate? The leaf itself may be
 * pinned; a pinned CA counts only for a leaf it really signed (checked here, not left to
 * Chromium, which does not know the CA), that is valid now and names the host.
 */
export function isPinnedChain(request: VerifyRequestLike, pins: readonly string[], now: number = Date.now()): boolean {
  const wanted = new Set(pins.map(normalizeFingerprint).filter((pin): pin is string => pin !== null));
  if (wanted.size === 0) return false;
  const leaf = parse(request.certificate.data);
  if (!leaf || !validNow(leaf, now) || !matchesHost(leaf, request.hostname)) return false;
  if (wanted.has(leaf.fingerprint256)) return true;
  let child = leaf;
  let issuerCert = request.certificate.issuerCert ?? null;
  for (let depth = 0; issuerCert && depth < 4; depth++) {
    const issuer = parse(issuerCert.data);
    if (!issuer || !validNow(issuer, now) || !child.checkIssued(issuer) || !child.verify(issuer.publicKey)) return false;
    if (wanted.has(issuer.fingerprint256)) return true;
    child = issuer;
    issuerCert = issuerCert.issuerCert ?? null;
  }
  return false;
}

export interface PinnedHub {
  /** The hub's host name or IP, as in its URL. */
  hostname: string;
  fingerprints: readonly string[];
}

/** The proc for session.setCertificateVerifyProc. */
export function pinnedCertificateVerifier(hub: () => PinnedHub | null, log: (message: string) => void = () => {}, now: () => number = Date.now) {
  return (request: VerifyRequestLike, callback: (result: number) => void): void => {
    const pinned = hub();
    if (!pinned || pinned.fingerprints.length === 0 || request.hostname !== pinned.hostname) {
      callback(CERT_USE_CHROMIUM);
      return;
    }
    if (isPinnedChain(request, pinned.fingerprints, now())) {
      callback(CERT_ACCEPT);
      return;
    }
    log(`refused the certificate of ${request.hostname}: not the pinned one`);
    callback(CERT_REJECT);
  };
}

/** The pin of a configured hub: its URL's host (no IPv6 brackets) and fingerprints; null for plain HTTP. */
export function pinnedHubOf(hubUrl: string | null, fingerprints: readonly string[]): PinnedHub | null {
  if (hubUrl === null) return null;
  let url: URL;
  try {
    url = new URL(hubUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || fingerprints.length === 0) return null;
  return { hostname: url.hostname.replace(/^\[|\]$/g, ''), fingerprints };
}
