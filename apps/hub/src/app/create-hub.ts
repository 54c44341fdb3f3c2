import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { centerConfigSchema, type CenterConfig } from '@layso/shared';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { buildPortalRoutes } from '../portal/portal-routes.js';
import { FailureLimiter } from '../http/failure-limiter.js';
import { buildQueueRoutes } from '../queue-api/queue-routes.js';
import { buildNotifyRoutes } from '../notify/notify-routes.js';
import { buildRatingRoutes } from '../rating/rating-routes.js';
import { buildClockRoutes, clockStatus } from '../queue-api/clock-routes.js';
import { buildReportRoutes } from '../reports/report-routes.js';
import { ReportRunner } from '../reports/report-runner.js';
import { backfillRollups, fillRollupsAfterRollover } from '../reports/rollover-fill.js';
import { oldestTicketDay } from '../reports/report-store.js';
import { buildAdminConfigRoutes } from '../http/admin-config-routes.js';
import { buildAdminTodayRoutes } from '../http/admin-today-routes.js';
import { todayFloor } from '../admin-config/today-floor.js';
import { SqliteFloorReads } from '../store/sqlite-floor-reads.js';
import { SqliteTicketCounts } from '../store/sqlite-ticket-counts.js';
import { createCounterRenumbering } from '../devices/counter-renumbering.js';
import { ClerkStore } from '../store/clerk-store.js';
import { AuditLogStore } from '../audit/audit-log-store.js';
import { createAdminAccess, type AdminAccess } from '../admin-auth/admin-access.js';
import { RatingService } from '../rating/rating-service.js';
import { SqliteRatingStore } from '../rating/sqlite-rating-store.js';
import { NotificationService } from '../notify/notification-service.js';
import { SqliteNotificationStore } from '../notify/sqlite-notification-store.js';
import { BookingService } from '../portal/booking-service.js';
import { createPortalRequestVerifier } from '../portal/portal-request-verifier.js';
import { SqliteBookingContactStore, SqliteSignatureLedger } from '../portal/booking-contact-store.js';
import { createRequestHandler } from '../http/request-handler.js';
import { attachHubListener } from '../http/hub-listener.js';
import type { SpaMount } from '../http/static-files.js';
import type { Clock } from '../queue/ports.js';
import { QueueCore, type QueueEvent } from '../queue/queue-core.js';
import { RealtimeGateway } from '../realtime/realtime-gateway.js';
import type { SocketLimits } from '../realtime/socket-limits.js';
import { DeviceStore } from '../devices/device-store.js';
import { DATABASE_FILE } from '../store/open-database.js';
import { createHealthReport } from '../deploy/health-report.js';
import { openHubDatabase } from '../deploy/open-hub-database.js';
import { refusePortalOverPlainHttp } from '../deploy/plain-http-guard.js';
import { defaultWebRoots, type WebRoots } from '../deploy/web-roots.js';
import { SqlitePortalOutbox } from '../portal/sqlite-portal-outbox.js';
import { SqliteQueueStore } from '../store/sqlite-queue-store.js';
import { WalCheckpointer } from '../store/wal-checkpointer.js';
import { HUB_BUSY_TIMEOUT_MS, storageFaultOf } from '../store/database-busy.js';
import { StorageWatch } from '../store/storage-watch.js';
import { PortalLink } from '../portal/portal-link.js';
import { CentralUpstream, type CentralSettings } from '../central/central-upstream.js';
import { SqliteCentralOutbox } from '../central/sqlite-central-outbox.js';
import type { RetryPolicy } from '../portal/retry-delay.js';
import { HUB_VERSION } from './hub-version.js';
import { IssueBatcher } from '../queue/issue-batcher.js';
import { landingPage } from './landing-page.js';
import { importConfigFile } from './config-import.js';
import { createHubServers } from './hub-servers.js';
import { startHubListeners, type HubListeners } from './hub-listeners.js';
import type { LanHttpsListener } from '../deploy/lan-https-listener.js';
import type { PortalListener } from '../deploy/portal-listener.js';
import { DEFAULT_HTTP_TIMEOUTS, type HttpTimeouts } from '../http/server-timeouts.js';
import type { HubModule } from '../http/hub-module.js';
import { createDevicesModule } from '../devices/devices-module.js';
import { transactionRunner } from '../store/transaction-runner.js';
import { hubLogger } from '../logging/hub-logger.js';
import { RollupWaitHistory } from '../reports/wait-history.js';

export interface HubOptions {
  dataDir: string;
  port?: number;
  host?: string;
  /** Replaces the stored center configuration (validated); the demo center is used on an empty data folder. */
  config?: CenterConfig;
  clock?: Clock;
  /** Folders holding the built renderers. */
  webRoots?: WebRoots;
  /** Backoff when the provincial portal fails (tests shorten it). */
  portalRetry?: RetryPolicy;
  /** Backoff when a notification channel fails (tests shorten it). */
  notifyRetry?: RetryPolicy;
  /** How often day rollover and booking expiry are checked. */
  tickMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** The portal-facing HTTPS listener; with it, the LAN listener refuses /api/portal/*. */
  portal?: { port: number; host: string; tlsCert: string; tlsKey: string };
  /** The LAN's HTTPS listener (pages, API and sockets, like the plain one) with the center's own certificate. */
  lanHttps?: { port: number; host: string; tlsCert: string; tlsKey: string };
  /** DNS-SD announcement of the hub (default off here; the CLI turns it on for LAN hosts). */
  mdns?: 'auto' | 'on' | 'off';
  /** Test-only: migrations from another folder. */
  migrationsDir?: string;
  /** Per-connection limits of both listeners (tests shorten them); DEFAULT_HTTP_TIMEOUTS otherwise. */
  httpTimeouts?: Partial<HttpTimeouts>;
  /** Test-only: lower socket limits (events, snapshots, unsent output, public sockets). */
  socketLimits?: Partial<SocketLimits>;
  /** Stream committed events to a province's central (docs/central.md); absent = off. */
  central?: CentralSettings;
  /** Backoff when central fails (tests shorten it). */
  centralRetry?: RetryPolicy;
}

export interface Hub {
  url: string;
  port: number;
  core: QueueCore;
  devices: DeviceStore;
  bookings: BookingService;
  notifications: NotificationService;
  /** Admin sign-in, clerks, audit and backups (the CLI creates the first admin through it). */
  admin: AdminAccess;
  db: Database.Database;
  /** The portal's HTTPS listener, when configured. */
  portal: { port: number; url: string } | null;
  /** The LAN's HTTPS listener, when configured. */
  lanHttps: { port: number; url: string } | null;
  /** The database copy taken before this start upgraded the schema, if it did. */
  backupFile: string | null;
  /** Reads the TLS files again (also done by itself when they change). */
  reloadTls(): void;
  publish(events: readonly QueueEvent[]): void;
  close(): Promise<void>;
}

/** Wires store, queue core, HTTP commands and socket.io pushes into one running hub. */
export async function startHub(options: HubOptions): Promise<Hub> {
  const log = options.log ?? hubLogger.log;
  const clock = options.clock ?? { now: () => Date.now() };
  const startedAt = Date.now();
  const { db, backupFile, fromVersion, applied } = await openHubDatabase({
    file: join(options.dataDir, DATABASE_FILE),
    version: HUB_VERSION,
    backupDir: join(options.dataDir, 'backups'),
    ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
  });
  if (backupFile) log(`database upgraded from schema ${fromVersion} (migrations ${applied.join(', ')}); the copy taken before is ${backupFile}`);
  db.pragma(`busy_timeout = ${HUB_BUSY_TIMEOUT_MS}`);
  // Before any store exists: every transaction reports a full disk here, and the next one that writes clears it.
  const storage = new StorageWatch(db, clock, log);
  // WAL checkpoints run on a worker thread, so no batch of tickets waits for one.
  const checkpointer = new WalCheckpointer(db, { log });
  const store = new SqliteQueueStore(db);
  const hadStoredConfig = store.loadConfig() !== null;
  // The wait estimate starts each day from the same weekday's report rollups.
  const core = new QueueCore(store, clock, options.config ?? centerConfigSchema.parse(DEMO_CENTER), { waitHistory: new RollupWaitHistory(db) });
  if (options.config) importConfigFile({ core, store, config: options.config, hadStoredConfig, log });

  const timeouts: HttpTimeouts = { ...DEFAULT_HTTP_TIMEOUTS, ...options.httpTimeouts };
  const { httpServer, engine, io } = createHubServers(timeouts);
  // Token guessing is limited per client address across HTTP and socket.io alike.
  const authFailures = new FailureLimiter(30, 60_000);
  // One audit log, written by every module inside its own transactions.
  const audit = new AuditLogStore(db);
  const transaction = transactionRunner(db);
  const devices = new DeviceStore(db);
  // Admin sessions and device tokens share one authenticator (HTTP and socket.io).
  const admin = createAdminAccess({ db, dataDir: options.dataDir, devices, clock, config: () => core.config, authFailures, log });
  const gateway = new RealtimeGateway(io, core, admin.auth, authFailures, clock, { log, storageFaultOf, ...(options.socketLimits ? { limits: options.socketLimits } : {}) });
  admin.admins.onSessionsEnded((userId) => gateway.disconnectDevice(-userId));
  const devicesModule = createDevicesModule({ devices, audit, transaction, sockets: gateway, hasCounter: (counter) => core.hasCounter(counter), clock });
  const contacts = new SqliteBookingContactStore(db);
  const notifications = new NotificationService({ core, store: new SqliteNotificationStore(db), contacts, clock, log, ...(options.notifyRetry ? { retry: options.notifyRetry } : {}) });
  // The portal link publishes the bookings it pulls, so it is created after `publish`.
  let portalLink: PortalLink | null = null;
  const centralUpstream = new CentralUpstream({ outbox: new SqliteCentralOutbox(db), settings: options.central ?? null, clock, timeZone: () => core.config.timeZone, log, ...(options.centralRetry ? { retry: options.centralRetry } : {}) });
  // Reports run in a worker thread on their own connection, so issuing never waits for one.
  const reports = new ReportRunner(db.name, log);
  // The modules the hub is made of; filled below, read by publish, tick and close.
  const modules: HubModule[] = [];
  // Publishing happens after a commit: a failure here must not take the hub down
  // (the tickets are saved; screens resync on their next snapshot).
  const publish = (events: readonly QueueEvent[]) => {
    try {
      gateway.publish(events);
      portalLink?.onEvents(events);
      centralUpstream.kick();
      notifications.onEvents(events);
      fillRollupsAfterRollover(events, reports, () => core.config.timeZone, log);
    } catch (error) {
      log('publishing events failed', error);
    }
    for (const module of modules) {
      try {
        module.onEvents?.(events);
      } catch (error) {
        log(`publishing events to ${module.name} failed`, error);
      }
    }
  };
  const issuer = new IssueBatcher(core, publish);
  const ticketCounts = new SqliteTicketCounts(db);
  const bookings = new BookingService(core, contacts, clock, (serviceId) => ticketCounts.onlineBookings(core.currentDay, serviceId));
  portalLink = new PortalLink({ core, bookings, store, outbox: new SqlitePortalOutbox(db), clock, publish, ...(options.portalRetry ? { retry: options.portalRetry } : {}) });

  const listening: { portal: PortalListener | null; lanHttps: LanHttpsListener | null } = { portal: null, lanHttps: null };
  const health = createHealthReport({
    db,
    dataDir: options.dataDir,
    startedAt,
    devicesOnline: () => gateway.connectedCounts(),
    checkpoints: () => checkpointer.stats(),
    storage: () => storage.probe(),
    portalCertificate: () => listening.portal?.certificate() ?? null,
    clock: () => clockStatus(core, clock),
    lanHttps: () => (listening.lanHttps ? { port: listening.lanHttps.port, ...listening.lanHttps.certificate() } : null),
  });
  const floorReads = new SqliteFloorReads(db);
  const floorSources = {
    catalog: () => core.views.catalog(),
    serving: (day: string) => floorReads.serving(day),
    oldestWaiting: (day: string) => floorReads.oldestWaiting(day),
    countersWithConsoleOnline: () => devicesModule.countersWithConsoleOnline(),
    clerks: () => admin.clerks.list(),
    now: () => clock.now(),
  };
  modules.push(
    { name: 'queue-api', routes: admin.withCounterClerk(buildQueueRoutes({ core, issuer, devices, publish, version: HUB_VERSION, health, audit, now: () => clock.now() })) },
    { name: 'admin-access', routes: admin.routes },
    { name: 'portal', routes: buildPortalRoutes({ bookings, publish }) },
    { name: 'notify', routes: buildNotifyRoutes({ core, notifications }) },
    { name: 'rating', routes: buildRatingRoutes({ ratings: new RatingService(core, new SqliteRatingStore(db), clock), today: () => core.currentDay }) },
    devicesModule,
    {
      name: 'admin-config',
      routes: buildAdminConfigRoutes({
        core,
        audit,
        counts: ticketCounts,
        publish,
        clock,
        // A renumbered counter keeps its consoles, door screens and signed-in clerk.
        renumbering: createCounterRenumbering({ devices, clerks: new ClerkStore(db), reload: (id) => void devicesModule.commands.send(id, 'reload') }),
      }),
    },
    { name: 'admin-today', routes: buildAdminTodayRoutes({ floor: () => todayFloor(floorSources) }) },
    { name: 'reports', routes: buildReportRoutes({ reports, config: () => core.config }) },
    { name: 'clock', routes: buildClockRoutes({ core, clock, audit }) },
  );
  const web = options.webRoots ?? defaultWebRoots();
  const handler = createRequestHandler({
    routes: modules.flatMap((module) => module.routes),
    verifySignature: createPortalRequestVerifier(() => core.config.portal, new SqliteSignatureLedger(db), clock),
    auth: admin.auth,
    authFailures,
    storageFaultOf,
    mounts: spaMounts(web),
    pages: { '/': () => landingPage(core.config.name) },
    log,
  });
  const portalRefusal = options.portal ? refusePortalOverPlainHttp(() => listening.portal?.port ?? options.portal!.port) : null;
  attachHubListener(httpServer, {
    handle: handler,
    realtime: engine,
    ...(portalRefusal ? { refuse: (target) => portalRefusal(target) } : {}),
    log,
  });

  let lastPurge = 0;
  const tick = () => {
    publish(core.tick().events);
    void admin.nightly.check();
    for (const module of modules) module.tick?.();
    // Personal data retention is counted in days: checking hourly is plenty.
    if (clock.now() - lastPurge >= 3_600_000) {
      bookings.purgePersonalData();
      notifications.purgePersonalData();
      lastPurge = clock.now();
    }
  };
  tick();
  void backfillRollups(oldestTicketDay(db), core.currentDay, reports, () => core.config.timeZone, log);
  portalLink.start();
  centralUpstream.start();
  notifications.start();
  for (const module of modules) module.start?.();
  const ticker = setInterval(() => {
    try {
      tick();
    } catch (error) {
      log('periodic tick failed', error);
    }
  }, options.tickMs ?? 5_000);
  ticker.unref();

  /** After the servers are closed: modules in reverse order, then the workers and the database. */
  const stopModulesAndStorage = async () => {
    for (const module of [...modules].reverse()) {
      try {
        await module.stop?.();
      } catch (error) {
        log(`stopping ${module.name} failed`, error);
      }
    }
    await admin.nightly.idle();
    await reports.close();
    await checkpointer.close();
    db.close();
  };
  const stopTimers = () => {
    clearInterval(ticker);
    portalLink?.stop();
    centralUpstream.stop();
    notifications.stop();
  };
  let listeners: HubListeners;
  try {
    listeners = await startHubListeners({ httpServer, handler, options, timeouts, centerName: core.config.name, log });
  } catch (error) {
    // A failed start (the port is taken, a certificate is unreadable) leaves no
    // listener, timer, worker or open database behind.
    stopTimers();
    io.close();
    httpServer.close();
    httpServer.closeAllConnections();
    await stopModulesAndStorage();
    throw error;
  }
  const { port, portal: portalListener, lanHttps, mdns } = listeners;
  Object.assign(listening, { portal: portalListener, lanHttps });

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    core,
    devices,
    bookings,
    notifications,
    admin,
    db,
    portal: portalListener ? { port: portalListener.port, url: portalListener.url } : null,
    lanHttps: lanHttps ? { port: lanHttps.port, url: lanHttps.url } : null,
    backupFile,
    reloadTls: () => {
      portalListener?.reload();
      lanHttps?.reload();
    },
    publish,
    async close() {
      stopTimers();
      await mdns?.stop();
      await portalListener?.close();
      await lanHttps?.close();
      // socket.io is not attached to the HTTP server, so it is closed on its own; the
      // server waits for its connections: drop idle keep-alive and preconnected browser
      // sockets first, or it can wait a minute.
      await new Promise<void>((resolve) => io.close(() => resolve()));
      const httpClosed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await httpClosed;
      await stopModulesAndStorage();
    },
  };
}

/** Where the built renderers are served. */
function spaMounts(web: WebRoots): SpaMount[] {
  return [
    { prefix: '/kiosk', root: web.kiosk },
    ...['/counter', '/door', '/board', '/t', '/rate'].map((prefix) => ({ prefix, root: web.counterDisplay })),
    ...(web.admin ? [{ prefix: '/admin', root: web.admin }] : []),
  ];
}
