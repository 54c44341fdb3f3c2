import { pinFailureReportSchema } from '@layso/shared';
import { route, type Route } from '../http/router.js';
import type { DeviceReports } from './device-reports.js';

/** Reports a device makes about itself (wrong settings PINs), kept in the audit log. */
export function buildDeviceReportRoutes(reports: DeviceReports): Route[] {
  return [
    route({
      method: 'POST',
      path: '/api/devices/me/pin-failures',
      access: { roles: ['kiosk', 'counter', 'display'] },
      body: pinFailureReportSchema,
      handle: ({ device, body }) => {
        reports.pinFailures(device!, body);
        return { status: 201, body: { recorded: true } };
      },
    }),
  ];
}
