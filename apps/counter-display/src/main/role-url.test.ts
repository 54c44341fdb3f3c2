import { describe, expect, it } from 'vitest';
import { parseShellSettings, type ShellSettings } from './settings-schema.js';
import { hubOrigin, roleUrl } from './role-url.js';

function settings(input: Record<string, unknown>): ShellSettings {
  const parsed = parseShellSettings({ hubUrl: 'http://10.0.0.2:8080/', token: 'lys_a+b/c=', ...input });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.settings;
}

describe('roleUrl', () => {
  it('opens the console and the door screen of the configured counter', () => {
    expect(roleUrl(settings({ role: 'counter', counter: 86 }))).toBe('http://10.0.0.2:8080/counter?counter=86#token=lys_a%2Bb%2Fc%3D');
    expect(roleUrl(settings({ role: 'door', counter: 86 }))).toBe('http://10.0.0.2:8080/door?counter=86#token=lys_a%2Bb%2Fc%3D');
  });

  it('leaves the token out before pairing, so the page shows a pairing code', () => {
    const parsed = parseShellSettings({ hubUrl: 'http://10.0.0.2:8080', role: 'counter' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(roleUrl(parsed.settings)).toBe('http://10.0.0.2:8080/counter');
  });

  it('passes the board settings as URL parameters', () => {
    const url = new URL(
      roleUrl(settings({ role: 'board', areas: ['tang-3', 'tang-2'], layout: 'portrait', notice: 'Giờ làm việc: 7h30–17h', volume: 0.8, muted: true })),
    );
    expect(url.pathname).toBe('/board');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      area: 'tang-3,tang-2',
      layout: 'portrait',
      notice: 'Giờ làm việc: 7h30–17h',
      volume: '0.8',
      mute: '1',
    });
  });

  it('keeps a hub path prefix (behind a reverse proxy)', () => {
    expect(roleUrl(settings({ role: 'board', hubUrl: 'https://hcc.example/layso' }))).toBe('https://hcc.example/layso/board#token=lys_a%2Bb%2Fc%3D');
    expect(hubOrigin(settings({ role: 'board', hubUrl: 'https://hcc.example/layso' }))).toBe('https://hcc.example');
  });
});
