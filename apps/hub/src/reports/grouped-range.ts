import type { ReportGroupBy } from '@layso/shared';
import { splitServiceKey, type DayRollup, type FactKey, type HourSums } from './day-aggregate.js';
import { addSums, emptySums, mergeHistograms, type FactSums, type WaitHistogram } from './figures.js';

/**
 * A date range summed per report row: what the stored rollups give for finished days
 * (summed by SQL) and what today's live rollup gives (summed here); the two merge.
 */
export interface GroupedRange {
  facts: Map<string, FactSums>;
  /** Wait histograms per row key (the dim of the groupBy). */
  waits: Map<string, WaitHistogram>;
  /** Row key → service issued for → its waits: each citizen is held to their own service's target. */
  serviceWaits: Map<string, Map<string, WaitHistogram>>;
  hourly: Map<string, HourSums[]>;
  servedByCounter: Map<number, number>;
}

export function emptyGrouped(): GroupedRange {
  return { facts: new Map(), waits: new Map(), serviceWaits: new Map(), hourly: new Map(), servedByCounter: new Map() };
}

/** The row key of a rollup key: service id, counter number as text ('' none), or clerk code ('' none). */
export function rowKey(key: FactKey, groupBy: ReportGroupBy): string {
  if (groupBy === 'service') return key.serviceId;
  if (groupBy === 'counter') return key.counter === 0 ? '' : String(key.counter);
  return key.clerk;
}

export function emptyHours(): HourSums[] {
  return Array.from({ length: 24 }, () => ({ arrivals: 0, called: 0, waitMs: 0 }));
}

/** Groups one day's rollup the way the SQL over report_* tables groups stored days. */
export function groupRollup(rollup: DayRollup, groupBy: ReportGroupBy): GroupedRange {
  const grouped = emptyGrouped();
  for (const { key, sums } of rollup.facts.values()) {
    addFacts(grouped, rowKey(key, groupBy), sums);
    if (key.counter !== 0 && sums.served > 0) addServed(grouped, key.counter, sums.served);
  }
  for (const [key, histogram] of rollup.waits[groupBy]) mergeHistograms(waitsFor(grouped, key), histogram);
  if (groupBy === 'service') for (const [key, histogram] of rollup.waits.service) mergeHistograms(histogramOf(serviceWaitsFor(grouped, key), key), histogram);
  else {
    for (const [key, histogram] of rollup.waits[`${groupBy}-service`]) {
      const { serviceId, rowKey } = splitServiceKey(key);
      mergeHistograms(histogramOf(serviceWaitsFor(grouped, rowKey), serviceId), histogram);
    }
  }
  for (const [serviceId, hours] of rollup.hourly) addHours(grouped, serviceId, hours);
  return grouped;
}

export function mergeGrouped(into: GroupedRange, add: GroupedRange): GroupedRange {
  for (const [key, sums] of add.facts) addFacts(into, key, sums);
  for (const [key, histogram] of add.waits) mergeHistograms(waitsFor(into, key), histogram);
  for (const [key, byService] of add.serviceWaits) {
    for (const [serviceId, histogram] of byService) mergeHistograms(histogramOf(serviceWaitsFor(into, key), serviceId), histogram);
  }
  for (const [serviceId, hours] of add.hourly) addHours(into, serviceId, hours);
  for (const [counter, served] of add.servedByCounter) addServed(into, counter, served);
  return into;
}

export function addFacts(grouped: GroupedRange, key: string, sums: FactSums): void {
  let into = grouped.facts.get(key);
  if (!into) {
    into = emptySums();
    grouped.facts.set(key, into);
  }
  addSums(into, sums);
}

export function waitsFor(grouped: GroupedRange, key: string): WaitHistogram {
  let histogram = grouped.waits.get(key);
  if (!histogram) {
    histogram = new Map();
    grouped.waits.set(key, histogram);
  }
  return histogram;
}

export function serviceWaitsFor(grouped: GroupedRange, key: string): Map<string, WaitHistogram> {
  let byService = grouped.serviceWaits.get(key);
  if (!byService) {
    byService = new Map();
    grouped.serviceWaits.set(key, byService);
  }
  return byService;
}

function histogramOf(byService: Map<string, WaitHistogram>, serviceId: string): WaitHistogram {
  let histogram = byService.get(serviceId);
  if (!histogram) {
    histogram = new Map();
    byService.set(serviceId, histogram);
  }
  return histogram;
}

export function addHours(grouped: GroupedRange, serviceId: string, hours: readonly HourSums[]): void {
  let into = grouped.hourly.get(serviceId);
  if (!into) {
    into = emptyHours();
    grouped.hourly.set(serviceId, into);
  }
  hours.forEach((h, i) => {
    into[i]!.arrivals += h.arrivals;
    into[i]!.called += h.called;
    into[i]!.waitMs += h.waitMs;
  });
}

export function addServed(grouped: GroupedRange, counter: number, served: number): void {
  grouped.servedByCounter.set(counter, (grouped.servedByCounter.get(counter) ?? 0) + served);
}
