/**
 * Service-day and display formatting in the center's time zone. Everything on the
 * wire is an ISO instant; the "day" is the center's local date `yyyy-MM-dd`.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

interface LocalParts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  weekday: number;
}

const formatterCache = new Map<string, Intl.DateTimeFormat>();

/**
 * The local date and time in `timeZone`: to the minute with the weekday (`weekday`, for
 * service days and opening hours) or to the second with the UTC offset (`offset`, for
 * ISO timestamps). One formatter per zone and kind: building one is slow.
 */
function formatterFor(timeZone: string, kind: 'weekday' | 'offset' = 'weekday'): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let formatter = formatterCache.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(kind === 'weekday' ? { weekday: 'short' } : { second: '2-digit', timeZoneName: 'longOffset' }),
    });
    formatterCache.set(key, formatter);
  }
  return formatter;
}

/**
 * ISO 8601 with the offset of `timeZone` (Asia/Ho_Chi_Minh: `+07:00`), to the
 * millisecond: unambiguous whatever zone the machine itself is set to.
 */
export function isoTimestamp(at: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = Object.fromEntries(
    formatterFor(timeZone, 'offset')
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName!.slice(3);
  const ms = String(at.getUTCMilliseconds()).padStart(3, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}.${ms}${offset}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * localParts is on the hub's hot path (every command checks the opening hours, every
 * issued ticket's wait is carried through them) and one Intl formatToParts costs
 * several microseconds, so the parts of a UTC minute are kept: they are the same for
 * every instant of that minute wherever the zone's offset is a whole number of
 * minutes, which holds for every zone since 1972 (Liberia's -0:44:30 was the last
 * exception). Earlier instants are formatted each time.
 */
const WHOLE_MINUTE_OFFSETS_SINCE = Date.UTC(1973, 0, 1);
const MINUTE_CACHE_SIZE = 256;
const minuteCache = new Map<string, Readonly<LocalParts>>();

export function localParts(instant: Date | number, timeZone: string): Readonly<LocalParts> {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!(ms >= WHOLE_MINUTE_OFFSETS_SINCE)) return formatLocalParts(ms, timeZone);
  const key = `${Math.floor(ms / 60_000)} ${timeZone}`;
  let parts = minuteCache.get(key);
  if (!parts) {
    if (minuteCache.size >= MINUTE_CACHE_SIZE) minuteCache.clear();
    parts = Object.freeze(formatLocalParts(ms, timeZone));
    minuteCache.set(key, parts);
  }
  return parts;
}

function formatLocalParts(instant: number, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    weekday: WEEKDAYS.indexOf(parts.weekday!),
  };
}

/** The center's service day, `yyyy-MM-dd`. */
export function serviceDay(instant: Date | number, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Minutes since local midnight, used against opening hours. */
export function localMinuteOfDay(instant: Date | number, timeZone: string): number {
  const p = localParts(instant, timeZone);
  return Number(p.hour) * 60 + Number(p.minute);
}

/**
 * The instant local midnight begins on `day` (`yyyy-MM-dd`) in `timeZone`: what a
 * "from this day" filter sends. Two corrections cover any whole-day offset change.
 */
export function startOfServiceDay(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = Date.UTC(y, m - 1, d);
  let at = target;
  for (let i = 0; i < 2; i += 1) {
    const p = localParts(at, timeZone);
    at -= Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - target;
  }
  return at;
}

/** `dd/MM/yyyy HH:mm`, the format citizens see on screens and paper. */
export function formatDateTime(instant: Date | number | string, timeZone: string): string {
  const p = localParts(new Date(instant), timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

export function formatDate(instant: Date | number | string, timeZone: string): string {
  const p = localParts(new Date(instant), timeZone);
  return `${p.day}/${p.month}/${p.year}`;
}

export function formatTime(instant: Date | number | string, timeZone: string): string {
  const p = localParts(new Date(instant), timeZone);
  return `${p.hour}:${p.minute}`;
}

/** "07:30" → 450. Callers validate the shape with the config schema first. */
export function parseClock(text: string): number {
  const [h, m] = text.split(':');
  return Number(h) * 60 + Number(m);
}
