import type { Catalog, Language, PublicTicketStatus } from '@layso/shared';
import { ts } from './ticket-strings.js';

export type TicketMode = 'waiting' | 'called' | 'finished';

/** What the ticket page shows, computed from the hub's public status and catalog only. */
export interface TicketView {
  number: string;
  mode: TicketMode;
  /** The big sentence: "Vui lòng chờ đến lượt", "Mời đến quầy 86", "Số đã hết hạn…". */
  headline: string;
  serviceName: string;
  /** The counter called to, or the counters that serve the service while waiting. */
  counters: number[];
  current: string;
  ahead: number;
  estWaitMin: number;
}

const FINISHED_KEYS = { done: 'done', skipped: 'skipped', expired: 'expired', cancelled: 'cancelled', transferred: 'transferred' } as const;

export function ticketView(status: PublicTicketStatus, catalog: Catalog | null, language: Language): TicketView {
  const service = catalog?.areas.flatMap((area) => area.services).find((s) => s.id === status.serviceId);
  const serviceName = (language === 'en' ? service?.nameEn : undefined) ?? service?.name ?? status.serviceId;
  const serving = catalog?.counters.filter((c) => c.serviceIds.includes(status.serviceId)).map((c) => c.number) ?? [];
  const base = { number: status.number, serviceName, current: status.current ?? ts(language, 'none'), ahead: status.ahead, estWaitMin: status.estWaitMin };
  if (status.status === 'called' && status.counter !== null) {
    return { ...base, mode: 'called', headline: `${ts(language, 'calledAt')} ${status.counter}`, counters: [status.counter] };
  }
  if (status.status === 'waiting' || status.status === 'booked') {
    return { ...base, mode: 'waiting', headline: ts(language, status.status === 'booked' ? 'booked' : 'waiting'), counters: serving };
  }
  const key = status.status in FINISHED_KEYS ? FINISHED_KEYS[status.status as keyof typeof FINISHED_KEYS] : 'done';
  return { ...base, mode: 'finished', headline: ts(language, key), counters: serving, ahead: 0, estWaitMin: 0 };
}

/**
 * The part of the hub's state that can change this ticket's status: its service's
 * queue, that service's latest call and the counters serving it. The page refetches
 * its status only when this changes, so a busy center's other services do not make
 * every phone poll the hub.
 */
export function relevanceKey(catalog: Catalog, latestCall: string | null, serviceId: string): string {
  const service = catalog.areas.flatMap((area) => area.services).find((s) => s.id === serviceId);
  // "Done" changes neither the queue nor the calls, only the serving counter.
  const counters = catalog.counters.filter((c) => c.serviceIds.includes(serviceId)).map((c) => `${c.number}:${c.status}:${c.current ?? ''}`);
  return [catalog.day, service?.current ?? '', service?.waiting ?? '', latestCall ?? '', ...counters].join('|');
}
