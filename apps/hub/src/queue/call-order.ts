import type { PriorityPolicy } from '@layso/shared';

interface Queued {
  priority: string | null;
  queueKey: number;
  id: number;
}

/** Queue order within one kind: the queue key (a transfer jumps ahead), then arrival. */
export function byQueueOrder(a: Queued, b: Queued): number {
  return a.queueKey - b.queueKey || a.id - b.id;
}

/** One press of `next`: the ticket called and the counter's streak afterwards. */
export interface CallPick<T> {
  ticket: T;
  normalStreak: number;
}

/**
 * The rule of one `next` press, given the oldest open priority ticket and the oldest
 * open normal ticket of the counter's services (queue order, see byQueueOrder):
 *
 * - `strict`: the priority ticket, whenever there is one.
 * - `interleaved` (every N): priority never makes a citizen wait longer than plain
 *   arrival order would. A priority ticket that is the oldest of the two is called in
 *   its turn like anybody else. The setting only limits *overtaking*: a priority ticket
 *   may jump ahead of an older normal ticket once the counter called N normal tickets
 *   since its last overtaking, so normal tickets still move.
 *
 * `normalStreak` is, for `interleaved`, the normal tickets the counter called since the
 * last time a priority ticket overtook; an in-turn priority call leaves it as it is.
 * For `strict` it is the normal tickets called since the last priority one (unused).
 */
export function pickByPolicy<T extends Queued>(priorityHead: T | null, normalHead: T | null, policy: PriorityPolicy, normalStreak: number): CallPick<T> | null {
  if (!priorityHead) return normalHead ? { ticket: normalHead, normalStreak: normalStreak + 1 } : null;
  if (policy.policy === 'strict') return { ticket: priorityHead, normalStreak: 0 };
  if (!normalHead || byQueueOrder(priorityHead, normalHead) < 0) return { ticket: priorityHead, normalStreak };
  if (normalStreak >= policy.every) return { ticket: priorityHead, normalStreak: 0 };
  return { ticket: normalHead, normalStreak: normalStreak + 1 };
}

/**
 * The order in which a counter's `next` presses will call the open tickets of its
 * services, so the list a clerk sees is the order that really happens: it replays
 * pickByPolicy, the same rule `next` applies, one press at a time from the counter's
 * current streak.
 */
export function projectedCallOrder<T extends Queued>(open: readonly T[], policy: PriorityPolicy, normalStreak: number, limit: number): T[] {
  const priority = open.filter((t) => t.priority !== null).sort(byQueueOrder);
  const normal = open.filter((t) => t.priority === null).sort(byQueueOrder);
  const order: T[] = [];
  let p = 0;
  let n = 0;
  let streak = normalStreak;
  while (order.length < limit) {
    const pick = pickByPolicy(priority[p] ?? null, normal[n] ?? null, policy, streak);
    if (!pick) break;
    order.push(pick.ticket);
    if (pick.ticket === priority[p]) p += 1;
    else n += 1;
    streak = pick.normalStreak;
  }
  return order;
}
