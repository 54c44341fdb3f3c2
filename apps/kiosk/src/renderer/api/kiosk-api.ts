/** The two commands the kiosk sends to the hub. */
import type { CheckInRequest, IssuedTicket, IssueTicketRequest } from '@layso/shared';
import { createApiClient } from '@layso/shared/client';

export interface KioskApi {
  issueTicket(body: IssueTicketRequest): Promise<IssuedTicket>;
  checkIn(body: CheckInRequest): Promise<IssuedTicket>;
}

/** Short enough that a citizen is not left waiting on a dead network. */
const REQUEST_TIMEOUT_MS = 6_000;

export function createKioskApi(options: { token: string | null; baseUrl?: string }): KioskApi {
  const client = createApiClient({ token: options.token, baseUrl: options.baseUrl, timeoutMs: REQUEST_TIMEOUT_MS });
  return {
    issueTicket: (body) => client.issueTicket(body),
    checkIn: (body) => client.checkIn(body),
  };
}
