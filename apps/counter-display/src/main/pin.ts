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

/**
 * Wrong PINs lock the settings screen for a while: a 4-digit PIN would otherwise fall
 * to anyone patient at a hall TV with a keyboard.
 */
export class PinAttempts {
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly maxFailures = 5,
    private readonly lockMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds left of a lock, 0 when a PIN may be tried. */
  lockedFor(): number {
    return Math.max(0, this.lockedUntil - this.now());
  }

  recordFailure(): void {
    this.failures++;
    if (this.failures >= this.maxFailures) {
      this.failures = 0;
      this.lockedUntil = this.now() + this.lockMs;
    }
  }

  recordSuccess(): void {
    this.failures = 0;
  }
}
