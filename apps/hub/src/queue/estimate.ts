import type { PriorityPolicy } from '@layso/shared';
import { byQueueOrder, pickByPolicy } from './call-order.js';

/**
 * Wait estimates (issue 15). Instead of "people ahead × an average ÷ open counters",
 * the estimate replays what the counters will do: each open counter, when it is free,
 * calls the next ticket of its services by the same rule `next` applies (pickByPolicy:
 * arrival order across its services, the priority policy, its streak), and keeps busy
 * for the minutes a ticket of that service takes. So a counter shared by three services
 * gives each only the time it really spends on it, tickets of other services that came
 * earlier are waited for, and a priority ticket with nobody ahead still waits for a
 * counter to be free. A paused counter takes part once its break is expected to end.
 *
 * Minutes per ticket of a service are learnt from the counters (called → finished, so
 * no-shows and transfers count: they move the queue too): a running mean of the day's
 * samples, after HISTORY_WEIGHT samples' worth of the same weekday's history (report
 * rollups) or, without history, after the configured default; past that, a slow
 * exponentially weighted mean (TIME_ALPHA) that follows a drift over the day. Samples
 * are clipped at CLIP × the current value: one long case cannot swing it. The window is
 * long on purpose: `pnpm bench estimate` measured that the noise of a short window (and
 * of a per-counter pace learnt on top of it, tried and dropped) costs more than the
 * drift it follows (BENCHMARKS.md). The value the replay uses moves only when the
 * learnt one drifted by more than HYSTERESIS, so two updates of the same queue show the
 * same words. Pure: the core feeds it and asks.
 */

/** Weight of a new service-time sample once the running mean has HISTORY_WEIGHT of them (a window of ~65 tickets). */
const TIME_ALPHA = 0.03;
/** Samples above CLIP × the current estimate count as CLIP × it (outliers). */
const CLIP = 3;
/** The minutes the projection uses follow the learnt ones only past this relative change. */
const HYSTERESIS = 0.1;
/** The same weekday's history counts as this many of today's samples. */
const HISTORY_WEIGHT = 30;
/** How long a counter's break is expected to last when it has no end (minutes). */
export const EXPECTED_BREAK_MIN = 30;

/** What a past day's rollups say about one service at one counter. */
export interface ServiceHistory {
  serviceId: string;
  counter: number;
  /** Tickets served at that counter. */
  finished: number;
  /** Their total time at the counter, ms. */
  busyMs: number;
}

/** Where the estimator reads the past from; the hub implements it over the report rollups. */
export interface WaitHistorySource {
  /** Figures of the same weekday as `day` over the past weeks (rolled-up days only). */
  sameWeekday(day: string): ServiceHistory[];
}

interface Learnt {
  value: number;
  /** Samples seen (history counts as HISTORY_WEIGHT): the first ones weigh more. */
  n: number;
  /** The value the projection uses (hysteresis). */
  shown: number;
}

/** One open ticket as the projection sees it. */
export interface QueuedTicket {
  id: number;
  serviceId: string;
  priority: string | null;
  queueKey: number;
}

/** One counter as the projection sees it, in minutes from now (open time). */
export interface CounterNow {
  number: number;
  serviceIds: readonly string[];
  /** Open minutes from now until the counter can call (0: free now). */
  freeIn: number;
  normalStreak: number;
}

export class WaitEstimator {
  private readonly learnt = new Map<string, Learnt>();
  private readonly pausedAt = new Map<number, number>();

  /** `defaultMinutes`: the configured minutes per ticket, read each time (the config can change). */
  constructor(private readonly defaultMinutes: () => number) {}

  /** Starts a day: forgets today's learning and takes the history as the prior. */
  startDay(history: readonly ServiceHistory[]): void {
    this.learnt.clear();
    const byService = new Map<string, { finished: number; busyMs: number }>();
    for (const row of history) {
      if (!(row.finished > 0) || !(row.busyMs > 0)) continue;
      const s = byService.get(row.serviceId) ?? { finished: 0, busyMs: 0 };
      s.finished += row.finished;
      s.busyMs += row.busyMs;
      byService.set(row.serviceId, s);
    }
    for (const [serviceId, s] of byService) {
      const value = s.busyMs / s.finished / 60_000;
      this.learnt.set(serviceId, { value, n: HISTORY_WEIGHT, shown: value });
    }
  }

  /** A ticket of `serviceId` left a counter after `busyMs` there (done, no-show, transfer, pause). */
  recordFinish(serviceId: string, busyMs: number): void {
    if (!(busyMs >= 0)) return;
    const current = this.learnt.get(serviceId);
    const value = current?.value ?? this.defaultMinutes();
    const n = current?.n ?? 0;
    // A running mean until HISTORY_WEIGHT samples (the default counts as none, history as HISTORY_WEIGHT).
    const alpha = Math.max(TIME_ALPHA, 1 / (n + 2));
    const next = value + alpha * (Math.min(busyMs / 60_000, CLIP * value) - value);
    const shown = current && Math.abs(next / current.shown - 1) <= HYSTERESIS ? current.shown : next;
    this.learnt.set(serviceId, { value: next, n: n + 1, shown });
  }

  recordPause(counter: number, at: number): void {
    this.pausedAt.set(counter, at);
  }

  recordResume(counter: number): void {
    this.pausedAt.delete(counter);
  }

  /** Open minutes until a paused counter is expected back (its break has no set end). */
  pausedFor(counter: number, now: number): number {
    const since = (now - (this.pausedAt.get(counter) ?? now)) / 60_000;
    return Math.max(EXPECTED_BREAK_MIN / 3, EXPECTED_BREAK_MIN - since);
  }

  /** Minutes a ticket of the service keeps a counter busy, as the projection uses it. */
  serviceMinutes(serviceId: string): number {
    return this.learnt.get(serviceId)?.shown ?? this.defaultMinutes();
  }
}

/** What a replay found: each reached ticket's call, and when each counter is free after it all. */
export interface Projection {
  /** Ticket id → open minutes from now until it is called. */
  calls: Map<number, number>;
  /** Ticket id → its place in the replay's sequence of calls (0: called first). */
  order: Map<number, number>;
  /** Counter number → open minutes from now until it has served everybody it reached. */
  freeAt: Map<number, number>;
}

/**
 * Open minutes from now until each ticket is called, replaying `next` at every counter:
 * the counter free first calls, by pickByPolicy over its services' waiting tickets,
 * and is busy for that service's minutes. `waiting` holds each service's
 * open tickets (any order). Tickets no counter reaches are missing from the result.
 * A ticket taken later is younger than all of them, so it is called, after them, by the
 * counter of its service free first in `freeAt` (see extendProjection).
 */
export function projectAllCalls(
  waiting: ReadonlyMap<string, readonly QueuedTicket[]>,
  counters: readonly CounterNow[],
  policy: PriorityPolicy,
  minutesOf: (serviceId: string) => number,
): Projection {
  const calls = new Map<number, number>();
  const order = new Map<number, number>();
  const freeAt = new Map<number, number>();
  // Per service, each kind in queue order, consumed from the front.
  const queues = new Map<string, { priority: QueuedTicket[]; normal: QueuedTicket[] }>();
  for (const [serviceId, tickets] of waiting) {
    queues.set(serviceId, {
      priority: tickets.filter((t) => t.priority !== null).sort(byQueueOrder),
      normal: tickets.filter((t) => t.priority === null).sort(byQueueOrder),
    });
  }
  const state = counters.map((c) => ({ ...c }));
  while (state.length > 0) {
    // The counter free first (ties: the first listed, as good as any).
    let counter = state[0]!;
    for (const c of state) if (c.freeIn < counter.freeIn) counter = c;
    let priorityHead: QueuedTicket | null = null;
    let normalHead: QueuedTicket | null = null;
    for (const id of counter.serviceIds) {
      const q = queues.get(id);
      if (!q) continue;
      const p = q.priority[0];
      const n = q.normal[0];
      if (p && (!priorityHead || byQueueOrder(p, priorityHead) < 0)) priorityHead = p;
      if (n && (!normalHead || byQueueOrder(n, normalHead) < 0)) normalHead = n;
    }
    const pick = pickByPolicy(priorityHead, normalHead, policy, counter.normalStreak);
    if (!pick) {
      // Nothing left for this counter: it leaves the projection, free from then on.
      freeAt.set(counter.number, counter.freeIn);
      state.splice(state.indexOf(counter), 1);
      continue;
    }
    calls.set(pick.ticket.id, counter.freeIn);
    order.set(pick.ticket.id, order.size);
    const q = queues.get(pick.ticket.serviceId)!;
    (pick.ticket.priority !== null ? q.priority : q.normal).shift();
    counter.normalStreak = pick.normalStreak;
    counter.freeIn += minutesOf(pick.ticket.serviceId);
  }
  return { calls, order, freeAt };
}

/**
 * Where a ticket taken now in `serviceId` stands in a projection: called by the counter
 * of its service free first, after everybody already waiting. With `add`, the ticket
 * joins the projection (that counter is then busy with it). Null when no counter serves it.
 */
export function extendProjection(
  projection: Projection,
  serviceId: string,
  counters: readonly Pick<CounterNow, 'number' | 'serviceIds'>[],
  minutesOf: (serviceId: string) => number,
  add?: { ticketId: number },
): number | null {
  let best: (typeof counters)[number] | null = null;
  for (const c of counters) {
    if (!c.serviceIds.includes(serviceId) || !projection.freeAt.has(c.number)) continue;
    if (!best || projection.freeAt.get(c.number)! < projection.freeAt.get(best.number)!) best = c;
  }
  if (!best) return null;
  const at = projection.freeAt.get(best.number)!;
  if (add) {
    projection.calls.set(add.ticketId, at);
    projection.order.set(add.ticketId, projection.order.size);
    projection.freeAt.set(best.number, at + minutesOf(serviceId));
  }
  return at;
}

/** Open minutes from now until `target` (one of `waiting`) is called; null when no counter reaches it. */
export function projectCallMinutes(
  target: QueuedTicket,
  waiting: ReadonlyMap<string, readonly QueuedTicket[]>,
  counters: readonly CounterNow[],
  policy: PriorityPolicy,
  minutesOf: (serviceId: string) => number,
): number | null {
  return projectAllCalls(waiting, counters, policy, minutesOf).calls.get(target.id) ?? null;
}
