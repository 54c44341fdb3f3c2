import { portalBookingSchema, portalCatalogSchema, type PortalBooking, type PortalCatalog } from '@layso/shared';
import { createSignedFetch } from '../portal/signed-fetch.js';

/** The portal in push mode: books on the hub and reads its catalog, signed. */
export function createPushBooker(options: { hubUrl: string; token: string; secret: string; now?: () => number }) {
  const call = createSignedFetch({ baseUrl: options.hubUrl, secret: options.secret, token: options.token, ...(options.now ? { now: options.now } : {}) });
  return {
    async book(bookingRef: string, serviceId: string, phone?: string): Promise<PortalBooking> {
      const { status, json } = await call('POST', '/api/portal/bookings', { bookingRef, serviceId, contact: phone ? { phone } : {} });
      if (status !== 200 && status !== 201) throw new Error(`hub refused booking ${bookingRef}: ${status} ${JSON.stringify(json)}`);
      return portalBookingSchema.parse(json);
    },
    async catalog(): Promise<PortalCatalog> {
      const { status, json } = await call('GET', '/api/portal/catalog');
      if (status !== 200) throw new Error(`hub refused catalog: ${status}`);
      return portalCatalogSchema.parse(json);
    },
  };
}
