import type { z } from 'zod';
import { ErrorCode } from '../protocol.js';
import {
  catalogResponseSchema,
  counterActionResponseSchema,
  counterQueueResponseSchema,
  deviceInfoSchema,
  errorBodySchema,
  issuedTicketSchema,
  type ErrorDetails,
  publicTicketStatusSchema,
  type CounterActionRequest,
  type IssueTicketRequest,
  type TransferRequest,
  type UndoRequest,
} from '../schemas/api.js';
import type { CheckInRequest } from '../schemas/portal.js';
import { citizenIdKeyResponseSchema, type IdCheckInRequest } from '../citizen-id-hash.js';
import { reminderStatusSchema, subscribeResponseSchema, type SubscribeRequest } from '../schemas/notify.js';
import { ratingResponseSchema, type RatingRequest } from '../schemas/rating.js';
import { recordedResponseSchema, type DeviceStatusRequest, type PrintResultRequest } from '../schemas/device-status.js';
import { counterClerkResponseSchema, type ClerkSignInRequest } from '../schemas/admin-auth.js';
import { createPairingResponseSchema, pairingStatusResponseSchema, type CreatePairingRequest } from '../schemas/devices.js';

export type CounterAction = 'next' | 'recall' | 'done' | 'skip' | 'pause' | 'resume';

/** `NETWORK`: the hub could not be reached or answered with something that is not the contract. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export class HubApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    message: string,
    /** The error body's details: field issues, or `{ lockedUntil }` for ACCOUNT_LOCKED. */
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = 'HubApiError';
  }
}

export interface ApiClientOptions {
  baseUrl?: string;
  token: string | null;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Typed REST client for the hub; responses are checked against the shared schemas. */
export function createApiClient(options: ApiClientOptions) {
  const baseUrl = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function call<S extends z.ZodType>(method: string, path: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    const headers: Record<string, string> = {};
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
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
      if (parsed.success) throw new HubApiError(parsed.data.error.code, response.status, parsed.data.error.message, parsed.data.error.details);
      throw new HubApiError('NETWORK', response.status, `hub answered ${response.status}`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new HubApiError('NETWORK', response.status, 'hub response does not match the contract');
    return parsed.data;
  }

  return {
    catalog: () => call('GET', '/api/catalog', catalogResponseSchema),
    /** Who this device's token belongs to. */
    device: () => call('GET', '/api/device', deviceInfoSchema),
    /** What this device reports about itself (a kiosk's printer). */
    reportStatus: (body: DeviceStatusRequest) => call('PUT', '/api/devices/me/status', recordedResponseSchema, body),
    /** Whether a ticket came out of the kiosk's printer. */
    reportPrint: (day: string, number: string, body: PrintResultRequest) =>
      call('POST', `/api/tickets/${day}/${number}/print-result`, recordedResponseSchema, body),
    issueTicket: (body: IssueTicketRequest) => call('POST', '/api/tickets', issuedTicketSchema, body),
    /** A citizen who booked online says "I am here" (kiosk role). */
    checkIn: (body: CheckInRequest) => call('POST', '/api/tickets/checkin', issuedTicketSchema, body),
    /** The hub's matching key for CCCD scans (kiosk role); the kiosk hashes the ID with it. */
    citizenIdKey: () => call('GET', '/api/kiosk/citizen-id-key', citizenIdKeyResponseSchema),
    /** A scanned CCCD: check in today's booking by the ID's keyed hash (kiosk role). */
    checkInByCitizenId: (body: IdCheckInRequest) => call('POST', '/api/tickets/checkin-by-id', issuedTicketSchema, body),
    ticketStatus: (day: string, number: string) => call('GET', `/api/tickets/${day}/${number}`, publicTicketStatusSchema),
    /** "Báo cho tôi khi sắp đến lượt" from the citizen's ticket page (public, rate-limited). */
    subscribe: (day: string, number: string, body: SubscribeRequest) => call('POST', `/api/tickets/${day}/${number}/subscribe`, subscribeResponseSchema, body),
    reminderStatus: (day: string, number: string) => call('GET', `/api/tickets/${day}/${number}/reminder`, reminderStatusSchema),
    /** "Ông/bà có hài lòng với sự phục vụ?" from the rate screen (display or counter role). */
    rate: (body: RatingRequest) => call('POST', '/api/ratings', ratingResponseSchema, body),
    counterQueue: (counter: number) => call('GET', `/api/counters/${counter}/queue`, counterQueueResponseSchema),
    counterAction: (counter: number, action: CounterAction, body: CounterActionRequest = {}) =>
      call('POST', `/api/counters/${counter}/${action}`, counterActionResponseSchema, body),
    /** A device without a token asks for a pairing code (public). */
    createPairing: (body: CreatePairingRequest) => call('POST', '/api/pairing', createPairingResponseSchema, body),
    /** The device's poll: pending, or its token once (public; 404 once expired or collected). */
    pairingStatus: (pairingId: string) => call('GET', `/api/pairing/${encodeURIComponent(pairingId)}`, pairingStatusResponseSchema),
    transfer: (counter: number, body: TransferRequest) => call('POST', `/api/counters/${counter}/transfer`, counterActionResponseSchema, body),
    /** "Hoàn tác": takes back the counter's last done / no-show / transfer (UNDO_WINDOW_MS). */
    undo: (counter: number, body: UndoRequest) => call('POST', `/api/counters/${counter}/undo`, counterActionResponseSchema, body),
    /** Whether this counter needs a clerk sign-in (code + PIN), and who is signed in. */
    counterClerk: (counter: number) => call('GET', `/api/counters/${counter}/clerk`, counterClerkResponseSchema),
    clerkSignIn: (counter: number, body: ClerkSignInRequest) => call('POST', `/api/counters/${counter}/clerk`, counterClerkResponseSchema, body),
    clerkSignOut: (counter: number) => call('DELETE', `/api/counters/${counter}/clerk`, counterClerkResponseSchema),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** Unique per tap: a retry of the same tap reuses it, so it can never issue twice. */
export function newRequestId(): string {
  return globalThis.crypto.randomUUID();
}
