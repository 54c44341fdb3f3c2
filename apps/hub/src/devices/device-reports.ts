import { ErrorCode, type PinFailureReport } from '@layso/shared';
import { auditActor } from '../auth/audit-actor.js';
import type { AuditLogStore } from '../audit/audit-log-store.js';
import type { FailureLimiter } from '../http/failure-limiter.js';
import type { Device } from '../auth/caller.js';
import { DeviceError } from './device-error.js';

export interface DeviceReportsDeps {
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
export class DeviceReports {
  constructor(private readonly deps: DeviceReportsDeps) {}

  pinFailures(device: Device, report: PinFailureReport): void {
    const key = String(device.id);
    if (this.deps.reports.isBlocked(key)) throw new DeviceError(ErrorCode.RATE_LIMITED, 'too many reports from this device; try again later');
    this.deps.reports.recordFailure(key);
    this.deps.audit.record({ actor: auditActor(device), action: 'device.pin-failure', target: `device:${device.id}`, before: null, after: report }, this.deps.clock.now());
  }
}
