import { afterEach, describe, expect, it } from 'vitest';
import { describePaper, parseEscPos, printOnPaper } from '../test/escpos-stream-parser.js';
import {
  SEED_TICKET,
  SEED_TICKET_PAPER_58_ASCII,
  SEED_TICKET_PAPER_80,
  SEED_TICKET_RASTER_80,
} from '../test/printable-ticket-fixture.js';
import {
  startRecordingPrinter,
  STATUS_COVER_OPEN,
  STATUS_NEAR_END,
  STATUS_PAPER_OUT,
  unusedPort,
} from '../test/recording-printer.js';
import type { RecordingPrinter } from '../test/recording-printer.js';
import { decodeCp1258 } from './cp1258.js';
import { encodeEscPos } from './escpos-encoder.js';
import { MonoBitmap } from './mono-bitmap.js';
import { printTicket } from './print-ticket.js';
import { PrinterError } from './printer-errors.js';
import { readPrinterStatus } from './printer-transport.js';
import { loadRasterFont } from './raster-font.js';
import { renderDivider, renderTextLine } from './text-raster.js';
import { layoutTicket } from './ticket-layout.js';

const READY = { online: true, paperOut: false, paperNearEnd: false, coverOpen: false };
const STATUS_QUERY = Buffer.from([0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4]);

let printer: RecordingPrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

/** Starts the fake printer for this test; afterEach closes it. */
async function printToFake(...args: Parameters<typeof startRecordingPrinter>) {
  printer = await startRecordingPrinter(...args);
  return printer;
}

function ticketPart(bytes: Buffer): Buffer {
  // The job is: status query, ticket, status query.
  expect(bytes.subarray(0, STATUS_QUERY.length)).toEqual(STATUS_QUERY);
  expect(bytes.subarray(-STATUS_QUERY.length)).toEqual(STATUS_QUERY);
  return bytes.subarray(STATUS_QUERY.length, -STATUS_QUERY.length);
}

describe('printTicket over TCP to a recording printer', () => {
  it('prints the ticket in cp1258 mode, readable as Vietnamese', async () => {
    const fake = await printToFake();
    const result = await printTicket(fake.url, SEED_TICKET, { textMode: 'cp1258' });
    await fake.idle();

    expect(result).toMatchObject({
      ok: true,
      target: fake.url,
      textMode: 'cp1258',
      paper: '80mm',
      statusBefore: READY,
      statusAfter: READY,
      warnings: [],
    });
    const ticket = ticketPart(fake.emulator.bytes());
    expect(result.bytesSent).toBe(ticket.length);
    const paper = printOnPaper(parseEscPos(ticket).items, decodeCp1258);
    expect(describePaper(paper)).toEqual(SEED_TICKET_PAPER_80);
    expect(paper.codePages).toEqual([52]);
    expect(paper.entries.find((entry) => entry.kind === 'text' && entry.width === 2)).toMatchObject({
      text: '86001',
      width: 2,
      height: 2,
      bold: true,
    });
    const qr = paper.entries.find((entry) => entry.kind === 'qr');
    expect(qr?.kind === 'qr' && qr.payload.equals(Buffer.from(SEED_TICKET.statusUrl))).toBe(true);
    expect(paper.entries.at(-1)).toEqual({ kind: 'cut' });
    expect(ticket.subarray(-4)).toEqual(Buffer.from([0x1d, 0x56, 0x41, 0x00]));
  });

  it('prints the ticket in ascii mode on 58 mm paper', async () => {
    const fake = await printToFake();
    await printTicket(fake.url, SEED_TICKET, { textMode: 'ascii', paper: '58mm' });
    await fake.idle();

    const ticket = ticketPart(fake.emulator.bytes());
    expect(ticket.every((byte) => byte < 0x80)).toBe(true);
    const paper = printOnPaper(parseEscPos(ticket).items, (bytes) => bytes.toString('latin1'));
    expect(describePaper(paper)).toEqual(SEED_TICKET_PAPER_58_ASCII);
    expect(paper.entries.at(-1)).toEqual({ kind: 'cut' });
  });

  // Printer commands a page could slip into ticket text: cut (GS V), drawer kick (ESC p),
  // code page (ESC t), NV logo (FS p), a DLE status request, plus C1 CSI and DEL.
  const INJECTED = '\x1dV\x00\x1bp\x00\x19\xfa\x1bt\x10\x1cp\x01\x00\x10\x04\x01\x9b\x7f';
  const injected = (text: string) => `${text.slice(0, 3)}${INJECTED}${text.slice(3)}${INJECTED}`;
  const POISONED = {
    ...SEED_TICKET,
    centerName: injected(SEED_TICKET.centerName),
    areaName: injected(SEED_TICKET.areaName),
    serviceName: injected(SEED_TICKET.serviceName),
  };

  /** The printer commands of a job, without its text: what the printer will do besides printing letters. */
  async function commandsOf(ticket: typeof SEED_TICKET, options: Parameters<typeof printTicket>[2]) {
    const fake = await printToFake();
    await printTicket(fake.url, ticket, options);
    await fake.idle();
    const { items } = parseEscPos(ticketPart(fake.emulator.bytes()));
    await fake.close();
    printer = undefined;
    return { items, commands: items.filter((item) => item.type !== 'text' && item.type !== 'lf').map((item) => JSON.stringify(item)) };
  }

  for (const options of [{ textMode: 'cp1258' }, { textMode: 'ascii', paper: '58mm' }] as const) {
    it(`sends printer commands inside ticket text as nothing but letters (${options.textMode})`, async () => {
      const clean = await commandsOf(SEED_TICKET, options);
      const poisoned = await commandsOf(POISONED, options);
      // The same commands as the clean ticket's (one cut, the one code page, …): the injected ones are gone.
      expect(poisoned.commands.filter((c) => !c.includes('"size"') && !c.includes('"align"') && !c.includes('"bold"'))).toEqual(
        clean.commands.filter((c) => !c.includes('"size"') && !c.includes('"align"') && !c.includes('"bold"')),
      );
      expect(poisoned.items.filter((item) => item.type === 'cut')).toHaveLength(1);
      for (const item of poisoned.items) if (item.type === 'text') expect([...item.bytes].filter((b) => b < 0x20 || b === 0x7f)).toEqual([]);
      // What is left of the injection prints as letters: ESC p 0 25 250 → "p", "ú"…
      expect(poisoned.items.some((item) => item.type === 'text' && item.bytes.includes(0x70))).toBe(true);
    });
  }

  it('prints the ticket in raster mode, every line an image of its text', async () => {
    const fake = await printToFake();
    await printTicket(fake.url, SEED_TICKET, { textMode: 'raster' });
    await fake.idle();

    const paper = printOnPaper(parseEscPos(ticketPart(fake.emulator.bytes())).items, () => {
      throw new Error('raster mode must send no text');
    });
    const font = loadRasterFont();
    const expected = [
      ...SEED_TICKET_RASTER_80.map((line) => (line ? renderTextLine(line.text, line, 576, font) : renderDivider(576))),
      'qr',
      renderTextLine('Vui lòng chờ đến lượt', { align: 'center', bold: false, size: 1 }, 576, font),
      'feed',
      'cut',
    ];
    expect(paper.entries.map((entry) => entry.kind)).toEqual(
      expected.map((item) => (item instanceof MonoBitmap ? 'image' : item)),
    );
    paper.entries.forEach((entry, index) => {
      const want = expected[index];
      if (entry.kind === 'image' && want instanceof MonoBitmap) {
        expect(new MonoBitmap(entry.widthDots, entry.height, entry.data).equals(want), `line ${index}`).toBe(true);
      }
      if (entry.kind === 'qr') expect(entry.payload.toString()).toBe(SEED_TICKET.statusUrl);
    });
  });

  it('refuses to print when the printer is out of paper, and sends no ticket bytes', async () => {
    const fake = await printToFake(STATUS_PAPER_OUT);
    const error = await printTicket(fake.url, SEED_TICKET).catch((caught: unknown) => caught);
    await fake.idle();

    expect(error).toBeInstanceOf(PrinterError);
    expect(error).toMatchObject({
      code: 'PAPER_OUT',
      details: { status: { online: false, paperOut: true, paperNearEnd: true, coverOpen: false } },
    });
    expect(fake.emulator.bytes()).toEqual(STATUS_QUERY);
  });

  it('refuses to print with the cover open', async () => {
    const fake = await printToFake(STATUS_COVER_OPEN);
    await expect(printTicket(fake.url, SEED_TICKET)).rejects.toMatchObject({ code: 'COVER_OPEN' });
    await fake.idle();
    expect(fake.emulator.bytes()).toEqual(STATUS_QUERY);
  });

  it('prints and warns when the paper is near its end', async () => {
    const fake = await printToFake(STATUS_NEAR_END);
    const result = await printTicket(fake.url, SEED_TICKET);
    expect(result.warnings).toEqual(['paper-near-end']);
    expect(result.statusAfter).toEqual({ ...READY, paperNearEnd: true });
  });

  it('prints anyway when the printer never answers status requests', async () => {
    const fake = await printToFake(null);
    const result = await printTicket(fake.url, SEED_TICKET, { statusTimeoutMs: 200 });
    await fake.idle();

    expect(result).toMatchObject({ statusBefore: 'unknown', statusAfter: 'unknown', warnings: ['status-unknown'] });
    // One unanswered request ends each query: DLE EOT 1, the ticket, DLE EOT 1.
    const ticket = encodeEscPos(layoutTicket(SEED_TICKET, '80mm'), { paper: '80mm', textMode: 'cp1258' });
    const query = Buffer.from([0x10, 0x04, 1]);
    expect(fake.emulator.bytes()).toEqual(Buffer.concat([query, ticket, query]));
  });

  it('fails with CONNECT_FAILED when nothing listens on the port', async () => {
    const port = await unusedPort();
    const error = await printTicket(`tcp://127.0.0.1:${port}`, SEED_TICKET, { connectTimeoutMs: 20_000 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(PrinterError);
    expect(error).toMatchObject({ code: 'CONNECT_FAILED' });
    expect((error as Error).message).toBe(`cannot connect to printer at 127.0.0.1:${port}: ECONNREFUSED`);
  });

  it('reads the status alone', async () => {
    const fake = await printToFake(STATUS_NEAR_END);
    expect(await readPrinterStatus(fake.url)).toEqual({ ...READY, paperNearEnd: true });
    await fake.idle();
    expect(fake.emulator.bytes()).toEqual(STATUS_QUERY);
  });
});
