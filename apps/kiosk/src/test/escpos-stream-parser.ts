/**
 * Test helper: splits a recorded ESC/POS byte stream into commands and text runs,
 * then replays it onto "paper" the way a printer would, so tests can assert what
 * a citizen would read. It knows only the commands the kiosk sends; any other
 * byte is an error, so a stray byte in the stream fails the test.
 */
export type EscPosItem =
  | { type: 'text'; bytes: Buffer }
  | { type: 'lf' }
  | { type: 'init' }
  | { type: 'code-page'; n: number }
  | { type: 'align'; align: 'left' | 'center' | 'right' }
  | { type: 'bold'; on: boolean }
  | { type: 'size'; width: number; height: number }
  | { type: 'feed'; lines: number }
  | { type: 'cut'; function: number; n?: number }
  | { type: 'qr'; fn: number; params: Buffer }
  | { type: 'raster'; widthBytes: number; height: number; data: Buffer }
  | { type: 'status-request'; n: number };

export interface ParseResult {
  items: EscPosItem[];
  /** Bytes that formed complete items; the rest is an unfinished command. */
  consumed: number;
}

const ALIGN = ['left', 'center', 'right'] as const;

class Incomplete extends Error {}

/**
 * Parses as much as is complete. With `partial`, an unfinished command at the end
 * is left unconsumed (for a stream still arriving); without it, it is an error.
 */
export function parseEscPos(stream: Uint8Array, options: { partial?: boolean } = {}): ParseResult {
  const bytes = Buffer.from(stream.buffer, stream.byteOffset, stream.byteLength);
  const items: EscPosItem[] = [];
  let i = 0;
  const need = (count: number) => {
    if (i + count > bytes.length) throw new Incomplete();
  };
  while (i < bytes.length) {
    const start = i;
    try {
      const b = bytes[i]!;
      if (b === 0x0a) {
        items.push({ type: 'lf' });
        i += 1;
      } else if (b >= 0x20) {
        let end = i;
        while (end < bytes.length && bytes[end]! >= 0x20) end++;
        items.push({ type: 'text', bytes: Buffer.from(bytes.subarray(i, end)) });
        i = end;
      } else if (b === 0x1b) {
        need(2);
        const op = bytes[i + 1]!;
        if (op === 0x40) {
          items.push({ type: 'init' });
          i += 2;
        } else {
          need(3);
          const n = bytes[i + 2]!;
          if (op === 0x74) items.push({ type: 'code-page', n });
          else if (op === 0x61) items.push({ type: 'align', align: ALIGN[n % 48] ?? fail(`ESC a ${n}`) });
          else if (op === 0x45) items.push({ type: 'bold', on: (n & 1) === 1 });
          else if (op === 0x64) items.push({ type: 'feed', lines: n });
          else fail(`unknown ESC 0x${op.toString(16)}`);
          i += 3;
        }
      } else if (b === 0x1d) {
        need(2);
        const op = bytes[i + 1]!;
        if (op === 0x21) {
          need(3);
          const n = bytes[i + 2]!;
          items.push({ type: 'size', width: (n >> 4) + 1, height: (n & 0x0f) + 1 });
          i += 3;
        } else if (op === 0x56) {
          need(3);
          const m = bytes[i + 2]!;
          if (m >= 65) {
            need(4);
            items.push({ type: 'cut', function: m, n: bytes[i + 3]! });
            i += 4;
          } else {
            items.push({ type: 'cut', function: m });
            i += 3;
          }
        } else if (op === 0x28) {
          need(5);
          if (bytes[i + 2] !== 0x6b) fail(`unknown GS ( 0x${bytes[i + 2]!.toString(16)}`);
          const length = bytes[i + 3]! + bytes[i + 4]! * 256;
          need(5 + length);
          if (bytes[i + 5] !== 49) fail(`GS ( k for symbol ${bytes[i + 5]}, expected QR (49)`);
          items.push({ type: 'qr', fn: bytes[i + 6]!, params: Buffer.from(bytes.subarray(i + 7, i + 5 + length)) });
          i += 5 + length;
        } else if (op === 0x76) {
          need(8);
          if (bytes[i + 2] !== 0x30) fail('GS v without 0');
          const widthBytes = bytes[i + 4]! + bytes[i + 5]! * 256;
          const height = bytes[i + 6]! + bytes[i + 7]! * 256;
          need(8 + widthBytes * height);
          items.push({
            type: 'raster',
            widthBytes,
            height,
            data: Buffer.from(bytes.subarray(i + 8, i + 8 + widthBytes * height)),
          });
          i += 8 + widthBytes * height;
        } else fail(`unknown GS 0x${op.toString(16)}`);
      } else if (b === 0x10) {
        need(3);
        if (bytes[i + 1] !== 0x04) fail(`unknown DLE 0x${bytes[i + 1]!.toString(16)}`);
        items.push({ type: 'status-request', n: bytes[i + 2]! });
        i += 3;
      } else {
        fail(`unexpected control byte 0x${b.toString(16)} at ${i}`);
      }
    } catch (error) {
      if (!(error instanceof Incomplete)) throw error;
      if (!options.partial) throw new Error(`stream ends inside a command at byte ${start}`, { cause: error });
      return { items, consumed: start };
    }
  }
  return { items, consumed: i };
}

function fail(message: string): never {
  throw new Error(`ESC/POS parse error: ${message}`);
}

/** What ends up on paper, one entry per printed line, QR symbol, image or cut. */
export type PaperEntry =
  | { kind: 'text'; text: string; align: 'left' | 'center' | 'right'; bold: boolean; width: number; height: number }
  | { kind: 'qr'; payload: Buffer; moduleDots: number; model: number; correction: string }
  | { kind: 'image'; widthDots: number; height: number; data: Buffer }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export interface Paper {
  entries: PaperEntry[];
  codePages: number[];
  statusRequests: number[];
}

/** Replays parsed items like a printer: modes persist until changed, LF prints the line. */
export function printOnPaper(items: EscPosItem[], decode: (bytes: Buffer) => string): Paper {
  const paper: Paper = { entries: [], codePages: [], statusRequests: [] };
  let align: 'left' | 'center' | 'right' = 'left';
  let bold = false;
  let width = 1;
  let height = 1;
  let line: Buffer[] = [];
  const qr: { model: number; moduleDots: number; correction: string; stored: Buffer } = {
    model: 0,
    moduleDots: 3,
    correction: '?',
    stored: Buffer.alloc(0),
  };
  const reset = () => {
    align = 'left';
    bold = false;
    width = 1;
    height = 1;
  };
  for (const item of items) {
    switch (item.type) {
      case 'init':
        reset();
        line = [];
        break;
      case 'code-page':
        paper.codePages.push(item.n);
        break;
      case 'align':
        align = item.align;
        break;
      case 'bold':
        bold = item.on;
        break;
      case 'size':
        width = item.width;
        height = item.height;
        break;
      case 'text':
        line.push(item.bytes);
        break;
      case 'lf':
        paper.entries.push({ kind: 'text', text: decode(Buffer.concat(line)), align, bold, width, height });
        line = [];
        break;
      case 'feed':
        paper.entries.push({ kind: 'feed', lines: item.lines });
        break;
      case 'cut':
        paper.entries.push({ kind: 'cut' });
        break;
      case 'status-request':
        paper.statusRequests.push(item.n);
        break;
      case 'raster':
        paper.entries.push({ kind: 'image', widthDots: item.widthBytes * 8, height: item.height, data: item.data });
        break;
      case 'qr':
        if (item.fn === 65) qr.model = item.params[0]! - 48;
        else if (item.fn === 67) qr.moduleDots = item.params[0]!;
        else if (item.fn === 69) qr.correction = 'LMQH'.charAt(item.params[0]! - 48);
        else if (item.fn === 80) qr.stored = item.params.subarray(1);
        else if (item.fn === 81) {
          paper.entries.push({
            kind: 'qr',
            payload: qr.stored,
            moduleDots: qr.moduleDots,
            model: qr.model,
            correction: qr.correction,
          });
        }
        break;
    }
  }
  if (line.length > 0) throw new Error('text left in the buffer without a line feed');
  return paper;
}

/** One readable row per paper entry, the same shape as the layout tests use. */
export function describePaper(paper: Paper): string[] {
  return paper.entries.map((entry) => {
    switch (entry.kind) {
      case 'text': {
        const size = entry.width === 1 && entry.height === 1 ? '' : ` x${entry.width}x${entry.height}`;
        return `${entry.align}${entry.bold ? ' bold' : ''}${size} | ${entry.text}`;
      }
      case 'qr':
        return `qr model ${entry.model} ${entry.correction} ${entry.moduleDots} | ${entry.payload.toString('utf8')}`;
      case 'image':
        return `image ${entry.widthDots}x${entry.height}`;
      case 'feed':
        return `feed ${entry.lines}`;
      case 'cut':
        return 'cut';
    }
  });
}
