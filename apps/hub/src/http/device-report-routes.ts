import { ErrorCode, pinFailureReportSchema } from '@layso/shared';
import { auditActor } from '../auth/audit-actor.js';
import type { AuditLogStore } from '../store/audit-log-store.js';
import { ApiError } from './api-error.js';
import type { FailureLimiter } from './failure-limiter.js';
import { route, type Route } from './router.js';

export interface DeviceReportRouteDeps {
  audit: AuditLogStore;
  clock: { now(): number };
  /** Reports kept per device, so a device (or a stolen token) cannot flood the audit log. */
  reports: FailureLimiter;
}

/**
 * What a device tells the hub about itself that an administrator should see later:
 * wrong settings PINs typed at a kiosk or a screen, into the audit log with the
 * device as the actor.
 */
export function buildDeviceReportRoutes(deps: DeviceReportRouteDeps): Route[] {
  return [
    route({
      method: 'POST',
      path: '/api/devices/me/pin-failures',
      access: { roles: ['kiosk', 'counter', 'display'] },
      body: pinFailureReportSchema,
      handle: ({ device, body }) => {
        const key = String(device!.id);
        if (deps.reports.isBlocked(key)) throw new ApiError(ErrorCode.RATE_LIMITED, 'too many reports from this device; try again later');
        deps.reports.recordFailure(key);
        deps.audit.record({ actor: auditActor(device), action: 'device.pin-failure', target: `device:${device!.id}`, before: null, after: body }, deps.clock.now());
        return { status: 201, body: { recorded: true } };
      },
    }),
  ];
}
