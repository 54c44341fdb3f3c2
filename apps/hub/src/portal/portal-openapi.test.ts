import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPortalOpenApi } from './portal-openapi.js';

describe('docs/portal-openapi.json', () => {
  it('is up to date with the zod schemas (regenerate with `pnpm docs:openapi`)', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../../docs/portal-openapi.json', import.meta.url), 'utf8')) as unknown;
    expect(committed).toEqual(buildPortalOpenApi());
  });

  it('describes both directions', () => {
    const doc = buildPortalOpenApi() as { paths: Record<string, unknown>; webhooks: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(['/api/portal/catalog', '/api/portal/bookings', '/api/portal/bookings/{bookingRef}', '/api/tickets/checkin']);
    expect(Object.keys(doc.webhooks)).toEqual(['pendingBookings', 'bookingAck', 'serviceStatus', 'bookingStatus']);
  });
});
