/** A plain legend (never scrolled: the charts name at most six units). */
import { use } from 'echarts/core';
import { LegendPlainComponent } from 'echarts/components';

use([LegendPlainComponent]);
