// The ECharts parts this option draws with (see src/charts/echarts.ts).
import '../charts/parts/map';
import type { ChartOption } from '../charts/echarts';
import type { ChartPalette } from '../charts/palette';
import { PANEL_BACKGROUND, noDataColor, rampStops, type RampTheme } from '../domain/colorScale';
import type { BoundaryUnit } from '../feeds/boundaries';

/** A stable id: with replaceMerge, an update then recolours the map in place instead of redrawing it from zero. */
export const UNIT_MAP_SERIES_ID = 'unit-map';

export interface UnitMapInput {
  /** The name the outlines were registered under (see unitFeatureCollection). */
  mapName: string;
  features: readonly BoundaryUnit[];
  /** Unit code → value; a unit without one is drawn as "no data". */
  values: ReadonlyMap<string, number>;
  /** Unit code → display name, for labels. */
  names: ReadonlyMap<string, string>;
  /** The colour domain (see colorDomain): the same for every year and level of an index. */
  domain: readonly [number, number];
  format: (value: number) => string;
  palette: ChartPalette;
  theme: RampTheme;
  fontSize: number;
  /** Legend text for units without a value. */
  noDataLabel: string;
  selected?: string | null;
  /** Unit names on the map; off by default (communes are many). */
  showLabels?: boolean;
}

interface MapFeatureCollection {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: { name: string }; geometry: BoundaryUnit['geometry'] }[];
}

/**
 * The GeoJSON to register for a map series: each region is named by its unit CODE, so series data (named by
 * code) matches it whatever the feed's code property was called, and a tap reports the code.
 */
export function unitFeatureCollection(features: readonly BoundaryUnit[]): MapFeatureCollection {
  return {
    type: 'FeatureCollection',
    features: features.map((f) => ({ type: 'Feature', properties: { name: f.code }, geometry: f.geometry })),
  };
}

/**
 * Horizontal squeeze for plain lon/lat drawing: a degree of longitude is cos(latitude) of a degree of latitude,
 * so at the province's middle latitude this keeps shapes true (ECharts' default, 0.75, suits 41° N).
 */
export function mapAspectScale(features: readonly BoundaryUnit[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const f of features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const ring of polygons.map((p) => p[0] ?? [])) {
      for (const [, lat] of ring) {
        if (lat === undefined) continue;
        lo = Math.min(lo, lat);
        hi = Math.max(hi, lat);
      }
    }
  }
  if (!Number.isFinite(lo)) return 0.75;
  return Math.min(1, Math.max(0.2, Math.cos((((lo + hi) / 2) * Math.PI) / 180)));
}

/**
 * A choropleth of one level's units: a continuous colour legend with the domain's ends, every outline drawn,
 * units without a value in a neutral grey and named in the legend as "no data". No tooltip (nothing is hover-only)
 * and no looping animation; a tap names the unit's code.
 */
export function unitMapOption(input: UnitMapInput): ChartOption {
  const { palette, fontSize, theme } = input;
  const [lo, hi] = input.domain;
  const noData = noDataColor(theme);
  const background = PANEL_BACKGROUND[theme];
  const selected = input.selected ?? null;
  const selectedStyle = { borderColor: palette.highlight, borderWidth: 3 };
  let missing = 0;

  const data = input.features.map((f) => {
    const value = input.values.get(f.code);
    const style = f.code === selected ? selectedStyle : {};
    if (value !== undefined && Number.isFinite(value)) return { name: f.code, value, itemStyle: style };
    missing++;
    // visualMap: false keeps the colour legend from painting it; the grey comes from the item itself.
    return { name: f.code, value: null, visualMap: false, itemStyle: { areaColor: noData, color: noData, ...style } };
  });

  const legendText = { color: palette.text, fontSize };
  const legendBottom = 4;

  return {
    animationDurationUpdate: 300,
    visualMap: [
      {
        id: 'scale',
        type: 'continuous',
        seriesIndex: 0,
        min: lo,
        max: hi,
        calculable: false,
        realtime: false,
        hoverLink: false,
        orient: 'horizontal',
        left: 4,
        bottom: legendBottom,
        itemWidth: Math.round(fontSize * 0.9),
        itemHeight: Math.round(fontSize * 10),
        // text[0] is drawn at the high end, text[1] at the low end.
        text: [input.format(hi), input.format(lo)],
        textGap: Math.round(fontSize * 0.5),
        textStyle: legendText,
        inRange: { color: rampStops(theme) },
      },
      {
        // A legend entry only: it colours no series. Always present (shown or not) so merges never leave a stale one.
        id: 'no-data',
        type: 'piecewise',
        seriesIndex: [],
        show: missing > 0,
        selectedMode: false,
        hoverLink: false,
        orient: 'horizontal',
        right: 4,
        bottom: legendBottom,
        itemWidth: Math.round(fontSize * 1.4),
        itemHeight: Math.round(fontSize * 0.9),
        itemSymbol: 'rect',
        textStyle: legendText,
        pieces: [{ value: 0, label: input.noDataLabel, color: noData }],
      },
    ],
    series: [
      {
        id: UNIT_MAP_SERIES_ID,
        type: 'map',
        map: input.mapName,
        roam: false,
        selectedMode: false,
        aspectScale: mapAspectScale(input.features),
        // Centre and size keep the outline's shape whatever the panel's: with all four box edges set,
        // ECharts would stretch the map to fill them. The lower edge leaves room for the legend.
        // (layoutSize is a share of the panel's smaller side; the map fits a square of that size.)
        layoutCenter: ['50%', '46%'],
        layoutSize: '88%',
        itemStyle: { areaColor: noData, color: noData, borderColor: background, borderWidth: 1 },
        label: {
          show: input.showLabels ?? false,
          color: palette.text,
          fontSize: Math.round(fontSize * 0.8),
          textBorderColor: background,
          textBorderWidth: 2,
          formatter: (p: { name: string }) => input.names.get(p.name) ?? p.name,
        },
        // Hover only outlines a unit (its colour is its value, so it must not change); nothing else is hover-only.
        emphasis: {
          label: { show: input.showLabels ?? false },
          itemStyle: { areaColor: null, borderColor: palette.highlight, borderWidth: 2 },
        },
        select: { disabled: true },
        data,
      },
    ],
  };
}
