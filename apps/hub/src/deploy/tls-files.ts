import { watch, readFileSync, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';
import { createSecureContext } from 'node:tls';
import { X509Certificate } from 'node:crypto';

export interface TlsPair {
  cert: Buffer;
  key: Buffer;
}

export interface CertificateInfo {
  fingerprint256: string;
  subject: string;
  validTo: string;
}

/** Reads a certificate and key and checks they belong together (throws with OpenSSL's reason). */
export function readTlsPair(certFile: string, keyFile: string): TlsPair {
  const pair = { cert: readFileSync(certFile), key: readFileSync(keyFile) };
  createSecureContext(pair);
  return pair;
}

export function certificateInfo(cert: Buffer): CertificateInfo {
  const x509 = new X509Certificate(cert);
  return { fingerprint256: x509.fingerprint256, subject: x509.subject, validTo: new Date(x509.validTo).toISOString() };
}

/**
 * Calls `onChange` when the certificate or key file changes. The folders are watched,
 * not the files: renewal tools replace files by rename (or, like certbot, repoint a
 * symlink), which a watch on the old file never reports. Bursts of events (cert
 * written, then key) are coalesced into one call.
 */
export function watchTlsFiles(files: readonly string[], onChange: () => void, settleMs = 250): { close(): void } {
  const names = new Map<string, Set<string>>();
  for (const file of files) {
    const dir = dirname(file);
    names.set(dir, (names.get(dir) ?? new Set()).add(basename(file)));
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, settleMs);
    timer.unref();
  };
  const watchers: FSWatcher[] = [...names].map(([dir, wanted]) =>
    watch(dir, { persistent: false }, (_event, name) => {
      if (name === null || wanted.has(name.toString())) schedule();
    }),
  );
  return {
    close() {
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
