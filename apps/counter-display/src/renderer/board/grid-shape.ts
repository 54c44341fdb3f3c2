export interface GridShape {
  columns: number;
  rows: number;
}

/** Counter tiles read best about 2.4 times as wide as tall ("Quầy 86" above, number beside). */
const TILE_ASPECT = 2.4;

/**
 * Columns and rows for `count` counter tiles in a box of `width` × `height`, picked
 * so the ticket numbers come out as large as possible: a floor with 4 counters gets
 * big tiles, one with 18 still fits without scrolling (a TV cannot be scrolled).
 */
export function gridShape(count: number, width: number, height: number): GridShape {
  if (count <= 0) return { columns: 1, rows: 1 };
  let best: GridShape = { columns: 1, rows: count };
  let bestSize = -1;
  for (let columns = 1; columns <= count; columns++) {
    const rows = Math.ceil(count / columns);
    // A column count that leaves a whole row empty is never better than one fewer.
    if (columns > 1 && Math.ceil(count / (columns - 1)) === rows) continue;
    const tileWidth = width / columns;
    const tileHeight = height / rows;
    // The number's size is bounded by the tile's height and by its width.
    const size = Math.min(tileHeight, tileWidth / TILE_ASPECT);
    if (size > bestSize) {
      bestSize = size;
      best = { columns, rows };
    }
  }
  return best;
}
