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

/**
 * The order in which a counter's `next` presses will call the open tickets of its
 * services, so the list a clerk sees is the order that really happens. It replays the
 * rule `next` applies one press at a time: `strict` takes every priority ticket first;
 * `interleaved` takes a priority ticket once `every` normal ones were called in a row
 * (counting the counter's current streak), or when no normal ticket is left.
 */
export function projectedCallOrder<T extends Queued>(open: readonly T[], policy: PriorityPolicy, normalStreak: number, limit: number): T[] {
  const priority = open.filter((t) => t.priority !== null).sort(byQueueOrder);
  const normal = open.filter((t) => t.priority === null).sort(byQueueOrder);
  const order: T[] = [];
  let p = 0;
  let n = 0;
  let streak = normalStreak;
  while (order.length < limit && (p < priority.length || n < normal.length)) {
    const priorityTurn = policy.policy === 'strict' || streak >= policy.every || n >= normal.length;
    if (p < priority.length && priorityTurn) {
      order.push(priority[p++]!);
      streak = 0;
    } else {
      order.push(normal[n++]!);
      streak += 1;
    }
  }
  return order;
}
