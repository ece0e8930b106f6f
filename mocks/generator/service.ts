import { LEVEL_COMMUNE, LEVEL_PROVINCE, PROVINCE_CODE } from './constants';
import { SERVICE_KPI_IDS, type ServiceKpiId } from './catalogue';
import { clamp, roundTo } from './math';
import type { Rng } from './rng';
import type { ServiceProfile } from './types';
import type { UnitsBuild } from './units';

/**
 * Per-unit parameters of the live one-stop-shop KPIs: the volume of a normal working day, the base level
 * of each rate and a drift phase. Levels follow DOMAIN.md: on time 96–99.5 %, online 10–40 % (wards
 * higher, remote communes lower), fully online about half of that, online payment 30–60 %,
 * digitisation 50–90 %, satisfaction 90–98 %. Stronger units (by their index standing) do a little better.
 */
export function buildServiceProfiles(rng: Rng, units: UnitsBuild, strength: Map<string, number>): ServiceProfile[] {
  const communes: ServiceProfile[] = units.communes.map((c) => {
    const r = rng.fork(c.unit.code);
    const s = clamp(strength.get(c.unit.code) ?? 0, -2, 2);
    const volume = c.kind === 'ward' ? r.range(60, 180) : c.kind === 'special' ? r.range(15, 40) : r.range(20, 80);
    const online = c.kind === 'ward' ? r.range(22, 40) : c.kind === 'special' ? r.range(8, 15) : r.range(10, 26);
    const base: Record<ServiceKpiId, number> = {
      'on-time': clamp(r.range(96.5, 99.2) + 0.25 * s, 96, 99.5),
      online: online + s,
      'fully-online': online * r.range(0.45, 0.75),
      'online-payment': clamp(r.range(32, 58) + 2 * s, 30, 60),
      digitisation: clamp(r.range(52, 88) + 2 * s, 50, 90),
      satisfaction: clamp(r.range(90, 97.5) + 0.5 * s, 90, 98),
    };
    return {
      unit: c.unit.code,
      level: LEVEL_COMMUNE,
      dailyVolume: Math.round(volume * (1 + 0.1 * s)),
      base: roundAll(base),
      phase: roundTo(r.next(), 4),
    };
  });

  const totalVolume = communes.reduce((total, p) => total + p.dailyVolume, 0);
  const provinceBase: Record<string, number> = {};
  for (const id of SERVICE_KPI_IDS) {
    const weighted = communes.reduce((total, p) => total + (p.base[id] ?? 0) * p.dailyVolume, 0);
    provinceBase[id] = totalVolume > 0 ? weighted / totalVolume : 0;
  }
  const province: ServiceProfile = { unit: PROVINCE_CODE, level: LEVEL_PROVINCE, dailyVolume: totalVolume, base: roundAll(provinceBase), phase: 0 };
  return [province, ...communes];
}

function roundAll(values: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) out[k] = roundTo(v, 2);
  return out;
}
