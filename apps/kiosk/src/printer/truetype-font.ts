/**
 * A minimal TrueType (glyf) reader: enough to get the outline of a character for
 * raster printing. There is no canvas in the Electron main process or under test,
 * and a hand-made bitmap font would lack most of the 134 Vietnamese letters, so the
 * raster mode draws real font outlines. No hinting: thermal heads are coarse anyway.
 */
export interface OutlinePoint {
  x: number;
  y: number;
  onCurve: boolean;
}

export interface GlyphOutline {
  /** Closed contours in font units, y up. */
  contours: OutlinePoint[][];
  advanceWidth: number;
}

interface TableRecord {
  offset: number;
  length: number;
}

const ON_CURVE = 0x01;
const X_SHORT = 0x02;
const Y_SHORT = 0x04;
const REPEAT = 0x08;
const X_SAME_OR_POSITIVE = 0x10;
const Y_SAME_OR_POSITIVE = 0x20;

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const ARGS_ARE_XY_VALUES = 0x0002;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** Composite glyphs nest; a malformed font must not recurse forever. */
const MAX_COMPOSITE_DEPTH = 8;

export class TrueTypeFont {
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  private readonly view: DataView;
  private readonly tables: Map<string, TableRecord>;
  private readonly longLoca: boolean;
  private readonly numberOfHMetrics: number;
  private readonly cmapLookup: (codePoint: number) => number;
  private readonly cache = new Map<number, GlyphOutline>();

  constructor(bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const tag = this.view.getUint32(0);
    if (tag !== 0x00010000 && tag !== 0x74727565 /* 'true' */) {
      throw new Error('not a TrueType font with glyf outlines (CFF/OpenType fonts are not supported)');
    }
    this.tables = new Map();
    const numTables = this.view.getUint16(4);
    for (let i = 0; i < numTables; i++) {
      const at = 12 + i * 16;
      const name = String.fromCharCode(
        this.view.getUint8(at),
        this.view.getUint8(at + 1),
        this.view.getUint8(at + 2),
        this.view.getUint8(at + 3),
      );
      this.tables.set(name, { offset: this.view.getUint32(at + 8), length: this.view.getUint32(at + 12) });
    }
    const head = this.table('head');
    this.unitsPerEm = this.view.getUint16(head + 18);
    this.longLoca = this.view.getInt16(head + 50) === 1;
    this.numGlyphs = this.view.getUint16(this.table('maxp') + 4);
    this.numberOfHMetrics = this.view.getUint16(this.table('hhea') + 34);
    this.cmapLookup = this.readCmap();
  }

  /** Glyph id for a character; 0 (.notdef) when the font lacks it. */
  glyphIndex(codePoint: number): number {
    return this.cmapLookup(codePoint);
  }

  glyph(index: number): GlyphOutline {
    let outline = this.cache.get(index);
    if (!outline) {
      outline = { contours: this.readContours(index, 0), advanceWidth: this.advanceWidth(index) };
      this.cache.set(index, outline);
    }
    return outline;
  }

  private table(name: string): number {
    const record = this.tables.get(name);
    if (!record) throw new Error(`font has no '${name}' table`);
    return record.offset;
  }

  private advanceWidth(index: number): number {
    const hmtx = this.table('hmtx');
    return this.view.getUint16(hmtx + 4 * Math.min(index, this.numberOfHMetrics - 1));
  }

  private readCmap(): (codePoint: number) => number {
    const cmap = this.table('cmap');
    const count = this.view.getUint16(cmap + 2);
    let format4: number | undefined;
    let format12: number | undefined;
    for (let i = 0; i < count; i++) {
      const platform = this.view.getUint16(cmap + 4 + i * 8);
      const encoding = this.view.getUint16(cmap + 6 + i * 8);
      const subtable = cmap + this.view.getUint32(cmap + 8 + i * 8);
      const format = this.view.getUint16(subtable);
      const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
      if (!unicode) continue;
      if (format === 12) format12 = subtable;
      if (format === 4) format4 = subtable;
    }
    if (format12 !== undefined) return this.format12(format12);
    if (format4 !== undefined) return this.format4(format4);
    throw new Error('font has no Unicode cmap (format 4 or 12)');
  }

  private format4(at: number): (codePoint: number) => number {
    const v = this.view;
    const segCount = v.getUint16(at + 6) / 2;
    const ends = at + 14;
    const starts = ends + segCount * 2 + 2;
    const deltas = starts + segCount * 2;
    const rangeOffsets = deltas + segCount * 2;
    return (codePoint) => {
      if (codePoint > 0xffff) return 0;
      for (let i = 0; i < segCount; i++) {
        if (v.getUint16(ends + i * 2) < codePoint) continue;
        const start = v.getUint16(starts + i * 2);
        if (start > codePoint) return 0;
        const delta = v.getInt16(deltas + i * 2);
        const rangeOffset = v.getUint16(rangeOffsets + i * 2);
        if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
        const glyph = v.getUint16(rangeOffsets + i * 2 + rangeOffset + 2 * (codePoint - start));
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }

  private format12(at: number): (codePoint: number) => number {
    const v = this.view;
    const groups = v.getUint32(at + 12);
    return (codePoint) => {
      for (let i = 0; i < groups; i++) {
        const group = at + 16 + i * 12;
        const start = v.getUint32(group);
        const end = v.getUint32(group + 4);
        if (codePoint >= start && codePoint <= end) return v.getUint32(group + 8) + (codePoint - start);
      }
      return 0;
    };
  }

  private glyphRange(index: number): { start: number; end: number } {
    const loca = this.table('loca');
    if (index < 0 || index >= this.numGlyphs) return { start: 0, end: 0 };
    const read = (i: number) =>
      this.longLoca ? this.view.getUint32(loca + i * 4) : this.view.getUint16(loca + i * 2) * 2;
    return { start: read(index), end: read(index + 1) };
  }

  private readContours(index: number, depth: number): OutlinePoint[][] {
    const { start, end } = this.glyphRange(index);
    if (end <= start) return []; // empty glyph, e.g. the space
    const at = this.table('glyf') + start;
    const numberOfContours = this.view.getInt16(at);
    if (numberOfContours >= 0) return this.readSimple(at, numberOfContours);
    if (depth >= MAX_COMPOSITE_DEPTH) throw new Error(`composite glyph ${index} nests too deep`);
    return this.readComposite(at, depth);
  }

  private readSimple(at: number, numberOfContours: number): OutlinePoint[][] {
    const v = this.view;
    const endPoints: number[] = [];
    for (let i = 0; i < numberOfContours; i++) endPoints.push(v.getUint16(at + 10 + i * 2));
    const pointCount = numberOfContours === 0 ? 0 : endPoints[numberOfContours - 1]! + 1;
    let p = at + 10 + numberOfContours * 2;
    p += 2 + v.getUint16(p); // skip hinting instructions
    const flags: number[] = [];
    while (flags.length < pointCount) {
      const flag = v.getUint8(p++);
      flags.push(flag);
      if (flag & REPEAT) {
        const times = v.getUint8(p++);
        for (let r = 0; r < times; r++) flags.push(flag);
      }
    }
    const readAxis = (short: number, sameOrPositive: number): number[] => {
      const values: number[] = [];
      let value = 0;
      for (const flag of flags) {
        if (flag & short) {
          const delta = v.getUint8(p++);
          value += flag & sameOrPositive ? delta : -delta;
        } else if (!(flag & sameOrPositive)) {
          value += v.getInt16(p);
          p += 2;
        }
        values.push(value);
      }
      return values;
    };
    const xs = readAxis(X_SHORT, X_SAME_OR_POSITIVE);
    const ys = readAxis(Y_SHORT, Y_SAME_OR_POSITIVE);
    const contours: OutlinePoint[][] = [];
    let first = 0;
    for (const last of endPoints) {
      const contour: OutlinePoint[] = [];
      for (let i = first; i <= last; i++) contour.push({ x: xs[i]!, y: ys[i]!, onCurve: (flags[i]! & ON_CURVE) !== 0 });
      contours.push(contour);
      first = last + 1;
    }
    return contours;
  }

  private readComposite(at: number, depth: number): OutlinePoint[][] {
    const v = this.view;
    const contours: OutlinePoint[][] = [];
    let p = at + 10;
    let flags: number;
    do {
      flags = v.getUint16(p);
      const component = v.getUint16(p + 2);
      p += 4;
      let dx: number;
      let dy: number;
      if (flags & ARG_1_AND_2_ARE_WORDS) {
        dx = v.getInt16(p);
        dy = v.getInt16(p + 2);
        p += 4;
      } else {
        dx = v.getInt8(p);
        dy = v.getInt8(p + 1);
        p += 2;
      }
      // Point-matching placement is rare in Latin fonts; place such parts unshifted.
      if (!(flags & ARGS_ARE_XY_VALUES)) dx = dy = 0;
      let [a, b, c, d] = [1, 0, 0, 1];
      const f2dot14 = (offset: number) => v.getInt16(offset) / 16384;
      if (flags & WE_HAVE_A_SCALE) {
        a = d = f2dot14(p);
        p += 2;
      } else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) {
        a = f2dot14(p);
        d = f2dot14(p + 2);
        p += 4;
      } else if (flags & WE_HAVE_A_TWO_BY_TWO) {
        a = f2dot14(p);
        b = f2dot14(p + 2);
        c = f2dot14(p + 4);
        d = f2dot14(p + 6);
        p += 8;
      }
      for (const contour of this.readContours(component, depth + 1)) {
        contours.push(
          contour.map((point) => ({
            x: a * point.x + c * point.y + dx,
            y: b * point.x + d * point.y + dy,
            onCurve: point.onCurve,
          })),
        );
      }
    } while (flags & MORE_COMPONENTS);
    return contours;
  }
}
