import { describe, expect, it } from 'vitest';
import { FakeSession } from '../testing/fake-electron.js';
import { CERT_REJECT, CERT_USE_CHROMIUM } from './certificate-pin.js';
import { guardHubSession, type HubSessionLike } from './hub-session.js';

/** The fake types its handlers' arguments as unknown; Electron's Session fits HubSessionLike as is. */
const asHubSession = (session: FakeSession) => session as unknown as HubSessionLike;

function headersFor(session: FakeSession, url: string): Record<string, unknown> | undefined {
  let headers: Record<string, unknown> | undefined;
  session.headersReceived!({ url, resourceType: 'mainFrame', responseHeaders: {} }, (response) => (headers = response.responseHeaders));
  return headers;
}

describe('guardHubSession', () => {
  it('denies permissions, adds the CSP to the configured hub’s documents only, and follows a new hub', () => {
    const session = new FakeSession();
    let hub: string | null = 'http://192.168.1.10:8080';
    guardHubSession(asHubSession(session), { hubOrigin: () => hub, fingerprints: () => [] });

    let granted: boolean | undefined;
    session.permissionRequest!(null, 'media', (answer) => (granted = answer), {});
    expect(granted).toBe(false);
    expect(headersFor(session, 'http://192.168.1.10:8080/board')).toHaveProperty('Content-Security-Policy');
    expect(headersFor(session, 'http://example.com/')).not.toHaveProperty('Content-Security-Policy');
    hub = 'http://192.168.1.20:8080';
    expect(headersFor(session, 'http://192.168.1.10:8080/board')).not.toHaveProperty('Content-Security-Policy');
    expect(headersFor(session, 'http://192.168.1.20:8080/board')).toHaveProperty('Content-Security-Policy');
  });

  it('sets the certificate check at start and again on reapplyPins (a fresh proc drops Chromium’s cache)', () => {
    const session = new FakeSession();
    const procs: unknown[] = [];
    const setProc = session.setCertificateVerifyProc.bind(session);
    session.setCertificateVerifyProc = (proc) => {
      procs.push(proc);
      setProc(proc);
    };
    const guard = guardHubSession(asHubSession(session), { hubOrigin: () => 'https://hub.local:8444', fingerprints: () => [] });
    expect(procs).toHaveLength(1);
    guard.reapplyPins();
    expect(procs).toHaveLength(2);
    // No pins set: other checks are Chromium's.
    let result: number | undefined;
    session.certificateVerifyProc!({ hostname: 'hub.local', certificate: { data: '' } }, (r) => (result = r));
    expect(result).toBe(CERT_USE_CHROMIUM);
  });

  it('checks the hub’s host against the pinned fingerprints', () => {
    const session = new FakeSession();
    const pin = 'AB'.repeat(32);
    guardHubSession(asHubSession(session), { hubOrigin: () => 'https://hub.local:8444', fingerprints: () => [pin] });
    const verdict = (hostname: string) => {
      let result: number | undefined;
      session.certificateVerifyProc!({ hostname, certificate: { data: 'not the pinned certificate' } }, (r) => (result = r));
      return result;
    };
    expect(verdict('hub.local')).toBe(CERT_REJECT);
    expect(verdict('portal.example.vn')).toBe(CERT_USE_CHROMIUM);
  });
});
