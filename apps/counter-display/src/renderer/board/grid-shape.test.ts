import { describe, expect, it } from 'vitest';
import { gridShape } from './grid-shape.js';

describe('gridShape', () => {
  it('fits every tile', () => {
    for (const count of [1, 2, 5, 7, 18, 40]) {
      const { columns, rows } = gridShape(count, 1180, 800);
      expect(columns * rows).toBeGreaterThanOrEqual(count);
      expect(columns * (rows - 1)).toBeLessThan(count);
    }
  });

  it('uses few wide tiles for a small floor and more columns for a big one', () => {
    expect(gridShape(2, 1180, 800)).toEqual({ columns: 1, rows: 2 });
    const big = gridShape(18, 1180, 800);
    expect(big.columns).toBeGreaterThan(1);
    expect(big.rows).toBeLessThanOrEqual(9);
  });

  it('puts more columns on a wide box than on a tall one', () => {
    expect(gridShape(12, 1800, 500).columns).toBeGreaterThan(gridShape(12, 600, 1500).columns);
  });

  it('survives an empty board', () => {
    expect(gridShape(0, 100, 100)).toEqual({ columns: 1, rows: 1 });
  });
});
