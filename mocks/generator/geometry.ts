/**
 * Plane geometry for the schematic map, in lon/lat degrees treated as a flat plane (the sample map is
 * obviously schematic). Rings here are open (no repeated closing point) until they are written as GeoJSON.
 */

export type Pt = readonly [number, number];
export type Ring = Pt[];

/** Shoelace area: positive when the ring runs counter-clockwise (x east, y north). */
export function signedArea(ring: readonly Pt[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i] as Pt;
    const [x2, y2] = ring[(i + 1) % ring.length] as Pt;
    twice += x1 * y2 - x2 * y1;
  }
  return twice / 2;
}

export function area(ring: readonly Pt[]): number {
  return Math.abs(signedArea(ring));
}

/** Vertex average: good enough for a label point of a convex cell. */
export function vertexMean(ring: readonly Pt[]): Pt {
  let x = 0;
  let y = 0;
  for (const [px, py] of ring) {
    x += px;
    y += py;
  }
  return [x / ring.length, y / ring.length];
}

export function distance(a: Pt, b: Pt): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1]);
}

export function pointSegmentDistance(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / lengthSq));
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
}

/** Distance from a point to the nearest edge of a ring (0 on the edge, whether inside or outside). */
export function distanceToBoundary(p: Pt, ring: readonly Pt[]): number {
  let best = Infinity;
  for (let i = 0; i < ring.length; i++) {
    best = Math.min(best, pointSegmentDistance(p, ring[i] as Pt, ring[(i + 1) % ring.length] as Pt));
  }
  return best;
}

/** Whether p lies inside (or on) a counter-clockwise convex ring. */
export function insideConvex(p: Pt, ring: readonly Pt[]): boolean {
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i] as Pt;
    const b = ring[(i + 1) % ring.length] as Pt;
    if ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]) < 0) return false;
  }
  return true;
}

/** Convex hull (Andrew's monotone chain), counter-clockwise. */
export function convexHull(points: readonly Pt[]): Ring {
  const sorted = points.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: Pt, a: Pt, b: Pt) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: Pt[] = [];
  for (const p of sorted) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as Pt, lower[lower.length - 1] as Pt, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: Pt[] = [];
  for (let i = sorted.length - 1; i >= 0; i--) {
    const p = sorted[i] as Pt;
    while (upper.length >= 2 && cross(upper[upper.length - 2] as Pt, upper[upper.length - 1] as Pt, p) <= 0) upper.pop();
    upper.push(p);
  }
  lower.pop();
  upper.pop();
  return lower.concat(upper);
}

/**
 * Sutherland–Hodgman against one half-plane: keeps the part of `ring` where a·x + b·y ≤ c.
 * Exact for convex rings; for a concave subject the area is still right.
 */
export function clipHalfPlane(ring: readonly Pt[], a: number, b: number, c: number): Ring {
  const out: Ring = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const current = ring[i] as Pt;
    const previous = ring[(i + n - 1) % n] as Pt;
    const dc = a * current[0] + b * current[1] - c;
    const dp = a * previous[0] + b * previous[1] - c;
    if (dc <= 0) {
      if (dp > 0) out.push(lerpPoint(previous, current, dp / (dp - dc)));
      out.push(current);
    } else if (dp <= 0) {
      out.push(lerpPoint(previous, current, dp / (dp - dc)));
    }
  }
  return dropNearDuplicates(out);
}

/** The part of `subject` inside the counter-clockwise convex ring `clip`. */
export function clipToConvex(subject: readonly Pt[], clip: readonly Pt[]): Ring {
  let out: Ring = subject.slice();
  for (let i = 0; i < clip.length && out.length > 0; i++) {
    const p = clip[i] as Pt;
    const q = clip[(i + 1) % clip.length] as Pt;
    // Left of p→q is inside: (q−p)×(x−p) ≥ 0  ⇔  (qy−py)·x − (qx−px)·y ≤ (qy−py)·px − (qx−px)·py
    const a = q[1] - p[1];
    const b = -(q[0] - p[0]);
    out = clipHalfPlane(out, a, b, a * p[0] + b * p[1]);
  }
  return out.length >= 3 ? out : [];
}

/** Area of the overlap of two rings, the second convex and counter-clockwise. */
export function overlapArea(subject: readonly Pt[], convexClip: readonly Pt[]): number {
  const overlap = clipToConvex(subject, convexClip);
  return overlap.length >= 3 ? area(overlap) : 0;
}

/**
 * Power diagram (weighted Voronoi) cells of `sites` clipped to a convex `outline`: cell i holds the points
 * where |p − s_i|² − w_i is smallest. With all weights 0 this is the plain Voronoi diagram. Every cell is
 * convex: the outline cut by one half-plane per other site.
 */
export function powerCells(sites: readonly Pt[], weights: readonly number[], outline: readonly Pt[]): Ring[] {
  return sites.map((si, i) => {
    let cell: Ring = outline.slice();
    const wi = weights[i] ?? 0;
    for (let j = 0; j < sites.length && cell.length > 0; j++) {
      if (j === i) continue;
      const sj = sites[j] as Pt;
      const wj = weights[j] ?? 0;
      // |p−si|² − wi ≤ |p−sj|² − wj  ⇔  2(sj−si)·p ≤ |sj|² − |si|² − wj + wi
      const a = 2 * (sj[0] - si[0]);
      const b = 2 * (sj[1] - si[1]);
      const c = sj[0] * sj[0] + sj[1] * sj[1] - si[0] * si[0] - si[1] * si[1] - wj + wi;
      cell = clipHalfPlane(cell, a, b, c);
    }
    return cell.length >= 3 ? cell : [];
  });
}

/** A star-shaped blob of `vertices` points around `center`, radius jittered by ±`jitter`, counter-clockwise. */
export function blob(center: Pt, radius: number, vertices: number, jitter: number, random: () => number, rotation = 0): Ring {
  const ring: Ring = [];
  for (let k = 0; k < vertices; k++) {
    const angle = rotation + (2 * Math.PI * k) / vertices;
    const r = radius * (1 + jitter * (2 * random() - 1));
    ring.push([center[0] + r * Math.cos(angle), center[1] + r * Math.sin(angle)]);
  }
  return ring;
}

/** Distance from `center` along `direction` (a unit vector) to the edge of a convex ring that contains it. */
export function rayExit(center: Pt, direction: Pt, convex: readonly Pt[]): number {
  let best = Infinity;
  for (let i = 0; i < convex.length; i++) {
    const a = convex[i] as Pt;
    const b = convex[(i + 1) % convex.length] as Pt;
    const ex = b[0] - a[0];
    const ey = b[1] - a[1];
    const denominator = direction[0] * ey - direction[1] * ex;
    if (Math.abs(denominator) < 1e-15) continue;
    const t = ((a[0] - center[0]) * ey - (a[1] - center[1]) * ex) / denominator;
    const u = ((a[0] - center[0]) * direction[1] - (a[1] - center[1]) * direction[0]) / denominator;
    if (t > 0 && u >= -1e-12 && u <= 1 + 1e-12) best = Math.min(best, t);
  }
  return best;
}

function lerpPoint(a: Pt, b: Pt, t: number): Pt {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

function dropNearDuplicates(ring: Ring): Ring {
  const out: Ring = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || Math.abs(last[0] - p[0]) > 1e-12 || Math.abs(last[1] - p[1]) > 1e-12) out.push(p);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && Math.abs(last[0] - first[0]) <= 1e-12 && Math.abs(last[1] - first[1]) <= 1e-12) out.pop();
  return out;
}

/** Decimal places of coordinates in the GeoJSON (about a metre). */
export const COORDINATE_DECIMALS = 5;

/**
 * An open ring as a GeoJSON linear ring: rounded to 5 decimals, repeated points removed, wound as asked
 * (RFC 7946: exterior rings counter-clockwise, holes clockwise) and closed (first position == last).
 */
export function toGeoJsonRing(ring: readonly Pt[], winding: 'ccw' | 'cw'): number[][] {
  const factor = 10 ** COORDINATE_DECIMALS;
  const rounded: Ring = [];
  for (const [x, y] of ring) {
    const p: Pt = [Math.round(x * factor) / factor, Math.round(y * factor) / factor];
    const last = rounded[rounded.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) rounded.push(p);
  }
  const first = rounded[0];
  const last = rounded[rounded.length - 1];
  if (rounded.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) rounded.pop();
  const ccw = signedArea(rounded) > 0;
  // Reverse in place of the first vertex, so a hole and the ring it cuts out read as mirror images.
  if (ccw !== (winding === 'ccw')) rounded.splice(1, rounded.length - 1, ...rounded.slice(1).reverse());
  const positions: number[][] = rounded.map((p) => [p[0], p[1]]);
  const head = rounded[0];
  if (head) positions.push([head[0], head[1]]);
  return positions;
}
