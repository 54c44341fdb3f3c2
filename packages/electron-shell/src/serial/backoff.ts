/** Exponential backoff between reopen attempts of a vanished serial device. */
export interface BackoffSettings {
  /** Delay before the first retry after a failure. */
  initialDelayMs: number;
  /** Upper bound, so a board plugged back in after an hour is found within seconds. */
  maxDelayMs: number;
  /** Multiplier applied per failed attempt. */
  factor: number;
}

export const DEFAULT_BACKOFF: Readonly<BackoffSettings> = { initialDelayMs: 200, maxDelayMs: 5_000, factor: 2 };

export function resolveBackoff(overrides: Partial<BackoffSettings> = {}): BackoffSettings {
  const settings = { ...DEFAULT_BACKOFF, ...overrides };
  if (!(settings.initialDelayMs > 0)) throw new RangeError(`backoff initialDelayMs must be > 0, got ${settings.initialDelayMs}`);
  if (!(settings.maxDelayMs >= settings.initialDelayMs)) {
    throw new RangeError(`backoff maxDelayMs must be >= initialDelayMs, got ${settings.maxDelayMs}`);
  }
  if (!(settings.factor >= 1)) throw new RangeError(`backoff factor must be >= 1, got ${settings.factor}`);
  return settings;
}

/** Delay before retry number `attempt` (0 = first retry). */
export function backoffDelay(attempt: number, settings: BackoffSettings): number {
  return Math.min(settings.maxDelayMs, settings.initialDelayMs * settings.factor ** attempt);
}
