import { describe, expect, it } from 'vitest';
import { checkTarget, ownerOf } from './canonical-path.js';

describe('checkTarget: one meaning per request target, or a refusal', () => {
  it.each([
    '/socket.io/%2e%2e/?EIO=4&transport=polling',
    '/socket.io/../api/tickets',
    '/api/../socket.io/',
    '/api//portal/catalog',
    '//api/health',
    '/api/./health',
    '/api/health/.',
    '/api/health/..',
    '/api%2fhealth',
    '/api%2Fhealth',
    '/api%5Chealth',
    '/api\\health',
    '/api/health%00',
    '/api/health\0',
    '/kiosk/%2E%2e/x',
    '/api/health#x',
    'http://hub/api/health',
    '*',
    '',
  ])('refuses %j', (url) => {
    expect(checkTarget(url).ok).toBe(false);
  });

  it.each([
    ['/socket.io/?EIO=4&transport=polling&sid=abc', '/socket.io/'],
    ['/api/tickets', '/api/tickets'],
    ['/api/tickets/', '/api/tickets/'],
    ['/kiosk/', '/kiosk/'],
    ['/t/2026-12-03/86001', '/t/2026-12-03/86001'],
    ['/api/audit?limit=10&before=..', '/api/audit'],
    ['/kiosk/assets/index-CPbibmHF.js', '/kiosk/assets/index-CPbibmHF.js'],
    ['/api/services/d%E1%BA%A5t', '/api/services/d%E1%BA%A5t'],
    ['/', '/'],
  ])('accepts %j as %j, unchanged', (url, pathname) => {
    const checked = checkTarget(url);
    expect(checked.ok && checked.target.pathname).toBe(pathname);
  });

  it('keeps the query string for the owner (dots and slashes are fine there)', () => {
    const checked = checkTarget('/api/audit?limit=10&before=../x');
    expect(checked.ok && Object.fromEntries(checked.target.search)).toEqual({ limit: '10', before: '../x' });
  });

  it('gives each canonical path one owner', () => {
    expect(ownerOf('/socket.io/')).toBe('realtime');
    expect(ownerOf('/socket.io')).toBe('realtime');
    expect(ownerOf('/api/tickets')).toBe('api');
    expect(ownerOf('/api')).toBe('api');
    expect(ownerOf('/apiary')).toBe('web');
    expect(ownerOf('/socket.iox/')).toBe('web');
    expect(ownerOf('/kiosk/')).toBe('web');
  });
});
