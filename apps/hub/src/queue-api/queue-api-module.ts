import type { HubModule } from '../http/hub-module.js';
import type { Route } from '../http/router.js';
import type { Clock } from '../queue/ports.js';
import { IssueBatcher } from '../queue/issue-batcher.js';
import type { QueueCore, QueueEvent } from '../queue/queue-core.js';
import { buildClockRoutes } from './clock-routes.js';
import { buildQueueRoutes, type QueueRouteDeps } from './queue-routes.js';

export interface QueueApiModuleDeps {
  core: QueueCore;
  clock: Clock;
  /** The hub's publish: every command's committed events go out through it. */
  publish(events: readonly QueueEvent[]): void;
  version: string;
  devices: QueueRouteDeps['devices'];
  /** The admin console's audit log (a counter's undo, the clock acknowledgement). */
  audit: NonNullable<QueueRouteDeps['audit']>;
  health: NonNullable<QueueRouteDeps['health']>;
  /** Lets the counter commands record the signed-in clerk (admin-auth's clerks). */
  withCounterClerk(routes: Route[]): Route[];
}

/**
 * The queue over HTTP: issuing (batched into one commit per burst), the counter
 * commands, the public reads, /api/health and the hub's clock. The core does the work;
 * these routes parse, authorize and publish.
 */
export function createQueueApiModule(deps: QueueApiModuleDeps): HubModule {
  const { core, clock, publish, audit } = deps;
  const issuer = new IssueBatcher(core, publish);
  const queueRoutes = buildQueueRoutes({ core, issuer, devices: deps.devices, publish, version: deps.version, health: deps.health, audit, now: () => clock.now() });
  return {
    name: 'queue-api',
    routes: [...deps.withCounterClerk(queueRoutes), ...buildClockRoutes({ core, clock, audit })],
  };
}
