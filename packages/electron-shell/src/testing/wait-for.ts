export interface WaitForOptions {
  /** Generous by default: CI machines are slow and shared. */
  timeoutMs?: number;
  intervalMs?: number;
}

/**
 * Polls `condition` until it returns a truthy value and returns that value, or throws
 * with `description` after the timeout. Used instead of fixed sleeps so a test waits
 * exactly as long as it must and still fails (rather than hangs) when it should.
 */
export async function waitFor<T>(
  description: string,
  condition: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 10 }: WaitForOptions = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
