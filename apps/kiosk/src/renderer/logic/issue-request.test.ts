import { describe, expect, it } from 'vitest';
import { requestFor, unresolvedAfter } from './issue-request.js';

const ids = () => {
  let n = 0;
  return () => `request-${++n}`;
};

describe('requestFor', () => {
  it('gives every new tap a fresh requestId', () => {
    const next = ids();
    expect(requestFor({ serviceId: 'visa', priority: null }, null, next).requestId).toBe('request-1');
    expect(requestFor({ serviceId: 'visa', priority: null }, null, next).requestId).toBe('request-2');
  });

  it('reuses the unresolved requestId for the same service and priority', () => {
    const unresolved = { serviceId: 'visa', priority: 'nguoi-cao-tuoi', requestId: 'request-old' };
    expect(requestFor({ serviceId: 'visa', priority: 'nguoi-cao-tuoi' }, unresolved, ids())).toBe(unresolved);
  });

  it('does not reuse it for another service or priority', () => {
    const unresolved = { serviceId: 'visa', priority: null, requestId: 'request-old' };
    expect(requestFor({ serviceId: 'thue', priority: null }, unresolved, ids()).requestId).toBe('request-1');
    expect(requestFor({ serviceId: 'visa', priority: 'nguoi-cao-tuoi' }, unresolved, ids()).requestId).toBe('request-1');
  });
});

describe('unresolvedAfter', () => {
  const request = { serviceId: 'visa', priority: null, requestId: 'request-1' };
  it('keeps the request only while its outcome is unknown', () => {
    expect(unresolvedAfter(request, 'offline')).toBe(request);
    expect(unresolvedAfter(request, 'queue-full')).toBeNull();
    expect(unresolvedAfter(request, 'closed')).toBeNull();
  });
});
