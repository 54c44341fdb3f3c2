import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CounterActionRequest, CounterActionResponse, CounterQueueResponse, TransferRequest } from '@layso/shared';
import { HubApiError, newRequestId as defaultRequestId, type CounterAction } from '@layso/shared/client';
import { UI } from '../strings.js';
import type { HubCommand } from './actions.js';
import { errorText } from './error-text.js';

/** The slice of the typed REST client the console uses (tests pass a fake). */
export interface ConsoleApi {
  counterQueue(counter: number): Promise<CounterQueueResponse>;
  counterAction(counter: number, action: CounterAction, body: CounterActionRequest): Promise<CounterActionResponse>;
  transfer(counter: number, body: TransferRequest): Promise<CounterActionResponse>;
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
}

export type RunResult = 'done' | 'ignored' | 'failed';

export interface ConsoleState {
  /** GET /api/counters/:n/queue: serving ticket, waiting list, today's stats. */
  queue: CounterQueueResponse | null;
  loadError: string | null;
  /** The command on its way to the hub; presses meanwhile are ignored. */
  inFlight: HubCommand | null;
  /** Outcome of the last command, in Vietnamese. */
  message: { tone: 'info' | 'error'; text: string } | null;
  refresh(): Promise<void>;
  run(command: HubCommand, toServiceId?: string): Promise<RunResult>;
  dismissMessage(): void;
}

export type ConsoleStore = StoreApi<ConsoleState>;

const DEFAULT_RETRY_DELAYS_MS = [400, 1_200];

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
  let refreshing: Promise<void> | null = null;
  let refreshAgain = false;

  return createStore<ConsoleState>()((set, get) => {
    async function send(command: HubCommand, requestId: string, toServiceId: string | undefined): Promise<CounterActionResponse> {
      const body = { requestId, clerk: deps.clerk };
      if (command === 'transfer') return deps.api.transfer(deps.counter, { ...body, toServiceId: toServiceId! });
      return deps.api.counterAction(deps.counter, command, body);
    }

    async function sendWithRetry(command: HubCommand, toServiceId: string | undefined): Promise<CounterActionResponse> {
      const requestId = newRequestId();
      for (let attempt = 0; ; attempt++) {
        try {
          return await send(command, requestId, toServiceId);
        } catch (error) {
          const retryable = error instanceof HubApiError && error.code === 'NETWORK' && attempt < retryDelays.length;
          if (!retryable) throw error;
          await sleep(retryDelays[attempt]!);
        }
      }
    }

    return {
      queue: null,
      loadError: null,
      inFlight: null,
      message: null,

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
        try {
          const result = await sendWithRetry(command, toServiceId);
          if (command === 'next' && result.ticket === null) set({ message: { tone: 'info', text: UI.noOneWaiting } });
          // Buttons come back only once the screen shows the new state, so the next
          // press is judged on what the hub now says rather than on the old ticket.
          await get().refresh();
          return 'done';
        } catch (error) {
          set({ message: { tone: 'error', text: errorText(error) } });
          await get().refresh();
          return 'failed';
        } finally {
          set({ inFlight: null });
        }
      },

      dismissMessage: () => set({ message: null }),
    };
  });
}
