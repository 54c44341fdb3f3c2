import { formatTime, type Catalog, type CounterTicket } from '@layso/shared';
import { UI, s } from '../strings.js';
import { serviceName, TicketBadges } from './ticket-badges.js';

/** The tickets waiting for this counter's services, in the order the hub lists them (priority marked). */
export function WaitingList({ waiting, catalog, showService }: { waiting: readonly CounterTicket[]; catalog: Catalog; showService: boolean }) {
  return (
    <section className="waiting" data-testid="waiting">
      <h2>
        {s('waiting')} <span className="waiting-count">({waiting.length})</span>
      </h2>
      {waiting.length === 0 ? (
        <p className="waiting-empty">{UI.noOneWaiting}</p>
      ) : (
        <ol className="waiting-list">
          {waiting.map((ticket) => (
            <li key={ticket.id} className="waiting-row" data-testid="waiting-ticket" data-number={ticket.number}>
              <span className="waiting-number">{ticket.number}</span>
              <span className="waiting-info">
                {showService && <span className="waiting-service">{serviceName(catalog, ticket.serviceId)}</span>}
                <TicketBadges ticket={ticket} catalog={catalog} />
              </span>
              <span className="waiting-time" title={UI.issuedAt}>
                {formatTime(ticket.issuedAt, catalog.center.timeZone)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
