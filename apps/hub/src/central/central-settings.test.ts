import { describe, expect, it } from 'vitest';
import { resolveCentralSettings } from './central-settings.js';

describe('resolveCentralSettings', () => {
  it('is off when nothing is set', () => {
    expect(resolveCentralSettings({})).toEqual({ ok: true, settings: null });
  });

  it('reads url, hub id and secret', () => {
    const env = { LAYSO_CENTRAL_URL: 'https://central.example.vn/', LAYSO_CENTRAL_HUB_ID: 'xa-tan-phu', LAYSO_CENTRAL_SECRET: 's'.repeat(32) };
    expect(resolveCentralSettings(env)).toEqual({ ok: true, settings: { url: 'https://central.example.vn', hubId: 'xa-tan-phu', secret: 's'.repeat(32) } });
  });

  it('refuses a partial or bad configuration, naming each problem', () => {
    const result = resolveCentralSettings({ LAYSO_CENTRAL_URL: 'ftp://x', LAYSO_CENTRAL_HUB_ID: 'Xã Tân Phú' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(3);
    expect(result.problems.join('\n')).toMatch(/LAYSO_CENTRAL_URL must be an http\(s\) address[\s\S]*LAYSO_CENTRAL_HUB_ID must be[\s\S]*LAYSO_CENTRAL_SECRET \(or LAYSO_CENTRAL_SECRET_FILE\) is missing/);
    expect(resolveCentralSettings({ LAYSO_CENTRAL_URL: 'https://c', LAYSO_CENTRAL_HUB_ID: 'a', LAYSO_CENTRAL_SECRET_FILE: '/nonexistent/secret' })).toMatchObject({
      ok: false,
      problems: ['LAYSO_CENTRAL_SECRET_FILE /nonexistent/secret cannot be read: ENOENT'],
    });
  });
});
