/**
 * The only place ECharts parts are registered: importing from echarts/core and registering just what the
 * panels draw keeps the bundle small enough for a TV stick. Add a part here when a panel needs it.
 */
import { use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent } from 'echarts/components';

use([CanvasRenderer, BarChart, GridComponent, MarkLineComponent]);

export type { EChartsCoreOption as ChartOption } from 'echarts/core';
