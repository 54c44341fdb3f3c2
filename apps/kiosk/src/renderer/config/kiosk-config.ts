/**
 * Timings of the kiosk, from the page URL so a center (or a test) can change them
 * without a rebuild: /kiosk/?idleMs=30000&ticketIdleMs=10000&voice=on.
 */
export interface KioskConfig {
  /** Any screen returns home after this long without a touch. */
  idleMs: number;
  /** The ticket screen returns home after this long without a touch. */
  ticketIdleMs: number;
  /** Read the issued number and counter aloud (?voice=on); off by default. */
  voice?: boolean;
}

export const DEFAULT_KIOSK_CONFIG: KioskConfig = { idleMs: 30_000, ticketIdleMs: 10_000, voice: false };

const MIN_MS = 500;
const MAX_MS = 10 * 60_000;

function readMs(params: URLSearchParams, name: 'idleMs' | 'ticketIdleMs'): number {
  const text = params.get(name);
  const value = text === null || text.trim() === '' ? Number.NaN : Number(text);
  // A typo must not leave the kiosk stuck on a citizen's ticket: fall back to the default.
  if (!Number.isInteger(value) || value < MIN_MS || value > MAX_MS) return DEFAULT_KIOSK_CONFIG[name];
  return value;
}

export function parseKioskConfig(search: string): KioskConfig {
  const params = new URLSearchParams(search);
  return { idleMs: readMs(params, 'idleMs'), ticketIdleMs: readMs(params, 'ticketIdleMs'), voice: params.get('voice') === 'on' };
}
