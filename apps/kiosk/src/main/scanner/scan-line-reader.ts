/**
 * Splits the byte stream of a 2D scanner in serial (USB-CDC) mode into scans. Scanners end
 * each code with CR, LF or CR LF (a setting on the scanner); every one of them ends a line,
 * and the empty "line" between CR and LF is dropped. A line longer than `maxLength` bytes is
 * not a CCCD payload and cannot be trusted (a stuck scanner, a noise burst): it is discarded
 * up to the next terminator, so the reader never holds more than `maxLength` bytes.
 */
export const DEFAULT_MAX_SCAN_BYTES = 1024;

export interface ScanLineReaderOptions {
  maxLength?: number;
  /** Called once for every discarded over-long line, with how many bytes it had so far. */
  onOverflow?: (bytes: number) => void;
}

export class ScanLineReader {
  private readonly maxLength: number;
  private buffer: Buffer[] = [];
  private length = 0;
  private discarding = false;

  constructor(private readonly options: ScanLineReaderOptions = {}) {
    this.maxLength = options.maxLength ?? DEFAULT_MAX_SCAN_BYTES;
  }

  /** Feeds received bytes; returns the complete lines, decoded as UTF-8, in order. */
  push(chunk: Buffer): string[] {
    const lines: string[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== 0x0d && byte !== 0x0a) continue;
      this.append(chunk.subarray(start, i));
      start = i + 1;
      if (this.discarding) {
        this.discarding = false;
      } else if (this.length > 0) {
        lines.push(Buffer.concat(this.buffer).toString('utf8'));
      }
      this.buffer = [];
      this.length = 0;
    }
    this.append(chunk.subarray(start));
    return lines;
  }

  private append(part: Buffer): void {
    if (part.length === 0 || this.discarding) return;
    if (this.length + part.length > this.maxLength) {
      this.options.onOverflow?.(this.length + part.length);
      this.discarding = true;
      this.buffer = [];
      this.length = 0;
      return;
    }
    this.buffer.push(Buffer.from(part));
    this.length += part.length;
  }
}
