import {
  DEFAULT_ANNOUNCEMENT,
  ErrorCode,
  type Catalog,
  type CatalogCounter,
  type CenterConfig,
  type CounterConfig,
  type CounterQueueResponse,
  type CounterTicket,
  type IssuedTicket,
  type PublicTicketStatus,
  type RecentCall,
} from '@layso/shared';
import { projectedCallOrder } from './call-order.js';
import { counterDisplayName, type ServiceEntry } from './center-model.js';
import { isOpenTicket, type CounterStateRecord, type OpenTicketFilter, type QueueStore, type TicketRecord } from './ports.js';
import { QueueError } from './queue-error.js';

/**
 * What the read models need from the queue core: its configuration, service day and
 * opening state, and the lookups and estimates its commands use too (QueueCore is one).
 */
export interface QueueReadSource {
  readonly config: CenterConfig;
  readonly currentDay: string;
  readonly closedEarly: boolean;
  isOpen(): boolean;
  hasService(serviceId: string): boolean;
  serviceAreaId(serviceId: string): string;
  /** The service, or NOT_FOUND. */
  requireService(serviceId: string): ServiceEntry;
  /** The counter, or NOT_FOUND. */
  requireCounter(counterNumber: number): CounterConfig;
  counterState(counterNumber: number): CounterStateRecord;
  openFilter(serviceId: string): OpenTicketFilter;
  /** People in front of an open ticket in its service's queue. */
  ahead(ticket: TicketRecord): number;
  /** Minutes until a ticket (or, without one, a ticket taken now) is called. */
  estimate(serviceId: string, ahead: number, ticket?: TicketRecord): number;
}

/**
 * The wire read models (packages/shared's shapes) the kiosks, counters, boards, the
 * portal and the admin console read: built from the core's state and the store, never
 * changing either. The commands stay in queue-core.ts; these are its queries.
 */
export class QueueViews {
  constructor(
    private readonly core: QueueReadSource,
    private readonly store: QueueStore,
  ) {}

  /** The center as a kiosk, a board or the portal shows it: areas, services with their queues, counters. */
  catalog(): Catalog {
    const config = this.core.config;
    return {
      day: this.core.currentDay,
      center: { name: config.name, ...(config.nameEn ? { nameEn: config.nameEn } : {}), timeZone: config.timeZone },
      open: this.core.isOpen(),
      closedEarly: this.core.closedEarly,
      priorityCategories: config.priorityCategories.map((c) => ({ id: c.id, name: c.name, ...(c.nameEn ? { nameEn: c.nameEn } : {}) })),
      ...(config.boardNotice ? { boardNotice: config.boardNotice } : {}),
      announcement: config.announcement ?? DEFAULT_ANNOUNCEMENT,
      areas: config.areas.map((area) => ({
        id: area.id,
        name: area.name,
        ...(area.nameEn ? { nameEn: area.nameEn } : {}),
        services: area.services.map((service) => ({
          id: service.id,
          name: service.name,
          ...(service.nameEn ? { nameEn: service.nameEn } : {}),
          prefix: service.prefix,
          active: service.active,
          paused: service.paused === true,
          ...this.serviceStatus(service.id),
        })),
      })),
      counters: config.counters.map((c) => this.counterView(c.number)),
    };
  }

  serviceStatus(serviceId: string): { current: string | null; waiting: number; estWaitMin: number; full: boolean } {
    const service = this.core.requireService(serviceId);
    const day = this.core.currentDay;
    const waiting = this.store.countOpen(this.core.openFilter(serviceId));
    return {
      current: this.store.getServiceCurrent(serviceId, day),
      waiting,
      estWaitMin: this.core.estimate(serviceId, waiting),
      full: this.store.lastSeq(day, service.prefix) >= service.dailyLimit,
    };
  }

  counterView(counterNumber: number): CatalogCounter {
    const counter = this.core.requireCounter(counterNumber);
    const state = this.core.counterState(counterNumber);
    const current = state.currentTicketId !== null ? this.store.getTicket(state.currentTicketId) : null;
    return {
      number: counter.number,
      name: counterDisplayName(counter),
      areaId: counter.areaId,
      serviceIds: counter.serviceIds,
      status: state.status,
      current: current?.number ?? null,
    };
  }

  /** A counter's screen: whom it serves, who it will call next (in the order `next` calls them), today's figures. */
  counterQueue(counterNumber: number, limit = 50): CounterQueueResponse {
    const counter = this.core.requireCounter(counterNumber);
    const state = this.core.counterState(counterNumber);
    const serving = state.currentTicketId !== null ? this.store.getTicket(state.currentTicketId) : null;
    // The first `limit` calls come from each service's first `limit` tickets of each kind.
    const open = counter.serviceIds.flatMap((serviceId) => [true, false].flatMap((priority) => this.store.listOpen(this.core.openFilter(serviceId), limit, priority)));
    const waiting = projectedCallOrder(open, this.core.config.priorityPolicy, state.normalStreak, limit);
    const stats = this.store.counterDayStats(counterNumber, this.core.currentDay);
    return {
      counter: this.counterView(counterNumber),
      serving: serving ? counterTicketView(serving) : null,
      waiting: waiting.map(counterTicketView),
      servedToday: stats.served,
      avgServiceMin: stats.avgServiceMs === null ? null : Math.round((stats.avgServiceMs / 60_000) * 10) / 10,
    };
  }

  /** A ticket as its holder sees it (the ticket page, the portal): status, place, wait. */
  publicStatus(day: string, number: string): PublicTicketStatus {
    const ticket = this.store.getTicketByNumber(day, number);
    if (!ticket) throw new QueueError(ErrorCode.NOT_FOUND, `no ticket ${number} on ${day}`);
    const open = isOpenTicket(ticket);
    const ahead = open ? this.core.ahead(ticket) : 0;
    const today = this.core.currentDay;
    return {
      number: ticket.number,
      day: ticket.day,
      serviceId: ticket.serviceId,
      status: ticket.status,
      ahead,
      current: ticket.day === today ? this.store.getServiceCurrent(ticket.serviceId, today) : null,
      counter: ticket.status === 'called' ? ticket.counter : null,
      estWaitMin: open ? this.core.estimate(ticket.serviceId, ahead, ticket) : 0,
    };
  }

  /** Today's calls, newest first (the board's history). */
  recentCalls(limit = 20): RecentCall[] {
    return this.store.recentCalls(this.core.currentDay, limit).flatMap((ticket) => {
      if (ticket.counter === null || ticket.calledAt === null || !this.core.hasService(ticket.serviceId)) return [];
      const areaId = this.core.serviceAreaId(ticket.serviceId);
      return [{ number: ticket.number, counter: ticket.counter, serviceId: ticket.serviceId, areaId, recall: false, at: new Date(ticket.calledAt).toISOString() }];
    });
  }

  /** A ticket as the kiosk shows and prints it, with its current place in the queue. */
  issuedView(ticket: TicketRecord, knownAhead?: number): IssuedTicket {
    const open = isOpenTicket(ticket);
    const ahead = knownAhead ?? (open ? this.core.ahead(ticket) : 0);
    return {
      id: ticket.id,
      number: ticket.number,
      serviceId: ticket.serviceId,
      day: ticket.day,
      issuedAt: new Date(ticket.issuedAt).toISOString(),
      priority: ticket.priority,
      ahead,
      estWaitMin: open ? this.core.estimate(ticket.serviceId, ahead, ticket) : 0,
    };
  }
}

/** A ticket as a counter's screen shows it (and as the counter commands answer). */
export function counterTicketView(ticket: TicketRecord): CounterTicket {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    id: ticket.id,
    number: ticket.number,
    serviceId: ticket.serviceId,
    day: ticket.day,
    status: ticket.status,
    priority: ticket.priority,
    source: ticket.source,
    issuedAt: new Date(ticket.issuedAt).toISOString(),
    calledAt: iso(ticket.calledAt),
    counter: ticket.counter,
    recalls: ticket.recalls,
    deadline: iso(ticket.deadline),
    transferredFrom: ticket.transferredFrom,
  };
}
