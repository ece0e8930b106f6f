import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { CONTRACT_VERSION, CrosswalkRow, EventRow, Indicator, Meta, Unit } from '../../../src/contract';
import { generateProvince } from '../../../mocks/generator';
import { hash32, mulberry32, Rng } from '../../../mocks/generator/rng';

const province = generateProvince({ seed: 20250701 });
const communes = province.units.filter((u) => u.level === 'commune');
const districts = province.units.filter((u) => u.level === 'district');

describe('generateProvince: determinism', () => {
  it('gives byte-identical JSON for the same seed', () => {
    const again = generateProvince({ seed: 20250701 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(province));
  });

  it('gives different data for another seed', () => {
    const other = generateProvince({ seed: 20250702 });
    expect(JSON.stringify(other.units)).not.toBe(JSON.stringify(province.units));
    expect(JSON.stringify(other.observations)).not.toBe(JSON.stringify(province.observations));
    expect(JSON.stringify(other.boundaries)).not.toBe(JSON.stringify(province.boundaries));
  });

  it('draws the same numbers from the same seed and forks independent streams', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const drawsA = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(drawsA);
    for (const x of drawsA) expect(x >= 0 && x < 1).toBe(true);
    expect(new Rng(1).fork('x').next()).toBe(new Rng(1).fork('x').next());
    expect(new Rng(1).fork('x').next()).not.toBe(new Rng(1).fork('y').next());
    expect(hash32('ab', 'c')).not.toBe(hash32('a', 'bc'));
  });
});

describe('generateProvince: meta', () => {
  it('names a fictional province plainly as sample data, on contract v1, 2016–2025', () => {
    expect(v.parse(Meta, province.meta)).toEqual(province.meta);
    expect(province.meta.contractVersion).toBe(CONTRACT_VERSION);
    expect(province.meta.province).toMatchObject({ code: '99', name: 'Tỉnh Sông Mẫu', nameEn: 'Song Mau Province (sample)' });
    expect(province.meta.note).toBe('Dữ liệu mẫu do máy sinh — không phải số liệu thật');
    expect(province.meta.noteEn).toBe('Generated sample data — not real figures');
    expect(province.meta.timezone).toBe('Asia/Ho_Chi_Minh');
    expect(province.meta.periods).toEqual({ first: 2016, last: 2025 });
  });

  it('lists the province, district (until 2025-06-30) and commune (from 2025-07-01) levels', () => {
    expect(province.meta.levels).toEqual([
      { id: 'province', name: 'Tỉnh', nameEn: 'Province', depth: 0, validFrom: null, validTo: null },
      { id: 'district', name: 'Cấp huyện', nameEn: 'District', depth: 1, validFrom: null, validTo: '2025-06-30' },
      { id: 'commune', name: 'Cấp xã', nameEn: 'Commune', depth: 1, validFrom: '2025-07-01', validTo: null },
    ]);
  });
});

describe('generateProvince: units', () => {
  it('validates every unit against the contract', () => {
    for (const unit of province.units) expect(v.parse(Unit, unit)).toEqual(unit);
  });

  it('has one province, 9 districts until the reform and 80 communes after it by default', () => {
    const top = province.units.filter((u) => u.level === 'province');
    expect(top).toEqual([expect.objectContaining({ code: '99', parent: null, validFrom: null, validTo: null })]);
    expect(districts).toHaveLength(9);
    expect(communes).toHaveLength(80);
    for (const d of districts) expect(d).toMatchObject({ parent: '99', validFrom: null, validTo: '2025-06-30' });
    for (const c of communes) expect(c).toMatchObject({ parent: '99', validFrom: '2025-07-01', validTo: null });
  });

  it('gives unique codes: "99", three digits for districts, five for communes', () => {
    const codes = province.units.map((u) => u.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of districts) expect(d.code).toMatch(/^99\d$/);
    for (const c of communes) expect(c.code).toMatch(/^\d{5}$/);
  });

  it('names units by kind, uniquely per level, in NFC, with diacritic-free English names', () => {
    expect(districts.map((d) => d.kind)).toContain('Thành phố');
    expect(districts.map((d) => d.kind)).toContain('Thị xã');
    expect(districts.map((d) => d.kind)).toContain('Huyện');
    expect(districts[0]?.name).toBe('Thành phố Sông Mẫu');
    const kinds = new Set(communes.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(['Phường', 'Xã', 'Đặc khu'].sort());
    const special = communes.filter((c) => c.kind === 'Đặc khu').length;
    expect(special).toBeGreaterThanOrEqual(1);
    expect(special).toBeLessThanOrEqual(2);
    for (const level of [districts, communes]) expect(new Set(level.map((u) => u.name)).size).toBe(level.length);
    for (const unit of province.units) {
      expect(unit.name).toBe(unit.name.normalize('NFC'));
      expect(unit.name.startsWith(`${unit.kind} `)).toBe(true);
      expect(unit.nameEn).toMatch(/^[A-Za-z0-9 ()-]+$/);
    }
  });

  it('clamps options to the supported ranges and honours the district count', () => {
    const small = generateProvince({ seed: 3, communes: 38, districts: 6 });
    expect(small.units.filter((u) => u.level === 'commune')).toHaveLength(38);
    expect(small.units.filter((u) => u.level === 'district')).toHaveLength(6);
  });
});

describe('generateProvince: crosswalk', () => {
  it('validates every row against the contract, effective 2025-07-01', () => {
    for (const row of province.crosswalk) {
      expect(v.parse(CrosswalkRow, row)).toEqual(row);
      expect(row.effective).toBe('2025-07-01');
      expect(row.weight).toBeGreaterThan(0);
    }
  });

  it('sums the weights into each commune to 1', () => {
    const sums = new Map<string, number>();
    for (const row of province.crosswalk) sums.set(row.to, (sums.get(row.to) ?? 0) + row.weight);
    expect([...sums.keys()].sort()).toEqual(communes.map((c) => c.code).sort());
    for (const total of sums.values()) expect(Math.abs(total - 1)).toBeLessThan(1e-9);
  });

  it('maps every district somewhere and lets some communes straddle two districts', () => {
    const froms = new Set(province.crosswalk.map((r) => r.from));
    expect([...froms].sort()).toEqual(districts.map((d) => d.code).sort());
    const sources = new Map<string, number>();
    for (const row of province.crosswalk) sources.set(row.to, (sources.get(row.to) ?? 0) + 1);
    expect([...sources.values()].filter((n) => n >= 2).length).toBeGreaterThan(0);
  });
});

describe('generateProvince: indicator catalogue', () => {
  const byId = new Map(province.indicators.map((i) => [i.id, i]));

  it('validates every indicator against the contract', () => {
    for (const indicator of province.indicators) expect(v.parse(Indicator, indicator)).toEqual(indicator);
  });

  it('lists the six annual indices then the six live service KPIs', () => {
    expect(province.indicators.map((i) => i.id)).toEqual([
      'par', 'sipas', 'pci', 'papi', 'ict', 'dti',
      'on-time', 'online', 'fully-online', 'online-payment', 'digitisation', 'satisfaction',
    ]);
    for (const i of province.indicators.slice(0, 6)) expect(i).toMatchObject({ kind: 'annual-index', cadence: 'P1Y', direction: 'higher-is-better' });
    for (const i of province.indicators.slice(6)) {
      expect(i).toMatchObject({ kind: 'service-kpi', cadence: 'PT1M', scale: { min: 0, max: 100, unit: 'percent', decimals: 1 }, levels: ['province', 'commune'] });
      expect(i.name).not.toBe('');
      expect(i.nameEn).not.toBe('');
    }
  });

  it('describes PAR with eight fields worth 100 points and its 2022 break', () => {
    const par = byId.get('par');
    expect(par?.shortName).toBe('PAR INDEX');
    expect(par?.components.map((c) => c.max)).toEqual([10, 10, 14.5, 11, 16, 7, 16, 15.5]);
    expect(par?.scale).toEqual({ min: 0, max: 100, unit: 'points', decimals: 2 });
    expect(par?.breaks.map((b) => b.period)).toEqual([2022]);
    expect(par?.breaks[0]?.note).toContain('876/QĐ-BNV');
    expect(par?.levels).toEqual(['province', 'district', 'commune']);
  });

  it('describes SIPAS, PCI, PAPI, ICT and DTI as published', () => {
    expect(byId.get('sipas')?.components).toHaveLength(5);
    expect(byId.get('sipas')?.scale).toMatchObject({ unit: 'percent', min: 0, max: 100, decimals: 2 });
    const pci = byId.get('pci');
    expect(pci?.unitIndexName).toBe('DDCI');
    expect(pci?.components).toHaveLength(10);
    expect(pci?.components.reduce((t, c) => t + (c.weight ?? 0), 0)).toBeCloseTo(1, 9);
    expect(pci?.components.map((c) => c.weight)).toEqual([0.05, 0.05, 0.2, 0.05, 0.1, 0.05, 0.05, 0.2, 0.2, 0.05]);
    const papi = byId.get('papi');
    expect(papi?.scale).toMatchObject({ min: 10, max: 80 });
    expect(papi?.components.filter((c) => c.validFrom === 2018).map((c) => c.id)).toEqual(['environment', 'e-governance']);
    expect(papi?.breaks.map((b) => b.period)).toEqual([2018]);
    expect(papi?.levels).toEqual(['province']);
    expect(byId.get('ict')?.components).toHaveLength(3);
    expect(byId.get('ict')?.scale).toEqual({ min: 0, max: 1, unit: 'ratio', decimals: 4 });
    expect(byId.get('ict')?.levels).toEqual(['province']);
    const dti = byId.get('dti');
    expect(dti?.firstPeriod).toBe(2020);
    expect(dti?.components).toHaveLength(8);
    expect(dti?.breaks.map((b) => b.period)).toEqual([2024]);
  });
});

describe('generateProvince: events', () => {
  it('validates every event against the contract, with unique ids and both languages', () => {
    const ids = province.events.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const event of province.events) {
      expect(v.parse(EventRow, event)).toEqual(event);
      expect(event.titleEn).toBeTruthy();
    }
  });

  it('marks the methodology breaks, the 2025 reform and yearly publications', () => {
    const breaks = province.events.filter((e) => e.kind === 'methodology-break').map((e) => `${e.indicator}:${e.period}`);
    expect(breaks.sort()).toEqual(['dti:2024', 'papi:2018', 'par:2022']);
    const reform = province.events.filter((e) => e.kind === 'boundary-change');
    expect(reform).toEqual([
      expect.objectContaining({ date: '2025-07-01', title: 'Sắp xếp đơn vị hành chính hai cấp', titleEn: 'Two-tier local government reform: districts abolished' }),
    ]);
    const published = province.events.filter((e) => e.kind === 'publication');
    expect(new Set(published.map((e) => e.indicator)).size).toBeGreaterThanOrEqual(2);
    expect(published.filter((e) => e.indicator === 'par').map((e) => e.period)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
  });
});
