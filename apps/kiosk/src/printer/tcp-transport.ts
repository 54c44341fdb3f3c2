/**
 * Network printers: raw TCP on port 9100 (Epson, Xprinter and most LAN printers).
 * The same socket carries status answers back.
 */
import net from 'node:net';
import { PrinterError } from './printer-errors.js';
import { InputBuffer } from './printer-connection.js';
import type { PrinterConnection } from './printer-connection.js';

export interface TcpOptions {
  host: string;
  port: number;
  /** A printer that is off or unplugged drops SYNs instead of refusing: give up after this. */
  connectTimeoutMs: number;
  /** A printer whose buffer stays full (paper jam) stops reading: give up after this. */
  writeTimeoutMs: number;
}

export function openTcpConnection(options: TcpOptions): Promise<PrinterConnection> {
  const where = `${options.host}:${options.port}`;
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: options.host, port: options.port });
    const fail = (error: PrinterError) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(options.connectTimeoutMs, () =>
      fail(new PrinterError('CONNECT_FAILED', `printer at ${where} did not answer within ${options.connectTimeoutMs} ms`)),
    );
    socket.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        new PrinterError('CONNECT_FAILED', `cannot connect to printer at ${where}: ${error.code ?? error.message}`, {
          cause: error,
        }),
      ),
    );
    socket.once('connect', () => {
      socket.removeAllListeners('error');
      socket.setTimeout(0);
      socket.setNoDelay(true);
      resolve(new TcpConnection(socket, where, options.writeTimeoutMs));
    });
  });
}

class TcpConnection implements PrinterConnection {
  readonly canRead = true;
  private readonly input = new InputBuffer();
  private broken: Error | undefined;

  constructor(
    private readonly socket: net.Socket,
    private readonly where: string,
    private readonly writeTimeoutMs: number,
  ) {
    socket.on('data', (chunk: Buffer) => this.input.push(chunk));
    socket.on('error', (error) => {
      this.broken = error;
    });
    socket.on('close', () => this.input.end());
  }

  write(bytes: Buffer): Promise<void> {
    return new Promise((resolve, reject) => {
      const fail = (message: string, cause?: unknown) => {
        clearTimeout(timer);
        this.socket.destroy();
        reject(new PrinterError('WRITE_FAILED', `printer at ${this.where}: ${message}`, { cause }));
      };
      if (this.broken || this.socket.destroyed) {
        fail(`connection lost (${this.broken?.message ?? 'closed'})`, this.broken);
        return;
      }
      const timer = setTimeout(() => fail(`not accepting data for ${this.writeTimeoutMs} ms`), this.writeTimeoutMs);
      this.socket.write(bytes, (error) => {
        if (error) fail(`connection lost (${error.message})`, error);
        else {
          clearTimeout(timer);
          resolve();
        }
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
      if (this.socket.destroyed) {
        resolve();
        return;
      }
      // end() sends FIN after the queued bytes; destroy only if the peer never closes.
      const timer = setTimeout(() => this.socket.destroy(), this.writeTimeoutMs);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.end();
    });
  }
}
