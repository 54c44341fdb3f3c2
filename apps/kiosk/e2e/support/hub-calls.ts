/** Direct REST calls to the test hub, to check what the kiosk did (or make a counter act). */
import type { CounterQueueResponse, IssuedTicket, PublicTicketStatus } from '@layso/shared';

async function call<T>(method: string, url: string, token?: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export function ticketStatus(hubUrl: string, day: string, number: string) {
  return call<PublicTicketStatus>('GET', `${hubUrl}/api/tickets/${day}/${number}`);
}

export function counterQueue(hubUrl: string, counter: number, token: string) {
  return call<CounterQueueResponse>('GET', `${hubUrl}/api/counters/${counter}/queue`, token);
}

export function callNext(hubUrl: string, counter: number, token: string) {
  return call<{ ticket: { number: string } | null }>('POST', `${hubUrl}/api/counters/${counter}/next`, token, {});
}

export function issueTicket(hubUrl: string, token: string, serviceId: string) {
  return call<IssuedTicket>('POST', `${hubUrl}/api/tickets`, token, { serviceId, requestId: `e2e-${Math.random().toString(36).slice(2)}` });
}

/** An admin operation on a service (docs/admin-center.md): `pause` or `resume`. */
export function adminServiceOperation(hubUrl: string, token: string, serviceId: string, operation: 'pause' | 'resume') {
  return call<unknown>('POST', `${hubUrl}/api/admin/services/${serviceId}/${operation}`, token);
}

/** Closes today early or reopens it (docs/admin-center.md). */
export function adminDayOperation(hubUrl: string, token: string, operation: 'close' | 'reopen') {
  return call<unknown>('POST', `${hubUrl}/api/admin/day/${operation}`, token);
}
