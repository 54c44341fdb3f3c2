import { daySchema, ticketNumberSchema } from '@layso/shared';

/**
 * One renderer serves every role: the hub mounts the same build at /counter (the
 * clerk's console), /door (the screen above a counter) and /board (the hall TV), so
 * the page decides what it is from its own address. Query parameters carry the
 * per-screen settings until the admin issue moves them to the hub's configuration.
 */
export type BoardLayout = 'landscape' | 'portrait';

export interface BoardParams {
  /** Area ids whose counters and calls this board shows; empty = every area. */
  areas: string[];
  layout: BoardLayout;
  /** Scrolling notice at the bottom; null hides the notice bar. */
  notice: string | null;
  /** Announcement volume 0–1. */
  volume: number;
  muted: boolean;
  /** `title=alternate`: the title line alternates Vietnamese / English (the rest keeps the page language). */
  alternateTitle: boolean;
}

export type Route =
  | { role: 'console'; counter: number | null }
  | { role: 'door'; counter: number | null }
  | { role: 'board'; board: BoardParams }
  /** The citizen's live ticket page from the printed QR (/t/:day/:number); public, no token. */
  | { role: 'ticket'; day: string | null; number: string | null }
  /** The small citizen-facing satisfaction screen at a counter (/rate?counter=N). */
  | { role: 'rate'; counter: number | null }
  /** The Electron shell's settings screen (served from the app itself, not the hub). */
  | { role: 'settings' }
  | { role: 'unknown'; path: string };

const MAX_NOTICE_CHARS = 500;

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  const segments = pathname.split('/').filter(Boolean);
  const [first, second] = segments;
  switch (first) {
    case 'counter':
      return second === 'settings' ? { role: 'settings' } : { role: 'console', counter: parseCounterNumber(params.get('counter')) };
    case 'door':
      return { role: 'door', counter: parseCounterNumber(params.get('counter')) };
    case 'board':
      return { role: 'board', board: parseBoardParams(params) };
    case 'rate':
      return { role: 'rate', counter: parseCounterNumber(params.get('counter')) };
    case 't':
      return { role: 'ticket', day: parseDay(second), number: parseTicketNumber(segments[2]) };
    default:
      return { role: 'unknown', path: pathname };
  }
}

/** yyyy-MM-dd, or null. */
export function parseDay(text: string | undefined): string | null {
  return daySchema.safeParse(text).success ? text! : null;
}

/** A ticket number XXYYY, or null. */
export function parseTicketNumber(text: string | undefined): string | null {
  return ticketNumberSchema.safeParse(text).success ? text! : null;
}

/** A counter number 1–999, or null for anything else. */
export function parseCounterNumber(text: string | null): number | null {
  if (text === null || !/^\d{1,3}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= 1 && n <= 999 ? n : null;
}

export function parseBoardParams(params: URLSearchParams): BoardParams {
  const areas = [
    ...new Set(
      (params.get('area') ?? '')
        .split(',')
        .map((a) => a.trim().toLowerCase())
        .filter((a) => a !== ''),
    ),
  ];
  const notice = (params.get('notice') ?? '').trim().slice(0, MAX_NOTICE_CHARS);
  return {
    areas,
    layout: params.get('layout') === 'portrait' ? 'portrait' : 'landscape',
    notice: notice === '' ? null : notice,
    volume: parseVolume(params.get('volume')),
    muted: parseFlag(params.get('mute')),
    alternateTitle: params.get('title')?.trim().toLowerCase() === 'alternate',
  };
}

/** 0–1; a bad value falls back to full volume rather than silencing the hall. */
export function parseVolume(text: string | null): number {
  if (text === null || text.trim() === '') return 1;
  const value = Number(text);
  if (!Number.isFinite(value)) return 1;
  return Math.min(1, Math.max(0, value));
}

export function parseFlag(text: string | null): boolean {
  return text !== null && ['1', 'true', 'yes', 'on'].includes(text.trim().toLowerCase());
}
