/**
 * The only place ECharts parts are registered: importing from echarts/core and registering just what the
 * panels draw keeps the bundle small enough for a TV stick. Add a part here when a panel needs it.
 */
import { registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BarChart, LineChart, MapChart, RadarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, RadarComponent, VisualMapComponent } from 'echarts/components';

// MapChart brings the geo coordinate system it draws on; VisualMap is the map's colour legend; the radar is the
// comparison's components per unit.
use([CanvasRenderer, BarChart, LineChart, MapChart, RadarChart, GridComponent, LegendComponent, MarkLineComponent, RadarComponent, VisualMapComponent]);

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
