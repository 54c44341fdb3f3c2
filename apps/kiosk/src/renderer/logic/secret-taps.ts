/**
 * The technician's way into the shell's settings on a touchscreen without a
 * keyboard: five taps on the title within three seconds. Citizens never do that.
 */
export function createSecretTaps(onUnlock: () => void, options: { taps?: number; windowMs?: number; now?: () => number } = {}) {
  const taps = options.taps ?? 5;
  const windowMs = options.windowMs ?? 3_000;
  const now = options.now ?? Date.now;
  let times: number[] = [];
  return () => {
    const at = now();
    times = [...times.filter((time) => at - time < windowMs), at];
    if (times.length >= taps) {
      times = [];
      onUnlock();
    }
  };
}
