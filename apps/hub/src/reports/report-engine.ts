import type Database from 'better-sqlite3';
import type { CenterConfig, ReportCharts, ReportDayPoint, ReportGroupBy, ReportResponse } from '@layso/shared';
import { addDays, daysBetween, minDay } from './calendar-days.js';
import { aggregateDay, type DayRollup } from './day-aggregate.js';
import { addSums, emptySums, finishFigures, mergeHistograms, minutesOrNull, type WaitHistogram } from './figures.js';
import { emptyGrouped, emptyHours, groupRollup, mergeGrouped, type GroupedRange } from './grouped-range.js';
import { localHourFn } from './local-hour.js';
import { ReportLabels } from './report-labels.js';
import { ReportStore } from './report-store.js';
import { storageProblemOf } from '../store/database-busy.js';

/** The longest range with a per-day chart (two months); longer ranges show the hourly charts only. */
const BY_DAY_MAX_DAYS = 62;

export interface ReportRequest {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  /** The target of services without their own `targetWaitMin`. */
  serviceLevelMin: number;
  /** The query named the target: every service is held to `serviceLevelMin`. */
  sameTargetForAll?: boolean;
  config: CenterConfig;
  /** Test hook: aggregate every day live from the tickets instead of the rollups. */
  live?: boolean;
}

/**
 * Computes reports on one SQLite connection: finished days from the rollups (built
 * on demand for any missing day), today live from the tickets, both through
 * aggregateDay(). Runs inside the report worker so the hub's thread stays free.
 */
export class ReportEngine {
  private readonly store: ReportStore;

  constructor(
    db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    this.store = new ReportStore(db);
  }

  /** Aggregates one day from its tickets and ratings. */
  aggregate(day: string, timeZone: string): DayRollup {
    return aggregateDay(this.store.dayTickets(day), this.store.dayRatings(day), localHourFn(timeZone));
  }

  /**
   * Builds the missing rollups of finished days in [from, to] (days before the hub's
   * current service day, whose tickets no longer change). Returns how many it built.
   */
  fillFinishedDays(from: string, to: string, timeZone: string): number {
    const today = this.today();
    const last = minDay(to, addDays(today, -1));
    if (from > last) return 0;
    const built = this.store.builtDays(from, last, this.now());
    let count = 0;
    for (const day of daysBetween(from, last)) {
      if (built.has(day)) continue;
      this.store.saveRollup(day, this.aggregate(day, timeZone), this.now());
      count++;
    }
    return count;
  }

  today(): string {
    const today = this.store.today();
    if (!today) throw new Error('the database has no service day yet (meta.day)');
    return today;
  }

  report(request: ReportRequest): ReportResponse {
    const { from, to, groupBy, config } = request;
    const today = this.today();
    // Each live day is aggregated from its tickets once, for the rows and the per-day chart alike.
    const live = new Map<string, DayRollup>();
    const liveRollup = (day: string): DayRollup => {
      let rollup = live.get(day);
      if (!rollup) live.set(day, (rollup = this.aggregate(day, config.timeZone)));
      return rollup;
    };
    let grouped: GroupedRange;
    if (request.live) {
      grouped = emptyGrouped();
      for (const day of daysBetween(from, minDay(to, today))) mergeGrouped(grouped, groupRollup(liveRollup(day), groupBy));
    } else {
      const lastFinished = minDay(to, addDays(today, -1));
      try {
        this.fillFinishedDays(from, lastFinished, config.timeZone);
      } catch (error) {
        // A full disk cannot take the rollups: the same figures, computed from the tickets.
        if (storageProblemOf(error) === null) throw error;
        return this.report({ ...request, live: true });
      }
      grouped = from <= lastFinished ? this.store.groupedRange(from, lastFinished, groupBy) : emptyGrouped();
      // Later days than today have no tickets yet; today is computed live.
      if (from <= today && today <= to) mergeGrouped(grouped, groupRollup(liveRollup(today), groupBy));
    }
    return this.respond(request, grouped, today, this.byDay(request, today, liveRollup));
  }

  /**
   * One point per day of a range of at most BY_DAY_MAX_DAYS (a month's chart): each
   * finished day from its rollup (built above), today live, later days empty.
   */
  private byDay(request: ReportRequest, today: string, liveRollup: (day: string) => DayRollup): ReportDayPoint[] {
    const days = daysBetween(request.from, request.to);
    if (days.length > BY_DAY_MAX_DAYS) return [];
    const targets = serviceTargets(request);
    const targetOf = (serviceId: string) => targets[serviceId] ?? request.serviceLevelMin;
    return days.map((day) => {
      let grouped: GroupedRange;
      if (day > today) grouped = emptyGrouped();
      else if (day === today || request.live) grouped = groupRollup(liveRollup(day), 'service');
      else grouped = this.store.groupedRange(day, day, 'service');
      const sums = emptySums();
      const waits: WaitHistogram = new Map();
      for (const [key, facts] of grouped.facts) {
        addSums(sums, facts);
        mergeHistograms(waits, grouped.waits.get(key) ?? new Map());
      }
      // Grouped by service, each row's per-service waits are the row's own.
      const byService = new Map([...grouped.serviceWaits.values()].flatMap((perService) => [...perService]));
      const figures = finishFigures(sums, waits, byService, targetOf);
      return { day, issued: figures.issued, served: figures.served, called: figures.called, avgWaitMin: figures.avgWaitMin, serviceLevel: figures.serviceLevel };
    });
  }

  private respond(request: ReportRequest, grouped: GroupedRange, today: string, byDay: ReportDayPoint[]): ReportResponse {
    const { groupBy, serviceLevelMin } = request;
    const labels = new ReportLabels(request.config, groupBy === 'clerk' ? this.store.clerkNames() : new Map());
    const targets = serviceTargets(request);
    const targetOf = (serviceId: string) => targets[serviceId] ?? serviceLevelMin;
    const totalSums = emptySums();
    const totalWaits: WaitHistogram = new Map();
    const totalByService = new Map<string, WaitHistogram>();
    const rows = labels.orderKeys(groupBy, grouped.facts.keys()).map((key) => {
      const sums = grouped.facts.get(key) ?? emptySums();
      const waits = grouped.waits.get(key) ?? new Map<number, number>();
      const byService = grouped.serviceWaits.get(key) ?? new Map<string, WaitHistogram>();
      addSums(totalSums, sums);
      mergeHistograms(totalWaits, waits);
      for (const [serviceId, histogram] of byService) {
        if (!totalByService.has(serviceId)) totalByService.set(serviceId, new Map());
        mergeHistograms(totalByService.get(serviceId)!, histogram);
      }
      return { key, ...labels.row(groupBy, key), ...finishFigures(sums, waits, byService, targetOf) };
    });
    return {
      from: request.from,
      to: request.to,
      groupBy,
      serviceLevelMin,
      targets,
      timeZone: request.config.timeZone,
      today,
      includesToday: request.from <= today && today <= request.to,
      generatedAt: new Date(this.now()).toISOString(),
      totals: finishFigures(totalSums, totalWaits, totalByService, targetOf),
      rows,
      charts: { ...charts(grouped, labels), byDay },
    };
  }
}

/** Each configured service's target wait for this report. */
function serviceTargets(request: ReportRequest): Record<string, number> {
  const targets: Record<string, number> = {};
  for (const service of request.config.areas.flatMap((a) => a.services)) {
    targets[service.id] = request.sameTargetForAll ? request.serviceLevelMin : (service.targetWaitMin ?? request.serviceLevelMin);
  }
  return targets;
}

function charts(grouped: GroupedRange, labels: ReportLabels): Omit<ReportCharts, 'byDay'> {
  const serviceIds = labels.orderKeys('service', grouped.hourly.keys());
  const allHours = emptyHours();
  for (const hours of grouped.hourly.values()) {
    hours.forEach((h, i) => {
      allHours[i]!.called += h.called;
      allHours[i]!.waitMs += h.waitMs;
    });
  }
  const counters = labels.orderKeys('counter', [...grouped.servedByCounter.keys()].map(String)).filter((k) => k !== '');
  return {
    arrivalsByHour: serviceIds.map((serviceId) => ({
      serviceId,
      ...labels.service(serviceId),
      counts: (grouped.hourly.get(serviceId) ?? emptyHours()).map((h) => h.arrivals),
    })),
    waitByHour: allHours.map((h, hour) => ({ hour, called: h.called, avgWaitMin: minutesOrNull(h.waitMs, h.called) })),
    servedByCounter: counters.map((key) => ({ counter: Number(key), ...labels.counter(Number(key)), served: grouped.servedByCounter.get(Number(key)) ?? 0 })),
  };
}
