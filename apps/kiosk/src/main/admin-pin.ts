/**
 * The admin PIN guarding the settings screen, stored as a salted scrypt hash so the
 * settings file does not give it away.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { PinHash } from './settings-schema.js';

const KEY_LENGTH = 32;

export function hashPin(pin: string, salt = randomBytes(16).toString('hex')): PinHash {
  return { salt, hash: scryptSync(pin, salt, KEY_LENGTH).toString('hex') };
}

export function verifyPin(pin: string, stored: PinHash): boolean {
  const actual = scryptSync(pin, stored.salt, KEY_LENGTH);
  const expected = Buffer.from(stored.hash, 'hex');
  return expected.length === actual.length && timingSafeEqual(actual, expected);
}
