import type { IncomingMessage } from 'node:http';
import type Database from 'better-sqlite3';
import type { HubModule } from '../http/hub-module.js';
import type { Clock, QueueStore } from '../queue/ports.js';
import type { QueueCore, QueueEvent } from '../queue/queue-core.js';
import { SqliteBookingContactStore, SqliteSignatureLedger } from './booking-contact-store.js';
import { BookingService } from './booking-service.js';
import { PortalLink } from './portal-link.js';
import { createPortalRequestVerifier } from './portal-request-verifier.js';
import { buildPortalRoutes } from './portal-routes.js';
import type { BookingContactStore } from './ports.js';
import type { RetryPolicy } from './retry-delay.js';
import { SqlitePortalOutbox } from './sqlite-portal-outbox.js';

export interface PortalModuleDeps {
  db: Database.Database;
  core: QueueCore;
  /** Where the pull poller keeps its cursor. */
  meta: Pick<QueueStore, 'getMeta' | 'setMeta'>;
  clock: Clock;
  /** Online bookings already taken today for a service (its daily quota). */
  onlineBookings(serviceId: string): number;
  /** The hub's publish: pulled bookings and check-ins are committed events like any other. */
  publish(events: readonly QueueEvent[]): void;
  /** Backoff when the provincial portal fails (tests shorten it). */
  retry?: RetryPolicy;
}

export interface PortalModule extends HubModule {
  readonly bookings: BookingService;
  /** Booking contacts, which citizen reminders also read (notify). */
  readonly contacts: BookingContactStore;
  /** Checks the portal's HMAC signature on the routes marked `signed` (the request handler calls it). */
  verifySignature(req: IncomingMessage, body: string): void;
}

/** The provincial portal: its signed push API, kiosk check-in of online bookings, and the link that pushes status and pulls bookings. */
export function createPortalModule(deps: PortalModuleDeps): PortalModule {
  const { db, core, clock, publish } = deps;
  const contacts = new SqliteBookingContactStore(db);
  const bookings = new BookingService(core, contacts, clock, deps.onlineBookings);
  const link = new PortalLink({ core, bookings, store: deps.meta, outbox: new SqlitePortalOutbox(db), clock, publish, ...(deps.retry ? { retry: deps.retry } : {}) });
  return {
    name: 'portal',
    bookings,
    contacts,
    verifySignature: createPortalRequestVerifier(() => core.config.portal, new SqliteSignatureLedger(db), clock),
    routes: buildPortalRoutes({ bookings, publish }),
    onEvents: (events) => link.onEvents(events),
    purgePersonalData: () => void bookings.purgePersonalData(),
    start: () => link.start(),
    stop: () => link.stop(),
  };
}
