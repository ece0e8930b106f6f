/**
 * ECharts, tree-shaken and split by route. This module registers what every chart needs (the canvas renderer)
 * and is imported by BaseChart, the one component that touches ECharts. Each kind of chart registers its own
 * parts in src/charts/parts/ (bar, line, map, radar, legend, mark lines), and each option builder imports the
 * parts its option names: a route's code then carries only the charts it draws (the overview ships bars, not
 * the map, lines or radar). Add a part there, and import it from the option that needs it.
 */
import { registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([CanvasRenderer]);

export type { EChartsCoreOption as ChartOption } from 'echarts/core';

/** Which feature list each map name was last registered from. */
const registeredMaps = new Map<string, object>();

/**
 * Makes GeoJSON outlines available to `map` series under `name`: registered the first time, and again only
 * when `source` (the feature list the GeoJSON is built from; replaced, never mutated) is a different one.
 * `build` runs only when registering. Returns true when it registered.
 */
export function ensureMapRegistered(name: string, source: object, build: () => object): boolean {
  if (registeredMaps.get(name) === source) return false;
  registerMap(name, build() as Parameters<typeof registerMap>[1]);
  registeredMaps.set(name, source);
  return true;
}
