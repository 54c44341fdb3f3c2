/**
 * A service day simulated on the real QueueCore (real SQLite store, simulated clock):
 * arrivals with a morning and an afternoon peak, lognormal service times per service,
 * counters serving 1–3 services, the lunch break, a counter that pauses, no-shows,
 * priority tickets and transfers. Clerks press the real commands (next, skip, transfer,
 * done, pause, resume); the estimate a citizen is shown is what `issue` returns.
 */
import { centerConfigSchema, type CenterConfig, type CenterConfigInput } from '@layso/shared';
import { prng } from '../../apps/hub/src/reports/seed/seed-random.js';
import type { QueueCore } from '../../apps/hub/src/queue/queue-core.js';
import type { SqliteQueueStore } from '../../apps/hub/src/store/sqlite-queue-store.js';

const MINUTE = 60_000;
/** Asia/Ho_Chi_Minh is UTC+7 all year. */
const VN_OFFSET_MS = 7 * 60 * MINUTE;
const CLERK = { deviceId: null };

export interface SimService {
  id: string;
  prefix: string;
  /** Mean service time, minutes (lognormal). */
  meanMin: number;
  /** Share of the day's arrivals. */
  weight: number;
}

export interface SimProfile {
  name: string;
  services: SimService[];
  counters: { number: number; serviceIds: string[] }[];
  arrivalsPerDay: number;
  /** A counter that takes a break, local "HH:mm". */
  pause: { counter: number; from: string; to: string };
  priorityPolicy: CenterConfigInput['priorityPolicy'];
}

/** Morning and afternoon opening, the lunch break between (local minutes). */
const HOURS = [
  { open: 7 * 60 + 30, close: 11 * 60 + 30 },
  { open: 13 * 60 + 30, close: 17 * 60 },
];
const WORKDAY = HOURS.map((h) => ({ open: clock(h.open), close: clock(h.close) }));
const SIGMA = 0.6;
const NO_SHOW = 0.1;
const TRANSFER = 0.03;
const PRIORITY = 0.08;

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function parse(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function simConfig(profile: SimProfile): CenterConfig {
  return centerConfigSchema.parse({
    name: `Bench: ${profile.name}`,
    timeZone: 'Asia/Ho_Chi_Minh',
    openingHours: { sun: [], mon: WORKDAY, tue: WORKDAY, wed: WORKDAY, thu: WORKDAY, fri: WORKDAY, sat: [] },
    priorityPolicy: profile.priorityPolicy,
    priorityCategories: [{ id: 'nguoi-cao-tuoi', name: 'Người cao tuổi' }],
    defaultServiceMinutes: 8,
    online: { windowMin: 10, checkInRequired: true },
    areas: [{ id: 'tang-1', name: 'Tầng 1', services: profile.services.map((s) => ({ id: s.id, name: s.id, prefix: s.prefix, dailyLimit: 999 })) }],
    counters: profile.counters.map((c) => ({ number: c.number, areaId: 'tang-1', serviceIds: c.serviceIds })),
  } satisfies CenterConfigInput);
}

/** A clock the simulation moves. */
export class SimClock {
  constructor(public ms: number) {}
  now(): number {
    return this.ms;
  }
}

export interface IssuedRecord {
  id: number;
  serviceId: string;
  issuedAt: number;
  priority: boolean;
  ahead: number;
  /** Minutes shown by the hub's estimator. */
  estimate: number;
  /** Minutes the estimator before issue 15 would have shown. */
  legacy: number;
}

type Event =
  | { at: number; kind: 'arrive'; serviceId: string; priority: boolean }
  | { at: number; kind: 'finish'; counter: number }
  | { at: number; kind: 'open' | 'close' }
  | { at: number; kind: 'pause' | 'resume'; counter: number };

interface CounterSim {
  number: number;
  serviceIds: string[];
  /** Clerk speed: service times are multiplied by it. */
  speed: number;
  busy: boolean;
  outcome: 'done' | 'skip' | 'transfer';
  paused: boolean;
  pausePending: boolean;
}

/** The estimator the hub had before issue 15: ahead × mean(last 20 service times today) ÷ open counters. */
export function legacyEstimate(core: QueueCore, store: SqliteQueueStore, serviceId: string, ahead: number): number {
  if (ahead <= 0) return 0;
  const durations = store.recentServiceDurations(serviceId, core.currentDay, 20);
  const avg = durations.length === 0 ? core.config.defaultServiceMinutes : durations.reduce((a, b) => a + b, 0) / durations.length / MINUTE;
  const open = core.config.counters.filter((c) => c.serviceIds.includes(serviceId) && core.views.counterView(c.number).status === 'open').length;
  return Math.ceil((ahead * avg) / Math.max(1, open));
}

/** Local midnight of a service day in Asia/Ho_Chi_Minh. */
export function dayStart(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - VN_OFFSET_MS;
}

/** Runs one simulated day; returns every ticket issued with the estimates shown at issue. */
export function simulateDay(core: QueueCore, store: SqliteQueueStore, clockRef: SimClock, profile: SimProfile, day: string, seed: number): IssuedRecord[] {
  const random = prng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const lognormal = (mean: number) => Math.exp(Math.log(mean) - (SIGMA * SIGMA) / 2 + SIGMA * gauss());
  const midnight = dayStart(day);
  const at = (minutes: number) => midnight + minutes * MINUTE;
  const events: Event[] = [];
  const push = (event: Event) => {
    // Sorted insert, stable for equal times (a few thousand events a day).
    let i = events.length;
    while (i > 0 && events[i - 1]!.at > event.at) i -= 1;
    events.splice(i, 0, event);
  };

  // Arrivals: a base rate with a morning peak (about 08:45) and an afternoon one (about 14:30).
  const shape = (m: number) => 0.35 + 1.6 * Math.exp(-(((m - 525) / 50) ** 2)) + 1.1 * Math.exp(-(((m - 870) / 45) ** 2));
  let shapeTotal = 0;
  for (const h of HOURS) for (let m = h.open; m < h.close; m += 1) shapeTotal += shape(m);
  const totalWeight = profile.services.reduce((sum, s) => sum + s.weight, 0);
  for (const h of HOURS) {
    for (let m = h.open; m < h.close; m += 1) {
      const lambda = (profile.arrivalsPerDay * shape(m)) / shapeTotal;
      // Poisson arrivals in this minute (Knuth), at uniform offsets.
      let k = 0;
      for (let p = random(), limit = Math.exp(-lambda); p > limit; p *= random()) k += 1;
      for (let i = 0; i < k; i += 1) {
        let pick = random() * totalWeight;
        const service = profile.services.find((s) => (pick -= s.weight) < 0) ?? profile.services.at(-1)!;
        push({ at: at(m + random()), kind: 'arrive', serviceId: service.id, priority: random() < PRIORITY });
      }
    }
    push({ at: at(h.open), kind: 'open' });
    push({ at: at(h.close), kind: 'close' });
  }
  push({ at: at(parse(profile.pause.from)), kind: 'pause', counter: profile.pause.counter });
  push({ at: at(parse(profile.pause.to)), kind: 'resume', counter: profile.pause.counter });

  const meanOf = new Map(profile.services.map((s) => [s.id, s.meanMin]));
  const counters = profile.counters.map<CounterSim>((c) => ({ ...c, speed: 0.85 + 0.35 * random(), busy: false, outcome: 'done', paused: false, pausePending: false }));
  const byNumber = new Map(counters.map((c) => [c.number, c]));
  let open = false;
  const issued: IssuedRecord[] = [];

  const serve = (counter: CounterSim, serviceId: string) => {
    counter.busy = true;
    const roll = random();
    let minutes: number;
    if (roll < NO_SHOW) {
      counter.outcome = 'skip';
      minutes = 1 + random(); // the name is called twice, nobody comes
    } else if (roll < NO_SHOW + TRANSFER) {
      counter.outcome = 'transfer';
      minutes = lognormal(meanOf.get(serviceId)!) / 3;
    } else {
      counter.outcome = 'done';
      minutes = lognormal(meanOf.get(serviceId)!) * counter.speed;
    }
    push({ at: clockRef.ms + minutes * MINUTE, kind: 'finish', counter: counter.number });
  };
  const callNext = (counter: CounterSim): boolean => {
    const ticket = core.next(counter.number, CLERK).value.ticket;
    if (ticket) serve(counter, ticket.serviceId);
    else counter.busy = false;
    return ticket !== null;
  };
  const callIdle = (serviceId: string | null) => {
    const idle = counters.filter((c) => !c.busy && !c.paused && (serviceId === null || c.serviceIds.includes(serviceId)));
    // Which idle clerk looks up first is random.
    for (let i = idle.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [idle[i], idle[j]] = [idle[j]!, idle[i]!];
    }
    for (const counter of idle) if (!callNext(counter) && serviceId !== null) break;
  };

  for (let event = events.shift(); event; event = events.shift()) {
    clockRef.ms = Math.round(event.at);
    switch (event.kind) {
      case 'open':
        open = true;
        callIdle(null);
        break;
      case 'close':
        open = false;
        break;
      case 'arrive': {
        const { value } = core.issue({ serviceId: event.serviceId, priority: event.priority ? 'nguoi-cao-tuoi' : null });
        issued.push({
          id: value.id,
          serviceId: value.serviceId,
          issuedAt: clockRef.ms,
          priority: event.priority,
          ahead: value.ahead,
          estimate: value.estWaitMin,
          legacy: legacyEstimate(core, store, value.serviceId, value.ahead),
        });
        if (open) callIdle(event.serviceId);
        break;
      }
      case 'finish': {
        const counter = byNumber.get(event.counter)!;
        const goOn = open && !counter.pausePending;
        if (counter.outcome === 'skip') core.skip(counter.number, CLERK);
        else if (counter.outcome === 'transfer') {
          const current = core.views.counterQueue(counter.number, 1).serving!;
          const others = profile.services.filter((s) => s.id !== current.serviceId);
          core.transfer(counter.number, others[Math.floor(random() * others.length)]!.id, CLERK);
          callIdle(null); // the transferred ticket heads another queue; an idle counter takes it
        }
        if (counter.pausePending) {
          // pause() completes a ticket still being served.
          core.pause(counter.number, CLERK);
          counter.paused = true;
          counter.pausePending = false;
          counter.busy = false;
        } else if (goOn) {
          callNext(counter); // next = done + call
        } else {
          if (counter.outcome === 'done') core.done(counter.number, CLERK);
          counter.busy = false;
        }
        break;
      }
      case 'pause': {
        const counter = byNumber.get(event.counter)!;
        if (counter.busy) counter.pausePending = true;
        else {
          core.pause(counter.number, CLERK);
          counter.paused = true;
        }
        break;
      }
      case 'resume': {
        const counter = byNumber.get(event.counter)!;
        counter.pausePending = false;
        if (counter.paused) {
          core.resume(counter.number, CLERK);
          counter.paused = false;
          if (open) callNext(counter);
        }
        break;
      }
    }
  }
  return issued;
}
