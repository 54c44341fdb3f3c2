export type LanNotice = { kind: 'plain-http' } | { kind: 'https-available'; port: number; fingerprint: string } | null;

/** What to tell the administrator about the LAN's transport; null when there is nothing to say. */
export function lanNotice(lanTls: { port: number; fingerprint256: string } | null | undefined, protocol: string): LanNotice {
  if (!lanTls) return { kind: 'plain-http' };
  if (protocol === 'http:') return { kind: 'https-available', port: lanTls.port, fingerprint: lanTls.fingerprint256 };
  return null;
}
