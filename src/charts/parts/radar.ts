/** Radar series and their radar coordinate system. */
import { use } from 'echarts/core';
import { RadarChart } from 'echarts/charts';
import { RadarComponent } from 'echarts/components';

use([RadarChart, RadarComponent]);
