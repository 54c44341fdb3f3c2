/** A fake hub API and shell bridge whose answers the test decides, one call at a time. */
import type { CheckInRequest, DeviceStatusRequest, IssuedTicket, IssueTicketRequest, PrintResultRequest } from '@layso/shared';
import type { KioskBridge, PrintableTicket, PrintOutcome } from '../../main/bridge-api.js';
import type { KioskApi } from '../api/kiosk-api.js';
import type { KioskDeps } from '../store/kiosk-store.js';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface FakeApi extends KioskApi {
  issued: { body: IssueTicketRequest; answer: Deferred<IssuedTicket> }[];
  checkins: { body: CheckInRequest; answer: Deferred<IssuedTicket> }[];
  printReports: { number: string; result: PrintResultRequest }[];
  statusReports: DeviceStatusRequest[];
  /** Hashes sent by check-in by CCCD scan. */
  idCheckins: { hash: string; answer: Deferred<IssuedTicket> }[];
}

/** The matching key the fake hub hands out. */
export const FAKE_MATCHING_KEY = 'ab'.repeat(32);

export function fakeApi(): FakeApi {
  const issued: FakeApi['issued'] = [];
  const checkins: FakeApi['checkins'] = [];
  const printReports: FakeApi['printReports'] = [];
  const statusReports: FakeApi['statusReports'] = [];
  const idCheckins: FakeApi['idCheckins'] = [];
  return {
    idCheckins,
    citizenIdKey: async () => FAKE_MATCHING_KEY,
    checkInByCitizenId(hash) {
      const answer = deferred<IssuedTicket>();
      idCheckins.push({ hash, answer });
      return answer.promise;
    },
    issued,
    checkins,
    printReports,
    statusReports,
    reportPrint: async (ticket, result) => printReports.push({ number: ticket.number, result }),
    reportStatus: async (status) => statusReports.push(status),
    issueTicket(body) {
      const answer = deferred<IssuedTicket>();
      issued.push({ body, answer });
      return answer.promise;
    },
    checkIn(body) {
      const answer = deferred<IssuedTicket>();
      checkins.push({ body, answer });
      return answer.promise;
    },
  };
}

export interface FakeBridge extends KioskBridge {
  printed: PrintableTicket[];
}

export function fakeBridge(outcome: PrintOutcome | Promise<PrintOutcome> = { ok: true, warnings: [] }): FakeBridge {
  const printed: PrintableTicket[] = [];
  return {
    version: 1,
    printed,
    printTicket: async (ticket) => {
      printed.push(ticket);
      return outcome;
    },
    printerStatus: async () => ({ state: 'ready', paperNearEnd: false }),
    getSettings: async () => ({ ok: false, reason: 'WRONG_PIN' }),
    saveSettings: async () => ({ ok: false, reason: 'WRONG_PIN' }),
    openSettings: async () => undefined,
    closeSettings: async () => undefined,
  };
}

export function fakeDeps(overrides: Partial<KioskDeps> = {}): KioskDeps & { api: FakeApi } {
  let n = 0;
  return {
    api: fakeApi(),
    bridge: null,
    config: { idleMs: 30_000, ticketIdleMs: 10_000 },
    newRequestId: () => `request-${++n}`,
    statusUrl: (ticket) => `http://hub/api/tickets/${ticket.day}/${ticket.number}`,
    // 09:00 in Hanoi on the service day of `ticketFixture()`.
    now: () => Date.parse('2026-03-04T02:00:00.000Z'),
    ...overrides,
  } as KioskDeps & { api: FakeApi };
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
