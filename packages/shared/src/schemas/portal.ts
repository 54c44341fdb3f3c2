import { z } from 'zod';
import { idSchema } from './center-config.js';
import { citizenIdSchema } from '../citizen-id-hash.js';
import { daySchema, isoInstantSchema, ticketNumberSchema, ticketStatusSchema } from './api.js';

/** The portal's own booking id; the hub is idempotent on it. */
export const bookingRefSchema = z.string().regex(/^[A-Za-z0-9][\w.:-]{3,63}$/, 'must be 4–64 letters, digits or _ . : -');

const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9 .-]{8,20}$/, 'must be a phone number')
  .transform((p) => p.replace(/[ .-]/g, ''));

export const bookingContactSchema = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  phone: phoneSchema.optional(),
  email: z.email().max(254).optional(),
  /**
   * The citizen's 12-digit CCCD number, so a scan of the card at the kiosk checks the booking in.
   * The hub keeps only its keyed hash (HMAC-SHA256 with the hub's matching key) and drops the
   * clear value at once; the hash is purged with the rest of the contact.
   */
  citizenId: citizenIdSchema.optional(),
});
export type BookingContact = z.infer<typeof bookingContactSchema>;

export const portalBookingRequestSchema = z.strictObject({
  bookingRef: bookingRefSchema,
  serviceId: idSchema,
  contact: bookingContactSchema.default({}),
});
export type PortalBookingRequest = z.infer<typeof portalBookingRequestSchema>;

export const portalBookingSchema = z.object({
  bookingRef: bookingRefSchema,
  number: ticketNumberSchema,
  day: daySchema,
  serviceId: idSchema,
  status: ticketStatusSchema,
  bookedAt: isoInstantSchema,
  deadline: isoInstantSchema,
  /** The SMS text of seed 001: unaccented, ≤ 160 characters. */
  message: z.string(),
  /** The same message with diacritics, for e-mail and Zalo. */
  messageEmail: z.string(),
});
export type PortalBooking = z.infer<typeof portalBookingSchema>;

export const portalCatalogSchema = z.object({
  day: daySchema,
  open: z.boolean(),
  areas: z.array(
    z.object({
      id: idSchema,
      name: z.string(),
      services: z.array(
        z.object({
          id: idSchema,
          name: z.string(),
          prefix: z.string(),
          current: ticketNumberSchema.nullable(),
          waiting: z.number().int().min(0),
          estWaitMin: z.number().int().min(0),
          acceptingBookings: z.boolean(),
        }),
      ),
    }),
  ),
});
export type PortalCatalog = z.infer<typeof portalCatalogSchema>;

/** Kiosk check-in of an online booking: the number and the last 4 phone digits, or the booking code. */
export const checkInRequestSchema = z.union([
  z.strictObject({ number: ticketNumberSchema, phoneLast4: z.string().regex(/^\d{4}$/, 'must be 4 digits') }),
  z.strictObject({ number: ticketNumberSchema, bookingCode: bookingRefSchema }),
]);
export type CheckInRequest = z.infer<typeof checkInRequestSchema>;

/** Signed-request headers (both directions). */
export const SIGNATURE_HEADER = 'x-layso-signature';
export const TIMESTAMP_HEADER = 'x-layso-timestamp';
/** Signed requests older (or newer) than this are refused. */
export const SIGNATURE_MAX_AGE_MS = 5 * 60_000;

// ---- hub → portal (pull mode and upstream status), signed the same way ----

/** Paths on the portal, relative to the configured portal url. */
export const PORTAL_PATHS = {
  pendingBookings: '/layso/v1/bookings/pending',
  bookingAck: (bookingRef: string) => `/layso/v1/bookings/${encodeURIComponent(bookingRef)}/ack`,
  serviceStatus: '/layso/v1/service-status',
  bookingStatus: '/layso/v1/booking-status',
} as const;

export const pendingBookingsResponseSchema = z.object({
  bookings: z.array(portalBookingRequestSchema.extend({ requestedAt: isoInstantSchema.optional() })).max(500),
  /** Opaque; the hub sends it back on the next poll and persists it. */
  cursor: z.string().max(256),
});
export type PendingBookingsResponse = z.infer<typeof pendingBookingsResponseSchema>;

export const bookingAckSchema = z.union([
  portalBookingSchema.extend({ accepted: z.literal(true) }),
  z.object({ accepted: z.literal(false), bookingRef: bookingRefSchema, error: z.object({ code: z.string(), message: z.string() }) }),
]);
export type BookingAck = z.infer<typeof bookingAckSchema>;

export const serviceStatusPushSchema = z.object({
  day: daySchema,
  at: isoInstantSchema,
  /** True for the periodic full snapshot, false for a change. */
  snapshot: z.boolean(),
  services: z.array(
    z.object({
      serviceId: idSchema,
      current: ticketNumberSchema.nullable(),
      waiting: z.number().int().min(0),
      estWaitMin: z.number().int().min(0),
    }),
  ),
});
export type ServiceStatusPush = z.infer<typeof serviceStatusPushSchema>;

export const bookingStatusPushSchema = z.object({
  bookingRef: bookingRefSchema,
  number: ticketNumberSchema,
  day: daySchema,
  status: ticketStatusSchema,
  at: isoInstantSchema,
});
export type BookingStatusPush = z.infer<typeof bookingStatusPushSchema>;
