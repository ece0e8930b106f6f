import { describe, expect, it } from 'vitest';
import { featureCentroid, shortUnitName, tileGridLayout, tileGridSize, type LonLat } from '../../../src/domain/tileGrid';

const key = (p: { row: number; col: number }) => `${p.row},${p.col}`;

/** A jittered grid of units around 107.5° E 13.5° N. */
function units(n: number): { code: string; centroid: LonLat }[] {
  return Array.from({ length: n }, (_, i) => ({
    code: String(1000 + ((i * 37) % n)),
    centroid: [107 + ((i * 7919) % 97) / 97 + (i % 3) * 0.001, 13 + ((i * 104729) % 89) / 89] as LonLat,
  }));
}

describe('tile grid layout', () => {
  it.each([1, 2, 9, 10, 80, 300])('puts %i units in unique cells of a near-square grid, rows without gaps', (n) => {
    const places = tileGridLayout(units(n));
    expect(places).toHaveLength(n);
    expect(new Set(places.map(key)).size).toBe(n);
    expect(new Set(places.map((p) => p.code)).size).toBe(n);
    const { rows, cols } = tileGridSize(places);
    expect(cols).toBe(Math.ceil(Math.sqrt(n)));
    expect(rows).toBeLessThanOrEqual(cols);
    expect(cols - rows).toBeLessThanOrEqual(1);
    for (let r = 0; r < rows; r++) {
      const colsInRow = places.filter((p) => p.row === r).map((p) => p.col).sort((a, b) => a - b);
      expect(colsInRow.at(-1)! - colsInRow[0]! + 1).toBe(colsInRow.length);
    }
  });

  it('keeps north up and west left', () => {
    const input = units(80);
    const places = tileGridLayout(input);
    const at = new Map(input.map((u) => [u.code, u.centroid]));
    const rows = Math.max(...places.map((p) => p.row)) + 1;
    for (let r = 0; r < rows; r++) {
      const row = places.filter((p) => p.row === r).sort((a, b) => a.col - b.col);
      const lons = row.map((p) => at.get(p.code)![0]);
      expect(lons).toEqual([...lons].sort((a, b) => a - b));
      if (r > 0) {
        const southOfAbove = Math.min(...places.filter((p) => p.row === r - 1).map((p) => at.get(p.code)![1]));
        expect(Math.max(...row.map((p) => at.get(p.code)![1]))).toBeLessThanOrEqual(southOfAbove);
      }
    }
  });

  it('puts four units in a square by compass', () => {
    const places = tileGridLayout([
      { code: 'SE', centroid: [108, 13] },
      { code: 'NW', centroid: [107, 14] },
      { code: 'SW', centroid: [107, 13] },
      { code: 'NE', centroid: [108, 14] },
    ]);
    expect(Object.fromEntries(places.map((p) => [p.code, key(p)]))).toEqual({ NW: '0,0', NE: '0,1', SW: '1,0', SE: '1,1' });
  });

  it('orders by code without centroids, and puts units without one after the placed ones', () => {
    const plain = tileGridLayout(['c10', 'c2', 'c1'].map((code) => ({ code })));
    expect(plain.map((p) => [p.code, key(p)])).toEqual([['c1', '0,0'], ['c2', '0,1'], ['c10', '1,0']]);
    const mixed = tileGridLayout([{ code: 'z', centroid: null }, { code: 'a', centroid: [107, 14] }, { code: 'b', centroid: [106, 13] }]);
    // Two columns: the northern row holds a and b, west first; z, with no place, comes last.
    expect(mixed.map((p) => [p.code, key(p)])).toEqual([['b', '0,0'], ['a', '0,1'], ['z', '1,0']]);
    expect(tileGridLayout([])).toEqual([]);
  });
});

describe('feature centroid', () => {
  it('is the area centroid of the largest polygon, ignoring holes and small islands', () => {
    const big = [[[0, 0], [4, 0], [4, 2], [0, 2], [0, 0]], [[1, 0.5], [1, 1.5], [2, 1.5], [2, 0.5], [1, 0.5]]];
    const island = [[[10, 10], [10.1, 10], [10.1, 10.1], [10, 10.1], [10, 10]]];
    const c = featureCentroid({ type: 'MultiPolygon', coordinates: [island, big] });
    expect(c![0]).toBeCloseTo(2, 9);
    expect(c![1]).toBeCloseTo(1, 9);
    const tri = featureCentroid({ type: 'Polygon', coordinates: [[[107, 13], [108, 13], [107, 14], [107, 13]]] });
    expect(tri![0]).toBeCloseTo(107 + 1 / 3, 9);
    expect(tri![1]).toBeCloseTo(13 + 1 / 3, 9);
    expect(featureCentroid({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });
});

describe('short unit name', () => {
  it('drops the kind in front of a name, and nothing else', () => {
    expect(shortUnitName('Huyện Đắk Lâm', 'Huyện')).toBe('Đắk Lâm');
    expect(shortUnitName('Thành phố Sông Mẫu', 'thành phố')).toBe('Sông Mẫu');
    expect(shortUnitName('Xã Xuân Lộc', 'Phường')).toBe('Xã Xuân Lộc');
    expect(shortUnitName('Xãi Lộc', 'Xã')).toBe('Xãi Lộc');
    expect(shortUnitName('Dak Lam District', undefined)).toBe('Dak Lam District');
  });
});
