/**
 * What printTicket needs from any transport: send bytes, and (where the link is
 * two-way) read the one-byte answers to real-time status requests.
 */
export interface PrinterConnection {
  /** False for one-way links (the OS spooler): status is then always unknown. */
  readonly canRead: boolean;
  /** Resolves once the bytes are handed to the OS (socket, tty, spooler). */
  write(bytes: Buffer): Promise<void>;
  /** The next byte from the printer, or undefined if none came within timeoutMs. */
  readByte(timeoutMs: number): Promise<number | undefined>;
  /** Drops bytes received so far, so an old answer is not taken for a new one. */
  discardInput(): void;
  close(): Promise<void>;
}

/** Bytes received from the printer, waiting to be read one at a time. */
export class InputBuffer {
  private readonly bytes: number[] = [];
  private waiter: ((byte: number | undefined) => void) | undefined;
  private ended = false;

  push(chunk: Uint8Array): void {
    for (const byte of chunk) this.bytes.push(byte);
    this.wake();
  }

  clear(): void {
    this.bytes.length = 0;
  }

  read(timeoutMs: number): Promise<number | undefined> {
    if (this.waiter) return Promise.reject(new Error('only one read at a time'));
    if (this.bytes.length > 0) return Promise.resolve(this.bytes.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.waiter = (byte) => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(byte);
      };
    });
  }

  /** The link is gone: a pending read gets no byte instead of waiting out its timeout. */
  end(): void {
    this.ended = true;
    this.waiter?.(undefined);
  }

  private wake(): void {
    if (this.waiter && this.bytes.length > 0) this.waiter(this.bytes.shift());
  }
}
