import { describe, expect, it } from 'vitest';
import type { Catalog } from '@layso/shared';
import { queueSignature } from './queue-signature.js';

function catalog(overrides: { waiting?: number; otherWaiting?: number; status?: 'open' | 'paused'; current?: string | null } = {}): Catalog {
  const service = (id: string, prefix: string, waiting: number) => ({ id, name: id, prefix, current: null, waiting, estWaitMin: 0, active: true, full: false });
  return {
    day: '2026-03-02',
    center: { name: 'Trung tâm', timeZone: 'Asia/Ho_Chi_Minh' },
    open: true,
    priorityCategories: [],
    areas: [{ id: 'tang-3', name: 'Tầng 3', services: [service('cong-an-xnc', '86', overrides.waiting ?? 0), service('visa', '87', overrides.otherWaiting ?? 0)] }],
    counters: [{ number: 86, name: 'Quầy 86', areaId: 'tang-3', serviceIds: ['cong-an-xnc'], status: overrides.status ?? 'open', current: overrides.current ?? null }],
  };
}

describe('queueSignature', () => {
  const base = queueSignature(catalog(), 86);

  it('changes when the counter own queue or state changes', () => {
    expect(queueSignature(catalog({ waiting: 1 }), 86)).not.toBe(base);
    expect(queueSignature(catalog({ status: 'paused' }), 86)).not.toBe(base);
    expect(queueSignature(catalog({ current: '86001' }), 86)).not.toBe(base);
  });

  it('ignores queues of services the counter does not serve', () => {
    expect(queueSignature(catalog({ otherWaiting: 5 }), 86)).toBe(base);
  });
});
