import {
  area,
  blob,
  convexHull,
  distance,
  distanceToBoundary,
  insideConvex,
  overlapArea,
  powerCells,
  rayExit,
  type Pt,
  type Ring,
} from './geometry';
import type { Rng } from './rng';

/**
 * The schematic map of the sample province: a convex, irregular outline around 107.5° E 13.5° N,
 * districts as power-diagram cells (the city small, the rest of varied size), communes as Voronoi cells
 * of points spread more densely around the capital, one ward enclosed by a commune (a polygon with a
 * hole) and one or two special zones as island groups offshore (multipolygons outside the outline).
 */

export type DistrictKind = 'city' | 'town' | 'rural';

export interface DistrictShape {
  kind: DistrictKind;
  site: Pt;
  /** Convex cell inside the outline (counter-clockwise). */
  cell: Ring;
  /** Islands of the special zones that belonged to this district. */
  islands: Ring[];
}

export type CommuneRole = 'cell' | 'enclosed' | 'special';

export interface CommuneShape {
  role: CommuneRole;
  /** Seat of the commune: its Voronoi site, the enclosed ward's centre, or an island group's centre. */
  site: Pt;
  /** Outer ring for 'cell' and 'enclosed' communes; empty for special zones. */
  outer: Ring;
  /** The enclosed ward's outline, cut out of its host commune. */
  hole: Ring | null;
  /** Island polygons of a special zone. */
  islands: Ring[];
  /** District index → area of this commune that lay in that district (the crosswalk's raw material). */
  districtAreas: number[];
}

export interface Layout {
  center: Pt;
  outline: Ring;
  districts: DistrictShape[];
  communes: CommuneShape[];
}

const CENTER: Pt = [107.5, 13.5];

export function buildLayout(rng: Rng, districtCount: number, communeCount: number): Layout {
  const center: Pt = [CENTER[0] + rng.range(-0.05, 0.05), CENTER[1] + rng.range(-0.05, 0.05)];
  const outline = makeOutline(rng.fork('outline'), center);
  const districts = makeDistricts(rng.fork('districts'), center, outline, districtCount);

  const specialCount = communeCount >= 120 ? 2 : 1;
  const cellCount = communeCount - specialCount - 1;
  const sites = spreadCommuneSites(rng.fork('commune-sites'), districts, cellCount);
  const cells = powerCells(sites, [], outline);

  const communes: CommuneShape[] = sites.map((site, i) => {
    const cell = cells[i] ?? [];
    return { role: 'cell', site, outer: cell, hole: null, islands: [], districtAreas: districts.map((d) => overlapArea(cell, d.cell)) };
  });

  communes.push(makeEnclosedWard(rng.fork('enclosed'), communes, districts));
  const islandRng = rng.fork('islands');
  for (let g = 0; g < specialCount; g++) communes.push(makeIslandGroup(islandRng, g, center, outline, districts));

  return { center, outline, districts, communes };
}

function makeOutline(rng: Rng, center: Pt): Ring {
  const points: Pt[] = [];
  const vertices = 18;
  const rotation = rng.range(0, Math.PI);
  for (let k = 0; k < vertices; k++) {
    const angle = rotation + (2 * Math.PI * (k + rng.range(-0.3, 0.3))) / vertices;
    // Wider east–west than north–south, irregular radius: about 1.2–1.4 degrees across.
    const radius = rng.range(0.5, 0.7);
    points.push([center[0] + 1.1 * radius * Math.cos(angle), center[1] + 0.95 * radius * Math.sin(angle)]);
  }
  return convexHull(points);
}

/** Mitchell's best candidate: of `tries` random points inside `region`, the one farthest from `taken`. */
function bestCandidate(rng: Rng, region: Ring, taken: readonly Pt[], tries: number, edgeWeight: number): Pt {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const [x, y] of region) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  let best: Pt | null = null;
  let bestScore = -Infinity;
  let found = 0;
  for (let attempt = 0; attempt < tries * 50 && found < tries; attempt++) {
    const p: Pt = [rng.range(minX, maxX), rng.range(minY, maxY)];
    if (!insideConvex(p, region)) continue;
    found++;
    let nearest = Infinity;
    for (const q of taken) nearest = Math.min(nearest, distance(p, q));
    const score = Math.min(nearest, edgeWeight > 0 ? distanceToBoundary(p, region) / edgeWeight : Infinity);
    if (score > bestScore) {
      bestScore = score;
      best = p;
    }
  }
  return best ?? [(minX + maxX) / 2, (minY + maxY) / 2];
}

function makeDistricts(rng: Rng, center: Pt, outline: Ring, count: number): DistrictShape[] {
  const sites: Pt[] = [[center[0] + rng.range(-0.08, 0.08), center[1] + rng.range(-0.08, 0.08)]];
  while (sites.length < count) sites.push(bestCandidate(rng, outline, sites, 20, 0.6));
  const townIndex = 1 + rng.int(0, Math.max(0, count - 2));
  const kinds: DistrictKind[] = sites.map((_, i) => (i === 0 ? 'city' : i === townIndex ? 'town' : 'rural'));
  // Power weights (deg²): a compact city, a mid-sized town, rural districts of varied size.
  const weights = kinds.map((kind) => (kind === 'city' ? -0.02 : kind === 'town' ? -0.006 : rng.range(0, 0.012)));
  let cells = powerCells(sites, weights, outline);
  const meanArea = area(outline) / count;
  if (cells.some((cell) => cell.length < 3 || area(cell) < 0.1 * meanArea)) cells = powerCells(sites, [], outline);
  return sites.map((site, i) => ({ kind: kinds[i] ?? 'rural', site, cell: cells[i] ?? [], islands: [] }));
}

/** Commune sites: a share per district by area and density (wards are small), at least two per district. */
function spreadCommuneSites(rng: Rng, districts: readonly DistrictShape[], count: number): Pt[] {
  const density = districts.map((d) => (d.kind === 'city' ? 4 : d.kind === 'town' ? 1.7 : rng.range(0.8, 1.2)));
  const weight = districts.map((d, i) => area(d.cell) * (density[i] ?? 1));
  const totalWeight = weight.reduce((a, b) => a + b, 0);
  const floor = 2;
  const spare = count - floor * districts.length;
  const exact = weight.map((w) => (spare * w) / totalWeight);
  const shares = exact.map((x) => floor + Math.floor(x));
  // Largest remainders take the seats left over.
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  let left = count - shares.reduce((a, b) => a + b, 0);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
    const i = (order[k] as { i: number }).i;
    shares[i] = (shares[i] ?? 0) + 1;
  }

  const sites: Pt[] = [];
  districts.forEach((d, i) => {
    const own: Pt[] = [];
    for (let k = 0; k < (shares[i] ?? 0); k++) {
      // Far from every site so far (this district's and its neighbours'), kept off the district's edge.
      const p = bestCandidate(rng, d.cell, sites.concat(own), 12, 1.6);
      own.push(p);
    }
    sites.push(...own);
  });
  return sites;
}

/** A small ward around the seat of a rural commune, cut out of that commune as a hole. */
function makeEnclosedWard(rng: Rng, communes: CommuneShape[], districts: readonly DistrictShape[]): CommuneShape {
  let hostIndex = 0;
  let hostRoom = -Infinity;
  communes.forEach((c, i) => {
    const seat = dominantDistrict(c.districtAreas);
    if (districts[seat]?.kind !== 'rural') return;
    const room = distanceToBoundary(c.site, c.outer) * rng.range(0.8, 1.2);
    if (room > hostRoom) {
      hostRoom = room;
      hostIndex = i;
    }
  });
  const host = communes[hostIndex] as CommuneShape;
  const radius = Math.min(0.4 * distanceToBoundary(host.site, host.outer), 0.035);
  const ward = blob(host.site, radius, 9, 0.08, () => rng.next(), rng.range(0, 1));
  const wardAreas = districts.map((d) => overlapArea(ward, d.cell));
  host.hole = ward;
  host.districtAreas = host.districtAreas.map((a, i) => Math.max(0, a - (wardAreas[i] ?? 0)));
  return { role: 'enclosed', site: host.site, outer: ward, hole: null, islands: [], districtAreas: wardAreas };
}

/** Two or three small islands offshore, beyond the outline; they belong to the nearest district. */
function makeIslandGroup(rng: Rng, group: number, center: Pt, outline: Ring, districts: DistrictShape[]): CommuneShape {
  const heading = (group === 0 ? 0 : -0.9) + rng.range(-0.35, 0.35);
  const dir: Pt = [Math.cos(heading), Math.sin(heading)];
  const perp: Pt = [-dir[1], dir[0]];
  const count = rng.int(2, 3);
  const radii = Array.from({ length: count }, () => rng.range(0.012, 0.025));
  const jitters = Array.from({ length: count }, () => [rng.range(-0.01, 0.01), rng.range(-0.02, 0.02)] as const);
  let offshore = rayExit(center, dir, outline) + rng.range(0.14, 0.2);
  let islands: Ring[] = [];
  let groupCenter: Pt = center;
  for (let attempt = 0; attempt < 20; attempt++, offshore += 0.04) {
    groupCenter = [center[0] + offshore * dir[0], center[1] + offshore * dir[1]];
    islands = radii.map((r, k) => {
      const along = (k - (count - 1) / 2) * 0.08 + (jitters[k]?.[0] ?? 0);
      const out = jitters[k]?.[1] ?? 0;
      const c: Pt = [groupCenter[0] + along * perp[0] + out * dir[0], groupCenter[1] + along * perp[1] + out * dir[1]];
      return blob(c, r, 7, 0.25, () => rng.next(), rng.range(0, 1));
    });
    const clear = islands.every((ring) => ring.every((p) => !insideConvex(p, outline) && distanceToBoundary(p, outline) > 0.03));
    if (clear) break;
  }
  let owner = 0;
  let nearest = Infinity;
  districts.forEach((d, i) => {
    const gap = distanceToBoundary(groupCenter, d.cell);
    if (gap < nearest) {
      nearest = gap;
      owner = i;
    }
  });
  const ownerDistrict = districts[owner] as DistrictShape;
  ownerDistrict.islands.push(...islands);
  const islandArea = islands.reduce((total, ring) => total + area(ring), 0);
  return {
    role: 'special',
    site: groupCenter,
    outer: [],
    hole: null,
    islands,
    districtAreas: districts.map((_, i) => (i === owner ? islandArea : 0)),
  };
}

/** Index of the district holding the largest share of a commune. */
export function dominantDistrict(districtAreas: readonly number[]): number {
  let best = 0;
  districtAreas.forEach((a, i) => {
    if (a > (districtAreas[best] ?? 0)) best = i;
  });
  return best;
}

/** Area of a commune as drawn (cell minus hole, or its islands). */
export function communeArea(c: CommuneShape): number {
  if (c.role === 'special') return c.islands.reduce((total, ring) => total + area(ring), 0);
  return area(c.outer) - (c.hole ? area(c.hole) : 0);
}
