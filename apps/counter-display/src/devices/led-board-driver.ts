import { type BackoffSettings, ReconnectingSerialPort, DEFAULT_BAUD_RATE, type ConnectionStatus, type SerialPortFactory, type StatusListener, type Timers } from '@layso/electron-shell/serial';
import { DEFAULT_LED_TEXTS, toLedMessage, type LedDisplayState, type LedTexts } from './led-message.js';
import type { LedProtocol } from './led-protocols/led-protocol.js';
import { createLedProtocol } from './led-protocols/registry.js';

export interface LedBoardDriverOptions {
  /** Serial device, e.g. /dev/ttyUSB0 or COM3. */
  path: string;
  baudRate?: number;
  /** Registered protocol id (`ascii-line`, `framed`, …). Default `ascii-line`. */
  protocol?: string;
  /** Board address on an RS-485 bus (framed protocol), 1–254. Default 1. */
  address?: number;
  /** Line terminator for `ascii-line`. Default CR LF. */
  lineTerminator?: string;
  /** Texts for "no current ticket" and "paused". */
  texts?: Partial<LedTexts>;
  /**
   * After the board comes back (cable replugged, board power-cycled with the adapter),
   * send the current text again even though it did not change: a power-cycled board
   * shows nothing until told. Default true.
   */
  resendOnReconnect?: boolean;
  portFactory?: SerialPortFactory;
  backoff?: Partial<BackoffSettings>;
  timers?: Timers;
  onStatusChange?: StatusListener;
}

/**
 * Keeps an LED counter board showing the counter's current ticket. Sends only when
 * what the board should show changes, and again after a reconnect.
 */
export class LedBoardDriver {
  readonly protocol: LedProtocol;
  private readonly texts: LedTexts;
  private readonly resendOnReconnect: boolean;
  private readonly port: ReconnectingSerialPort;
  /** Bytes the board should be showing. */
  private desired: Buffer | null = null;
  /** Bytes last written successfully on the current or a previous connection. */
  private written: Buffer | null = null;

  constructor(options: LedBoardDriverOptions) {
    // Build the protocol first: a bad protocol id or address fails at configuration time.
    this.protocol = createLedProtocol(options.protocol ?? 'ascii-line', {
      address: options.address,
      lineTerminator: options.lineTerminator,
    });
    this.texts = { ...DEFAULT_LED_TEXTS, ...options.texts };
    this.resendOnReconnect = options.resendOnReconnect ?? true;
    this.port = new ReconnectingSerialPort({
      path: options.path,
      baudRate: options.baudRate ?? DEFAULT_BAUD_RATE,
      portFactory: options.portFactory,
      backoff: options.backoff,
      timers: options.timers,
    });
    if (options.onStatusChange) this.port.onStatusChange(options.onStatusChange);
    this.port.onConnect(() => this.handleConnect());
  }

  get status(): ConnectionStatus {
    return this.port.status;
  }

  onStatusChange(listener: StatusListener): () => void {
    return this.port.onStatusChange(listener);
  }

  /** Opens the port and keeps it open until stop(). */
  start(): void {
    this.port.start();
  }

  stop(): Promise<void> {
    return this.port.stop();
  }

  /**
   * Sets what the board shows. Throws RangeError for text the protocol cannot carry
   * (non-ASCII). Nothing is sent when the result equals what was last requested.
   */
  show(state: LedDisplayState): void {
    const bytes = this.protocol.encode(toLedMessage(state, this.texts));
    if (this.desired?.equals(bytes)) return;
    this.desired = bytes;
    if (this.port.status === 'connected') this.send(bytes);
  }

  private handleConnect(): void {
    const desired = this.desired;
    if (desired === null) return;
    if (this.resendOnReconnect || this.written === null || !desired.equals(this.written)) this.send(desired);
  }

  private send(bytes: Buffer): void {
    void this.port.write(bytes).then((ok) => {
      // Writes complete in order, so this is the last thing the board received.
      this.written = ok ? bytes : null;
    });
  }
}
