import { z } from 'zod';

/**
 * A certificate's SHA-256 fingerprint as `AB:CD:…` (upper-case hex pairs), the form
 * openssl (`openssl x509 -fingerprint -sha256`) and Node print; a pasted lower-case,
 * colon-less or `SHA256:`-prefixed one is accepted and normalised. Null when it is not one.
 */
export function normalizeFingerprint(text: string): string | null {
  const hex = text
    .trim()
    .replace(/^sha256( fingerprint)?[:=/ ]*/i, '')
    .replace(/[\s:]/g, '')
    .toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

export const certFingerprintSchema = z.string().transform((text, ctx) => {
  const fingerprint = normalizeFingerprint(text);
  if (fingerprint === null) {
    ctx.addIssue({ code: 'custom', message: 'not a SHA-256 fingerprint (64 hex digits, e.g. AB:CD:…)' });
    return z.NEVER;
  }
  return fingerprint;
});

/** The pins of a shell: the center CA's and/or the hub certificate's fingerprints. */
export const certFingerprintsSchema = z.array(certFingerprintSchema).max(4).default([]);

/** A settings form's field: blank, or fingerprints separated by commas or new lines. */
export function parseFingerprintList(text: string): { ok: true; fingerprints: string[] } | { ok: false; message: string } {
  const parts = text.split(/[,\n;]+/).map((part) => part.trim()).filter((part) => part !== '');
  const fingerprints: string[] = [];
  for (const part of parts) {
    const fingerprint = normalizeFingerprint(part);
    if (fingerprint === null) return { ok: false, message: `not a SHA-256 fingerprint: ${part.slice(0, 20)}…` };
    fingerprints.push(fingerprint);
  }
  if (fingerprints.length > 4) return { ok: false, message: 'at most 4 fingerprints' };
  return { ok: true, fingerprints };
}
