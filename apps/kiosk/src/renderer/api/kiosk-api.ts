/** The commands the kiosk sends to the hub. */
import type { CheckInRequest, DeviceStatusRequest, IssuedTicket, IssueTicketRequest, PrintResultRequest } from '@layso/shared';
import { createApiClient } from '@layso/ui';
import { APP_VERSION } from '../app-version.js';

export interface KioskApi {
  issueTicket(body: IssueTicketRequest): Promise<IssuedTicket>;
  checkIn(body: CheckInRequest): Promise<IssuedTicket>;
  /** The hub's matching key for CCCD scans (64 hex digits). */
  citizenIdKey(): Promise<string>;
  /** Checks in today's booking whose citizen ID has this keyed hash. */
  checkInByCitizenId(citizenIdHash: string): Promise<IssuedTicket>;
  /** Whether the ticket came out of the printer, recorded on the ticket. */
  reportPrint(ticket: Pick<IssuedTicket, 'day' | 'number'>, result: PrintResultRequest): Promise<unknown>;
  /** The printer's state and the app version, shown to the admin in the device list (each report replaces the last). */
  reportStatus(status: DeviceStatusRequest): Promise<unknown>;
}

/** Short enough that a citizen is not left waiting on a dead network. */
const REQUEST_TIMEOUT_MS = 6_000;

export function createKioskApi(options: { token: string | null; baseUrl?: string }): KioskApi {
  const client = createApiClient({ token: options.token, baseUrl: options.baseUrl, timeoutMs: REQUEST_TIMEOUT_MS });
  return {
    issueTicket: (body) => client.issueTicket(body),
    checkIn: (body) => client.checkIn(body),
    citizenIdKey: async () => (await client.citizenIdKey()).key,
    checkInByCitizenId: (citizenIdHash) => client.checkInByCitizenId({ citizenIdHash }),
    reportPrint: (ticket, result) => client.reportPrint(ticket.day, ticket.number, result),
    reportStatus: (status) => client.reportStatus({ appVersion: APP_VERSION, ...status }),
  };
}
