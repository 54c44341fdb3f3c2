import type Database from 'better-sqlite3';
import type { HubModule } from '../http/hub-module.js';
import type { BookingContactStore } from '../portal/ports.js';
import type { RetryPolicy } from '../portal/retry-delay.js';
import type { Clock } from '../queue/ports.js';
import type { QueueCore } from '../queue/queue-core.js';
import { NotificationService } from './notification-service.js';
import { buildNotifyRoutes } from './notify-routes.js';
import { SqliteNotificationStore } from './sqlite-notification-store.js';

export interface NotifyModuleDeps {
  db: Database.Database;
  core: QueueCore;
  /** The booking contacts a reminder may go to (the portal's store). */
  contacts: BookingContactStore;
  clock: Clock;
  log(message: string, error?: unknown): void;
  /** Backoff when a notification channel fails (tests shorten it). */
  retry?: RetryPolicy;
}

export interface NotifyModule extends HubModule {
  readonly notifications: NotificationService;
}

/** Citizen reminders: committed events become outbox rows, the dispatcher sends them, and the routes subscribe and list. */
export function createNotifyModule(deps: NotifyModuleDeps): NotifyModule {
  const { db, core, contacts, clock, log, retry } = deps;
  const notifications = new NotificationService({ core, store: new SqliteNotificationStore(db), contacts, clock, log, ...(retry ? { retry } : {}) });
  return {
    name: 'notify',
    notifications,
    routes: buildNotifyRoutes({ core, notifications }),
    onEvents: (events) => notifications.onEvents(events),
    purgePersonalData: () => void notifications.purgePersonalData(),
    start: () => notifications.start(),
    stop: () => notifications.stop(),
  };
}
