/** Map series on registered GeoJSON outlines (the geo coordinate system comes with it), and the colour legends. */
import { use } from 'echarts/core';
import { MapChart } from 'echarts/charts';
import { VisualMapContinuousComponent, VisualMapPiecewiseComponent } from 'echarts/components';

use([MapChart, VisualMapContinuousComponent, VisualMapPiecewiseComponent]);
