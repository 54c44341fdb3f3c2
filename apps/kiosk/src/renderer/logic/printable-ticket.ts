/**
 * The paper ticket's content, from the ticket the hub issued and the catalog it
 * pushed, in the citizen's language. Sent to the Electron shell to print.
 */
import type { Catalog, IssuedTicket, Language } from '@layso/shared';
import type { PrintableTicket } from '../../main/bridge-api.js';
import { counterNumberOf, findService, localName, priorityName } from './catalog-view.js';

export function printableTicket(ticket: IssuedTicket, catalog: Catalog, language: Language, statusUrl: string): PrintableTicket | null {
  const found = findService(catalog, ticket.serviceId);
  if (!found) return null;
  return {
    centerName: localName(catalog.center, language),
    areaName: localName(found.area, language),
    serviceName: localName(found.service, language),
    number: ticket.number,
    counter: counterNumberOf(found.service),
    issuedAt: ticket.issuedAt,
    timeZone: catalog.center.timeZone,
    ahead: ticket.ahead,
    estWaitMin: ticket.estWaitMin,
    statusUrl,
    priorityName: priorityName(catalog, ticket.priority, language),
    language,
  };
}
