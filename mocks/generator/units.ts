import type { CrosswalkRow, Unit } from '../../src/contract';
import {
  CAPITAL_BASE_NAME,
  DISTRICTS_VALID_TO,
  LEVEL_COMMUNE,
  LEVEL_DISTRICT,
  LEVEL_PROVINCE,
  PROVINCE_CODE,
  PROVINCE_NAME,
  PROVINCE_NAME_EN,
  REFORM_DATE,
} from './constants';
import { distance } from './geometry';
import { dominantDistrict, type CommuneShape, type DistrictShape, type Layout } from './layout';
import { KINDS, NameBook, fullName, type KindKey } from './names';
import type { Rng } from './rng';

/**
 * The unit table and the crosswalk. Districts (codes 990–999) existed until 2025-06-30; communes, wards
 * and special zones (five-digit codes 99003, 99006… in steps of three, as statistics codes often run)
 * from 2025-07-01, all directly under the province.
 */

export interface DistrictUnit {
  unit: Unit;
  shape: DistrictShape;
}

export interface CommuneUnit {
  unit: Unit;
  shape: CommuneShape;
  kind: KindKey;
  /** Index (into districts) of the old district that gave most of its territory. */
  main: number;
}

export interface UnitsBuild {
  province: Unit;
  districts: DistrictUnit[];
  communes: CommuneUnit[];
  crosswalk: CrosswalkRow[];
}

/** Shares of a commune under this are dropped from the crosswalk as slivers (edge noise of the drawing). */
const SLIVER = 0.05;
const WEIGHT_DECIMALS = 6;

export function buildUnits(rng: Rng, layout: Layout): UnitsBuild {
  const names = new NameBook(rng.fork('names'), [CAPITAL_BASE_NAME]);
  const province: Unit = {
    code: PROVINCE_CODE,
    name: PROVINCE_NAME,
    nameEn: PROVINCE_NAME_EN,
    level: LEVEL_PROVINCE,
    kind: 'Tỉnh',
    parent: null,
    validFrom: null,
    validTo: null,
  };

  // Districts: the city first, then the town, then rural districts from north to south.
  const kindRank = { city: 0, town: 1, rural: 2 } as const;
  const districtOrder = layout.districts
    .map((shape, index) => ({ shape, index }))
    .sort((a, b) => kindRank[a.shape.kind] - kindRank[b.shape.kind] || b.shape.site[1] - a.shape.site[1] || a.shape.site[0] - b.shape.site[0]);
  const districtBase = new Map<number, string>();
  const districtCode = new Map<number, string>();
  const districts: DistrictUnit[] = districtOrder.map(({ shape, index }, position) => {
    const kind: KindKey = shape.kind === 'city' ? 'city' : shape.kind === 'town' ? 'town' : 'rural';
    const base = shape.kind === 'city' ? CAPITAL_BASE_NAME : names.next(shape.kind === 'town' || rng.chance(0.4) ? 'kinh' : 'highland');
    const code = String(990 + position);
    districtBase.set(index, base);
    districtCode.set(index, code);
    return {
      shape,
      unit: { code, ...fullName(kind, base), level: LEVEL_DISTRICT, kind: KINDS[kind].vi, parent: PROVINCE_CODE, validFrom: null, validTo: DISTRICTS_VALID_TO },
    };
  });

  // Crosswalk shares first: they decide each commune's main district, hence its kind and name.
  const shares = crosswalkShares(layout);
  const mains = shares.map((row) => dominantDistrict(row));

  const kinds: KindKey[] = layout.communes.map((c, i) => {
    if (c.role === 'special') return 'special';
    if (c.role === 'enclosed') return 'ward';
    const district = layout.districts[mains[i] ?? 0];
    if (district?.kind === 'city') return 'ward';
    if (district?.kind === 'town') {
      // The half of the town's communes nearest its seat are wards.
      const siblings = layout.communes
        .map((other, j) => ({ j, d: distance(other.site, district.site) }))
        .filter(({ j }) => mains[j] === mains[i] && layout.communes[j]?.role === 'cell')
        .sort((a, b) => a.d - b.d || a.j - b.j);
      const rank = siblings.findIndex(({ j }) => j === i);
      return rank < Math.ceil(siblings.length / 2) ? 'ward' : 'commune';
    }
    return 'commune';
  });

  // The commune at each district's seat inherits the district's name (the enclosed ward, where there is one).
  const baseNames: (string | null)[] = layout.communes.map(() => null);
  layout.districts.forEach((d, di) => {
    let seat = -1;
    let seatDistance = Infinity;
    layout.communes.forEach((c, ci) => {
      if (mains[ci] !== di || c.role === 'special') return;
      const dd = c.role === 'enclosed' ? -1 : distance(c.site, d.site);
      if (dd < seatDistance) {
        seatDistance = dd;
        seat = ci;
      }
    });
    if (seat >= 0) baseNames[seat] = districtBase.get(di) ?? null;
  });
  layout.communes.forEach((c, i) => {
    if (baseNames[i] !== null) return;
    const kind = kinds[i];
    baseNames[i] = kind === 'special' ? names.island() : names.next(kind === 'ward' || rng.chance(0.45) ? 'kinh' : 'highland');
  });

  const kindOrder: Record<KindKey, number> = { province: 0, city: 0, town: 0, rural: 0, ward: 0, commune: 1, special: 2 };
  const districtPosition = new Map(districtOrder.map(({ index }, position) => [index, position]));
  const order = layout.communes
    .map((shape, i) => ({ shape, i }))
    .sort(
      (a, b) =>
        (districtPosition.get(mains[a.i] ?? 0) ?? 0) - (districtPosition.get(mains[b.i] ?? 0) ?? 0) ||
        kindOrder[kinds[a.i] ?? 'commune'] - kindOrder[kinds[b.i] ?? 'commune'] ||
        b.shape.site[1] - a.shape.site[1] ||
        a.shape.site[0] - b.shape.site[0] ||
        a.i - b.i,
    );
  const communeCode = new Map<number, string>();
  const communes: CommuneUnit[] = order.map(({ shape, i }, position) => {
    const kind = kinds[i] ?? 'commune';
    const code = String(99000 + 3 * (position + 1));
    communeCode.set(i, code);
    return {
      shape,
      kind,
      main: mains[i] ?? 0,
      unit: { code, ...fullName(kind, baseNames[i] ?? ''), level: LEVEL_COMMUNE, kind: KINDS[kind].vi, parent: PROVINCE_CODE, validFrom: REFORM_DATE, validTo: null },
    };
  });

  const crosswalk: CrosswalkRow[] = [];
  shares.forEach((row, ci) => {
    row.forEach((weight, di) => {
      if (weight > 0) crosswalk.push({ from: districtCode.get(di) ?? '', to: communeCode.get(ci) ?? '', weight, effective: REFORM_DATE });
    });
  });
  crosswalk.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));

  return { province, districts, communes, crosswalk };
}

/**
 * Commune × district weights: the share of each new commune's area that lay in each old district
 * (the contract speaks of population; the sample has none, so area stands in). Slivers under 5 % are
 * dropped and the rest renormalised, but every district keeps at least its largest share somewhere.
 * Weights are rounded to 6 decimals with the largest one absorbing the remainder, so each commune's
 * weights sum to 1.
 */
function crosswalkShares(layout: Layout): number[][] {
  const raw = layout.communes.map((c) => {
    const total = c.districtAreas.reduce((a, b) => a + b, 0);
    return c.districtAreas.map((a) => (total > 0 ? a / total : 0));
  });
  const kept = raw.map((row) => {
    const main = dominantDistrict(row);
    return row.map((share, di) => (di === main || share >= SLIVER ? share : 0));
  });
  layout.districts.forEach((_, di) => {
    if (kept.some((row) => (row[di] ?? 0) > 0)) return;
    let best = -1;
    raw.forEach((row, ci) => {
      if ((row[di] ?? 0) > (best >= 0 ? (raw[best]?.[di] ?? 0) : 0)) best = ci;
    });
    const target = kept[best];
    if (best >= 0 && target) target[di] = raw[best]?.[di] ?? 0;
  });
  return kept.map((row) => {
    const total = row.reduce((a, b) => a + b, 0);
    const factor = 10 ** WEIGHT_DECIMALS;
    const rounded = row.map((share) => (share > 0 ? Math.max(1, Math.round((share / total) * factor)) / factor : 0));
    const main = dominantDistrict(rounded);
    let others = 0;
    rounded.forEach((w, di) => {
      if (di !== main) others += w;
    });
    rounded[main] = Math.round((1 - others) * factor) / factor;
    return rounded;
  });
}
