import { randomUUID } from 'node:crypto';
import type { Server, Socket } from 'socket.io';
import {
  addRecentCall,
  deviceCommandAckSchema,
  ErrorCode,
  PROTOCOL_VERSION,
  stateRequestEventSchema,
  type ClientToServerEvents,
  type DeviceCommandAck,
  type DeviceCommandEvent,
  type DeviceCommandName,
  type RecentCall,
  type Role,
  type ServerEventName,
  type ServerToClientEvents,
  type StateSnapshot,
} from '@layso/shared';
import type { QueueCore, QueueEvent } from '../queue/queue-core.js';
import type { StorageFaultOf } from '../queue/storage-fault.js';
import type { FailureLimiter } from '../http/failure-limiter.js';
import type { TokenAuthenticator } from '../auth/token-authenticator.js';
import type { Device } from '../auth/caller.js';
import { SessionSweep, type SweepTiming } from './session-sweep.js';
import { hubLogger } from '../logging/hub-logger.js';
import { DropLog } from './drop-log.js';
import { EventRateLimiter } from './event-rate-limiter.js';
import { TokenBucket } from './token-bucket.js';
import { PublicSocketCaps } from './public-socket-caps.js';
import { realSchedule, SnapshotCoalescer, type Schedule } from './snapshot-coalescer.js';
import { SOCKET_LIMITS, type SocketLimits } from './socket-limits.js';
import { closeAtOnce, isFlushed, stopReading, unsentBytes } from './unsent-output.js';

/** Sockets without a token get the public stream (what a hall TV or phone may see). */
export type Audience = Role | 'public';
const AUDIENCES: readonly Audience[] = ['kiosk', 'counter', 'display', 'portal', 'admin', 'public'];

type BroadcastEvent = Exclude<ServerEventName, 'state'>;

/** Which audiences receive each event: rooms by role, so a device gets only what it needs. */
const SUBSCRIPTIONS: Record<BroadcastEvent, readonly Audience[]> = {
  'ticket:called': ['counter', 'display', 'admin', 'public'],
  'queue:changed': AUDIENCES,
  'counter:changed': ['counter', 'display', 'admin', 'public'],
  'day:changed': AUDIENCES,
  'catalog:changed': AUDIENCES,
};

const RECENT_CALLS = 20;

const deviceRoom = (deviceId: number) => `device:${deviceId}`;

/** How often a snapshot held back for a socket that has not read its output looks again. */
const FLUSH_POLL_MS = 50;
/** Packets beyond the event limit's own allowance (the handshake, heartbeats) before the connection-level guard acts. */
const PACKET_MARGIN = 50;
/** A socket disconnected for flooding gets this long to read why before its connection is cut. */
const CLOSE_GRACE_MS = 2_000;

export interface GatewayOptions {
  sweepTiming?: SweepTiming;
  /** Lower limits for tests; the rest stay as in SOCKET_LIMITS. */
  limits?: Partial<SocketLimits>;
  /** Where cut and refused sockets are reported (at most a line a minute). */
  log?: (message: string) => void;
  /** Which thrown values are the storage refusing (a handshake answered BUSY), as the wiring recognises them. */
  storageFaultOf?: StorageFaultOf;
}

/**
 * Limits run on the monotonic clock, not the hub's: a center clock set back or forward
 * (or a test's frozen clock) must neither stall snapshots nor refill a flooder's budget.
 */
const monotonicNow = () => performance.now();

/** Commands that are harmless to carry out twice: sent to every socket of the device. */
const EVERY_SOCKET_COMMANDS: ReadonlySet<DeviceCommandName> = new Set<DeviceCommandName>(['reload', 'restart-app']);

export interface SocketData {
  audience: Audience;
  deviceId: number | null;
  /** The authenticated caller (null for the public stream); an admin session has `user` set. */
  caller: Device | null;
}

type EngineConnection = HubSocket['conn'];
type HubSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type HubServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * socket.io side of the hub: authenticates sockets, sends a snapshot on connect and
 * on request, and turns committed queue events into wire events. Each audience is
 * its own stream with its own gap-free `seq`.
 */
export class RealtimeGateway {
  readonly bootId = randomUUID();
  private readonly seqs = new Map<Audience, number>(AUDIENCES.map((a) => [a, 0]));
  private recent: RecentCall[];
  private commandAckListener: ((deviceId: number, ack: DeviceCommandAck) => void) | null = null;
  /** Admin-session sockets, dropped once their session runs out (idle or absolute limit). */
  private readonly sessionSweep: SessionSweep<HubSocket>;
  private readonly limits: SocketLimits;
  private readonly publicCaps: PublicSocketCaps;
  private readonly drops: DropLog;
  private readonly schedule: Schedule = realSchedule;
  /** The socket.io socket of each engine.io connection (the main namespace is the only one). */
  private readonly socketOf = new WeakMap<EngineConnection, HubSocket>();
  private readonly guarded = new WeakSet<EngineConnection>();
  /** Checks every socket's unsent output; runs only while a socket is connected. */
  private unsentTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly io: HubServer,
    private readonly core: QueueCore,
    private readonly auth: TokenAuthenticator,
    authFailures: FailureLimiter,
    private readonly clock: { now(): number } = { now: () => Date.now() },
    options: GatewayOptions = {},
  ) {
    const sweepTiming = options.sweepTiming;
    this.limits = { ...SOCKET_LIMITS, ...options.limits };
    this.publicCaps = new PublicSocketCaps(this.limits);
    this.drops = new DropLog(options.log ?? ((message) => hubLogger.log(message, 'socket limit')), monotonicNow);
    this.recent = core.views.recentCalls(RECENT_CALLS);
    this.sessionSweep = new SessionSweep<HubSocket>({
      isLive: (socket) => socket.data.caller === null || auth.isStillLive(socket.data.caller),
      drop: (socket) => {
        socket.emit('error', { code: ErrorCode.UNAUTHENTICATED, message: 'Phiên đăng nhập đã hết hạn / the session has expired' });
        // As on sign-out: the client's reconnect is then refused with UNAUTHENTICATED.
        socket.disconnect(true);
      },
      clock,
      ...(sweepTiming ? { timing: sweepTiming } : {}),
    });
    io.use((socket, next) => {
      // socket.io runs middleware without a guard: anything thrown here would end the process.
      try {
        this.admit(socket, next, authFailures);
      } catch (error) {
        const code = options.storageFaultOf?.(error) === 'busy' ? ErrorCode.BUSY : ErrorCode.INTERNAL;
        if (code === ErrorCode.INTERNAL) hubLogger.log('socket handshake failed', error);
        next(Object.assign(new Error(code), { data: { code } }));
      }
    });
    io.on('connection', (socket) => this.onConnection(socket));
  }

  /** Authenticates a socket's handshake and picks its audience (rooms by role). */
  private admit(socket: HubSocket, next: (error?: Error) => void, authFailures: FailureLimiter): void {
    const auth = this.auth;
    // From its first join on, whether or not this one is admitted (see guardConnection).
    if (!this.guarded.has(socket.conn)) this.guardConnection(socket.conn);
    const token: unknown = socket.handshake.auth?.token;
    const address = socket.handshake.address;
    if (token === undefined || token === null || token === '') {
      if (!this.takePublicPlace(socket, address)) {
        return next(Object.assign(new Error(ErrorCode.RATE_LIMITED), { data: { code: ErrorCode.RATE_LIMITED } }));
      }
      socket.data = { audience: 'public', deviceId: null, caller: null };
      return next();
    }
    if (authFailures.isBlocked(address)) {
      return next(Object.assign(new Error(ErrorCode.RATE_LIMITED), { data: { code: ErrorCode.RATE_LIMITED } }));
    }
    const device = typeof token === 'string' && token.length <= 256 ? auth.authenticate(token) : null;
    if (!device) authFailures.recordFailure(address);
    if (!device) return next(Object.assign(new Error(ErrorCode.UNAUTHENTICATED), { data: { code: ErrorCode.UNAUTHENTICATED } }));
    // An admin who has not changed the one-time password gets no live data either.
    const refusal = auth.refusal(device, 'GET', '/socket.io');
    if (refusal) return next(Object.assign(new Error(refusal.code), { data: { code: refusal.code } }));
    socket.data = { audience: device.role, deviceId: device.id, caller: device };
    auth.touch(device);
    next();
  }

  /**
   * A place among the public sockets (per address and in all), given back once when the
   * socket disconnects or, if it never got connected, when its connection closes.
   */
  private takePublicPlace(socket: HubSocket, address: string): boolean {
    if (this.publicCaps.admit(address) !== null) {
      this.drops.record('refused: too many public sockets', address);
      return false;
    }
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      this.publicCaps.release(address);
      socket.conn.off('close', release);
    };
    socket.conn.once('close', release);
    socket.once('disconnect', release);
    return true;
  }

  private onConnection(socket: HubSocket): void {
    const { audience, deviceId, caller } = socket.data;
    void socket.join(audience);
    const snapshots = new SnapshotCoalescer({
      now: monotonicNow,
      schedule: this.schedule,
      isFlushed: () => isFlushed(socket.conn),
      send: () => {
        // A socket that does not read its output gets no more of it.
        if (unsentBytes(socket.conn) > this.limits.maxUnsentBytes) this.dropUnread(socket);
        else socket.emit('state', this.snapshot(audience));
      },
      intervalMs: this.limits.snapshotIntervalMs,
      flushPollMs: FLUSH_POLL_MS,
    });
    socket.on('disconnect', () => {
      snapshots.close();
      this.stopUnsentChecksIfIdle();
    });
    this.startUnsentChecks();
    // Every client->hub event, whatever its name, counts against the socket's rate.
    const events = new EventRateLimiter(this.limits, monotonicNow());
    socket.use(([name, payload], next) => {
      const verdict = events.check(monotonicNow());
      if (verdict === 'allow') return next();
      if (verdict === 'disconnect') return this.dropFlooding(socket);
      // Over the rate: dropped, except a valid state:request, which costs no more merged
      // into the pending snapshot, so a screen catching up is never left without one.
      if (name === 'state:request' && stateRequestEventSchema.safeParse(payload).success) snapshots.request();
    });
    this.socketOf.set(socket.conn, socket);
    // Only admin sessions run out by themselves; device tokens are dropped when revoked.
    if (caller?.user) {
      this.sessionSweep.watch(socket);
      socket.on('disconnect', () => this.sessionSweep.unwatch(socket));
    }
    if (deviceId !== null) {
      // A room per device: revoking it drops all its sockets; its newest member takes printing commands.
      void socket.join(deviceRoom(deviceId));
      socket.on('device:command-ack', (payload) => {
        const ack = deviceCommandAckSchema.safeParse(payload);
        if (!ack.success) {
          socket.emit('error', { code: ErrorCode.VALIDATION, message: 'device:command-ack takes { id, ok, message? }' });
          return;
        }
        this.commandAckListener?.(deviceId, ack.data);
      });
    }
    snapshots.request();
    socket.on('state:request', (payload) => {
      if (!stateRequestEventSchema.safeParse(payload).success) {
        socket.emit('error', { code: ErrorCode.VALIDATION, message: 'state:request takes no payload or { reason }' });
        return;
      }
      snapshots.request();
    });
  }

  /**
   * The same limit one level down, on every packet engine.io takes from a connection,
   * whatever it carries (events, namespace joins and leaves, heartbeats). socket.io
   * decodes everything read in one go before its middleware sees the first event, so a
   * flooder's 64 KB read (thousands of requests) would all be decoded first; cutting
   * here, just past the point where the event limit would have disconnected anyway,
   * makes engine.io drop the rest of that read undecoded. Counted per connection, so
   * leaving and joining again (or retrying a refused join) on one connection gets no
   * fresh allowance.
   */
  private guardConnection(conn: EngineConnection): void {
    this.guarded.add(conn);
    const packets = new TokenBucket(this.limits.eventBurst + this.limits.excessEvents + PACKET_MARGIN, this.limits.eventsPerSecond, monotonicNow());
    let tripped = false;
    const onPacket = () => {
      if (tripped || packets.take(monotonicNow())) return;
      tripped = true;
      const socket = this.socketOf.get(conn);
      if (socket?.connected) return this.dropFlooding(socket);
      this.drops.record('flooding', conn.remoteAddress);
      stopReading(conn);
      closeAtOnce(conn);
    };
    conn.on('packet', onPacket);
    conn.once('close', () => conn.off('packet', onPacket));
  }

  /** A socket that kept sending over its rate: told why, then disconnected. */
  private dropFlooding(socket: HubSocket): void {
    if (!socket.connected) return;
    this.drops.record('flooding', socket.handshake.address);
    stopReading(socket.conn);
    socket.emit('error', { code: ErrorCode.RATE_LIMITED, message: 'Gửi quá nhiều yêu cầu, kết nối bị ngắt / too many events, disconnected' });
    socket.disconnect(true);
    // Its connection closes once that is read; one that does not read is cut shortly.
    this.schedule(() => closeAtOnce(socket.conn), CLOSE_GRACE_MS);
  }

  /** A socket whose unsent output passed the limit: it is not reading, so telling it is pointless. */
  private dropUnread(socket: HubSocket): void {
    this.drops.record('not reading', socket.handshake.address);
    socket.disconnect(true);
    closeAtOnce(socket.conn);
  }

  private startUnsentChecks(): void {
    if (this.unsentTimer) return;
    this.unsentTimer = setInterval(() => {
      for (const socket of this.io.sockets.sockets.values()) {
        if (unsentBytes(socket.conn) > this.limits.maxUnsentBytes) this.dropUnread(socket);
      }
    }, this.limits.unsentCheckMs);
    // Never what keeps the process alive.
    this.unsentTimer.unref();
  }

  private stopUnsentChecksIfIdle(): void {
    if (!this.unsentTimer || this.io.sockets.sockets.size > 0) return;
    clearInterval(this.unsentTimer);
    this.unsentTimer = null;
  }

  snapshot(audience: Audience): StateSnapshot {
    return {
      protocolVersion: PROTOCOL_VERSION,
      bootId: this.bootId,
      seq: this.seqs.get(audience)!,
      serverTime: new Date(this.clock.now()).toISOString(),
      catalog: this.core.views.catalog(),
      recentCalls: this.recent,
    };
  }

  /** Sockets connected now, per audience: the devices online, for /api/health. */
  connectedCounts(): Record<Audience, number> {
    return Object.fromEntries(AUDIENCES.map((a) => [a, this.io.sockets.adapter.rooms.get(a)?.size ?? 0])) as Record<Audience, number>;
  }

  /** Ids of the devices with at least one socket connected now. */
  onlineDeviceIds(): Set<number> {
    const ids = new Set<number>();
    for (const socket of this.io.sockets.sockets.values()) if (socket.data.deviceId !== null) ids.add(socket.data.deviceId);
    return ids;
  }

  isOnline(deviceId: number): boolean {
    return (this.io.sockets.adapter.rooms.get(deviceRoom(deviceId))?.size ?? 0) > 0;
  }

  /** Closes every socket of a device at once (it was revoked): it gets no more events. */
  disconnectDevice(deviceId: number): void {
    this.io.in(deviceRoom(deviceId)).disconnectSockets(true);
  }

  /**
   * A remote command. One that prints goes to ONE socket of the device, the newest
   * still connected: a page open twice (two windows, or a reload whose old socket has
   * not timed out yet) must not print a reprint twice, and the newest socket is the
   * page most likely alive; if it goes away before answering, the wait times out and
   * the command is not re-sent (it may have been carried out). Reload and restart are
   * harmless to repeat and must reach every page that uses the token (a console open
   * in two windows must not keep calling a renumbered counter): they go to all; the
   * first answer counts.
   */
  sendCommand(deviceId: number, event: DeviceCommandEvent): void {
    if (EVERY_SOCKET_COMMANDS.has(event.command)) this.io.to(deviceRoom(deviceId)).emit('device:command', event);
    else this.newestSocketOf(deviceId)?.emit('device:command', event);
  }

  /** The device's room keeps its sockets in joining order (a Set), so the last one joined most recently. */
  private newestSocketOf(deviceId: number): HubSocket | undefined {
    const ids = this.io.sockets.adapter.rooms.get(deviceRoom(deviceId));
    const newest = ids ? [...ids].at(-1) : undefined;
    return newest === undefined ? undefined : this.io.sockets.sockets.get(newest);
  }

  /** Where devices' `device:command-ack` answers go (the command dispatcher). */
  onCommandAck(listener: (deviceId: number, ack: DeviceCommandAck) => void): void {
    this.commandAckListener = listener;
  }

  /** Publishes committed events, coalescing repeated changes to one service or counter. */
  publish(events: readonly QueueEvent[]): void {
    if (events.length === 0) return;
    const services = new Set<string>();
    const counters = new Set<number>();
    const calls: Extract<QueueEvent, { type: 'ticket-called' }>[] = [];
    let day: string | null = null;
    let catalogChanged = false;
    for (const event of events) {
      if (event.type === 'queue-changed') services.add(event.serviceId);
      else if (event.type === 'counter-changed') counters.add(event.counter);
      else if (event.type === 'ticket-called') calls.push(event);
      else if (event.type === 'day-changed') day = event.day;
      else if (event.type === 'catalog-changed') catalogChanged = true;
    }
    if (day !== null) {
      this.recent = [];
      this.emit('day:changed', { day });
    }
    if (catalogChanged) this.emit('catalog:changed', {});
    for (const call of calls) {
      const wire: RecentCall = {
        number: call.ticket.number,
        counter: call.counter,
        serviceId: call.ticket.serviceId,
        areaId: this.core.serviceAreaId(call.ticket.serviceId),
        recall: call.recall,
        at: new Date(call.at).toISOString(),
      };
      // Each ticket once, at its latest call (a transfer's new counter replaces the old).
      this.recent = addRecentCall(this.recent, wire, RECENT_CALLS);
      this.emit('ticket:called', wire);
    }
    for (const counter of counters) {
      if (!this.core.hasCounter(counter)) continue;
      const view = this.core.views.counterView(counter);
      this.emit('counter:changed', { counter, status: view.status, current: view.current });
    }
    // queue:changed goes to every audience: with no socket open at all (a hub whose
    // screens are off) neither the figures nor the messages are worth computing.
    if (!this.anyoneListens('queue:changed')) return;
    for (const serviceId of services) {
      if (!this.core.hasService(serviceId)) continue;
      const status = this.core.views.serviceStatus(serviceId);
      this.emit('queue:changed', { serviceId, ...status });
    }
  }

  private anyoneListens(name: BroadcastEvent): boolean {
    return SUBSCRIPTIONS[name].some((audience) => (this.io.sockets.adapter.rooms.get(audience)?.size ?? 0) > 0);
  }

  private emit<E extends BroadcastEvent>(name: E, payload: Omit<Parameters<ServerToClientEvents[E]>[0], 'seq'>): void {
    for (const audience of SUBSCRIPTIONS[name]) {
      // An audience with nobody connected gets no message and keeps its seq: whoever
      // joins later starts from a snapshot that carries the seq as it stands.
      if ((this.io.sockets.adapter.rooms.get(audience)?.size ?? 0) === 0) continue;
      const seq = this.seqs.get(audience)! + 1;
      this.seqs.set(audience, seq);
      const message = { ...payload, seq } as Parameters<ServerToClientEvents[E]>[0];
      // socket.io's typed emit cannot narrow a generic event name; the payload type is checked above.
      (this.io.to(audience).emit as (event: string, data: unknown) => boolean)(name, message);
    }
  }
}
