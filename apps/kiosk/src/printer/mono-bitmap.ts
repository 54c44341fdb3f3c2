/**
 * A 1-bit image packed the way ESC/POS raster commands want it: rows top to bottom,
 * 8 dots per byte, most significant bit leftmost, 1 = black.
 */
export class MonoBitmap {
  readonly bytesPerRow: number;
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    data?: Uint8Array,
  ) {
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 0) {
      throw new RangeError(`bad bitmap size ${width}×${height}`);
    }
    this.bytesPerRow = Math.ceil(width / 8);
    this.data = data ?? new Uint8Array(this.bytesPerRow * height);
    if (this.data.length !== this.bytesPerRow * height) throw new RangeError('bitmap data does not match its size');
  }

  get(x: number, y: number): boolean {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return false;
    return (this.data[y * this.bytesPerRow + (x >> 3)]! & (0x80 >> (x & 7))) !== 0;
  }

  set(x: number, y: number): void {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.data[y * this.bytesPerRow + (x >> 3)]! |= 0x80 >> (x & 7);
  }

  /**
   * Faux bold: each black dot also blackens the `dots` dots to its right. The sweep
   * goes right to left so every dot read on the left is still an original one.
   */
  embolden(dots: number): void {
    for (let y = 0; y < this.height; y++) {
      for (let x = this.width - 1; x >= 0; x--) {
        if (this.get(x, y)) continue;
        for (let d = 1; d <= dots; d++) {
          if (this.get(x - d, y)) {
            this.set(x, y);
            break;
          }
        }
      }
    }
  }

  countBlack(): number {
    let count = 0;
    for (const byte of this.data) for (let bit = byte; bit; bit &= bit - 1) count++;
    return count;
  }

  equals(other: MonoBitmap): boolean {
    return (
      this.width === other.width &&
      this.height === other.height &&
      this.data.length === other.data.length &&
      this.data.every((byte, i) => byte === other.data[i])
    );
  }
}
