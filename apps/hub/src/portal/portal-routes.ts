import { z } from 'zod';
import { bookingRefSchema, checkInRequestSchema, ErrorCode, idCheckInRequestSchema, portalBookingRequestSchema } from '@layso/shared';
import type { BookingService } from './booking-service.js';
import type { QueueEvent } from '../queue/queue-core.js';
import { QueueError } from '../queue/queue-error.js';
import { DomainError } from '../queue/domain-error.js';
import { FailureLimiter } from '../http/failure-limiter.js';
import { route, type Route } from '../http/router.js';

export interface PortalRouteDeps {
  bookings: BookingService;
  publish(events: readonly QueueEvent[]): void;
}

const refParams = z.strictObject({ bookingRef: bookingRefSchema });
const portalAccess = { roles: ['portal'] as const };

/** The portal's push API (signed) and the kiosk's check-in of online bookings. */
export function buildPortalRoutes({ bookings, publish }: PortalRouteDeps): Route[] {
  // Guessing check-in codes: 5 wrong tries per kiosk per 5 minutes, then 429.
  const checkInFailures = new FailureLimiter(5, 5 * 60_000);
  // A CCCD scan without a booking is the normal case (the kiosk goes on to the choice of service),
  // so misses are allowed far more often; the bound still stops a kiosk token from sweeping IDs.
  const idCheckInMisses = new FailureLimiter(30, 5 * 60_000);

  return [
    route({
      method: 'GET',
      path: '/api/portal/catalog',
      access: portalAccess,
      signed: true,
      handle: () => ({ body: bookings.catalog() }),
    }),
    route({
      method: 'POST',
      path: '/api/portal/bookings',
      access: portalAccess,
      signed: true,
      body: portalBookingRequestSchema,
      handle: ({ body }) => {
        const outcome = bookings.book(body);
        publish(outcome.events);
        return { status: outcome.events.length > 0 ? 201 : 200, body: outcome.value };
      },
    }),
    route({
      method: 'GET',
      path: '/api/portal/bookings/:bookingRef',
      access: portalAccess,
      signed: true,
      params: refParams,
      handle: ({ params }) => ({ body: bookings.get(params.bookingRef) }),
    }),
    route({
      method: 'DELETE',
      path: '/api/portal/bookings/:bookingRef',
      access: portalAccess,
      signed: true,
      params: refParams,
      handle: ({ params }) => {
        const outcome = bookings.cancel(params.bookingRef);
        publish(outcome.events);
        return { body: outcome.value };
      },
    }),
    route({
      method: 'POST',
      path: '/api/tickets/checkin',
      access: { roles: ['kiosk', 'admin'] },
      body: checkInRequestSchema,
      handle: ({ device, body }) => {
        const key = String(device?.id);
        if (checkInFailures.isBlocked(key)) throw new DomainError(ErrorCode.RATE_LIMITED, 'too many wrong check-in codes; please ask the staff');
        try {
          const outcome = bookings.checkIn(body);
          publish(outcome.events);
          return { body: outcome.value };
        } catch (error) {
          if (error instanceof QueueError && error.code === ErrorCode.NOT_FOUND) checkInFailures.recordFailure(key);
          throw error;
        }
      },
    }),
    route({
      method: 'GET',
      path: '/api/kiosk/citizen-id-key',
      access: { roles: ['kiosk'] },
      handle: () => ({ body: { key: bookings.citizenIdKey() } }),
    }),
    route({
      method: 'POST',
      path: '/api/tickets/checkin-by-id',
      access: { roles: ['kiosk'] },
      body: idCheckInRequestSchema,
      handle: ({ device, body }) => {
        const key = String(device?.id);
        if (idCheckInMisses.isBlocked(key)) throw new DomainError(ErrorCode.RATE_LIMITED, 'too many card scans without a booking; please ask the staff');
        try {
          const outcome = bookings.checkInByCitizenId(body);
          publish(outcome.events);
          return { body: outcome.value };
        } catch (error) {
          if (error instanceof QueueError && error.code === ErrorCode.NOT_FOUND) idCheckInMisses.recordFailure(key);
          throw error;
        }
      },
    }),
  ];
}
