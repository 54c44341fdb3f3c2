import { describe, expect, it } from 'vitest';
import { addHubCsp, hubContentSecurityPolicy, withHubCsp, type HeadersDetails } from './hub-csp.js';

const HUB = 'https://192.168.1.10:8443';

describe('hub CSP', () => {
  it('is strict: scripts and sockets from the hub only, no objects, frames or base', () => {
    const policy = hubContentSecurityPolicy(HUB);
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    expect(policy).toContain("connect-src 'self' ws://192.168.1.10:8443 wss://192.168.1.10:8443");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("base-uri 'none'");
  });

  it('is added to the hub documents, keeping their own headers', () => {
    const headers = withHubCsp({ url: `${HUB}/kiosk/`, resourceType: 'mainFrame', responseHeaders: { 'Content-Type': ['text/html'] } }, HUB);
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [hubContentSecurityPolicy(HUB)] });
  });

  it('leaves other origins, sub-resources and an unconfigured shell alone', () => {
    const other: HeadersDetails = { url: 'https://example.org/', resourceType: 'mainFrame', responseHeaders: { A: ['1'] } };
    expect(withHubCsp(other, HUB)).toBe(other.responseHeaders);
    const script: HeadersDetails = { url: `${HUB}/kiosk/assets/a.js`, resourceType: 'script', responseHeaders: { A: ['1'] } };
    expect(withHubCsp(script, HUB)).toBe(script.responseHeaders);
    expect(withHubCsp({ url: `${HUB}/kiosk/`, resourceType: 'mainFrame' }, null)).toBeUndefined();
  });

  it('is wired through onHeadersReceived with the current hub', () => {
    let handler: Parameters<Parameters<typeof addHubCsp>[0]['onHeadersReceived']>[0] | null = null;
    addHubCsp({ onHeadersReceived: (h) => (handler = h) }, () => HUB);
    const answers: unknown[] = [];
    handler!({ url: `${HUB}/board`, resourceType: 'mainFrame', responseHeaders: {} }, (response) => answers.push(response));
    expect(answers).toEqual([{ responseHeaders: { 'Content-Security-Policy': [hubContentSecurityPolicy(HUB)] } }]);
  });
});
