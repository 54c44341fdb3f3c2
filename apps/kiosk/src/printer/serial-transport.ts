/**
 * Serial printers (RS-232, or USB printers that show up as /dev/ttyUSB0, COM3),
 * through the shells' one serial port (@layso/electron-shell/serial, the real
 * `serialport` package by default). The port is created by a factory so a test or
 * another binding (SerialPortMock, a USB bridge) can be put in its place.
 */
import { createNodeSerialPort, type SerialPortFactory, type SerialPortLike } from '@layso/electron-shell/serial';
import { PrinterError } from './printer-errors.js';
import { InputBuffer } from './printer-connection.js';
import type { PrinterConnection } from './printer-connection.js';

export interface SerialOptions {
  path: string;
  baudRate: number;
  /** At 9600 baud a raster ticket takes seconds; a stalled line should still end. */
  writeTimeoutMs: number;
  factory?: SerialPortFactory;
}

export async function openSerialConnection(options: SerialOptions): Promise<PrinterConnection> {
  const port = (options.factory ?? createNodeSerialPort)({ path: options.path, baudRate: options.baudRate });
  try {
    await port.open();
  } catch (error) {
    throw new PrinterError('CONNECT_FAILED', `cannot open serial printer ${options.path}: ${(error as Error).message}`, { cause: error });
  }
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
    port.onData((chunk) => this.input.push(chunk));
    // Unplugged or hung up: writes fail at once and a pending status read ends.
    port.onLost((error) => {
      this.broken = error;
      this.input.end();
    });
  }

  write(bytes: Buffer): Promise<void> {
    if (this.broken) {
      return Promise.reject(new PrinterError('WRITE_FAILED', `serial printer ${this.path}: port not usable (${this.broken.message})`, { cause: this.broken }));
    }
    const timeoutMs = this.writeTimeoutMs + transmissionMs(bytes.length, this.baudRate);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PrinterError('WRITE_FAILED', `serial printer ${this.path}: not accepting data for ${timeoutMs} ms`)), timeoutMs);
    });
    // drain waits until the bytes have left the OS buffer, not just our stream.
    const sent = this.port.write(bytes).then(() => this.port.drain()).catch((error: unknown) => {
      throw new PrinterError('WRITE_FAILED', `serial printer ${this.path}: ${(error as Error).message}`, { cause: error });
    });
    return Promise.race([sent, stalled]).finally(() => clearTimeout(timer));
  }

  readByte(timeoutMs: number): Promise<number | undefined> {
    return this.input.read(timeoutMs);
  }

  discardInput(): void {
    this.input.clear();
  }

  close(): Promise<void> {
    return this.port.close();
  }
}
