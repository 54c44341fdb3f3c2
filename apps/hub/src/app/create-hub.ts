import type Database from 'better-sqlite3';
import { centerConfigSchema, type CenterConfig } from '@layso/shared';
import { DEMO_CENTER } from '../demo/demo-center.js';
import { FailureLimiter } from '../http/failure-limiter.js';
import { clockStatus } from '../queue-api/clock-routes.js';
import { createQueueApiModule } from '../queue-api/queue-api-module.js';
import { createPortalModule } from '../portal/portal-module.js';
import type { BookingService } from '../portal/booking-service.js';
import { createNotifyModule } from '../notify/notify-module.js';
import type { NotificationService } from '../notify/notification-service.js';
import { createRatingModule } from '../rating/rating-module.js';
import { createReportsModule } from '../reports/reports-module.js';
import { createCentralModule } from '../central/central-module.js';
import type { CentralSettings } from '../central/central-upstream.js';
import { SqliteTicketCounts } from '../store/sqlite-ticket-counts.js';
import { createCounterRenumbering } from '../devices/counter-renumbering.js';
import { AuditLogStore } from '../audit/audit-log-store.js';
import { createAdminAuthModule, type AdminAuthModule } from '../admin-auth/admin-auth-module.js';
import { createAdminConfigModule } from '../admin-config/admin-config-module.js';
import { createAuditModule } from '../audit/audit-module.js';
import { createBackupModule, type BackupModule } from '../backup/backup-module.js';
import { createRequestHandler } from '../http/request-handler.js';
import { attachHubListener } from '../http/hub-listener.js';
import type { SpaMount } from '../http/static-files.js';
import type { Clock } from '../queue/ports.js';
import { QueueCore, type QueueEvent } from '../queue/queue-core.js';
import { RealtimeGateway } from '../realtime/realtime-gateway.js';
import type { SocketLimits } from '../realtime/socket-limits.js';
import { DeviceStore } from '../devices/device-store.js';
import { createHealthReport } from '../deploy/health-report.js';
import { refusePortalOverPlainHttp } from '../deploy/plain-http-guard.js';
import { defaultWebRoots, type WebRoots } from '../deploy/web-roots.js';
import { SqliteQueueStore } from '../store/sqlite-queue-store.js';
import { storageFaultOf } from '../store/database-busy.js';
import type { RetryPolicy } from '../portal/retry-delay.js';
import { HUB_VERSION } from './hub-version.js';
import { createVoiceModule } from '../voice/voice-module.js';
import { landingPage } from './landing-page.js';
import { importConfigFile } from './config-import.js';
import { openHubStorage } from './hub-storage.js';
import { createHubServers } from './hub-servers.js';
import { startHubListeners, type HubListeners } from './hub-listeners.js';
import type { LanHttpsListener } from '../deploy/lan-https-listener.js';
import type { PortalListener } from '../deploy/portal-listener.js';
import { DEFAULT_HTTP_TIMEOUTS, type HttpTimeouts } from '../http/server-timeouts.js';
import type { HubModule } from '../http/hub-module.js';
import { ModuleLifecycle } from './module-lifecycle.js';
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
  /** Admin sign-in and clerks (the CLI creates the first admin through it). */
  admin: AdminAuthModule;
  /** The nightly backup job (tests drive it). */
  backup: BackupModule;
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
  const { db, backupFile, storage, checkpointer } = await openHubStorage(options, clock, log);
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
  const admin = createAdminAuthModule({ db, devices, audit, clock, config: () => core.config, authFailures });
  const gateway = new RealtimeGateway(io, core, admin.auth, authFailures, clock, { log, storageFaultOf, ...(options.socketLimits ? { limits: options.socketLimits } : {}) });
  admin.admins.onSessionsEnded((userId) => gateway.disconnectDevice(-userId));
  const devicesModule = createDevicesModule({ devices, audit, transaction, sockets: gateway, hasCounter: (counter) => core.hasCounter(counter), clock });
  // The modules the hub is made of; filled below, read by publish, tick and close.
  const modules: HubModule[] = [];
  const lifecycle = new ModuleLifecycle(modules, () => clock.now(), log);
  // Publishing happens after a commit: a failure here must not take the hub down
  // (the tickets are saved; screens resync on their next snapshot).
  const publish = (events: readonly QueueEvent[]) => {
    try {
      gateway.publish(events);
    } catch (error) {
      log('publishing events failed', error);
    }
    lifecycle.onEvents(events);
  };
  const ticketCounts = new SqliteTicketCounts(db);
  const portal = createPortalModule({
    db,
    core,
    meta: store,
    clock,
    onlineBookings: (serviceId) => ticketCounts.onlineBookings(core.currentDay, serviceId),
    publish,
    ...(options.portalRetry ? { retry: options.portalRetry } : {}),
  });
  const notify = createNotifyModule({ db, core, contacts: portal.contacts, clock, log, ...(options.notifyRetry ? { retry: options.notifyRetry } : {}) });

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
  const backup = createBackupModule({ db, dataDir: options.dataDir, audit, clock, config: () => core.config, log });
  modules.push(
    createQueueApiModule({ core, clock, publish, version: HUB_VERSION, devices, audit, health, withCounterClerk: (routes) => admin.withCounterClerk(routes) }),
    admin,
    createAuditModule({ audit, names: { users: admin.users, clerks: admin.clerkStore, devices, config: () => core.config } }),
    backup,
    portal,
    notify,
    createRatingModule({ db, core, clock }),
    devicesModule,
    createAdminConfigModule({
      db,
      core,
      audit,
      counts: ticketCounts,
      publish,
      clock,
      // A renumbered counter keeps its consoles, door screens and signed-in clerk.
      renumbering: createCounterRenumbering({ devices, clerks: admin.clerkStore, reload: (id) => void devicesModule.commands.send(id, 'reload') }),
      countersWithConsoleOnline: () => devicesModule.countersWithConsoleOnline(),
      clerks: () => admin.clerks.list(),
    }),
    createReportsModule({ db, config: () => core.config, today: () => core.currentDay, log }),
    createCentralModule({ db, settings: options.central ?? null, clock, timeZone: () => core.config.timeZone, log, ...(options.centralRetry ? { retry: options.centralRetry } : {}) }),
    createVoiceModule({ db, clock, audit }),
  );
  const web = options.webRoots ?? defaultWebRoots();
  const handler = createRequestHandler({
    routes: modules.flatMap((module) => module.routes),
    verifySignature: (req, body) => portal.verifySignature(req, body),
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

  const tick = () => {
    publish(core.tick().events);
    lifecycle.tick();
  };
  tick();
  lifecycle.start();
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
    await lifecycle.stop();
    await checkpointer.close();
    db.close();
  };
  let listeners: HubListeners;
  try {
    listeners = await startHubListeners({ httpServer, handler, options, timeouts, centerName: core.config.name, log });
  } catch (error) {
    // A failed start (the port is taken, a certificate is unreadable) leaves no
    // listener, timer, worker or open database behind.
    clearInterval(ticker);
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
    bookings: portal.bookings,
    notifications: notify.notifications,
    admin,
    backup,
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
