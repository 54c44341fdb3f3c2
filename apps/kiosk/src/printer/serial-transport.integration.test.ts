import { nodeSerialPortFactory } from '@layso/electron-shell/serial';
import { startSocatPtyPair, type SocatPtyPair } from '@layso/electron-shell/testing/serial';
import { SerialPort, SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { describePaper, parseEscPos, printOnPaper } from '../test/escpos-stream-parser.js';
import { SEED_TICKET, SEED_TICKET_PAPER_80 } from '../test/printable-ticket-fixture.js';
import { PrinterEmulator, STATUS_PAPER_OUT } from '../test/recording-printer.js';
import { decodeCp1258 } from './cp1258.js';
import { encodeEscPos } from './escpos-encoder.js';
import { printTicket } from './print-ticket.js';
import { layoutTicket } from './ticket-layout.js';

const STATUS_QUERY = Buffer.from([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A printer on the far end of the pty pair, answering status like the TCP fake. */
async function serialPrinter(pair: SocatPtyPair, emulator: PrinterEmulator): Promise<SerialPort> {
  const port = new SerialPort({ path: pair.pathB, baudRate: 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
  port.on('data', (chunk: Buffer) => {
    const answer = emulator.receive(chunk);
    if (answer.length > 0) port.write(answer);
  });
  cleanups.push(() => new Promise<void>((resolve) => (port.isOpen ? port.close(() => resolve()) : resolve())));
  return port;
}

async function ptyPair(): Promise<SocatPtyPair> {
  const pair = await startSocatPtyPair();
  cleanups.push(pair.stop);
  return pair;
}

describe('printTicket over a serial line (socat pty pair, real serialport)', () => {
  it('prints a ticket that reads back as Vietnamese on the other end', async () => {
    const pair = await ptyPair();
    const emulator = new PrinterEmulator();
    await serialPrinter(pair, emulator);

    const result = await printTicket(`serial://${pair.pathA}?baudRate=9600`, SEED_TICKET, { textMode: 'cp1258' });

    expect(result).toMatchObject({ ok: true, statusBefore: { online: true, paperOut: false }, warnings: [] });
    // The answers to the status query after the ticket prove the far end read every ticket byte.
    const received = emulator.bytes();
    expect(received.subarray(0, STATUS_QUERY.length)).toEqual(STATUS_QUERY);
    expect(received.subarray(-STATUS_QUERY.length)).toEqual(STATUS_QUERY);
    const ticket = received.subarray(STATUS_QUERY.length, -STATUS_QUERY.length);
    expect(describePaper(printOnPaper(parseEscPos(ticket).items, decodeCp1258))).toEqual(SEED_TICKET_PAPER_80);
  });

  it('carries a raster ticket (~50 KB of images) through the pty unchanged', async () => {
    const pair = await ptyPair();
    const emulator = new PrinterEmulator();
    await serialPrinter(pair, emulator);

    await printTicket(`serial://${pair.pathA}?baudRate=115200`, SEED_TICKET, { textMode: 'raster' });

    const ticket = encodeEscPos(layoutTicket(SEED_TICKET, '80mm'), { paper: '80mm', textMode: 'raster' });
    expect(ticket.length).toBeGreaterThan(30_000);
    expect(emulator.bytes().equals(Buffer.concat([STATUS_QUERY, ticket, STATUS_QUERY]))).toBe(true);
  });

  it('refuses on paper out over serial too', async () => {
    const pair = await ptyPair();
    const emulator = new PrinterEmulator(STATUS_PAPER_OUT);
    await serialPrinter(pair, emulator);

    await expect(printTicket(`serial://${pair.pathA}`, SEED_TICKET)).rejects.toMatchObject({ code: 'PAPER_OUT' });
    expect(emulator.bytes()).toEqual(STATUS_QUERY);
  });

  it('fails with CONNECT_FAILED for a device that does not exist', async () => {
    await expect(printTicket('serial:///dev/layso-no-such-tty?baudRate=9600', SEED_TICKET)).rejects.toMatchObject({
      code: 'CONNECT_FAILED',
      message: expect.stringContaining('cannot open serial printer /dev/layso-no-such-tty'),
    });
  });

  it('uses an injected port factory (here serialport’s mock binding)', async () => {
    const path = '/dev/layso-mock-printer';
    SerialPortMock.binding.createPort(path, { echo: false, record: true });
    cleanups.push(async () => SerialPortMock.binding.reset());
    const made: SerialPortMock[] = [];
    const factory = nodeSerialPortFactory({
      Port: class extends SerialPortMock {
        constructor(options: { path: string; baudRate: number; autoOpen: false }) {
          super(options);
          made.push(this);
        }
      },
      watchDeviceNode: false,
    });

    const result = await printTicket(`serial://${path}?baudRate=19200`, SEED_TICKET, {
      serialPortFactory: factory,
      statusTimeoutMs: 100,
    });

    expect(result.statusBefore).toBe('unknown');
    expect(made.map((port) => port.baudRate)).toEqual([19200]);
    const recorded = Buffer.from(made[0]!.port!.recording);
    const items = parseEscPos(recorded).items.filter((item) => item.type !== 'status-request');
    expect(describePaper(printOnPaper(items, decodeCp1258))).toEqual(SEED_TICKET_PAPER_80);
  });
});
