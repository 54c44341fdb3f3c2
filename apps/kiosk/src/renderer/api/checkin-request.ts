/**
 * POST /api/tickets/checkin: a citizen who booked online says "I am here".
 *   request  { number: "86001", phoneLast4: "1234" }   (kiosk token)
 *   response 200, the checked-in ticket in the shape of POST /api/tickets (IssuedTicket)
 * Errors: NOT_FOUND (no booking matches, or a hub without the endpoint), CONFLICT
 * (expired or cancelled), RATE_LIMITED (too many wrong tries); see logic/error-kind.ts.
 * Kept here until @layso/shared/client's ApiClient has the call.
 */
import { errorBodySchema, issuedTicketSchema, type IssuedTicket } from '@layso/shared';
import { HubApiError } from '@layso/shared/client';

export interface CheckInRequest {
  number: string;
  phoneLast4: string;
}

export interface CheckInOptions {
  baseUrl?: string;
  token: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export async function postCheckIn(body: CheckInRequest, options: CheckInOptions): Promise<IssuedTicket> {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl ?? ''}/api/tickets/checkin`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 8_000),
    });
  } catch (error) {
    throw new HubApiError('NETWORK', 0, `hub unreachable: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new HubApiError('NETWORK', response.status, `hub answered ${response.status} without JSON`);
  }
  if (!response.ok) {
    const parsed = errorBodySchema.safeParse(json);
    if (parsed.success) throw new HubApiError(parsed.data.error.code, response.status, parsed.data.error.message);
    throw new HubApiError('NETWORK', response.status, `hub answered ${response.status}`);
  }
  const parsed = issuedTicketSchema.safeParse(json);
  if (!parsed.success) throw new HubApiError('NETWORK', response.status, 'check-in response does not match the contract');
  return parsed.data;
}
