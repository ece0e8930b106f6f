import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BoundaryFeature } from '../../../src/contract';
import { generateProvince, type SampleProvince } from '../../../mocks/generator';

type Position = number[];

function polygonsOf(feature: BoundaryFeature): Position[][][] {
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

/** Shoelace area of a closed ring: positive when counter-clockwise. */
function signedArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
}

function checkBoundaries(province: SampleProvince): void {
  expect(Object.keys(province.boundaries).sort()).toEqual(['commune', 'district', 'province']);
  for (const level of ['province', 'district', 'commune']) {
    const features = province.boundaries[level] ?? [];
    const codes = province.units.filter((u) => u.level === level).map((u) => u.code);
    expect(features.map((f) => f.properties.code)).toEqual(codes);
    for (const feature of features) {
      expect(v.parse(BoundaryFeature, feature)).toEqual(feature);
      const unit = province.units.find((u) => u.code === feature.properties.code);
      expect(feature.properties.name).toBe(unit?.name);
      for (const polygon of polygonsOf(feature)) {
        polygon.forEach((ring, k) => {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[0]).toEqual(ring[ring.length - 1]);
          // RFC 7946: exterior rings counter-clockwise, holes clockwise.
          if (k === 0) expect(signedArea(ring)).toBeGreaterThan(0);
          else expect(signedArea(ring)).toBeLessThan(0);
          for (const position of ring) {
            expect(position).toHaveLength(2);
            for (const x of position) expect(Math.abs(x * 1e5 - Math.round(x * 1e5))).toBeLessThan(1e-6);
          }
        });
      }
    }
  }
}

describe('boundaries', () => {
  const province = generateProvince({ seed: 99 });

  it('give one valid feature per unit per level, closed, wound per RFC 7946 and rounded to 5 decimals', () => {
    checkBoundaries(province);
    expect(province.boundaries.province).toHaveLength(1);
  });

  it('sit around 107.5° E 13.5° N, one to one and a half degrees across', () => {
    const outline = province.boundaries.district?.flatMap((f) => polygonsOf(f).flatMap((p) => p[0] ?? [])) ?? [];
    const xs = outline.map((p) => p[0] ?? 0);
    const ys = outline.map((p) => p[1] ?? 0);
    const width = Math.max(...xs) - Math.min(...xs);
    expect((Math.max(...xs) + Math.min(...xs)) / 2).toBeGreaterThan(106.8);
    expect((Math.max(...xs) + Math.min(...xs)) / 2).toBeLessThan(108.2);
    expect((Math.max(...ys) + Math.min(...ys)) / 2).toBeGreaterThan(13);
    expect((Math.max(...ys) + Math.min(...ys)) / 2).toBeLessThan(14);
    expect(width).toBeGreaterThan(1);
    expect(width).toBeLessThan(2);
  });

  it('include a ward enclosed in a commune whose polygon has the matching hole', () => {
    const communes = province.boundaries.commune ?? [];
    const withHole = communes.filter((f) => f.geometry.type === 'Polygon' && f.geometry.coordinates.length > 1);
    expect(withHole).toHaveLength(1);
    const hole = withHole[0]?.geometry.type === 'Polygon' ? withHole[0].geometry.coordinates[1] : undefined;
    const ward = communes.find((f) => {
      if (f.geometry.type !== 'Polygon' || !hole) return false;
      const outer = f.geometry.coordinates[0] ?? [];
      return outer.length === hole.length && [...outer].reverse().every((p, i) => p[0] === hole[i]?.[0] && p[1] === hole[i]?.[1]);
    });
    expect(ward).toBeDefined();
    expect(province.units.find((u) => u.code === ward?.properties.code)?.kind).toBe('Phường');
  });

  it('draw the special zone as an offshore island group (MultiPolygon)', () => {
    const special = province.units.filter((u) => u.kind === 'Đặc khu').map((u) => u.code);
    const features = (province.boundaries.commune ?? []).filter((f) => special.includes(f.properties.code ?? ''));
    expect(features.length).toBeGreaterThanOrEqual(1);
    for (const f of features) {
      expect(f.geometry.type).toBe('MultiPolygon');
      expect(polygonsOf(f).length).toBeGreaterThanOrEqual(2);
      expect(polygonsOf(f).length).toBeLessThanOrEqual(3);
    }
    expect(province.boundaries.province?.[0]?.geometry.type).toBe('MultiPolygon');
  });

  it('work for 168 communes, and for 38', () => {
    for (const communes of [168, 38]) {
      const large = generateProvince({ seed: 5, communes });
      expect(large.units.filter((u) => u.level === 'commune')).toHaveLength(communes);
      checkBoundaries(large);
      const sums = new Map<string, number>();
      for (const row of large.crosswalk) sums.set(row.to, (sums.get(row.to) ?? 0) + row.weight);
      expect(sums.size).toBe(communes);
      for (const total of sums.values()) expect(Math.abs(total - 1)).toBeLessThan(1e-9);
      expect(new Set(large.units.filter((u) => u.level === 'commune').map((u) => u.name)).size).toBe(communes);
    }
  });
});
