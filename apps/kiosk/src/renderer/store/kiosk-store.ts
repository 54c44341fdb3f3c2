/**
 * The kiosk's state: what the hub pushed (rendered as is, never recomputed), the
 * screen of the current citizen session, and the commands a tap sends. Session
 * rules live here so they are tested without a browser: one request at a time,
 * a retry reuses its requestId, an answer arriving after the session ended is
 * dropped, and the language falls back to Vietnamese when the session ends.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { citizenIdHash, serviceDay, type IssuedTicket, type Language } from '@layso/shared';
import type { CommandResult, ConnectionStatus, HubState } from '@layso/shared/client';
import type { KioskBridge, PrinterHealth, PrintOutcome } from '../../main/bridge-api.js';
import type { KioskApi } from '../api/kiosk-api.js';
import type { KioskConfig } from '../config/kiosk-config.js';
import { elderlyCategory, readCard } from '../logic/card-scan.js';
import { findArea } from '../logic/catalog-view.js';
import { clearField, deleteDigit, EMPTY_ENTRY, isComplete, typeDigit, type CheckinField } from '../logic/checkin-entry.js';
import { errorKindOf } from '../logic/error-kind.js';
import { loadLastPrinted, reprintableToday, saveLastPrinted, type LastPrinted, type LastTicketStorage } from '../logic/last-printed-ticket.js';
import { requestFor, unresolvedAfter, type IssueRequest } from '../logic/issue-request.js';
import { printableTicket } from '../logic/printable-ticket.js';
import type { PrintState, Screen } from './screens.js';

export interface KioskDeps {
  api: KioskApi;
  bridge: KioskBridge | null;
  config: KioskConfig;
  newRequestId(): string;
  /** Where the ticket's QR code points. */
  statusUrl(ticket: IssuedTicket): string;
  /** Keeps the last printed ticket across reloads (the page's localStorage); none in tests by default. */
  storage?: LastTicketStorage | null;
  /** This device's clock (ms); the hub's offset is added to it. */
  now?(): number;
}

export interface KioskState {
  config: KioskConfig;
  hasBridge: boolean;
  hub: HubState | null;
  connection: ConnectionStatus;
  /** null in a plain browser (no printer to ask). */
  printer: PrinterHealth | null;
  language: Language;
  /** "Chữ to": large text, high contrast, for this citizen only (reset when the session ends). */
  bigText: boolean;
  screen: Screen;
  /** A command is on its way to the hub: further taps are ignored. */
  busy: 'issue' | 'checkin' | null;
  /** The last issue request whose outcome is unknown (hub unreachable). */
  unresolved: IssueRequest | null;
  /** Increases when a session ends; answers for an older session are dropped. */
  session: number;

  setHub(hub: HubState): void;
  setConnection(status: ConnectionStatus): void;
  setPrinter(health: PrinterHealth): void;
  toggleLanguage(): void;
  toggleBigText(): void;
  openArea(areaId: string, priority?: string | null): void;
  openPriority(): void;
  pickPriority(priority: string): void;
  openCheckin(): void;
  goBack(): void;
  issue(serviceId: string, priority: string | null): Promise<void>;
  retry(): Promise<void>;
  checkinType(digit: string): void;
  checkinDelete(): void;
  checkinClear(): void;
  checkinSelect(field: CheckinField): void;
  checkIn(): Promise<void>;
  /** A scanner read something (serial bridge or keyboard wedge): acted on from home or check-in only. */
  scan(payload: string): void;
  /** The citizen confirmed the greeting: check in today's booking by ID hash, else priority or normal choice. */
  cardContinue(): Promise<void>;
  /** "Lấy số ưu tiên" on the elderly offer. */
  cardPriority(): void;
  endSession(): void;
  /** The admin's remote "reprint the last ticket": the same paper again, marked IN LẠI. */
  reprintLast(): Promise<CommandResult>;
  /** The admin's remote test print. */
  testPrint(now?: Date): Promise<CommandResult>;
}

export type KioskStore = StoreApi<KioskState>;

const HOME: Screen = { name: 'home' };

/** A print outcome as the answer to an admin's command. */
function commandResultOf(outcome: PrintOutcome): CommandResult {
  return outcome.ok ? { ok: true, message: 'printed' } : { ok: false, message: `${outcome.code}: ${outcome.message}` };
}

function printStateOf(outcome: PrintOutcome): PrintState {
  if (outcome.ok) return 'printed';
  return outcome.code === 'NOT_CONFIGURED' ? 'none' : 'failed';
}

/** Screens that offer a ticket or a check-in: none of them may stay up once the center stops issuing. */
const OFFERING: ReadonlySet<Screen['name']> = new Set(['services', 'priority', 'priority-areas', 'checkin', 'card']);
/** Where a scan is acted on: not mid-choice, not over a ticket or an error. */
const SCAN_SCREENS: ReadonlySet<Screen['name']> = new Set(['home', 'checkin', 'card-refused']);

/**
 * A screen that still makes sense after the catalog changed: an area may be gone, or
 * the day closed (early, or at the end of the opening hours) while a citizen was
 * choosing; home then says so instead of offering services the hub will refuse.
 */
function stillValid(screen: Screen, hub: HubState): Screen {
  if (!hub.catalog.open && OFFERING.has(screen.name)) return HOME;
  // The error stays (its "Thử lại" may still fetch a ticket the hub did issue); "Trở về" must not lead back to an offer.
  if (screen.name === 'error') return { ...screen, back: stillValid(screen.back, hub) };
  if (screen.name === 'services' && !findArea(hub.catalog, screen.areaId)) return HOME;
  if ((screen.name === 'priority-areas' || (screen.name === 'services' && screen.priority)) && !hub.catalog.priorityCategories.length) return HOME;
  return screen;
}

export function createKioskStore(deps: KioskDeps): KioskStore {
  return createStore<KioskState>()((set, get) => {
    /** Navigation is ignored while a command is in flight (a second tap of a double tap). */
    const go = (screen: Screen) => {
      if (get().busy) return;
      set({ screen });
    };

    const storage = deps.storage ?? null;
    /** The last ticket sent to the printer, for the admin's reprint; saved so a reload keeps it. */
    let lastPrinted: LastPrinted | null = loadLastPrinted(storage);

    async function print(ticket: IssuedTicket): Promise<void> {
      if (!deps.bridge) return;
      const { hub, language } = get();
      const printable = hub ? printableTicket(ticket, hub.catalog, language, deps.statusUrl(ticket)) : null;
      if (printable) {
        lastPrinted = { day: ticket.day, ticket: printable };
        saveLastPrinted(storage, lastPrinted);
      }
      let outcome: PrintOutcome;
      if (!printable) {
        outcome = { ok: false, code: 'INVALID_TICKET', message: 'service not in the catalog' };
      } else {
        try {
          outcome = await deps.bridge.printTicket(printable);
        } catch (error) {
          outcome = { ok: false, code: 'PRINTER_FAULT', message: (error as Error).message };
        }
      }
      // The hub records it: a citizen left without paper still holds the number.
      const result = outcome.ok ? { ok: true as const } : { ok: false as const, code: outcome.code, message: outcome.message.slice(0, 300) };
      deps.api.reportPrint(ticket, result).catch(() => undefined);
      const screen = get().screen;
      if (screen.name === 'ticket' && screen.ticket.id === ticket.id) set({ screen: { ...screen, print: printStateOf(outcome) } });
    }

    function showTicket(ticket: IssuedTicket, checkedIn: boolean): void {
      set({ busy: null, unresolved: null, screen: { name: 'ticket', ticket, print: deps.bridge ? 'printing' : 'none', checkedIn } });
      void print(ticket);
    }

    async function send(request: IssueRequest): Promise<void> {
      const { session, screen } = get();
      const back = screen.name === 'error' ? screen.back : screen;
      // Remembered before sending: if the page is left mid-request the id is not lost.
      set({ busy: 'issue', unresolved: request });
      let ticket: IssuedTicket;
      try {
        ticket = await deps.api.issueTicket({
          serviceId: request.serviceId,
          requestId: request.requestId,
          ...(request.priority ? { priority: request.priority } : {}),
        });
      } catch (error) {
        if (get().session !== session) return;
        const kind = errorKindOf(error, 'issue');
        set({ busy: null, unresolved: unresolvedAfter(request, kind), screen: { name: 'error', kind, back } });
        return;
      }
      if (get().session !== session) return;
      showTicket(ticket, false);
    }

    /**
     * The scanned ID between the greeting and the hub call: outside the store state (so no
     * devtools, snapshot or persistence sees it) and cleared as soon as it is hashed or the
     * session ends.
     */
    let pendingCard: { id: string; elderly: boolean; session: number } | null = null;
    let matchingKey: string | null = null;

    /** No booking today: the elderly get the priority offer, everyone else the normal choice. */
    const afterNoBooking = (card: { elderly: boolean }, fullName: string) => {
      const catalog = get().hub?.catalog;
      if (card.elderly && catalog && elderlyCategory(catalog)) {
        set({ busy: null, screen: { name: 'card', fullName, phase: 'elderly', error: null } });
        return;
      }
      const areas = catalog?.areas ?? [];
      set({ busy: null, screen: areas.length === 1 ? { name: 'services', areaId: areas[0]!.id, priority: null } : HOME });
    };

    const updateEntry = (change: (entry: typeof EMPTY_ENTRY) => typeof EMPTY_ENTRY) => {
      const screen = get().screen;
      if (screen.name !== 'checkin' || get().busy) return;
      set({ screen: { ...screen, entry: change(screen.entry), error: null } });
    };

    return {
      config: deps.config,
      hasBridge: deps.bridge !== null,
      hub: null,
      connection: 'connecting',
      printer: null,
      language: 'vi',
      bigText: false,
      screen: HOME,
      busy: null,
      unresolved: null,
      session: 0,

      setHub: (hub) => set({ hub, screen: stillValid(get().screen, hub) }),
      setConnection: (connection) => set({ connection }),
      setPrinter: (printer) => {
        set({ printer });
        deps.api.reportStatus({ printer }).catch(() => undefined);
      },
      toggleLanguage: () => {
        if (get().busy) return;
        set({ language: get().language === 'vi' ? 'en' : 'vi' });
      },
      toggleBigText: () => set({ bigText: !get().bigText }),
      openArea: (areaId, priority = null) => go({ name: 'services', areaId, priority }),
      openPriority: () => go({ name: 'priority' }),
      pickPriority: (priority) => {
        const areas = get().hub?.catalog.areas ?? [];
        // One area: no need to ask for it.
        go(areas.length === 1 ? { name: 'services', areaId: areas[0]!.id, priority } : { name: 'priority-areas', priority });
      },
      openCheckin: () => go({ name: 'checkin', entry: EMPTY_ENTRY, error: null }),
      goBack: () => {
        const { screen, hub } = get();
        switch (screen.name) {
          case 'services':
            if (screen.priority === null) return go(HOME);
            return go((hub?.catalog.areas.length ?? 0) > 1 ? { name: 'priority-areas', priority: screen.priority } : { name: 'priority' });
          case 'priority-areas':
            return go({ name: 'priority' });
          case 'error':
            return go(screen.back);
          case 'ticket':
            return get().endSession();
          default:
            return go(HOME);
        }
      },
      issue: async (serviceId, priority) => {
        if (get().busy) return;
        await send(requestFor({ serviceId, priority }, get().unresolved, deps.newRequestId));
      },
      retry: async () => {
        const { busy, unresolved } = get();
        if (busy || !unresolved) return;
        await send(unresolved);
      },
      checkinType: (digit) => updateEntry((entry) => typeDigit(entry, digit)),
      checkinDelete: () => updateEntry(deleteDigit),
      checkinClear: () => updateEntry(clearField),
      checkinSelect: (field) => updateEntry((entry) => ({ ...entry, field })),
      checkIn: async () => {
        const { screen, busy, session } = get();
        if (busy || screen.name !== 'checkin' || !isComplete(screen.entry)) return;
        set({ busy: 'checkin' });
        let ticket: IssuedTicket;
        try {
          ticket = await deps.api.checkIn({ number: screen.entry.number, phoneLast4: screen.entry.phone });
        } catch (error) {
          if (get().session !== session) return;
          set({ busy: null, screen: { ...screen, error: errorKindOf(error, 'checkin') } });
          return;
        }
        if (get().session !== session) return;
        showTicket(ticket, true);
      },
      scan: (payload) => {
        const { busy, screen, hub } = get();
        if (busy || !hub || !hub.catalog.open || !SCAN_SCREENS.has(screen.name)) return;
        const now = (deps.now ?? Date.now)() + hub.clockOffsetMs;
        const reading = readCard(payload, serviceDay(now, hub.catalog.center.timeZone));
        if (!reading.ok) {
          pendingCard = null;
          set({ screen: { name: 'card-refused', reason: reading.reason } });
          return;
        }
        const session = get().session;
        pendingCard = { id: reading.card.id, elderly: reading.card.elderly, session };
        set({ screen: { name: 'card', fullName: reading.card.fullName, phase: 'confirm', error: null } });
      },
      cardContinue: async () => {
        const { busy, screen, session } = get();
        const card = pendingCard;
        if (busy || screen.name !== 'card' || screen.phase !== 'confirm' || !card || card.session !== session) return;
        set({ busy: 'checkin', screen: { ...screen, error: null } });
        let ticket: IssuedTicket;
        try {
          matchingKey ??= await deps.api.citizenIdKey();
          const hash = citizenIdHash(matchingKey, card.id);
          // The clear number is not needed any more: only the hash leaves the page.
          card.id = '';
          ticket = await deps.api.checkInByCitizenId(hash);
        } catch (error) {
          if (get().session !== session) return;
          const kind = errorKindOf(error, 'checkin');
          pendingCard = null;
          // No booking today (or a hub without the route): go on as a walk-in.
          if (kind === 'checkin-not-found' || kind === 'checkin-unavailable') return afterNoBooking(card, screen.fullName);
          set({ busy: null, screen: { ...screen, error: kind } });
          return;
        }
        pendingCard = null;
        if (get().session !== session) return;
        showTicket(ticket, true);
      },
      cardPriority: () => {
        const { screen, hub } = get();
        const category = hub ? elderlyCategory(hub.catalog) : null;
        if (screen.name !== 'card' || screen.phase !== 'elderly' || !category) return;
        get().pickPriority(category);
      },
      endSession: () => {
        pendingCard = null;
        set({ screen: HOME, language: 'vi', bigText: false, unresolved: null, busy: null, session: get().session + 1 });
      },
      reprintLast: async () => {
        if (!deps.bridge) return { ok: false, message: 'no printer: this kiosk runs in a plain browser' };
        const hub = get().hub;
        const now = (deps.now ?? Date.now)() + (hub?.clockOffsetMs ?? 0);
        // Yesterday's paper handed out again would look like a valid number for today.
        const last = reprintableToday(lastPrinted, now, hub?.catalog.center.timeZone ?? null);
        if (!last) return { ok: false, message: 'nothing printed today on this kiosk' };
        try {
          return commandResultOf(await deps.bridge.printTicket({ ...last, reprint: true }));
        } catch (error) {
          return { ok: false, message: (error as Error).message };
        }
      },
      testPrint: async (now = new Date()) => {
        const bridge = deps.bridge;
        if (!bridge?.printTestPage) return { ok: false, message: 'no test print: plain browser or an older kiosk shell' };
        const catalog = get().hub?.catalog;
        if (!catalog) return { ok: false, message: 'not connected to the hub yet' };
        try {
          return commandResultOf(await bridge.printTestPage({ centerName: catalog.center.name, at: now.toISOString(), timeZone: catalog.center.timeZone }));
        } catch (error) {
          return { ok: false, message: (error as Error).message };
        }
      },
    };
  });
}
