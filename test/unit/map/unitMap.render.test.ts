// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { ensureMapRegistered } from '../../../src/charts/echarts';
import { chartPalette } from '../../../src/charts/palette';
import { noDataColor, sequentialColor } from '../../../src/domain/colorScale';
import { featureCentroid } from '../../../src/domain/tileGrid';
import type { BoundaryUnit } from '../../../src/feeds/boundaries';
import { unitFeatureCollection, unitMapOption } from '../../../src/panels/unitMapOption';
import { generateProvince } from '../../../mocks/generator';

// ECharts itself (server-side, SVG) draws the option over the sample province's communes: what the canvas
// in the browser draws too, without a browser.
use([SVGRenderer]);

const province = generateProvince({ seed: 766 });
const features: BoundaryUnit[] = (province.boundaries.commune ?? []).map((f) => ({
  code: f.properties.code ?? '',
  geometry: f.geometry,
}));
// Every seventh commune has no value.
const values = new Map(features.filter((_, i) => i % 7 !== 0).map((f, i) => [f.code, 60 + (i % 41)]));

function draw(theme: 'dark' | 'light') {
  ensureMapRegistered('test-render-commune', features, () => unitFeatureCollection(features));
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: 900, height: 900 });
  chart.setOption(
    unitMapOption({
      mapName: 'test-render-commune',
      features,
      values,
      names: new Map(),
      domain: [60, 100],
      format: (v) => v.toFixed(0),
      palette: chartPalette(theme),
      theme,
      fontSize: 14,
      noDataLabel: 'Không có số liệu',
    }),
  );
  return chart;
}

const rgb = (hex: string) => {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255},${(n >> 8) & 255},${n & 255})`;
};

describe('unit map drawn by ECharts', () => {
  it.each(['dark', 'light'] as const)('%s: fills every commune, the ones without a value in grey, and labels the legend', (theme) => {
    const chart = draw(theme);
    const svg = chart.renderToSVGString();
    const regions = [...svg.matchAll(/<path [^>]*ecmeta_series_index="0" ecmeta_data_index="(\d+)"[^>]*>/g)];
    expect(new Set(regions.map((m) => m[1])).size).toBe(features.length);
    const grey = regions.filter((m) => m[0].includes(`fill="${noDataColor(theme)}"`));
    expect(grey).toHaveLength(features.length - values.size);
    // The lowest and highest values get the ramp's ends.
    expect(svg).toContain(`fill="${rgb(sequentialColor(0, theme))}"`);
    expect(svg).toContain(`fill="${rgb(sequentialColor(1, theme))}"`);
    expect(svg).toContain('>Không có số liệu</text>');
    expect(svg).toMatch(/>60<\/text>[\s\S]*>100<\/text>/);
    chart.dispose();
  });

  it('reports the unit code of any commune tapped, with or without a value', () => {
    const chart = draw('dark');
    const picked: string[] = [];
    chart.on('click', (event) => {
      picked.push(String(event.name));
    });
    const handler = (chart.getZr() as unknown as { handler: { dispatch(name: string, event: object): void } }).handler;
    for (const f of features) {
      const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, featureCentroid(f.geometry) ?? [0, 0]) as number[];
      const event = { zrX: x, zrY: y, offsetX: x, offsetY: y, stop() {}, preventDefault() {} };
      for (const name of ['mousedown', 'mouseup', 'click']) handler.dispatch(name, event);
    }
    expect(picked).toEqual(features.map((f) => f.code));
    chart.dispose();
  });
});
