/** Line series on a cartesian grid (without axis pointers: nothing on the charts is hover-only). */
import { use } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridSimpleComponent } from 'echarts/components';

use([LineChart, GridSimpleComponent]);
