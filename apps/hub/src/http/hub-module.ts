import type { QueueEvent } from '../queue/queue-core.js';
import type { Route } from './router.js';

/**
 * What a feature hands the composition root (app/create-hub.ts): its routes and, when it
 * needs them, hooks on the hub's life. Each feature folder exports one
 * `createXModule(deps): HubModule`; create-hub wires a list of them and nothing else.
 */
export interface HubModule {
  readonly name: string;
  readonly routes: readonly Route[];
  /** Committed events, after the commit (a throw here is logged, never fatal). */
  onEvents?(events: readonly QueueEvent[]): void;
  /** The hub's periodic tick (day rollover, expiries, purges). */
  tick?(): void;
  /** Deletes personal data past the center's retention period (the hub calls it hourly from its tick). */
  purgePersonalData?(): void;
  /** Called once the hub is wired, before it listens. */
  start?(): void;
  /** Called on close, in reverse module order. */
  stop?(): void | Promise<void>;
}
