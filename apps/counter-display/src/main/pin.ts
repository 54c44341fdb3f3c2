import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export interface PinHash {
  salt: string;
  hash: string;
}

/**
 * The settings PIN is stored salted and stretched (scrypt): the settings file holds
 * the device token anyway, but the PIN is often reused by staff for other things.
 */
export function hashPin(pin: string, salt: string = randomBytes(16).toString('hex')): PinHash {
  return { salt, hash: scryptSync(pin, salt, 32).toString('hex') };
}

export function verifyPin(pin: string, stored: PinHash): boolean {
  const expected = Buffer.from(stored.hash, 'hex');
  const actual = scryptSync(pin, stored.salt, 32);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
