import { z } from 'zod';
import { counterNumberSchema, idSchema } from './center-config.js';
import type { DeviceCommandAck, DeviceCommandEvent } from './devices.js';
import { catalogResponseSchema, counterStatusSchema, daySchema, isoInstantSchema, ticketNumberSchema } from './api.js';

/**
 * Server → client socket.io events. Every event carries `seq`, increasing by one per
 * event within the client's stream; a client that sees a gap emits `state:request`.
 */
export const ticketCalledEventSchema = z.object({
  number: ticketNumberSchema,
  counter: counterNumberSchema,
  serviceId: idSchema,
  areaId: idSchema,
  recall: z.boolean(),
  at: isoInstantSchema,
  seq: z.number().int().min(1),
});
export type TicketCalledEvent = z.infer<typeof ticketCalledEventSchema>;

export const queueChangedEventSchema = z.object({
  serviceId: idSchema,
  current: ticketNumberSchema.nullable(),
  waiting: z.number().int().min(0),
  estWaitMin: z.number().int().min(0),
  full: z.boolean(),
  seq: z.number().int().min(1),
});
export type QueueChangedEvent = z.infer<typeof queueChangedEventSchema>;

export const counterChangedEventSchema = z.object({
  counter: counterNumberSchema,
  status: counterStatusSchema,
  current: ticketNumberSchema.nullable(),
  seq: z.number().int().min(1),
});
export type CounterChangedEvent = z.infer<typeof counterChangedEventSchema>;

export const dayChangedEventSchema = z.object({ day: daySchema, seq: z.number().int().min(1) });
export type DayChangedEvent = z.infer<typeof dayChangedEventSchema>;

/** Sent when areas, services or counters change: clients replace their catalog. */
export const catalogChangedEventSchema = z.object({ seq: z.number().int().min(1) });
export type CatalogChangedEvent = z.infer<typeof catalogChangedEventSchema>;

export const recentCallSchema = ticketCalledEventSchema.omit({ seq: true });
export type RecentCall = z.infer<typeof recentCallSchema>;

export const stateSnapshotSchema = z.object({
  protocolVersion: z.number().int(),
  /** Changes when the hub restarts: sequence numbers restart with it. */
  bootId: z.string(),
  /** The seq of the last event included in this snapshot; the next event is seq + 1. */
  seq: z.number().int().min(0),
  serverTime: isoInstantSchema,
  catalog: catalogResponseSchema,
  recentCalls: z.array(recentCallSchema),
});
export type StateSnapshot = z.infer<typeof stateSnapshotSchema>;

export const SERVER_EVENTS = {
  state: stateSnapshotSchema,
  'ticket:called': ticketCalledEventSchema,
  'queue:changed': queueChangedEventSchema,
  'counter:changed': counterChangedEventSchema,
  'day:changed': dayChangedEventSchema,
  'catalog:changed': catalogChangedEventSchema,
} as const;
export type ServerEventName = keyof typeof SERVER_EVENTS;
export type ServerEventPayload<E extends ServerEventName> = z.infer<(typeof SERVER_EVENTS)[E]>;

/** Client → server events. The only one in v1 asks for a fresh snapshot. */
export const stateRequestEventSchema = z.strictObject({ reason: z.enum(['gap', 'reconnect', 'manual']).optional() }).optional();
export const CLIENT_EVENTS = {
  'state:request': stateRequestEventSchema,
} as const;
export type ClientEventName = keyof typeof CLIENT_EVENTS;

export interface ServerToClientEvents {
  state: (payload: StateSnapshot) => void;
  'ticket:called': (payload: TicketCalledEvent) => void;
  'queue:changed': (payload: QueueChangedEvent) => void;
  'counter:changed': (payload: CounterChangedEvent) => void;
  'day:changed': (payload: DayChangedEvent) => void;
  'catalog:changed': (payload: CatalogChangedEvent) => void;
  error: (payload: { code: string; message: string }) => void;
  /** To one device's sockets only (not a broadcast, so no `seq`): an admin's remote command. */
  'device:command': (payload: DeviceCommandEvent) => void;
}
export interface ClientToServerEvents {
  'state:request': (payload?: z.infer<typeof stateRequestEventSchema>) => void;
  /** The device's answer to a `device:command`. */
  'device:command-ack': (payload: DeviceCommandAck) => void;
}
