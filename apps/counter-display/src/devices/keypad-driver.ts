import { type BackoffSettings, ListenerSet, DEFAULT_BAUD_RATE, type ConnectionStatus, type SerialPortFactory, type StatusListener, ReconnectingSerialPort, type Clock, type Timers } from '@layso/electron-shell/serial';
import type { KeypadAction, KeypadKeyMap } from './keypad-actions.js';
import { KeypadDecoder } from './keypad-decoder.js';

export type KeypadActionListener = (action: KeypadAction) => void;

export interface KeypadDriverOptions {
  /** Serial device, e.g. /dev/ttyUSB1 or COM4. */
  path: string;
  baudRate?: number;
  /** Default: '1' next, '2' recall, '3' no-show, '4' done. */
  keyMap?: KeypadKeyMap;
  /** Default 300 ms. */
  debounceMs?: number;
  /** Clock for the debounce window; tests inject a manual one. */
  now?: Clock;
  portFactory?: SerialPortFactory;
  backoff?: Partial<BackoffSettings>;
  timers?: Timers;
  onAction?: KeypadActionListener;
  onStatusChange?: StatusListener;
}

/** Reads a clerk keypad on a serial port and emits debounced actions. */
export class KeypadDriver {
  private readonly port: ReconnectingSerialPort;
  private readonly decoder: KeypadDecoder;
  private readonly actionListeners = new ListenerSet<[KeypadAction]>();

  constructor(options: KeypadDriverOptions) {
    this.decoder = new KeypadDecoder({ keyMap: options.keyMap, debounceMs: options.debounceMs, now: options.now });
    this.port = new ReconnectingSerialPort({
      path: options.path,
      baudRate: options.baudRate ?? DEFAULT_BAUD_RATE,
      portFactory: options.portFactory,
      backoff: options.backoff,
      timers: options.timers,
    });
    if (options.onAction) this.actionListeners.add(options.onAction);
    if (options.onStatusChange) this.port.onStatusChange(options.onStatusChange);
    this.port.onData((chunk) => {
      for (const action of this.decoder.push(chunk)) this.actionListeners.emit(action);
    });
  }

  get status(): ConnectionStatus {
    return this.port.status;
  }

  onAction(listener: KeypadActionListener): () => void {
    return this.actionListeners.add(listener);
  }

  onStatusChange(listener: StatusListener): () => void {
    return this.port.onStatusChange(listener);
  }

  start(): void {
    this.port.start();
  }

  stop(): Promise<void> {
    return this.port.stop();
  }
}
