/**
 * Tells a 2D scanner in keyboard (HID) mode from a person. Such a scanner "types" the whole QR
 * payload in a burst — a few milliseconds between keys — and ends it with Enter. A person on
 * a keyboard needs 80 ms or more between keys; nobody types 30 characters with every gap under
 * 30 ms. So a scan is: at least `minLength` characters, every gap (including the one before
 * Enter) at most `maxGapMs`, ended by Enter. A slower key starts over, so a person's typing is
 * never taken for a scan; what follows a pause is judged alone (a fragment of a CCCD payload
 * then fails the strict parser, which needs all 7 fields).
 *
 * Pure: the caller passes each key (KeyboardEvent.key) with its timestamp, so tests inject time.
 */
export interface KeyboardWedgeOptions {
  minLength?: number;
  maxGapMs?: number;
  maxLength?: number;
}

export const WEDGE_MIN_LENGTH = 30;
export const WEDGE_MAX_GAP_MS = 30;
/** Same bound as the serial bridge (MAX_SCAN_LENGTH): the detector never holds more. */
export const WEDGE_MAX_LENGTH = 1024;

export class KeyboardWedgeDetector {
  private readonly minLength: number;
  private readonly maxGapMs: number;
  private readonly maxLength: number;
  private chars: string[] = [];
  private lastAt = Number.NEGATIVE_INFINITY;
  private overflowed = false;

  constructor(options: KeyboardWedgeOptions = {}) {
    this.minLength = options.minLength ?? WEDGE_MIN_LENGTH;
    this.maxGapMs = options.maxGapMs ?? WEDGE_MAX_GAP_MS;
    this.maxLength = options.maxLength ?? WEDGE_MAX_LENGTH;
  }

  /** True while a burst long enough to be a scan is being typed: the page should not act on these keys. */
  get inBurst(): boolean {
    return this.chars.length >= 4;
  }

  /** Feeds one keydown; returns the payload when this Enter ends a scan, else null. */
  feed(key: string, at: number): string | null {
    const fast = at - this.lastAt <= this.maxGapMs && at >= this.lastAt;
    if (key === 'Enter') {
      const payload = fast && !this.overflowed && this.chars.length >= this.minLength ? this.chars.join('') : null;
      this.reset();
      return payload;
    }
    // Modifier and other named keys (Shift held for capitals, Unidentified) carry no character.
    if ([...key].length !== 1) return null;
    if (!fast) this.reset();
    this.lastAt = at;
    if (this.overflowed) return null;
    if (this.chars.length >= this.maxLength) {
      this.overflowed = true;
      this.chars = [];
      return null;
    }
    this.chars.push(key);
    return null;
  }

  reset(): void {
    this.chars = [];
    this.lastAt = Number.NEGATIVE_INFINITY;
    this.overflowed = false;
  }
}
