import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  UNDO_WINDOW_MS,
  type CounterActionRequest,
  type CounterActionResponse,
  type CounterQueueResponse,
  type TransferRequest,
  type UndoableAction,
  type UndoRequest,
} from '@layso/shared';
import { newRequestId as defaultRequestId } from '@layso/shared/client';
import { fillTemplate, HubApiError, type CounterAction } from '@layso/ui';
import { UI } from '../strings.js';
import type { HubCommand } from './actions.js';
import { errorText } from './error-text.js';

/** The slice of the typed REST client the console uses (tests pass a fake). */
export interface ConsoleApi {
  counterQueue(counter: number): Promise<CounterQueueResponse>;
  counterAction(counter: number, action: CounterAction, body: CounterActionRequest): Promise<CounterActionResponse>;
  transfer(counter: number, body: TransferRequest): Promise<CounterActionResponse>;
  undo(counter: number, body: UndoRequest): Promise<CounterActionResponse>;
}

/** The last done / no-show / transfer, which "Hoàn tác" can take back until `until`. */
export interface Undoable {
  action: UndoableAction;
  number: string;
  /** Where a transferred ticket went. */
  serviceId: string;
  /** Local epoch ms; the hub allows UNDO_WINDOW_MS from its own record of the press. */
  until: number;
}

export interface ConsoleStoreDeps {
  api: ConsoleApi;
  counter: number;
  /**
   * The clerk's name, sent as `clerk` with every command so the hub's ticket log says
   * who served whom. A PIN check replaces this with a real sign-in in the admin issue.
   */
  clerk: string;
  newRequestId?: () => string;
  sleep?: (ms: number) => Promise<void>;
  /** Waits before each retry of a command that did not reach the hub. */
  retryDelaysMs?: readonly number[];
  now?: () => number;
  /** Clears the undo offer when its time is up (tests drive it by hand). */
  setTimer?: (fn: () => void, ms: number) => () => void;
}

export type RunResult = 'done' | 'ignored' | 'failed';

export interface ConsoleState {
  /** GET /api/counters/:n/queue: serving ticket, waiting list, today's stats. */
  queue: CounterQueueResponse | null;
  loadError: string | null;
  /** The command on its way to the hub; presses meanwhile are ignored. */
  inFlight: HubCommand | 'undo' | null;
  /** Outcome of the last command, in Vietnamese. */
  message: { tone: 'info' | 'error'; text: string } | null;
  /** What "Hoàn tác" would take back now, or null. */
  undoable: Undoable | null;
  refresh(): Promise<void>;
  run(command: HubCommand, toServiceId?: string): Promise<RunResult>;
  /** Takes back `undoable` (once; any other command also ends the offer). */
  undo(): Promise<RunResult>;
  dismissMessage(): void;
}

export type ConsoleStore = StoreApi<ConsoleState>;

const DEFAULT_RETRY_DELAYS_MS = [400, 1_200];

/** The presses "Hoàn tác" can take back (a mis-pressed no-show is a citizen sent home). */
const UNDOABLE: Partial<Record<HubCommand, UndoableAction>> = { done: 'done', skip: 'skip', transfer: 'transfer' };

/**
 * The console's state and its commands. Two rules make a clerk's presses safe:
 * presses while a command is in flight are ignored (a double tap never calls two
 * tickets), and every press gets a fresh requestId that its automatic retries reuse,
 * so a retry after a lost response is answered by the hub with the first result.
 */
export function createConsoleStore(deps: ConsoleStoreDeps): ConsoleStore {
  const newRequestId = deps.newRequestId ?? defaultRequestId;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const retryDelays = deps.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const now = deps.now ?? Date.now;
  const setTimer =
    deps.setTimer ??
    ((fn: () => void, ms: number) => {
      const handle = setTimeout(fn, ms);
      return () => clearTimeout(handle);
    });
  let cancelExpiry: (() => void) | null = null;
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;

  return createStore<ConsoleState>()((set, get) => {
    function offerUndo(offer: Undoable | null): void {
      cancelExpiry?.();
      cancelExpiry = null;
      set({ undoable: offer });
      if (offer) {
        cancelExpiry = setTimer(() => {
          cancelExpiry = null;
          if (get().undoable === offer) set({ undoable: null });
        }, offer.until - now());
      }
    }

    async function send(command: HubCommand | 'undo', requestId: string, toServiceId: string | undefined, undo?: Undoable): Promise<CounterActionResponse> {
      const body = { requestId, clerk: deps.clerk };
      if (command === 'undo') return deps.api.undo(deps.counter, { ...body, number: undo!.number, action: undo!.action });
      if (command === 'transfer') return deps.api.transfer(deps.counter, { ...body, toServiceId: toServiceId! });
      return deps.api.counterAction(deps.counter, command, body);
    }

    async function sendWithRetry(command: HubCommand | 'undo', toServiceId: string | undefined, undo?: Undoable): Promise<CounterActionResponse> {
      const requestId = newRequestId();
      for (let attempt = 0; ; attempt++) {
        try {
          return await send(command, requestId, toServiceId, undo);
        } catch (error) {
          const retryable = error instanceof HubApiError && error.code === 'NETWORK' && attempt < retryDelays.length;
          if (!retryable) throw error;
          await sleep(retryDelays[attempt]!);
        }
      }
    }

    /**
     * Runs a command sent to the hub, then shows what the hub now says: buttons come back
     * only once the screen shows the new state, so the next press is judged on it rather
     * than on the old ticket. A failure is shown as the message.
     */
    async function settle(send: () => Promise<void>): Promise<'done' | 'failed'> {
      try {
        await send();
        await get().refresh();
        return 'done';
      } catch (error) {
        set({ message: { tone: 'error', text: errorText(error) } });
        await get().refresh();
        return 'failed';
      } finally {
        set({ inFlight: null });
      }
    }

    return {
      queue: null,
      loadError: null,
      inFlight: null,
      message: null,
      undoable: null,

      refresh() {
        // Events come in bursts (queue:changed + counter:changed per command): one
        // request at a time, plus one more if anything changed while it ran.
        if (refreshing) {
          refreshAgain = true;
          return refreshing;
        }
        refreshing = (async () => {
          do {
            refreshAgain = false;
            try {
              set({ queue: await deps.api.counterQueue(deps.counter), loadError: null });
            } catch (error) {
              set({ loadError: errorText(error) });
            }
          } while (refreshAgain);
        })().finally(() => {
          refreshing = null;
        });
        return refreshing;
      },

      async run(command, toServiceId) {
        if (get().inFlight !== null) return 'ignored';
        if (command === 'transfer' && !toServiceId) return 'ignored';
        set({ inFlight: command, message: null });
        // Any other press ends the offer: the hub would refuse it now anyway.
        offerUndo(null);
        return settle(async () => {
          const result = await sendWithRetry(command, toServiceId);
          if (command === 'next' && result.ticket === null) set({ message: { tone: 'info', text: UI.noOneWaiting } });
          const undoable = UNDOABLE[command];
          if (undoable && result.ticket) {
            offerUndo({ action: undoable, number: result.ticket.number, serviceId: result.ticket.serviceId, until: now() + UNDO_WINDOW_MS });
          }
        });
      },

      async undo() {
        const offer = get().undoable;
        if (get().inFlight !== null || !offer) return 'ignored';
        set({ inFlight: 'undo', message: null });
        offerUndo(null);
        return settle(async () => {
          await sendWithRetry('undo', undefined, offer);
          set({ message: { tone: 'info', text: fillTemplate(UI.undone, { n: offer.number }) } });
        });
      },

      dismissMessage: () => set({ message: null }),
    };
  });
}
