import { z } from 'zod';
import { daySchema, ErrorCode, subscribeRequestSchema, ticketNumberSchema, ticketParamsSchema } from '@layso/shared';
import { maskRecipient } from './mask-recipient.js';
import type { NotificationService } from './notification-service.js';
import type { QueueCore } from '../queue/queue-core.js';
import { DomainError } from '../queue/domain-error.js';
import { FailureLimiter } from '../http/failure-limiter.js';
import { route, type Route } from '../http/router.js';

export interface NotifyRouteDeps {
  core: QueueCore;
  notifications: NotificationService;
  now?: () => number;
}

const listQuery = z.union([
  z.strictObject({ ticket: z.coerce.number().int().min(1) }),
  z.strictObject({ day: daySchema, number: ticketNumberSchema }),
  z.strictObject({}),
]);

/** The public "remind me" endpoint and the admin's view of the notification outbox. */
export function buildNotifyRoutes(deps: NotifyRouteDeps): Route[] {
  // Public and unauthenticated: bounded per address (someone scripting the endpoint)
  // and per ticket (someone pointing a stranger's number at another phone).
  const perAddress = new FailureLimiter(10, 10 * 60_000, deps.now);
  const perTicket = new FailureLimiter(3, 60 * 60_000, deps.now);

  return [
    route({
      method: 'POST',
      path: '/api/tickets/:day/:number/subscribe',
      access: 'public',
      params: ticketParamsSchema,
      body: subscribeRequestSchema,
      handle: ({ req, params, body }) => {
        const address = req.socket.remoteAddress ?? 'unknown';
        const ticketKey = `${params.day}/${params.number}`;
        if (perAddress.isBlocked(address) || perTicket.isBlocked(ticketKey)) throw new DomainError(ErrorCode.RATE_LIMITED, 'too many reminder requests; try again later');
        perAddress.recordFailure(address);
        perTicket.recordFailure(ticketKey);
        deps.notifications.subscribe(params.day, params.number, body.phone);
        return { status: 201, body: { subscribed: true, phone: maskRecipient(body.phone) } };
      },
    }),
    route({
      method: 'GET',
      path: '/api/tickets/:day/:number/reminder',
      access: 'public',
      params: ticketParamsSchema,
      handle: ({ params }) => ({ body: deps.notifications.reminderStatus(params.day, params.number) }),
    }),
    route({
      method: 'GET',
      path: '/api/notifications',
      access: { roles: ['admin'] },
      handle: ({ req }) => {
        const query = listQuery.safeParse(Object.fromEntries(new URL(req.url ?? '/', 'http://hub').searchParams));
        if (!query.success) throw new DomainError(ErrorCode.VALIDATION, 'use ?ticket=<id> or ?day=yyyy-MM-dd&number=XXYYY');
        let ticketId: number | null = null;
        if ('ticket' in query.data) ticketId = query.data.ticket;
        if ('day' in query.data) {
          const ticket = deps.core.findTicket(query.data.day, query.data.number);
          if (!ticket) throw new DomainError(ErrorCode.NOT_FOUND, `no ticket ${query.data.number} on ${query.data.day}`);
          ticketId = ticket.id;
        }
        return { body: { notifications: deps.notifications.list(ticketId) } };
      },
    }),
  ];
}
