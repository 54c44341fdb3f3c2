import type { RecentCall } from './schemas/events.js';

/**
 * The recent-calls list after one more call, newest first: each ticket appears once,
 * at its latest call. A recall moves the number to the top; a transferred ticket
 * called at its new counter (86004 → 86, then → 87) replaces its old line instead of
 * being listed twice, and the old counter is not shown as where to go. Ticket
 * numbers are unique within a day, and the list is emptied when the day changes.
 * Used by the hub's read model and by every screen's copy of it, so they agree.
 */
export function addRecentCall(calls: readonly RecentCall[], call: RecentCall, limit: number): RecentCall[] {
  return [call, ...calls.filter((c) => c.number !== call.number)].slice(0, limit);
}
