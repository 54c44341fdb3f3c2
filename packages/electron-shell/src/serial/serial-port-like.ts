/**
 * The one serial port both shells' drivers use (the counter display's LED board and
 * keypad, the kiosk's printer and scanner). Drivers depend on this small promise API
 * rather than on the `serialport` package so unit tests can inject an in-memory fake
 * (`@layso/electron-shell/testing/serial`); `node-serial-port.ts` adapts the real
 * package to it.
 */
export interface SerialPortLike {
  /** Resolves once open; rejects when the device is missing, busy or refuses the settings. */
  open(): Promise<void>;
  /** Resolves when the bytes were handed to the OS; rejects if the port failed. */
  write(data: Buffer): Promise<void>;
  /** Resolves when everything written has left the OS buffer (a printer's ticket is on the wire). */
  drain(): Promise<void>;
  /** Closes the port; never reports the port as lost. Safe to call when not open. */
  close(): Promise<void>;
  /** Bytes received from the device. */
  onData(listener: (chunk: Buffer) => void): void;
  /** The device went away while open (unplugged, hung up, I/O error). Fires at most once. */
  onLost(listener: (error: Error) => void): void;
}

export interface SerialPortOpenOptions {
  path: string;
  baudRate: number;
}

/** Creates a new, not yet opened port. Called again for every reconnect attempt. */
export type SerialPortFactory = (options: SerialPortOpenOptions) => SerialPortLike;

export type ConnectionStatus = 'connected' | 'disconnected';

/** `error` is why the port was lost, when it was lost rather than stopped. */
export type StatusListener = (status: ConnectionStatus, error?: Error) => void;

export const DEFAULT_BAUD_RATE = 9600;
