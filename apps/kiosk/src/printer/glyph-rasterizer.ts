/**
 * Scan conversion of TrueType outlines into a MonoBitmap: quadratic curves are
 * flattened to lines, then each dot is black when at least half of its 4×4 samples
 * are inside the outline (non-zero winding rule, as TrueType specifies).
 */
import type { MonoBitmap } from './mono-bitmap.js';
import type { OutlinePoint } from './truetype-font.js';

export interface Edge {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Maps font units (y up) to bitmap dots (y down). */
export interface Placement {
  originX: number;
  baselineY: number;
  scaleX: number;
  scaleY: number;
}

const CURVE_STEPS = 8;
const SAMPLES = 4;

export function outlineEdges(contours: OutlinePoint[][], placement: Placement): Edge[] {
  const edges: Edge[] = [];
  const toDots = (p: { x: number; y: number }) => ({
    x: placement.originX + p.x * placement.scaleX,
    y: placement.baselineY - p.y * placement.scaleY,
  });
  for (const contour of contours) {
    if (contour.length < 2) continue;
    const path = flattenContour(contour).map(toDots);
    for (let i = 0; i < path.length; i++) {
      const a = path[i]!;
      const b = path[(i + 1) % path.length]!;
      if (a.y !== b.y) edges.push({ x0: a.x, y0: a.y, x1: b.x, y1: b.y });
    }
  }
  return edges;
}

/**
 * TrueType contours alternate on-curve points and quadratic control points; two
 * control points in a row imply an on-curve point midway between them.
 */
function flattenContour(contour: OutlinePoint[]): { x: number; y: number }[] {
  const n = contour.length;
  const mid = (a: OutlinePoint, b: OutlinePoint): OutlinePoint => ({
    x: (a.x + b.x) / 2,
    y: (a.y + b.y) / 2,
    onCurve: true,
  });
  const firstOn = contour.findIndex((p) => p.onCurve);
  const start = firstOn >= 0 ? contour[firstOn]! : mid(contour[0]!, contour[1]!);
  const startIndex = firstOn >= 0 ? firstOn : 0;
  const points: { x: number; y: number }[] = [start];
  let current = start;
  let control: OutlinePoint | null = null;
  for (let k = 1; k <= n; k++) {
    const p = contour[(startIndex + k) % n]!;
    if (p.onCurve) {
      if (control) addQuad(points, current, control, p);
      else points.push(p);
      current = p;
      control = null;
    } else if (control) {
      const implied = mid(control, p);
      addQuad(points, current, control, implied);
      current = implied;
      control = p;
    } else {
      control = p;
    }
  }
  if (control) addQuad(points, current, control, start);
  points.pop(); // the contour closed back on its start point
  return points;
}

function addQuad(
  points: { x: number; y: number }[],
  from: OutlinePoint,
  control: OutlinePoint,
  to: OutlinePoint,
): void {
  for (let s = 1; s <= CURVE_STEPS; s++) {
    const t = s / CURVE_STEPS;
    const u = 1 - t;
    points.push({
      x: u * u * from.x + 2 * u * t * control.x + t * t * to.x,
      y: u * u * from.y + 2 * u * t * control.y + t * t * to.y,
    });
  }
}

export function fillEdges(edges: Edge[], target: MonoBitmap): void {
  if (edges.length === 0) return;
  const coverage = new Uint16Array(target.width);
  const crossings: { x: number; dir: number }[] = [];
  // Bucket the edges by the rows they cross, so each scanline looks only at its own
  // edges instead of every edge of the line (the whole ticket line is one outline set).
  const rows: Edge[][] = Array.from({ length: target.height }, () => []);
  for (const e of edges) {
    const first = Math.max(0, Math.floor(Math.min(e.y0, e.y1)));
    const last = Math.min(target.height - 1, Math.ceil(Math.max(e.y0, e.y1)));
    for (let y = first; y <= last; y++) rows[y]!.push(e);
  }
  for (let y = 0; y < target.height; y++) {
    coverage.fill(0);
    for (let sy = 0; sy < SAMPLES; sy++) {
      const scanY = y + (sy + 0.5) / SAMPLES;
      crossings.length = 0;
      for (const e of rows[y]!) {
        const top = Math.min(e.y0, e.y1);
        const bottom = Math.max(e.y0, e.y1);
        if (scanY < top || scanY >= bottom) continue;
        crossings.push({ x: e.x0 + ((scanY - e.y0) * (e.x1 - e.x0)) / (e.y1 - e.y0), dir: e.y1 > e.y0 ? 1 : -1 });
      }
      crossings.sort((a, b) => a.x - b.x);
      let winding = 0;
      for (let i = 0; i < crossings.length - 1; i++) {
        winding += crossings[i]!.dir;
        if (winding !== 0) addSpan(coverage, crossings[i]!.x, crossings[i + 1]!.x);
      }
    }
    const half = (SAMPLES * SAMPLES) / 2;
    for (let x = 0; x < target.width; x++) if (coverage[x]! >= half) target.set(x, y);
  }
}

/** Counts the horizontal samples (at dot + (i + 0.5) / SAMPLES) inside [from, to). */
function addSpan(coverage: Uint16Array, from: number, to: number): void {
  const first = Math.max(0, Math.ceil(from * SAMPLES - 0.5));
  const last = Math.min(coverage.length * SAMPLES, Math.ceil(to * SAMPLES - 0.5));
  for (let i = first; i < last; i++) coverage[Math.floor(i / SAMPLES)]!++;
}
