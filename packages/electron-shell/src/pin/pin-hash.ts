/**
 * The settings PIN of both shells, stored salted and stretched (scrypt) so the settings
 * file does not give it away: the file holds the device token anyway, but staff often
 * reuse a PIN for other things.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const KEY_LENGTH = 32;

/** A stored PIN: 16 random bytes of salt and the 32-byte scrypt key, both hex. */
export const pinHashSchema = z.strictObject({
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type PinHash = z.infer<typeof pinHashSchema>;

export function hashPin(pin: string, salt: string = randomBytes(16).toString('hex')): PinHash {
  return { salt, hash: scryptSync(pin, salt, KEY_LENGTH).toString('hex') };
}

/** Constant-time comparison; a stored hash of the wrong length never matches. */
export function verifyPin(pin: string, stored: PinHash): boolean {
  const expected = Buffer.from(stored.hash, 'hex');
  const actual = scryptSync(pin, stored.salt, KEY_LENGTH);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
