import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits; the prefix makes a leaked token easy to recognise in logs. */
export function generateToken(): string {
  return `lys_${randomBytes(32).toString('base64url')}`;
}

/**
 * Tokens are high-entropy random strings, so a fast hash is enough (no need for a
 * password KDF): the database alone never lets anyone act as a device.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
