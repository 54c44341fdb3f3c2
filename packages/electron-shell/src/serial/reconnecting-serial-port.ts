import { backoffDelay, resolveBackoff, type BackoffSettings } from './backoff.js';
import { ListenerSet } from './listener-set.js';
import { createNodeSerialPort } from './node-serial-port.js';
import type { ConnectionStatus, SerialPortFactory, SerialPortLike, StatusListener } from './serial-port-like.js';
import { systemTimers, type TimerHandle, type Timers } from '../timers.js';

export interface ReconnectingSerialPortOptions {
  path: string;
  baudRate: number;
  /** Defaults to the real `serialport` package. */
  portFactory?: SerialPortFactory;
  backoff?: Partial<BackoffSettings>;
  timers?: Timers;
}

/**
 * A serial port that keeps itself open: when the device is missing at start, or
 * disappears later (cable pulled, USB adapter re-enumerated), it retries with
 * exponential backoff until the same path opens again. Shared by the LED board, the
 * keypad and the kiosk's scanner so all recover the same way and report the same status.
 */
export class ReconnectingSerialPort {
  readonly path: string;
  private readonly baudRate: number;
  private readonly portFactory: SerialPortFactory;
  private readonly backoff: BackoffSettings;
  private readonly timers: Timers;

  private readonly statusListeners = new ListenerSet<Parameters<StatusListener>>();
  private readonly dataListeners = new ListenerSet<[Buffer]>();
  private readonly connectListeners = new ListenerSet<[]>();
  private readonly openFailedListeners = new ListenerSet<[Error]>();

  private running = false;
  private port: SerialPortLike | null = null;
  private currentStatus: ConnectionStatus = 'disconnected';
  private failedAttempts = 0;
  private retryTimer: TimerHandle | null = null;
  /** Bumped by every attempt and by stop(), so a late open() result from an abandoned attempt is ignored. */
  private generation = 0;
  private lastErrorValue: Error | null = null;

  constructor(options: ReconnectingSerialPortOptions) {
    this.path = options.path;
    this.baudRate = options.baudRate;
    this.portFactory = options.portFactory ?? createNodeSerialPort;
    this.backoff = resolveBackoff(options.backoff);
    this.timers = options.timers ?? systemTimers;
  }

  get status(): ConnectionStatus {
    return this.currentStatus;
  }

  /** Why the last open failed or the port was lost; null once connected. */
  get lastError(): Error | null {
    return this.lastErrorValue;
  }

  onStatusChange(listener: StatusListener): () => void {
    return this.statusListeners.add(listener);
  }

  onData(listener: (chunk: Buffer) => void): () => void {
    return this.dataListeners.add(listener);
  }

  /** Fires after every successful open, the first one and each reconnect. */
  onConnect(listener: () => void): () => void {
    return this.connectListeners.add(listener);
  }

  /** Fires for every attempt whose open failed (missing, busy), before the retry is scheduled. */
  onOpenFailed(listener: (error: Error) => void): () => void {
    return this.openFailedListeners.add(listener);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.attempt();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.generation += 1;
    this.clearRetry();
    const port = this.port;
    this.port = null;
    this.setStatus('disconnected');
    if (port) await closeQuietly(port);
  }

  /** Writes when connected; returns false (and starts reconnecting on failure) otherwise. */
  async write(data: Buffer): Promise<boolean> {
    const port = this.port;
    if (!port) return false;
    try {
      await port.write(data);
      return true;
    } catch (error) {
      this.lose(port, toError(error));
      return false;
    }
  }

  private async attempt(): Promise<void> {
    this.retryTimer = null;
    if (!this.running) return;
    const generation = ++this.generation;
    let port: SerialPortLike;
    try {
      port = this.portFactory({ path: this.path, baudRate: this.baudRate });
      port.onData((chunk) => {
        if (this.port === port) this.dataListeners.emit(chunk);
      });
      port.onLost((error) => this.lose(port, error));
      await port.open();
    } catch (error) {
      if (generation === this.generation) {
        this.lastErrorValue = toError(error);
        this.openFailedListeners.emit(this.lastErrorValue);
        this.scheduleRetry();
      }
      return;
    }
    if (generation !== this.generation) {
      // stop() (or a newer attempt) ran while this open was in flight.
      await closeQuietly(port);
      return;
    }
    this.port = port;
    this.failedAttempts = 0;
    this.lastErrorValue = null;
    this.setStatus('connected');
    this.connectListeners.emit();
  }

  private lose(port: SerialPortLike, error: Error): void {
    if (this.port !== port) return;
    this.port = null;
    this.lastErrorValue = error;
    void closeQuietly(port);
    this.setStatus('disconnected', error);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (!this.running || this.retryTimer !== null) return;
    const delay = backoffDelay(this.failedAttempts, this.backoff);
    this.failedAttempts += 1;
    this.retryTimer = this.timers.setTimeout(() => void this.attempt(), delay);
  }

  private clearRetry(): void {
    if (this.retryTimer === null) return;
    this.timers.clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private setStatus(status: ConnectionStatus, error?: Error): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.statusListeners.emit(status, error);
  }
}

/** Closing a port that already failed can fail too; there is nothing left to do about it. */
async function closeQuietly(port: SerialPortLike): Promise<void> {
  try {
    await port.close();
  } catch {
    // ignored on purpose, see above
  }
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
