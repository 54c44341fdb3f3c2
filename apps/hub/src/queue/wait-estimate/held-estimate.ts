import { waitRange } from '@layso/shared';

/**
 * The wait a ticket was last told, held while it stays true. Each reading of a ticket's
 * estimate (kiosk screen and paper at issue, phone page, "sắp đến lượt" reminder) goes
 * through here, so they all show one number, and the words only change when the new
 * estimate has left the range the citizen was shown: a wait of "khoảng 15–30 phút"
 * that is now 17 minutes stays "khoảng 15–30 phút" instead of flickering to
 * "khoảng 10–25 phút" and back as the replay is made again; once it is 14 minutes it
 * reads "khoảng 10–20 phút". Held values last one service day.
 */
export class HeldEstimates {
  private readonly shown = new Map<number, number>();

  /** The minutes to show ticket `id` now, given the freshly computed `minutes`. */
  hold(id: number, minutes: number): number {
    const previous = this.shown.get(id);
    if (previous !== undefined && stillTrue(previous, minutes)) return previous;
    this.shown.set(id, minutes);
    return minutes;
  }

  /** A new service day: yesterday's tickets are gone. */
  clear(): void {
    this.shown.clear();
  }
}

/** Whether the range shown for `previous` minutes still holds `minutes`. */
function stillTrue(previous: number, minutes: number): boolean {
  const { low, high } = waitRange(previous);
  return minutes >= low && minutes <= high;
}
