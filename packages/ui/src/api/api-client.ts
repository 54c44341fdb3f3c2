/**
 * The hub's REST API as the screens (kiosk, counter console, door, board, ticket and
 * rate pages) call it: one typed method per endpoint, on the shared request layer.
 */
import {
  catalogResponseSchema,
  citizenIdKeyResponseSchema,
  counterActionResponseSchema,
  counterClerkResponseSchema,
  counterQueueResponseSchema,
  createPairingResponseSchema,
  deviceInfoSchema,
  issuedTicketSchema,
  pairingStatusResponseSchema,
  publicTicketStatusSchema,
  ratingResponseSchema,
  recordedResponseSchema,
  reminderStatusSchema,
  subscribeResponseSchema,
  type CheckInRequest,
  type ClerkSignInRequest,
  type CounterActionRequest,
  type CreatePairingRequest,
  type DeviceStatusRequest,
  type IdCheckInRequest,
  type IssueTicketRequest,
  type PrintResultRequest,
  type RatingRequest,
  type SubscribeRequest,
  type TransferRequest,
  type UndoRequest,
} from '@layso/shared';
import { createHubRequest, type HubRequestOptions } from './hub-request.js';

export type CounterAction = 'next' | 'recall' | 'done' | 'skip' | 'pause' | 'resume';

export type ApiClientOptions = Omit<HubRequestOptions, 'onRefusal'>;

/** Typed REST client for the hub; responses are checked against the shared schemas. */
export function createApiClient(options: ApiClientOptions) {
  const request = createHubRequest(options);
  const call = request.json;

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
