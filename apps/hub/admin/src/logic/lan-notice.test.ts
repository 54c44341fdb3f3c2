import { describe, expect, it } from 'vitest';
import { lanNotice } from './lan-notice.js';

describe('LAN security notice', () => {
  it('warns while the LAN is plain HTTP only', () => {
    expect(lanNotice(null, 'http:')).toEqual({ kind: 'plain-http' });
    expect(lanNotice(undefined, 'https:')).toEqual({ kind: 'plain-http' });
  });

  it('points to the HTTPS listener from a console opened over HTTP, and says nothing over HTTPS', () => {
    expect(lanNotice({ port: 8444, fingerprint256: 'AB:CD' }, 'http:')).toEqual({ kind: 'https-available', port: 8444, fingerprint: 'AB:CD' });
    expect(lanNotice({ port: 8444, fingerprint256: 'AB:CD' }, 'https:')).toBeNull();
  });
});
