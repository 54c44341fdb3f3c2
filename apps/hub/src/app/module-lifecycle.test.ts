import { describe, expect, it } from 'vitest';
import type { HubModule } from '../http/hub-module.js';
import type { QueueEvent } from '../queue/queue-core.js';
import { ModuleLifecycle } from './module-lifecycle.js';

function recorder(name: string, calls: string[], fail: { onEvents?: boolean; stop?: boolean } = {}): HubModule {
  return {
    name,
    routes: [],
    onEvents: (events) => {
      if (fail.onEvents) throw new Error(`${name} broke`);
      calls.push(`${name}.onEvents(${events.length})`);
    },
    purgePersonalData: () => calls.push(`${name}.purge`),
    start: () => calls.push(`${name}.start`),
    stop: async () => {
      if (fail.stop) throw new Error(`${name} broke`);
      calls.push(`${name}.stop`);
    },
  };
}

const event = { type: 'day-changed', day: '2026-12-04' } as unknown as QueueEvent;

describe('ModuleLifecycle', () => {
  it('hands committed events to every module, logging one that throws without skipping the rest', () => {
    const calls: string[] = [];
    const logged: string[] = [];
    const life = new ModuleLifecycle([recorder('a', calls), recorder('b', calls, { onEvents: true }), recorder('c', calls)], () => 0, (m) => logged.push(m));
    life.onEvents([event]);
    expect(calls).toEqual(['a.onEvents(1)', 'c.onEvents(1)']);
    expect(logged).toEqual(['publishing events to b failed']);
  });

  it('starts in order and stops in reverse order, every module even after one fails to stop', async () => {
    const calls: string[] = [];
    const logged: string[] = [];
    const life = new ModuleLifecycle([recorder('a', calls), recorder('b', calls, { stop: true }), recorder('c', calls)], () => 0, (m) => logged.push(m));
    life.start();
    await life.stop();
    expect(calls).toEqual(['a.start', 'b.start', 'c.start', 'c.stop', 'a.stop']);
    expect(logged).toEqual(['stopping b failed']);
  });

  it('purges personal data at most once an hour of the hub clock', () => {
    const calls: string[] = [];
    let now = 10 * 3_600_000;
    const life = new ModuleLifecycle([recorder('a', calls)], () => now, () => {});
    life.tick();
    now += 3_599_999;
    life.tick();
    expect(calls).toEqual(['a.purge']);
    now += 1;
    life.tick();
    expect(calls).toEqual(['a.purge', 'a.purge']);
  });

  it('reads the module list as it is when called, so modules added after it was built take part', () => {
    const calls: string[] = [];
    const modules: HubModule[] = [];
    const life = new ModuleLifecycle(modules, () => 0, () => {});
    modules.push(recorder('late', calls));
    life.onEvents([event]);
    expect(calls).toEqual(['late.onEvents(1)']);
  });
});
