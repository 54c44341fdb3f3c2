import { io, type Socket } from 'socket.io-client';
import { ErrorCode } from '../protocol.js';
import { SERVER_EVENTS, type ClientToServerEvents, type RecentCall, type ServerEventName, type ServerEventPayload, type ServerToClientEvents } from '../schemas/events.js';
import { applyServerEvent, type HubState } from './hub-state.js';
import { runDeviceCommand, type DeviceCommandHandlers } from './device-commands.js';

export type ConnectionStatus = 'connecting' | 'online' | 'offline' | 'unauthorized';

export interface HubConnectionOptions {
  /** Hub origin; empty means the page's own origin (renderers served by the hub). */
  url?: string;
  token: string | null;
  onState(state: HubState): void;
  /** A live call (not one from a snapshot): boards announce it. */
  onCall?(call: RecentCall): void;
  /**
   * A live queue:changed for a service, called before onState. Something happened in
   * that service even when its figures did not move: checking in a booking that already
   * counted as waiting changes the ticket, not the service's counts.
   */
  onServiceChanged?(serviceId: string): void;
  onStatus?(status: ConnectionStatus): void;
  /** Remote commands from the admin console (`device:command`), answered with `device:command-ack`. */
  commands?: DeviceCommandHandlers;
}

export interface HubConnection {
  close(): void;
  requestState(): void;
}

const EVENT_NAMES = Object.keys(SERVER_EVENTS) as ServerEventName[];

/** Handshake refusals that pass by themselves (see connect_error below). */
const RETRIED_REFUSALS = new Set<string>([ErrorCode.BUSY, ErrorCode.INTERNAL, ErrorCode.RATE_LIMITED]);
const HANDSHAKE_RETRY_MS = 1_000;

/**
 * Reconnect back-off. socket.io doubles the delay after each failed attempt; with a
 * 5 s cap, a screen whose hub was down for a few seconds waited up to 5 s (± 50 %)
 * after the hub was back, and boards came back 8.2–8.6 s after a restart. Every
 * screen must be live within 3 s of the hub answering, so attempts stay ≤ 1.5 s
 * apart (1 s ± 50 %: the jitter still spreads a hall of screens over the hub's first
 * second). A refused attempt costs the hub a TCP handshake; 50 screens on a LAN
 * trying once a second is nothing.
 */
export const RECONNECT = { reconnectionDelay: 250, reconnectionDelayMax: 1_000, randomizationFactor: 0.5 } as const;

/**
 * Keeps a screen in sync with the hub: snapshot on connect and reconnect, events
 * applied in seq order, a fresh snapshot on any gap. Payloads are validated against
 * the shared contract; a payload that does not fit triggers a resync, never a crash.
 */
export function connectHub(options: HubConnectionOptions): HubConnection {
  let state: HubState | null = null;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(options.url ?? '', {
    auth: options.token ? { token: options.token } : {},
    ...RECONNECT,
  });
  options.onStatus?.('connecting');

  socket.on('connect', () => options.onStatus?.('online'));
  socket.on('disconnect', (reason) => {
    options.onStatus?.('offline');
    // The hub drops a socket only when its token was revoked or its session ended, and
    // socket.io does not reconnect after that by itself: reconnecting turns it into
    // 'unauthorized', so the screen asks for pairing or sign-in instead of waiting offline.
    if (reason === 'io server disconnect') socket.connect();
  });
  let retry: ReturnType<typeof setTimeout> | null = null;
  socket.on('connect_error', (error) => {
    options.onStatus?.(error.message === 'UNAUTHENTICATED' ? 'unauthorized' : 'offline');
    // socket.io stops trying once the hub's handshake refused it. A busy database, a
    // fault or a rate limit passes by itself: try again shortly. A refused token does not.
    if (!socket.active && RETRIED_REFUSALS.has(error.message)) {
      retry = setTimeout(() => socket.connect(), HANDSHAKE_RETRY_MS);
    }
  });

  for (const name of EVENT_NAMES) {
    (socket.on as (event: string, listener: (payload: unknown) => void) => void)(name, (raw) => {
      const parsed = SERVER_EVENTS[name].safeParse(raw);
      if (!parsed.success) {
        socket.emit('state:request', { reason: 'gap' });
        return;
      }
      const result = applyServerEvent(state, name, parsed.data as never);
      if (result.kind === 'resync') socket.emit('state:request', { reason: 'gap' });
      if (result.kind !== 'state') return;
      state = result.state;
      if (name === 'queue:changed') options.onServiceChanged?.((parsed.data as ServerEventPayload<'queue:changed'>).serviceId);
      options.onState(state);
      if (name === 'ticket:called') options.onCall?.(state.recentCalls[0]!);
    });
  }

  const commands = options.commands;
  if (commands) {
    socket.on('device:command', (raw) => void runDeviceCommand(raw, commands, (ack) => socket.emit('device:command-ack', ack)));
  }

  return {
    close: () => {
      if (retry) clearTimeout(retry);
      socket.close();
    },
    requestState: () => socket.emit('state:request', { reason: 'manual' }),
  };
}
