/**
 * What today's queue says about a change: a service with unfinished tickets or a
 * counter serving somebody cannot disappear without stranding a citizen.
 */
export interface TodayUsage {
  /** Today's booked, waiting and called tickets of a service. */
  unfinishedTickets(serviceId: string): number;
  /** The number a counter is serving now, or null. */
  servingTicket(counter: number): string | null;
}
