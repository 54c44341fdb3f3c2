import { createHash } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Server as EngineServer } from 'engine.io';
import { Server as SocketServer } from 'socket.io';
import type Database from 'better-sqlite3';
import { centerConfigSchema, MAX_BODY_BYTES, type CenterConfig, type ClientToServerEvents, type ServerToClientEvents } from '@layso/shared';
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
import { buildDeviceReportRoutes } from '../http/device-report-routes.js';
import { buildPairingRoutes } from '../http/pairing-routes.js';
import { buildDeviceAdminRoutes } from '../http/device-admin-routes.js';
import { PairingRegistry } from '../devices/pairing-registry.js';
import { CommandDispatcher } from '../devices/command-dispatcher.js';
import { createCounterRenumbering } from '../devices/counter-renumbering.js';
import { ClerkStore } from '../store/clerk-store.js';
import { AuditLogStore } from '../store/audit-log-store.js';
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
import { applyServerTimeouts, DEFAULT_HTTP_TIMEOUTS, serverTimeoutOptions, type HttpTimeouts } from '../http/server-timeouts.js';
import type { SpaMount } from '../http/static-files.js';
import type { Clock } from '../queue/ports.js';
import { QueueCore, type QueueEvent } from '../queue/queue-core.js';
import { RealtimeGateway, type HubServer, type SocketData } from '../realtime/realtime-gateway.js';
import type { SocketLimits } from '../realtime/socket-limits.js';
import { DeviceStore } from '../store/device-store.js';
import { DATABASE_FILE } from '../store/open-database.js';
import { createHealthReport } from '../deploy/health-report.js';
import { announcementFor, shouldAnnounce, startMdnsAnnouncer, type MdnsAnnouncer } from '../deploy/mdns-announcer.js';
import { openHubDatabase } from '../deploy/open-hub-database.js';
import { refusePortalOverPlainHttp } from '../deploy/plain-http-guard.js';
import { startLanHttpsListener, type LanHttpsListener } from '../deploy/lan-https-listener.js';
import { startPortalListener, type PortalListener } from '../deploy/portal-listener.js';
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

/** meta key: fingerprint of the config file imported last (see startHub). */
const CONFIG_IMPORT_META = 'config_import_sha256';

function configFingerprint(config: CenterConfig): string {
  return createHash('sha256').update(JSON.stringify(config)).digest('hex');
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
  const devices = new DeviceStore(db);
  const hasStoredConfig = store.loadConfig() !== null;
  // The wait estimate starts each day from the same weekday's report rollups.
  const core = new QueueCore(store, clock, options.config ?? centerConfigSchema.parse(DEMO_CENTER), { waitHistory: new RollupWaitHistory(db) });
  // A config file given at start is imported when it is new or changed since the last
  // import; an unchanged file does not undo what the administrator changed in the console.
  if (options.config) {
    const fingerprint = configFingerprint(options.config);
    if (store.getMeta(CONFIG_IMPORT_META) === fingerprint) {
      log('config file unchanged since its last import: keeping the stored configuration with the console\'s changes');
    } else {
      if (hasStoredConfig) {
        core.replaceConfig(options.config);
        log('center configuration imported from the config file (it changed since the last import)');
      }
      store.transaction(() => store.setMeta(CONFIG_IMPORT_META, fingerprint));
    }
  }

  const timeouts: HttpTimeouts = { ...DEFAULT_HTTP_TIMEOUTS, ...options.httpTimeouts };
  const httpServer: HttpServer = createServer(serverTimeoutOptions(timeouts));
  applyServerTimeouts(httpServer, timeouts);
  // socket.io runs on an engine of its own that is NOT attached to the HTTP server:
  // attaching adds engine.io's own 'request' listener, which claims requests by their
  // raw URL prefix, so one request could be answered twice (the hub crashed) or never.
  // The hub's one listener (attachHubListener below) hands the engine its requests.
  // Engine-level options (buffer size, pings, allowRequest) belong in socketOptions:
  // the engine gets them here, not through socket.io.
  const socketOptions = { serveClient: false, maxHttpBufferSize: MAX_BODY_BYTES };
  const engine = new EngineServer(socketOptions);
  const io: HubServer = new SocketServer<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(socketOptions);
  io.bind(engine);
  // Token guessing is limited per client address across HTTP and socket.io alike.
  const authFailures = new FailureLimiter(30, 60_000);
  // Admin sessions and device tokens share one authenticator (HTTP and socket.io).
  const admin = createAdminAccess({ db, dataDir: options.dataDir, devices, clock, config: () => core.config, authFailures, log });
  const gateway = new RealtimeGateway(io, core, admin.auth, authFailures, clock, { log, storageFaultOf, ...(options.socketLimits ? { limits: options.socketLimits } : {}) });
  admin.admins.onSessionsEnded((userId) => gateway.disconnectDevice(-userId));
  const deviceCommands = new CommandDispatcher(gateway);
  gateway.onCommandAck((deviceId, ack) => deviceCommands.acknowledge(deviceId, ack));
  const deviceAudit = new AuditLogStore(db);
  const deviceRoutes = [
    ...buildPairingRoutes({
      db,
      registry: new PairingRegistry(clock),
      devices,
      audit: deviceAudit,
      hasCounter: (counter) => core.hasCounter(counter),
      isOnline: (deviceId) => gateway.isOnline(deviceId),
      clock,
      // 30 codes per address per 10 minutes (a device asks for one every ~9 minutes); 10 wrong codes per 10 minutes.
      creations: new FailureLimiter(30, 600_000),
      claimFailures: new FailureLimiter(10, 600_000),
    }),
    ...buildDeviceAdminRoutes({ db, devices, audit: deviceAudit, commands: deviceCommands, onlineDeviceIds: () => gateway.onlineDeviceIds(), disconnectDevice: (id) => gateway.disconnectDevice(id), clock }),
    // 30 wrong-PIN reports per device per hour: a lock round is 5 tries.
    ...buildDeviceReportRoutes({ audit: deviceAudit, clock, reports: new FailureLimiter(30, 3_600_000) }),
  ];
  const contacts = new SqliteBookingContactStore(db);
  const notifications = new NotificationService({ core, store: new SqliteNotificationStore(db), contacts, clock, log, ...(options.notifyRetry ? { retry: options.notifyRetry } : {}) });
  // The portal link publishes the bookings it pulls, so it is created after `publish`.
  let portalLink: PortalLink | null = null;
  const centralUpstream = new CentralUpstream({ outbox: new SqliteCentralOutbox(db), settings: options.central ?? null, clock, timeZone: () => core.config.timeZone, log, ...(options.centralRetry ? { retry: options.centralRetry } : {}) });
  // Reports run in a worker thread on their own connection, so issuing never waits for one.
  const reports = new ReportRunner(db.name, log);
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
  };
  const issuer = new IssueBatcher(core, publish);
  const ticketCounts = new SqliteTicketCounts(db);
  const bookings = new BookingService(core, contacts, clock, (serviceId) => ticketCounts.onlineBookings(core.currentDay, serviceId));
  portalLink = new PortalLink({ core, bookings, store, outbox: new SqlitePortalOutbox(db), clock, publish, ...(options.portalRetry ? { retry: options.portalRetry } : {}) });

  const web = options.webRoots ?? defaultWebRoots();
  const mounts: SpaMount[] = [
    { prefix: '/kiosk', root: web.kiosk },
    ...['/counter', '/door', '/board', '/t', '/rate'].map((prefix) => ({ prefix, root: web.counterDisplay })),
    ...(web.admin ? [{ prefix: '/admin', root: web.admin }] : []),
  ];
  let portalListener: PortalListener | null = null;
  let lanHttps: LanHttpsListener | null = null;
  const health = createHealthReport({
    db,
    dataDir: options.dataDir,
    startedAt,
    devicesOnline: () => gateway.connectedCounts(),
    checkpoints: () => checkpointer.stats(),
    storage: () => storage.probe(),
    portalCertificate: () => portalListener?.certificate() ?? null,
    clock: () => clockStatus(core, clock),
    lanHttps: () => (lanHttps ? { port: lanHttps.port, ...lanHttps.certificate() } : null),
  });
  const floorReads = new SqliteFloorReads(db);
  const floorSources = {
    catalog: () => core.views.catalog(),
    serving: (day: string) => floorReads.serving(day),
    oldestWaiting: (day: string) => floorReads.oldestWaiting(day),
    // A counter's console is online when a live (unrevoked) counter-role device of it has a socket.
    countersWithConsoleOnline: () => {
      const online = gateway.onlineDeviceIds();
      return new Set(devices.list().flatMap((d) => (d.role === 'counter' && d.counter !== null && d.revokedAt === null && online.has(d.id) ? [d.counter] : [])));
    },
    clerks: () => admin.clerks.list(),
    now: () => clock.now(),
  };
  const handler = createRequestHandler({
    routes: [...admin.withCounterClerk(buildQueueRoutes({ core, issuer, devices, publish, version: HUB_VERSION, health, audit: deviceAudit, now: () => clock.now() })), ...admin.routes, ...buildPortalRoutes({ bookings, publish }), ...buildNotifyRoutes({ core, notifications }), ...buildRatingRoutes({ ratings: new RatingService(core, new SqliteRatingStore(db), clock), today: () => core.currentDay }), ...deviceRoutes, ...buildAdminConfigRoutes({
        core,
        audit: new AuditLogStore(db),
        counts: ticketCounts,
        publish,
        clock,
        // A renumbered counter keeps its consoles, door screens and signed-in clerk.
        renumbering: createCounterRenumbering({ devices, clerks: new ClerkStore(db), reload: (id) => void deviceCommands.send(id, 'reload') }),
      }), ...buildAdminTodayRoutes({ floor: () => todayFloor(floorSources) }), ...buildReportRoutes({ reports, config: () => core.config }), ...buildClockRoutes({ core, clock, audit: deviceAudit })],
    verifySignature: createPortalRequestVerifier(() => core.config.portal, new SqliteSignatureLedger(db), clock),
    auth: admin.auth,
    authFailures,
    storageFaultOf,
    mounts,
    pages: { '/': () => landingPage(core.config.name) },
    log,
  });
  const portalRefusal = options.portal ? refusePortalOverPlainHttp(() => portalListener?.port ?? options.portal!.port) : null;
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
  const ticker = setInterval(() => {
    try {
      tick();
    } catch (error) {
      log('periodic tick failed', error);
    }
  }, options.tickMs ?? 5_000);
  ticker.unref();

  // A failed start (the port is taken, the portal certificate is unreadable) leaves no
  // listener, timer, worker or open database behind.
  const abandonStart = async (error: unknown): Promise<never> => {
    clearInterval(ticker);
    portalLink?.stop();
    centralUpstream.stop();
    notifications.stop();
    io.close();
    httpServer.close();
    httpServer.closeAllConnections();
    await reports.close();
    await checkpointer.close();
    db.close();
    throw error;
  };
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(options.port ?? 0, options.host ?? '0.0.0.0', () => resolve());
    });
  } catch (error) {
    await abandonStart(error);
  }
  const port = (httpServer.address() as AddressInfo).port;
  if (options.portal) {
    const { tlsCert, tlsKey, ...listen } = options.portal;
    try {
      portalListener = await startPortalListener({ ...listen, certFile: tlsCert, keyFile: tlsKey, handler, timeouts, log });
    } catch (error) {
      await abandonStart(error);
    }
  }
  if (options.lanHttps) {
    const { tlsCert, tlsKey, ...listen } = options.lanHttps;
    try {
      // Same handler, same socket.io: it hands every request and upgrade to httpServer.
      lanHttps = await startLanHttpsListener({ ...listen, certFile: tlsCert, keyFile: tlsKey, plain: httpServer, timeouts, log });
    } catch (error) {
      await portalListener?.close();
      await abandonStart(error);
    }
  }
  let mdns: MdnsAnnouncer | null = null;
  if (shouldAnnounce(options.mdns ?? 'off', options.host ?? '0.0.0.0')) {
    mdns = await startMdnsAnnouncer(announcementFor({ centerName: core.config.name, port, version: HUB_VERSION }), log);
  }

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
      clearInterval(ticker);
      portalLink?.stop();
      centralUpstream.stop();
      notifications.stop();
      deviceCommands.close();
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
      await admin.nightly.idle();
      await reports.close();
      await checkpointer.close();
      db.close();
    },
  };
}
