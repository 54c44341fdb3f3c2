/**
 * Counts failures per key in a fixed window; once a key has `max` failures it is
 * refused until the window ends. Used against token guessing and, later, check-in
 * code guessing.
 */
export class FailureLimiter {
  private readonly windows = new Map<string, { start: number; failures: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  isBlocked(key: string): boolean {
    const entry = this.current(key);
    return entry !== undefined && entry.failures >= this.max;
  }

  recordFailure(key: string): void {
    const entry = this.current(key) ?? { start: this.now(), failures: 0 };
    entry.failures += 1;
    this.windows.set(key, entry);
    if (this.windows.size > 10_000) this.prune();
  }

  private current(key: string) {
    const entry = this.windows.get(key);
    if (entry && this.now() - entry.start >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    for (const key of [...this.windows.keys()]) this.current(key);
  }
}
