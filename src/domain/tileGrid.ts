/**
 * A tile-grid map: every unit an equal square, so a large rural commune weighs no more on the eye than a small
 * ward, and the map works without any boundary file.
 */

/** [longitude, latitude] in degrees. */
export type LonLat = [number, number];

export interface TileUnit {
  code: string;
  centroid?: LonLat | null;
}

export interface TilePlace {
  code: string;
  /** 0 at the top (north). */
  row: number;
  /** 0 at the left (west). */
  col: number;
}

const byCode = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/**
 * Places units in a near-square grid (columns = ⌈√n⌉). With centroids, north is up and west is left: units go
 * into rows by latitude, north first, and each row is ordered by longitude, west first; the last, shorter row is
 * centred. Units without a centroid follow, by code. Without any centroid the grid is in code order. Every tile
 * has its own cell and no row has a gap.
 */
export function tileGridLayout(units: readonly TileUnit[]): TilePlace[] {
  const unique = [...new Map(units.map((u) => [u.code, u])).values()];
  const n = unique.length;
  if (n === 0) return [];
  const cols = Math.ceil(Math.sqrt(n));
  const located = unique.filter((u) => isLonLat(u.centroid));
  const unlocated = unique.filter((u) => !isLonLat(u.centroid)).sort((a, b) => byCode(a.code, b.code));
  const lat = (u: TileUnit) => (u.centroid as LonLat)[1];
  const lon = (u: TileUnit) => (u.centroid as LonLat)[0];
  located.sort((a, b) => lat(b) - lat(a) || lon(a) - lon(b) || byCode(a.code, b.code));
  const ordered = [...located, ...unlocated];

  const places: TilePlace[] = [];
  for (let row = 0; row * cols < n; row++) {
    const slice = ordered.slice(row * cols, row * cols + cols);
    slice.sort((a, b) => {
      const la = isLonLat(a.centroid), lb = isLonLat(b.centroid);
      if (la && lb) return lon(a) - lon(b) || byCode(a.code, b.code);
      if (la !== lb) return la ? -1 : 1;
      return byCode(a.code, b.code);
    });
    const offset = Math.floor((cols - slice.length) / 2);
    slice.forEach((u, i) => places.push({ code: u.code, row, col: offset + i }));
  }
  return places;
}

/** Rows and columns a layout spans. */
export function tileGridSize(places: readonly TilePlace[]): { rows: number; cols: number } {
  let rows = 0, cols = 0;
  for (const p of places) {
    rows = Math.max(rows, p.row + 1);
    cols = Math.max(cols, p.col + 1);
  }
  return { rows, cols };
}

type Position = readonly number[];
type Ring = readonly Position[];
export type AreaGeometry =
  | { type: 'Polygon'; coordinates: readonly Ring[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly Ring[])[] };

/**
 * A point for placing a unit: the area-weighted centroid of the outer ring of its largest polygon (holes and
 * small islands left out), or the mean of that ring's corners when it has no area. Null for an empty geometry.
 */
export function featureCentroid(geometry: AreaGeometry): LonLat | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: { area: number; centroid: LonLat } | null = null;
  for (const polygon of polygons) {
    const ring = polygon[0];
    if (!ring || ring.length === 0) continue;
    const found = ringCentroid(ring);
    if (!best || found.area > best.area) best = found;
  }
  return best?.centroid ?? null;
}

function ringCentroid(ring: Ring): { area: number; centroid: LonLat } {
  // Shifted to the first corner: keeps the products small and the sums exact enough for lon/lat degrees.
  const [x0 = 0, y0 = 0] = ring[0] ?? [];
  let twiceArea = 0, cx = 0, cy = 0;
  for (let i = 0; i < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] ?? [];
    const [bx = 0, by = 0] = ring[(i + 1) % ring.length] ?? [];
    const x1 = ax - x0, y1 = ay - y0, x2 = bx - x0, y2 = by - y0;
    const cross = x1 * y2 - x2 * y1;
    twiceArea += cross;
    cx += (x1 + x2) * cross;
    cy += (y1 + y2) * cross;
  }
  if (Math.abs(twiceArea) < 1e-12) {
    const n = ring.length;
    const mean = ring.reduce<[number, number]>((s, p) => [s[0] + (p[0] ?? 0) / n, s[1] + (p[1] ?? 0) / n], [0, 0]);
    return { area: 0, centroid: mean };
  }
  return { area: Math.abs(twiceArea) / 2, centroid: [x0 + cx / (3 * twiceArea), y0 + cy / (3 * twiceArea)] };
}

function isLonLat(c: LonLat | null | undefined): c is LonLat {
  return Array.isArray(c) && Number.isFinite(c[0]) && Number.isFinite(c[1]);
}

/**
 * A unit's name without its kind in front, for a small tile: "Huyện Đắk Lâm" with kind "Huyện" → "Đắk Lâm".
 * The name is returned whole when it does not start with the kind (or nothing would be left).
 */
export function shortUnitName(name: string, kind?: string | null): string {
  const k = kind?.trim();
  if (!k || name.length <= k.length) return name;
  const head = name.slice(0, k.length);
  if (head.localeCompare(k, 'vi', { sensitivity: 'accent' }) !== 0 || !/\s/.test(name.charAt(k.length))) return name;
  return name.slice(k.length).trim() || name;
}
