import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { describePaper, parseEscPos, printOnPaper } from '../test/escpos-stream-parser.js';
import type { PaperEntry } from '../test/escpos-stream-parser.js';
import {
  SEED_TICKET,
  SEED_TICKET_PAPER_58_ASCII,
  SEED_TICKET_PAPER_80,
  SEED_TICKET_RASTER_80,
} from '../test/printable-ticket-fixture.js';
import { decodeCp1258 } from './cp1258.js';
import { encodeEscPos } from './escpos-encoder.js';
import { MonoBitmap } from './mono-bitmap.js';
import { loadRasterFont } from './raster-font.js';
import { renderDivider, renderTextLine } from './text-raster.js';
import { layoutTicket } from './ticket-layout.js';

const latin1 = (bytes: Buffer) => bytes.toString('latin1');
const paperOf = (bytes: Buffer, decode: (bytes: Buffer) => string) => printOnPaper(parseEscPos(bytes).items, decode);
const imageOf = (entry: PaperEntry | undefined): MonoBitmap => {
  if (entry?.kind !== 'image') throw new Error(`expected an image, got ${entry?.kind}`);
  return new MonoBitmap(entry.widthDots, entry.height, entry.data);
};

describe('encodeEscPos, cp1258 mode', () => {
  const bytes = encodeEscPos(layoutTicket(SEED_TICKET, '80mm'), { paper: '80mm', textMode: 'cp1258' });

  it('prints every line in Vietnamese, with its alignment, weight and size', () => {
    const paper = paperOf(bytes, decodeCp1258);
    expect(describePaper(paper)).toEqual(SEED_TICKET_PAPER_80);
    expect(paper.codePages).toEqual([52]);
  });

  it('starts with ESC @ and ESC t 52, and ends with GS V 65 0', () => {
    expect(bytes.subarray(0, 5)).toEqual(Buffer.from([0x1b, 0x40, 0x1b, 0x74, 52]));
    expect(bytes.subarray(-4)).toEqual(Buffer.from([0x1d, 0x56, 0x41, 0x00]));
  });

  it('sends "Số" as S, ô, acute', () => {
    expect(bytes.includes(Buffer.from([0x53, 0xf4, 0xec, 0x20, 0x74, 0x68, 0xfd, 0xec]))).toBe(true); // "Số thứ"
  });

  it('uses the configured code page number', () => {
    const paper = paperOf(
      encodeEscPos(layoutTicket(SEED_TICKET, '80mm'), { paper: '80mm', textMode: 'cp1258', codePage: 30 }),
      decodeCp1258,
    );
    expect(paper.codePages).toEqual([30]);
  });

  it('sends the status URL as the QR payload, model 2, correction M', () => {
    const qr = paperOf(bytes, decodeCp1258).entries.find((entry) => entry.kind === 'qr');
    expect(qr).toMatchObject({ model: 2, correction: 'M', moduleDots: 6 });
    expect(qr?.kind === 'qr' && qr.payload).toEqual(Buffer.from(SEED_TICKET.statusUrl, 'ascii'));
  });

  it('encodes the QR store command with its exact length prefix', () => {
    const url = 'http://x/1';
    const qrBytes = encodeEscPos([{ kind: 'qr', payload: url }], { paper: '58mm', textMode: 'ascii' });
    const store = Buffer.from([0x1d, 0x28, 0x6b, url.length + 3, 0, 0x31, 0x50, 0x30, ...Buffer.from(url)]);
    expect(qrBytes.includes(store)).toBe(true);
    expect(qrBytes.includes(Buffer.from([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]))).toBe(true);
    expect(qrBytes.includes(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31]))).toBe(true);
    expect(qrBytes.subarray(-8)).toEqual(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]));
  });
});

describe('encodeEscPos, ascii mode', () => {
  it('folds diacritics and selects code page 0', () => {
    const bytes = encodeEscPos(layoutTicket(SEED_TICKET, '58mm'), { paper: '58mm', textMode: 'ascii' });
    expect(bytes.every((byte) => byte < 0x80)).toBe(true);
    const paper = paperOf(bytes, latin1);
    expect(describePaper(paper)).toEqual(SEED_TICKET_PAPER_58_ASCII);
    expect(paper.codePages).toEqual([0]);
  });
});

describe('encodeEscPos, raster mode', () => {
  const font = loadRasterFont();
  const bytes = encodeEscPos(layoutTicket(SEED_TICKET, '80mm'), { paper: '80mm', textMode: 'raster' });
  const paper = paperOf(bytes, latin1);

  it('sends no text at all, only images, the native QR code, feed and cut', () => {
    expect(parseEscPos(bytes).items.filter((item) => item.type === 'text' || item.type === 'lf')).toEqual([]);
    expect(describePaper(paper)).toEqual([
      ...SEED_TICKET_RASTER_80.map((line) => `image 576x${line?.size === 2 ? 62 : line ? 32 : 12}`),
      'qr model 2 M 6 | http://127.0.0.1:8080/t/2020-04-03/86001',
      'image 576x32',
      'feed 3',
      'cut',
    ]);
  });

  it('draws each line exactly as the expected text renders', () => {
    SEED_TICKET_RASTER_80.forEach((line, index) => {
      const expected = line ? renderTextLine(line.text, line, 576, font) : renderDivider(576);
      expect(imageOf(paper.entries[index]).equals(expected), line?.text ?? 'divider').toBe(true);
    });
    const footer = renderTextLine('Vui lòng chờ đến lượt', { align: 'center', bold: false, size: 1 }, 576, font);
    expect(imageOf(paper.entries[14]).equals(footer)).toBe(true);
  });

  it('draws different tones differently, so the image comparison can tell them apart', () => {
    const style = { align: 'left', bold: false, size: 1 } as const;
    const images = ['Số', 'Sồ', 'Sổ', 'Sỗ', 'Sộ', 'So', 'Sơ'].map((text) => renderTextLine(text, style, 384, font));
    for (let i = 0; i < images.length; i++) {
      expect(images[i]!.countBlack()).toBeGreaterThan(20);
      for (let j = i + 1; j < images.length; j++) expect(images[i]!.equals(images[j]!)).toBe(false);
    }
  });

  it('can draw the QR code as an image that holds the same modules as the symbol', () => {
    const qrBytes = encodeEscPos([{ kind: 'qr', payload: SEED_TICKET.statusUrl }], {
      paper: '58mm',
      textMode: 'raster',
      qrMode: 'raster',
      qrModuleDots: 4,
    });
    const image = imageOf(paperOf(qrBytes, latin1).entries[0]);
    const { modules } = QRCode.create(SEED_TICKET.statusUrl, { errorCorrectionLevel: 'M' });
    // Sample the centre of every module and compare with the encoder's matrix.
    const left = Math.floor((384 - modules.size * 4) / 2);
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) {
        expect(image.get(left + col * 4 + 2, 16 + row * 4 + 2)).toBe(modules.get(row, col) === 1);
      }
    }
  });
});
