import type { Catalog, CounterTicket } from '@layso/shared';
import { formatTime } from '@layso/shared';
import { UI, s } from '../strings.js';

/** Priority (with its category), online booking and transfer marks of a ticket. */
export function TicketBadges({ ticket, catalog }: { ticket: CounterTicket; catalog: Catalog }) {
  const priority = ticket.priority ? catalog.priorityCategories.find((c) => c.id === ticket.priority) : undefined;
  const from = ticket.transferredFrom ? serviceName(catalog, ticket.transferredFrom) : null;
  const online = ticket.source === 'portal';
  return (
    <span className="badges">
      {ticket.priority && (
        <span className="badge badge-priority" data-testid="badge-priority">
          {s('priority')}
          {priority ? `: ${priority.name}` : ''}
        </span>
      )}
      {online && (
        <span className="badge badge-online" data-testid="badge-online">
          {UI.online}
          {ticket.status === 'booked' ? ` · ${UI.notArrived}` : ''}
          {ticket.deadline ? ` · ${UI.arriveBefore} ${formatTime(ticket.deadline, catalog.center.timeZone)}` : ''}
        </span>
      )}
      {from && (
        <span className="badge badge-transfer">
          {UI.transferredFrom} {from}
        </span>
      )}
    </span>
  );
}

export function serviceName(catalog: Catalog, serviceId: string): string {
  for (const area of catalog.areas) {
    const service = area.services.find((s) => s.id === serviceId);
    if (service) return service.name;
  }
  return serviceId;
}
