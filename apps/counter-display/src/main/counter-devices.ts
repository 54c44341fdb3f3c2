import type { HubConnection, HubConnectionOptions, HubState } from '@layso/shared/client';
import type {
  KeypadAction,
  KeypadDriverOptions,
  KeypadHubBridgeOptions,
  KeypadHubResult,
  LedBoardDriverOptions,
  LedDisplayState,
} from '../devices/index.js';
import type { ShellSettings } from './settings-schema.js';

export interface LedLike {
  start(): void;
  stop(): Promise<void>;
  show(state: LedDisplayState): void;
}

export interface KeypadLike {
  start(): void;
  stop(): Promise<void>;
  onAction(listener: (action: KeypadAction) => void): () => void;
}

export interface BridgeLike {
  send(action: KeypadAction): Promise<KeypadHubResult>;
}

/** The serial engineer's drivers and the shared hub client, injected so this wiring is tested without ports or a hub. */
export interface CounterDeviceFactories {
  createLed(options: LedBoardDriverOptions): LedLike;
  createKeypad(options: KeypadDriverOptions): KeypadLike;
  createBridge(options: KeypadHubBridgeOptions): BridgeLike;
  connect(options: HubConnectionOptions): HubConnection;
}

export interface CounterDevices {
  stop(): Promise<void>;
}

/** What the counter's LED board shows, from the hub state; null if the hub does not know the counter. */
export function ledStateFor(hub: HubState, counter: number): LedDisplayState | null {
  const entry = hub.catalog.counters.find((c) => c.number === counter);
  if (!entry) return null;
  return { current: entry.status === 'paused' ? null : entry.current, paused: entry.status === 'paused' };
}

/**
 * Wires a counter's serial devices in the main process.
 *
 * LED board: the main process subscribes to the hub itself (connectHub over
 * socket.io-client, the same code every screen uses) rather than relaying numbers
 * from the renderer over IPC. The board then follows the hub, not the page: it
 * keeps working while the page reloads after a crash, it is right after a reconnect
 * (connectHub takes a fresh snapshot), and it works the same under the console and
 * the door screen. The driver sends only when the text changes.
 *
 * Keypad: each key becomes a REST command through the serial engineer's
 * KeypadHubBridge (one request at a time, a fresh requestId per press). The
 * console page sees the result through the hub's events like any other change.
 */
export function startCounterDevices(
  settings: ShellSettings,
  factories: CounterDeviceFactories,
  log: (message: string, error?: unknown) => void = () => {},
): CounterDevices | null {
  const { counter, token } = settings;
  // Not paired yet: no token to act with; the devices start once pairing saved one.
  if (counter === undefined || token === undefined || (!settings.led && !settings.keypad)) return null;
  const stops: (() => Promise<void> | void)[] = [];

  if (settings.led) {
    const led = factories.createLed({
      path: settings.led.path,
      ...(settings.led.baudRate !== undefined ? { baudRate: settings.led.baudRate } : {}),
      ...(settings.led.protocol !== undefined ? { protocol: settings.led.protocol } : {}),
      ...(settings.led.address !== undefined ? { address: settings.led.address } : {}),
      onStatusChange: (status, error) => log(`LED board ${settings.led!.path} ${status}`, error),
    });
    led.start();
    const connection = factories.connect({
      url: new URL(settings.hubUrl).origin,
      token,
      onState: (hub) => {
        const state = ledStateFor(hub, counter);
        if (!state) return;
        try {
          led.show(state);
        } catch (error) {
          log('LED board cannot show this text', error);
        }
      },
    });
    stops.push(() => connection.close(), () => led.stop());
  }

  if (settings.keypad) {
    const bridge = factories.createBridge({ hubUrl: settings.hubUrl, token, counter });
    const keypad = factories.createKeypad({
      path: settings.keypad.path,
      ...(settings.keypad.baudRate !== undefined ? { baudRate: settings.keypad.baudRate } : {}),
      onStatusChange: (status, error) => log(`keypad ${settings.keypad!.path} ${status}`, error),
    });
    keypad.onAction((action) => {
      void bridge.send(action).then((result) => {
        if (!result.ok) log(`keypad ${action} refused by the hub: ${result.error.code} ${result.error.message}`);
      });
    });
    keypad.start();
    stops.push(() => keypad.stop());
  }

  return {
    async stop() {
      await Promise.all(stops.map((stop) => stop()));
    },
  };
}
