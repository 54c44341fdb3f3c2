/**
 * A fake ESC/POS printer for tests: records every byte it receives and answers
 * DLE EOT status requests like a real one. The emulator is transport-free so the
 * same fake sits behind a TCP socket (startRecordingPrinter) or a pty (serial tests).
 */
import net from 'node:net';
import { parseEscPos } from './escpos-stream-parser.js';

export type StatusAnswers = Record<1 | 2 | 3 | 4, number>;

/** Online, cover closed, paper present, no error: the fixed bits only. */
export const STATUS_READY: StatusAnswers = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 };
/** Paper roll empty: offline, stopped at paper end, both paper sensors tripped. */
export const STATUS_PAPER_OUT: StatusAnswers = { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x7e };
/** Cover open: offline, cover bit set. */
export const STATUS_COVER_OPEN: StatusAnswers = { 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 };
/** Still printing but the near-end sensor sees the roll running low. */
export const STATUS_NEAR_END: StatusAnswers = { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e };

export class PrinterEmulator {
  /** `null`: the printer never answers status requests (many USB-serial clones). */
  status: StatusAnswers | null;
  /** Set when the stream held bytes the parser does not know; answering stops. */
  parseError: Error | undefined;
  private readonly chunks: Buffer[] = [];
  private pending = Buffer.alloc(0);

  constructor(status: StatusAnswers | null = STATUS_READY) {
    this.status = status;
  }

  /** Takes bytes from the host and returns what the printer sends back. */
  receive(chunk: Buffer): Buffer {
    this.chunks.push(Buffer.from(chunk));
    this.pending = Buffer.concat([this.pending, chunk]);
    if (this.parseError) return Buffer.alloc(0);
    // Answer only real DLE EOT commands, not the same bytes inside an image or QR payload.
    let parsed: ReturnType<typeof parseEscPos>;
    try {
      parsed = parseEscPos(this.pending, { partial: true });
    } catch (error) {
      // Like a real printer, go on receiving; the test's own parse of bytes() will fail.
      this.parseError = error as Error;
      return Buffer.alloc(0);
    }
    const { items, consumed } = parsed;
    this.pending = this.pending.subarray(consumed);
    const answers: number[] = [];
    for (const item of items) {
      if (item.type !== 'status-request' || !this.status) continue;
      const answer = this.status[item.n as 1 | 2 | 3 | 4];
      if (answer !== undefined) answers.push(answer);
    }
    return Buffer.from(answers);
  }

  /** Everything received so far, status requests included. */
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

export interface RecordingPrinter {
  host: string;
  port: number;
  /** `tcp://127.0.0.1:PORT`, ready for printTicket. */
  url: string;
  emulator: PrinterEmulator;
  connections: number;
  /** Resolves when every connection accepted so far has closed. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export async function startRecordingPrinter(status: StatusAnswers | null = STATUS_READY): Promise<RecordingPrinter> {
  const emulator = new PrinterEmulator(status);
  const open = new Set<Promise<void>>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    printer.connections++;
    sockets.add(socket);
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    open.add(closed);
    void closed.then(() => {
      open.delete(closed);
      sockets.delete(socket);
    });
    socket.on('data', (chunk: Buffer) => {
      const answer = emulator.receive(chunk);
      if (answer.length > 0) socket.write(answer);
    });
    socket.on('error', () => undefined); // the client may reset; the test asserts on bytes
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  const printer: RecordingPrinter = {
    host: '127.0.0.1',
    port,
    url: `tcp://127.0.0.1:${port}`,
    emulator,
    connections: 0,
    idle: async () => {
      await Promise.all([...open]);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return printer;
}

/** A loopback port with nothing listening: bind, note the port, close. */
export async function unusedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
