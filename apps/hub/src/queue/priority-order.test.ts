import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PriorityPolicy } from '@layso/shared';
import { CLERK } from '../testing/queue-helpers.js';
import { ALWAYS_OPEN, ELDERLY, TU_PHAP, VISA, XNC, testCenter } from '../testing/test-center.js';
import { openMemoryCore } from '../testing/memory-core.js';
import { byQueueOrder } from './call-order.js';
import type { TicketRecord } from './ports.js';

const SERVICES = [TU_PHAP, XNC, VISA];
const COUNTERS = [86, 66, 68];

type Op =
  | { kind: 'issue'; service: string; priority: boolean }
  | { kind: 'next'; counter: number }
  | { kind: 'transfer'; counter: number; to: string }
  | { kind: 'skip'; counter: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('issue' as const), service: fc.constantFrom(...SERVICES), priority: fc.boolean() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('next' as const), counter: fc.constantFrom(...COUNTERS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('transfer' as const), counter: fc.constantFrom(...COUNTERS), to: fc.constantFrom(...SERVICES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('skip' as const), counter: fc.constantFrom(...COUNTERS) }) },
);

const policies: fc.Arbitrary<PriorityPolicy> = fc.oneof(
  fc.constant({ policy: 'strict' as const }),
  fc.integer({ min: 1, max: 4 }).map((every) => ({ policy: 'interleaved' as const, every })),
);

/**
 * Random days on the real core (over the in-memory store): arrivals of both kinds across services,
 * `next` at counters sharing services, transfers (which jump a ticket to the head of
 * another queue) and no-shows. Every press is checked against the rules of issue 15.
 */
describe('priority on the real queue core (random days, both policies)', () => {
  it('never calls anybody before an older priority ticket, limits overtaking to once per N normal calls, and calls what the counter list shows', () => {
    fc.assert(
      fc.property(policies, fc.array(op, { minLength: 1, maxLength: 45 }), (policy, ops) => {
        const { core } = openMemoryCore({ config: testCenter({ openingHours: ALWAYS_OPEN, priorityPolicy: policy }) });
        const normalsSinceOvertake = new Map(COUNTERS.map((c) => [c, 0]));
        for (const step of ops) {
          if (step.kind === 'issue') {
            core.issue({ serviceId: step.service, priority: step.priority ? ELDERLY : null });
          } else if (step.kind === 'transfer' || step.kind === 'skip') {
            const serving = core.views.counterQueue(step.counter).serving;
            if (!serving) continue;
            if (step.kind === 'skip') core.skip(step.counter, CLERK);
            else if (serving.serviceId !== step.to) core.transfer(step.counter, step.to, CLERK);
          } else {
            const listed = core.views.counterQueue(step.counter).waiting.map((t) => core.getTicket(t.id)!);
            const called = core.next(step.counter, CLERK).value.ticket;
            // The clerk's top line is the call that happens.
            expect(called?.id ?? null).toBe(listed[0]?.id ?? null);
            if (!called) continue;
            const ticket = listed[0]!;
            const waitingPriority = listed.slice(1).filter((t) => t.priority !== null);
            // Nobody who came after a priority ticket (in queue order) is called before it.
            for (const p of waitingPriority) expect(byQueueOrder(ticket, p)).toBeLessThan(0);
            const overtakes = ticket.priority !== null && listed.some((t: TicketRecord) => t.priority === null && byQueueOrder(t, ticket) < 0);
            if (ticket.priority === null) normalsSinceOvertake.set(step.counter, normalsSinceOvertake.get(step.counter)! + 1);
            else if (overtakes) {
              if (policy.policy === 'interleaved') expect(normalsSinceOvertake.get(step.counter)).toBeGreaterThanOrEqual(policy.every);
              normalsSinceOvertake.set(step.counter, 0);
            }
          }
        }
        // What is left is called in the order each counter's list shows.
        for (const counter of COUNTERS) {
          const listed = core.views.counterQueue(counter, 200).waiting.map((t) => t.number);
          const pressed: string[] = [];
          for (let t = core.next(counter, CLERK).value.ticket; t; t = core.next(counter, CLERK).value.ticket) pressed.push(t.number);
          expect(pressed).toEqual(listed);
        }
      }),
      { numRuns: 40 },
    );
  });
});
