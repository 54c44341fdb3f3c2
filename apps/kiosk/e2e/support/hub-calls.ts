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
