/**
 * Serial printers (RS-232, or USB printers that show up as /dev/ttyUSB0, COM3),
 * through the real `serialport` package. The port is created by a factory so a
 * test or another binding (SerialPortMock, a USB bridge) can be put in its place.
 */
import { SerialPort } from 'serialport';
import { PrinterError } from './printer-errors.js';
import { InputBuffer } from './printer-connection.js';
import type { PrinterConnection } from './printer-connection.js';

/** The part of serialport's SerialPort that this module uses. */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  write(data: Buffer, callback: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  close(callback: (error: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
}

export type SerialPortFactory = (options: { path: string; baudRate: number }) => SerialPortLike;

export const defaultSerialPortFactory: SerialPortFactory = ({ path, baudRate }) =>
  new SerialPort({ path, baudRate, autoOpen: false });

export interface SerialOptions {
  path: string;
  baudRate: number;
  /** At 9600 baud a raster ticket takes seconds; a stalled line should still end. */
  writeTimeoutMs: number;
  factory?: SerialPortFactory;
}

export async function openSerialConnection(options: SerialOptions): Promise<PrinterConnection> {
  const port = (options.factory ?? defaultSerialPortFactory)({ path: options.path, baudRate: options.baudRate });
  await new Promise<void>((resolve, reject) => {
    port.open((error) => {
      if (error) {
        reject(
          new PrinterError('CONNECT_FAILED', `cannot open serial printer ${options.path}: ${error.message}`, {
            cause: error,
          }),
        );
      } else resolve();
    });
  });
  return new SerialConnection(port, options.path, options.baudRate, options.writeTimeoutMs);
}

/**
 * Time the bytes need on the wire (10 bits a byte with start and stop bits). A raster
 * ticket of ~50 KB takes ~50 s at 9600 baud, far longer than any fixed timeout.
 */
export function transmissionMs(byteCount: number, baudRate: number): number {
  return Math.ceil((byteCount * 10 * 1000) / baudRate);
}

class SerialConnection implements PrinterConnection {
  readonly canRead = true;
  private readonly input = new InputBuffer();
  private broken: Error | undefined;

  constructor(
    private readonly port: SerialPortLike,
    private readonly path: string,
    private readonly baudRate: number,
    private readonly writeTimeoutMs: number,
  ) {
    port.on('data', (chunk) => this.input.push(chunk));
    port.on('error', (error) => {
      this.broken = error;
    });
    port.on('close', () => this.input.end());
  }

  write(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      const fail = (message: string, cause?: unknown) => {
        clearTimeout(timer);
        reject(new PrinterError('WRITE_FAILED', `serial printer ${this.path}: ${message}`, { cause }));
      };
      if (this.broken || !this.port.isOpen) {
        fail(`port not usable (${this.broken?.message ?? 'closed'})`, this.broken);
        return;
      }
      const timeoutMs = this.writeTimeoutMs + transmissionMs(bytes.length, this.baudRate);
      const timer = setTimeout(() => fail(`not accepting data for ${timeoutMs} ms`), timeoutMs);
      this.port.write(bytes, (error) => {
        if (error) return fail(error.message, error);
        // drain waits until the bytes have left the OS buffer, not just our stream.
        this.port.drain((drainError) => {
          if (drainError) return fail(drainError.message, drainError);
          clearTimeout(timer);
          resolve();
        });
      });
    });
  }

  readByte(timeoutMs: number): Promise<number | undefined> {
    return this.input.read(timeoutMs);
  }

  discardInput(): void {
    this.input.clear();
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.port.isOpen) return resolve();
      this.port.close(() => resolve());
    });
  }
}
