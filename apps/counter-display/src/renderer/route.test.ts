import { describe, expect, it } from 'vitest';
import { parseCounterNumber, parseRoute, parseVolume } from './route.js';

describe('parseRoute', () => {
  it('picks the console for /counter, with an optional counter number', () => {
    expect(parseRoute('/counter', '')).toEqual({ role: 'console', counter: null });
    expect(parseRoute('/counter/', '?counter=86')).toEqual({ role: 'console', counter: 86 });
  });

  it('picks the door screen for /door?counter=N', () => {
    expect(parseRoute('/door', '?counter=86')).toEqual({ role: 'door', counter: 86 });
    expect(parseRoute('/door', '?counter=abc')).toEqual({ role: 'door', counter: null });
  });

  it('reads the board settings from the query', () => {
    const route = parseRoute('/board', '?area=tang-3,%20Tang-2,,tang-3&layout=portrait&notice=%20Xin%20ch%C3%A0o%20&volume=0.8&mute=1');
    expect(route).toEqual({
      role: 'board',
      board: { areas: ['tang-3', 'tang-2'], layout: 'portrait', notice: 'Xin chào', volume: 0.8, muted: true, alternateTitle: false },
    });
  });

  it('gives a board with no parameters every area, landscape, full volume, sound on, no notice', () => {
    expect(parseRoute('/board', '')).toEqual({
      role: 'board',
      board: { areas: [], layout: 'landscape', notice: null, volume: 1, muted: false, alternateTitle: false },
    });
  });

  it('alternates the board title only with title=alternate', () => {
    const board = (search: string) => (parseRoute('/board', search) as { board: { alternateTitle: boolean } }).board.alternateTitle;
    expect(board('?title=alternate&lang=en')).toBe(true);
    expect(board('?title=ALTERNATE')).toBe(true);
    expect(board('?title=vi')).toBe(false);
  });

  it('finds the shell settings screen and reports unknown paths', () => {
    expect(parseRoute('/counter/settings', '')).toEqual({ role: 'settings' });
    expect(parseRoute('/kiosk', '')).toEqual({ role: 'unknown', path: '/kiosk' });
  });
});

describe('parameter parsing', () => {
  it('accepts counter numbers 1–999 only', () => {
    expect(parseCounterNumber('1')).toBe(1);
    expect(parseCounterNumber('999')).toBe(999);
    expect(parseCounterNumber('0')).toBeNull();
    expect(parseCounterNumber('1000')).toBeNull();
    expect(parseCounterNumber('8.5')).toBeNull();
    expect(parseCounterNumber(null)).toBeNull();
  });

  it('clamps the volume and falls back to full volume on nonsense', () => {
    expect(parseVolume('0.25')).toBe(0.25);
    expect(parseVolume('7')).toBe(1);
    expect(parseVolume('-1')).toBe(0);
    expect(parseVolume('loud')).toBe(1);
    expect(parseVolume(null)).toBe(1);
  });
});

describe('parseRoute: the citizen ticket page', () => {
  it('reads /t/:day/:number and refuses malformed parts', () => {
    expect(parseRoute('/t/2026-11-23/86005', '')).toEqual({ role: 'ticket', day: '2026-11-23', number: '86005' });
    expect(parseRoute('/t/2026-13-01/86000', '')).toEqual({ role: 'ticket', day: null, number: null });
  });
});

describe('parseRoute: the rating screen', () => {
  it('reads /rate?counter=N', () => {
    expect(parseRoute('/rate', '?counter=86')).toEqual({ role: 'rate', counter: 86 });
    expect(parseRoute('/rate', '')).toEqual({ role: 'rate', counter: null });
  });
});
