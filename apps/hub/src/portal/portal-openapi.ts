import { z } from 'zod';
import {
  bookingAckSchema,
  bookingStatusPushSchema,
  checkInRequestSchema,
  errorBodySchema,
  fieldIssueSchema,
  issuedTicketSchema,
  lockoutDetailsSchema,
  pendingBookingsResponseSchema,
  portalBookingRequestSchema,
  portalBookingSchema,
  portalCatalogSchema,
  PORTAL_PATHS,
  PROTOCOL_VERSION,
  serviceStatusPushSchema,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
} from '@layso/shared';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const json = (s: z.ZodType) => ({ content: { 'application/json': { schema: schema(s) } } });
/**
 * The wire error as the portal sees it: the hub never attaches a `reason` (the admin
 * console's wording data) to a portal refusal, so the spec leaves it out instead of
 * inlining that long union under every response.
 */
const portalErrorBodySchema = z.strictObject({
  error: errorBodySchema.shape.error.omit({ reason: true }).extend({
    details: z.union([z.array(fieldIssueSchema.omit({ reason: true })), lockoutDetailsSchema]).optional(),
  }),
});
const error = (description: string) => ({ description, ...json(portalErrorBodySchema) });
const signed = [{ portalToken: [], signature: [] }];
const signatureParameters = [
  { name: TIMESTAMP_HEADER, in: 'header', required: true, schema: { type: 'string' }, description: 'Milliseconds since the Unix epoch; refused when more than 5 minutes from the receiver\'s clock.' },
  {
    name: SIGNATURE_HEADER,
    in: 'header',
    required: true,
    schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' },
    description: '`sha256=` + hex HMAC-SHA256(secret, `{timestamp}.{METHOD}.{path with query}.{raw body}`). Each signature is accepted once.',
  },
];
const refusals = {
  '400': error('VALIDATION: malformed body or parameters; nothing stored'),
  '401': error('UNAUTHENTICATED: missing/unknown token, missing/stale/wrong signature'),
  '403': error('FORBIDDEN: not a portal token, or the portal link is off'),
  '409': error('CONFLICT (replayed signature, booking for another service, not cancellable), QUEUE_FULL or CLOSED'),
  '413': error('TOO_LARGE: body over 64 KB'),
};
const bookingRefParam = { name: 'bookingRef', in: 'path', required: true, schema: { type: 'string' } };

/** OpenAPI 3.1 description of the portal contract, both directions (hub→portal as webhooks). */
export function buildPortalOpenApi(): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'layso hub — provincial portal API',
      version: `${PROTOCOL_VERSION}.0.0`,
      description: 'Generated from the zod schemas in packages/shared by `pnpm docs:openapi`; see docs/portal-api.md.',
    },
    components: {
      securitySchemes: {
        portalToken: { type: 'http', scheme: 'bearer', description: 'A device token with role `portal` (`pnpm layso token create --role portal`).' },
        kioskToken: { type: 'http', scheme: 'bearer', description: 'A device token with role `kiosk`.' },
        signature: { type: 'apiKey', in: 'header', name: SIGNATURE_HEADER },
      },
    },
    paths: {
      '/api/portal/catalog': {
        get: {
          summary: 'Areas and services with their current transaction, waiting count and estimated wait',
          security: signed,
          parameters: signatureParameters,
          responses: { '200': { description: 'catalog', ...json(portalCatalogSchema) }, ...refusals },
        },
      },
      '/api/portal/bookings': {
        post: {
          summary: 'Book the next number of a service; idempotent on bookingRef',
          security: signed,
          parameters: signatureParameters,
          requestBody: { required: true, ...json(portalBookingRequestSchema) },
          responses: {
            '201': { description: 'booked', ...json(portalBookingSchema) },
            '200': { description: 'the same booking again (repeated bookingRef)', ...json(portalBookingSchema) },
            '404': error('NOT_FOUND: unknown service'),
            ...refusals,
          },
        },
      },
      '/api/portal/bookings/{bookingRef}': {
        get: {
          summary: 'A booking and its status',
          security: signed,
          parameters: [bookingRefParam, ...signatureParameters],
          responses: { '200': { description: 'booking', ...json(portalBookingSchema) }, '404': error('NOT_FOUND'), ...refusals },
        },
        delete: {
          summary: 'Cancel a booking (repeating is harmless)',
          security: signed,
          parameters: [bookingRefParam, ...signatureParameters],
          responses: { '200': { description: 'cancelled', ...json(portalBookingSchema) }, '404': error('NOT_FOUND'), ...refusals },
        },
      },
      '/api/tickets/checkin': {
        post: {
          summary: 'Kiosk: check a booked citizen in (number + last 4 phone digits, or booking code)',
          security: [{ kioskToken: [] }],
          requestBody: { required: true, ...json(checkInRequestSchema) },
          responses: {
            '200': { description: 'checked in; print this ticket', ...json(issuedTicketSchema) },
            '404': error('NOT_FOUND: no booking matches (same answer whether the number exists or not)'),
            '409': error('CONFLICT: the booking expired or was cancelled'),
            '429': error('RATE_LIMITED: 5 wrong codes in 5 minutes from this kiosk'),
          },
        },
      },
    },
    webhooks: {
      pendingBookings: {
        get: {
          summary: `Pull mode — the hub polls GET {portal.url}${PORTAL_PATHS.pendingBookings}?cursor=…`,
          parameters: [{ name: 'cursor', in: 'query', required: true, schema: { type: 'string' } }, ...signatureParameters],
          responses: { '200': { description: 'a page of bookings and the next cursor', ...json(pendingBookingsResponseSchema) } },
        },
      },
      bookingAck: {
        post: {
          summary: `Pull mode — POST {portal.url}${PORTAL_PATHS.bookingAck('{bookingRef}')}: the number and deadline given, or why not`,
          parameters: signatureParameters,
          requestBody: { required: true, ...json(bookingAckSchema) },
          responses: { '200': { description: 'any 2xx acknowledges; anything else is retried with backoff' } },
        },
      },
      serviceStatus: {
        post: {
          summary: `POST {portal.url}${PORTAL_PATHS.serviceStatus}: current transaction and waiting per service (≤ 1/s per service, plus periodic snapshots)`,
          parameters: signatureParameters,
          requestBody: { required: true, ...json(serviceStatusPushSchema) },
          responses: { '200': { description: 'any 2xx acknowledges' } },
        },
      },
      bookingStatus: {
        post: {
          summary: `POST {portal.url}${PORTAL_PATHS.bookingStatus}: an online booking changed status (checked in, called, done, expired, cancelled)`,
          parameters: signatureParameters,
          requestBody: { required: true, ...json(bookingStatusPushSchema) },
          responses: { '200': { description: 'any 2xx acknowledges' } },
        },
      },
    },
  };
}
