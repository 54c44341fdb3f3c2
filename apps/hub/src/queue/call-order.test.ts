import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byQueueOrder, pickByPolicy, projectedCallOrder } from './call-order.js';

let nextId = 1;
const ticket = (name: string, priority: boolean, queueKey = nextId * 1024) => ({ name, priority: priority ? 'nguoi-cao-tuoi' : null, queueKey, id: nextId++ });
const names = (tickets: { name: string }[]) => tickets.map((t) => t.name);

describe('projectedCallOrder', () => {
  const open = [ticket('n1', false), ticket('n2', false), ticket('p1', true), ticket('n3', false), ticket('n4', false), ticket('p2', true), ticket('n5', false)];

  it('strict: every priority ticket first, each kind in queue order', () => {
    expect(names(projectedCallOrder(open, { policy: 'strict' }, 0, 50))).toEqual(['p1', 'p2', 'n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('interleaved: a priority ticket overtakes older normal ones once per N normal calls, counting the streak the counter already has', () => {
    // p1 came before n3, so after n1 and n2 it is simply its turn; p2 then overtakes n3 and n4 (two normal calls since the last overtaking).
    expect(names(projectedCallOrder(open, { policy: 'interleaved', every: 2 }, 0, 50))).toEqual(['n1', 'n2', 'p1', 'p2', 'n3', 'n4', 'n5']);
    // A streak of 2 already: p1 overtakes n1 and n2 at once, then p2 waits for two more normal calls.
    expect(names(projectedCallOrder(open, { policy: 'interleaved', every: 2 }, 2, 50))).toEqual(['p1', 'n1', 'n2', 'p2', 'n3', 'n4', 'n5']);
    const spaced = [ticket('n1', false), ticket('p1', true), ticket('n2', false), ticket('n3', false), ticket('p2', true), ticket('p3', true), ticket('n4', false)];
    // every 3 from a streak of 1: n1, p1 in its turn (streak stays 2), n2 (3), so p2 may overtake n3; p3 is then older than n4.
    expect(names(projectedCallOrder(spaced, { policy: 'interleaved', every: 3 }, 1, 50))).toEqual(['n1', 'p1', 'n2', 'p2', 'n3', 'p3', 'n4']);
    const overtaking = [ticket('n1', false), ticket('n2', false), ticket('n3', false), ticket('n4', false), ticket('p1', true), ticket('p2', true)];
    expect(names(projectedCallOrder(overtaking, { policy: 'interleaved', every: 3 }, 1, 50))).toEqual(['n1', 'n2', 'p1', 'n3', 'n4', 'p2']);
  });

  it('interleaved: a priority ticket that came first is called first, never after younger normal tickets (issue 15)', () => {
    const firstOfTheDay = [ticket('p1', true), ticket('n1', false), ticket('n2', false), ticket('n3', false)];
    expect(names(projectedCallOrder(firstOfTheDay, { policy: 'interleaved', every: 2 }, 0, 50))).toEqual(['p1', 'n1', 'n2', 'n3']);
    // Called in its turn, it overtook nobody: the next priority ticket may still overtake once the streak allows.
    const twoPriority = [ticket('p1', true), ticket('n1', false), ticket('n2', false), ticket('p2', true)];
    expect(names(projectedCallOrder(twoPriority, { policy: 'interleaved', every: 2 }, 1, 50))).toEqual(['p1', 'n1', 'p2', 'n2']);
  });

  it('interleaved: priority tickets are called once no normal ticket is left', () => {
    const onlyPriority = [ticket('n1', false), ticket('p1', true), ticket('p2', true)];
    expect(names(projectedCallOrder(onlyPriority, { policy: 'interleaved', every: 5 }, 0, 50))).toEqual(['n1', 'p1', 'p2']);
  });

  it('a transferred ticket (smaller queue key) goes before its kind, and the list stops at the limit', () => {
    const withTransfer = [...open, ticket('t1', false, 1)];
    expect(names(projectedCallOrder(withTransfer, { policy: 'strict' }, 0, 4))).toEqual(['p1', 'p2', 't1', 'n1']);
  });

  it('matches pressing `next` one ticket at a time under the same rule (random queues and policies)', () => {
    const queue = fc.array(fc.record({ priority: fc.boolean(), queueKey: fc.integer({ min: 1, max: 40 }) }), { maxLength: 30 });
    const policy = fc.oneof(fc.constant({ policy: 'strict' as const }), fc.integer({ min: 1, max: 5 }).map((every) => ({ policy: 'interleaved' as const, every })));
    fc.assert(
      fc.property(queue, policy, fc.integer({ min: 0, max: 6 }), (specs, rule, streak) => {
        const tickets = specs.map((s, i) => ({ priority: s.priority ? 'x' : null, queueKey: s.queueKey, id: i + 1 }));
        // QueueCore.pickNext's rule, applied press by press to what is left.
        const left = [...tickets];
        const pressed: typeof tickets = [];
        let run = streak;
        const head = (priority: boolean) => left.filter((t) => (t.priority !== null) === priority).sort(byQueueOrder)[0] ?? null;
        for (let pick = pickByPolicy(head(true), head(false), rule, run); pick; pick = pickByPolicy(head(true), head(false), rule, run)) {
          pressed.push(pick.ticket);
          left.splice(left.indexOf(pick.ticket), 1);
          run = pick.normalStreak;
        }
        expect(projectedCallOrder(tickets, rule, streak, 100)).toEqual(pressed);
      }),
    );
  });

  const policies = fc.oneof(fc.constant({ policy: 'strict' as const }), fc.integer({ min: 1, max: 5 }).map((every) => ({ policy: 'interleaved' as const, every })));
  // Small queue keys stand for transferred tickets, which jump to the head of their queue.
  const openQueues = fc
    .array(fc.record({ priority: fc.boolean(), transferred: fc.integer({ min: 0, max: 7 }).map((x) => x === 0) }), { maxLength: 40 })
    .map((specs) => specs.map((s, i) => ({ priority: s.priority ? 'x' : null, queueKey: s.transferred ? -i : (i + 1) * 1024, id: i + 1 })));

  it('property: a priority ticket is never called later than plain arrival order would call it (both policies)', () => {
    fc.assert(
      fc.property(openQueues, policies, fc.integer({ min: 0, max: 6 }), (tickets, rule, streak) => {
        const calls = projectedCallOrder(tickets, rule, streak, 1000);
        const arrival = [...tickets].sort(byQueueOrder);
        expect(calls).toHaveLength(tickets.length);
        for (const t of tickets.filter((x) => x.priority !== null)) expect(calls.indexOf(t)).toBeLessThanOrEqual(arrival.indexOf(t));
      }),
    );
  });

  it('property: with interleaved every N, priority tickets overtake older normal ones at most once per N normal calls', () => {
    fc.assert(
      fc.property(openQueues, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 6 }), (tickets, every, streak) => {
        const calls = projectedCallOrder(tickets, { policy: 'interleaved', every }, streak, 1000);
        let normalsSinceOvertake = streak;
        calls.forEach((t, i) => {
          if (t.priority === null) {
            normalsSinceOvertake += 1;
            return;
          }
          const overtakes = calls.slice(i + 1).some((later) => later.priority === null && byQueueOrder(later, t) < 0);
          if (!overtakes) return;
          expect(normalsSinceOvertake).toBeGreaterThanOrEqual(every);
          normalsSinceOvertake = 0;
        });
      }),
    );
  });
});
