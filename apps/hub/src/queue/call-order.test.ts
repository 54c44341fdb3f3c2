import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectedCallOrder } from './call-order.js';

let nextId = 1;
const ticket = (name: string, priority: boolean, queueKey = nextId * 1024) => ({ name, priority: priority ? 'nguoi-cao-tuoi' : null, queueKey, id: nextId++ });
const names = (tickets: { name: string }[]) => tickets.map((t) => t.name);

describe('projectedCallOrder', () => {
  const open = [ticket('n1', false), ticket('n2', false), ticket('p1', true), ticket('n3', false), ticket('n4', false), ticket('p2', true), ticket('n5', false)];

  it('strict: every priority ticket first, each kind in queue order', () => {
    expect(names(projectedCallOrder(open, { policy: 'strict' }, 0, 50))).toEqual(['p1', 'p2', 'n1', 'n2', 'n3', 'n4', 'n5']);
  });

  it('interleaved: one priority ticket after every N normal ones, counting the streak the counter already has', () => {
    expect(names(projectedCallOrder(open, { policy: 'interleaved', every: 2 }, 0, 50))).toEqual(['n1', 'n2', 'p1', 'n3', 'n4', 'p2', 'n5']);
    expect(names(projectedCallOrder(open, { policy: 'interleaved', every: 2 }, 2, 50))).toEqual(['p1', 'n1', 'n2', 'p2', 'n3', 'n4', 'n5']);
    expect(names(projectedCallOrder(open, { policy: 'interleaved', every: 3 }, 1, 50))).toEqual(['n1', 'n2', 'p1', 'n3', 'n4', 'n5', 'p2']);
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
        // The rule of QueueCore.pickNext, applied press by press to what is left.
        const left = [...tickets];
        const pressed: typeof tickets = [];
        let run = streak;
        const head = (priority: boolean) => left.filter((t) => (t.priority !== null) === priority).sort((a, b) => a.queueKey - b.queueKey || a.id - b.id)[0];
        while (left.length > 0) {
          const p = head(true);
          const n = head(false);
          const pick = rule.policy === 'strict' ? (p ?? n)! : p && (run >= rule.every || !n) ? p : (n ?? p)!;
          pressed.push(pick);
          left.splice(left.indexOf(pick), 1);
          run = pick.priority !== null ? 0 : run + 1;
        }
        expect(projectedCallOrder(tickets, rule, streak, 100)).toEqual(pressed);
      }),
    );
  });
});
