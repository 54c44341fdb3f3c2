import { expect } from 'vitest';
import type { ErrorCode } from '@layso/shared';
import type { CounterActor, IssueCommand, QueueCore } from '../queue/queue-core.js';
import { QueueError } from '../queue/queue-error.js';

/** A clerk pressing buttons without a request id (no idempotency involved). */
export const CLERK: CounterActor = { deviceId: null };

/** Issues `count` tickets of a service and returns their numbers. */
export function issueNumbers(core: QueueCore, serviceId: string, count = 1, extra: Omit<IssueCommand, 'serviceId'> = {}): string[] {
  return Array.from({ length: count }, () => core.issue({ serviceId, ...extra }).value.number);
}

/** Presses "next" at a counter; the called number, or null when nobody waits. */
export function callNext(core: QueueCore, counter: number): string | null {
  return core.next(counter, CLERK).value.ticket?.number ?? null;
}

/** Presses "next" until nobody waits; the numbers in call order. */
export function callAll(core: QueueCore, counter: number): string[] {
  const called: string[] = [];
  for (let number = callNext(core, counter); number !== null; number = callNext(core, counter)) called.push(number);
  return called;
}

/** Runs `fn` and asserts it throws a QueueError with `code`. */
export function expectQueueError(fn: () => unknown, code: ErrorCode): QueueError {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, `expected a QueueError ${code}`).toBeInstanceOf(QueueError);
  expect((thrown as QueueError).code).toBe(code);
  return thrown as QueueError;
}
