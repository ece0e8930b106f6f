import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mount } from '@vue/test-utils';
import { getMap } from 'echarts/core';
import { ensureMapRegistered } from '../../../src/charts/echarts';
import { chartPalette } from '../../../src/charts/palette';
import { noDataColor, rampStops } from '../../../src/domain/colorScale';
import type { BoundaryUnit } from '../../../src/feeds/boundaries';
import { createAppI18n } from '../../../src/i18n';
import UnitMap from '../../../src/panels/UnitMap.vue';
import { UNIT_MAP_SERIES_ID, mapAspectScale, unitFeatureCollection, unitMapOption, type UnitMapInput } from '../../../src/panels/unitMapOption';

/* eslint-disable @typescript-eslint/no-explicit-any */

const square = (x: number, y: number): BoundaryUnit['geometry'] => ({
  type: 'Polygon',
  coordinates: [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]],
});

const features: BoundaryUnit[] = [
  { code: '25501', name: 'Xã Một', geometry: square(107, 13.4) },
  { code: '25502', name: 'Xã Hai', geometry: square(107.1, 13.4) },
  { code: '25503', geometry: { type: 'MultiPolygon', coordinates: [square(107.2, 13.5).coordinates as number[][][]] } },
];
const palette = chartPalette('dark');

function input(over: Partial<UnitMapInput> = {}): UnitMapInput {
  return {
    mapName: 'test-commune',
    features,
    values: new Map([['25501', 71.25], ['25502', 88.4]]),
    names: new Map([['25501', 'Xã Một'], ['25502', 'Xã Hai'], ['25503', 'Phường Ba']]),
    domain: [70, 90],
    format: (v) => v.toFixed(2).replace('.', ','),
    palette,
    theme: 'dark',
    fontSize: 14,
    noDataLabel: 'Không có số liệu',
    ...over,
  };
}

describe('unit map option', () => {
  const option = unitMapOption(input({ selected: '25502' })) as any;
  const series = option.series[0];

  it('names every region by its unit code and draws every feature', () => {
    expect(series.type).toBe('map');
    expect(series.map).toBe('test-commune');
    expect(series.data.map((d: { name: string }) => d.name)).toEqual(['25501', '25502', '25503']);
    expect(series.data[0].value).toBe(71.25);
  });

  it('draws a unit without a value in the no-data grey, left out of the colour scale, and names it in the legend', () => {
    const missing = series.data[2];
    expect(missing.value).toBeNull();
    expect(missing.visualMap).toBe(false);
    expect(missing.itemStyle.areaColor).toBe(noDataColor('dark'));
    const legend = option.visualMap.find((vm: { id: string }) => vm.id === 'no-data');
    expect(legend.show).toBe(true);
    expect(legend.seriesIndex).toEqual([]);
    expect(legend.pieces).toEqual([expect.objectContaining({ label: 'Không có số liệu', color: noDataColor('dark') })]);
  });

  it('keeps the no-data legend entry, hidden, when every unit has a value', () => {
    const full = unitMapOption(input({ values: new Map(features.map((f) => [f.code, 80])) })) as any;
    expect(full.visualMap.find((vm: { id: string }) => vm.id === 'no-data').show).toBe(false);
    expect(full.series[0].data.every((d: { value: unknown }) => d.value === 80)).toBe(true);
  });

  it('puts the domain in a continuous legend with both ends formatted, coloured by the ramp', () => {
    const scale = option.visualMap.find((vm: { id: string }) => vm.id === 'scale');
    expect(scale).toMatchObject({ type: 'continuous', min: 70, max: 90, seriesIndex: 0, calculable: false });
    expect(scale.text).toEqual(['90,00', '70,00']);
    expect(scale.inRange.color).toEqual(rampStops('dark'));
    const light = unitMapOption(input({ theme: 'light', palette: chartPalette('light') })) as any;
    expect(light.visualMap[0].inRange.color).toEqual(rampStops('light'));
  });

  it('names its series, so a refresh recolours the map in place rather than redrawing it from zero', () => {
    expect(series.id).toBe(UNIT_MAP_SERIES_ID);
    expect((unitMapOption(input({ values: new Map() })) as any).series[0].id).toBe(UNIT_MAP_SERIES_ID);
  });

  it('has no tooltip, no roaming and no looping effect', () => {
    expect(option.tooltip).toBeUndefined();
    expect(series.roam).toBe(false);
    expect(JSON.stringify(option)).not.toMatch(/effect|ripple|loop/i);
  });

  it('outlines the selected unit and shows names only when asked, by display name', () => {
    expect(series.data[1].itemStyle).toMatchObject({ borderColor: palette.highlight });
    expect(series.data[0].itemStyle.borderColor).toBeUndefined();
    expect(series.label.show).toBe(false);
    const labelled = unitMapOption(input({ showLabels: true })) as any;
    expect(labelled.series[0].label.show).toBe(true);
    expect(labelled.series[0].label.formatter({ name: '25503' })).toBe('Phường Ba');
    expect(labelled.series[0].label.formatter({ name: '99999' })).toBe('99999');
  });

  it('keeps shapes true at the province\'s latitude', () => {
    expect(mapAspectScale(features)).toBeCloseTo(Math.cos((13.5 * Math.PI) / 180), 2);
    expect(mapAspectScale([])).toBe(0.75);
  });
});

describe('map registration', () => {
  it('builds GeoJSON whose region names are unit codes', () => {
    const fc = unitFeatureCollection(features);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f) => f.properties)).toEqual([{ name: '25501' }, { name: '25502' }, { name: '25503' }]);
    expect(fc.features[2]?.geometry.type).toBe('MultiPolygon');
  });

  it('registers a feature set once per name, and again only when the features change', () => {
    let builds = 0;
    const build = () => {
      builds++;
      return unitFeatureCollection(features);
    };
    expect(ensureMapRegistered('test-once', features, build)).toBe(true);
    expect(ensureMapRegistered('test-once', features, build)).toBe(false);
    expect(builds).toBe(1);
    expect(getMap('test-once')).toBeTruthy();
    const changed = features.slice(0, 2);
    expect(ensureMapRegistered('test-once', changed, () => unitFeatureCollection(changed))).toBe(true);
    expect((getMap('test-once') as any).geoJSON.features).toHaveLength(2);
  });
});

describe('unit map panel', () => {
  const ChartStub = defineComponent({
    props: { option: { type: Object, required: true }, label: { type: String, required: true } },
    emits: ['pick'],
    setup: (props, { emit }) => () =>
      h('button', { class: 'chart-stub', 'aria-label': props.label, onClick: () => emit('pick', '25502', 1) }),
  });

  function mountMap(props: Partial<UnitMapInput> & { label?: string } = {}) {
    const { noDataLabel: _ignored, ...rest } = input(props);
    return mount(UnitMap, {
      props: { ...rest, label: 'Bản đồ PAR INDEX 2025' },
      global: { plugins: [createAppI18n('vi')], stubs: { BaseChart: ChartStub } },
    });
  }

  it('registers its outlines and hands the chart an option naming that map, with the no-data text in the reader\'s language', () => {
    const w = mountMap({ mapName: 'test-panel' });
    const option = w.findComponent(ChartStub).props('option') as any;
    expect(option.series[0].map).toBe('test-panel');
    expect(getMap('test-panel')).toBeTruthy();
    expect(option.visualMap[1].pieces[0].label).toBe('Không có số liệu');
  });

  it('emits the picked unit\'s code', async () => {
    const w = mountMap({ mapName: 'test-panel' });
    await w.find('.chart-stub').trigger('click');
    expect(w.emitted('pick')).toEqual([['25502']]);
  });
});
