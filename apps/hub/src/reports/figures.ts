import type { ReportFigures } from '@layso/shared';

/**
 * Additive counts and sums: what a rollup row stores and what any number of rows add
 * up to. Averages, percentiles and shares are only computed at the end (finishFigures),
 * so a year is the plain sum of its days.
 */
export interface FactSums {
  issued: number;
  walkIn: number;
  online: number;
  priority: number;
  served: number;
  noShow: number;
  expired: number;
  cancelled: number;
  transferred: number;
  recalls: number;
  called: number;
  waitMs: number;
  serviceMs: number;
  ratings: number;
  satisfied: number;
}

/** FactSums field → report_facts column, in one place for the SQL and the JS side. */
export const FACT_COLUMNS: Readonly<Record<keyof FactSums, string>> = {
  issued: 'issued',
  walkIn: 'walk_in',
  online: 'online',
  priority: 'priority',
  served: 'served',
  noShow: 'no_show',
  expired: 'expired',
  cancelled: 'cancelled',
  transferred: 'transferred',
  recalls: 'recalls',
  called: 'called',
  waitMs: 'wait_ms',
  serviceMs: 'service_ms',
  ratings: 'ratings',
  satisfied: 'satisfied',
};
export const FACT_FIELDS = Object.keys(FACT_COLUMNS) as (keyof FactSums)[];

export function emptySums(): FactSums {
  const sums = {} as FactSums;
  for (const field of FACT_FIELDS) sums[field] = 0;
  return sums;
}

export function addSums(into: FactSums, add: FactSums): FactSums {
  for (const field of FACT_FIELDS) into[field] += add[field];
  return into;
}

/** Waits in whole minutes rounded up → number of called tickets. */
export type WaitHistogram = Map<number, number>;

/**
 * The histogram bucket of a wait: minutes rounded UP, so "waited ≤ N minutes" is
 * exactly "bucket ≤ N" for any whole N (the service level is exact, not approximate).
 */
export function waitMinute(waitMs: number): number {
  return Math.ceil(Math.max(0, waitMs) / 60_000);
}

export function addToHistogram(into: WaitHistogram, minute: number, count: number): void {
  into.set(minute, (into.get(minute) ?? 0) + count);
}

/** A histogram as stored: little-endian uint32 counts for minutes 0…max. */
export function encodeHistogram(histogram: WaitHistogram): Buffer {
  const max = Math.max(-1, ...histogram.keys());
  const buffer = Buffer.alloc((max + 1) * 4);
  for (const [minute, count] of histogram) buffer.writeUInt32LE(count, minute * 4);
  return buffer;
}

/** Adds a stored histogram into `into` (counts indexed by minute, grown as needed). */
export function addEncodedHistogram(into: number[], encoded: Buffer): void {
  const minutes = encoded.length / 4;
  while (into.length < minutes) into.push(0);
  for (let minute = 0; minute < minutes; minute++) into[minute]! += encoded.readUInt32LE(minute * 4);
}

export function histogramFromCounts(counts: readonly number[]): WaitHistogram {
  const histogram: WaitHistogram = new Map();
  counts.forEach((count, minute) => {
    if (count > 0) histogram.set(minute, count);
  });
  return histogram;
}

export function mergeHistograms(into: WaitHistogram, add: WaitHistogram): WaitHistogram {
  for (const [minute, count] of add) addToHistogram(into, minute, count);
  return into;
}

/**
 * Nearest-rank 90th percentile in whole minutes rounded up: the wait of the
 * ⌈0.9·n⌉-th shortest wait, exact to its minute bucket.
 */
export function percentileMinute(histogram: WaitHistogram, share = 0.9): number | null {
  const total = [...histogram.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = Math.ceil(share * total);
  let seen = 0;
  for (const minute of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(minute)!;
    if (seen >= rank) return minute;
  }
  return null; // unreachable: seen reaches total ≥ rank
}

export function countWithin(histogram: WaitHistogram, targetMin: number): number {
  let within = 0;
  for (const [minute, count] of histogram) if (minute <= targetMin) within += count;
  return within;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

export function minutesOrNull(totalMs: number, count: number): number | null {
  return count === 0 ? null : round1(totalMs / count / 60_000);
}

export function shareOrNull(part: number, whole: number): number | null {
  return whole === 0 ? null : round4(part / whole);
}

/** The longest wait of a histogram, in whole minutes rounded up (null when nobody was called). */
export function longestMinute(histogram: WaitHistogram): number | null {
  let longest: number | null = null;
  for (const [minute, count] of histogram) if (count > 0 && (longest === null || minute > longest)) longest = minute;
  return longest;
}

/**
 * The published figures of a row: counts as summed, averages and shares derived. The
 * service level holds each citizen to the target of the service they came for:
 * `byService` splits the row's waits by that service and `targetOf` gives its target.
 */
export function finishFigures(sums: FactSums, histogram: WaitHistogram, byService: ReadonlyMap<string, WaitHistogram>, targetOf: (serviceId: string) => number): ReportFigures {
  let withinTarget = 0;
  for (const [serviceId, waits] of byService) withinTarget += countWithin(waits, targetOf(serviceId));
  return {
    issued: sums.issued,
    walkIn: sums.walkIn,
    online: sums.online,
    priority: sums.priority,
    served: sums.served,
    noShow: sums.noShow,
    expired: sums.expired,
    cancelled: sums.cancelled,
    transferred: sums.transferred,
    recalls: sums.recalls,
    called: sums.called,
    avgWaitMin: minutesOrNull(sums.waitMs, sums.called),
    p90WaitMin: percentileMinute(histogram),
    maxWaitMin: longestMinute(histogram),
    avgServiceMin: minutesOrNull(sums.serviceMs, sums.served),
    withinTarget,
    serviceLevel: shareOrNull(withinTarget, sums.called),
    noShowRate: shareOrNull(sums.noShow, sums.served + sums.noShow),
    ratings: { total: sums.ratings, satisfied: sums.satisfied, satisfiedShare: shareOrNull(sums.satisfied, sums.ratings) },
  };
}
