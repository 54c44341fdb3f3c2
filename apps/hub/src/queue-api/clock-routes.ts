import type { ClockStatus } from '@layso/shared';
import { auditActor } from '../auth/audit-actor.js';
import type { Clock } from '../queue/ports.js';
import type { QueueCore } from '../queue/queue-core.js';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import { route, type Route } from '../http/router.js';

const iso = (ms: number) => new Date(ms).toISOString();

/** The hub's time and the clock moves not yet acknowledged, as the console and /api/health show them. */
export function clockStatus(core: QueueCore, clock: Clock): ClockStatus {
  return {
    now: iso(clock.now()),
    warnings: core.clockWarnings.map((w) => ({ kind: w.kind, from: iso(w.from), to: iso(w.to), atStart: w.atStart })),
  };
}

/** GET /api/admin/clock, and the administrator's "I checked the clock" that clears the warning (audited). */
export function buildClockRoutes(deps: { core: QueueCore; clock: Clock; audit: AuditLogStore }): Route[] {
  const { core, clock } = deps;
  return [
    route({ method: 'GET', path: '/api/admin/clock', access: { roles: ['admin'] }, handle: () => ({ body: clockStatus(core, clock) }) }),
    route({
      method: 'POST',
      path: '/api/admin/clock/acknowledge',
      access: { roles: ['admin'] },
      handle: ({ device }) => {
        const before = clockStatus(core, clock);
        if (before.warnings.length === 0) return { body: before };
        core.acknowledgeClockWarnings(() =>
          deps.audit.record({ actor: auditActor(device), action: 'clock.acknowledge', target: 'clock', before: { warnings: before.warnings }, after: { warnings: [] } }, clock.now()),
        );
        return { body: clockStatus(core, clock) };
      },
    }),
  ];
}
