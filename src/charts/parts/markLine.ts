/** Mark lines on a series: an average, a methodology break, the reform. */
import { use } from 'echarts/core';
import { MarkLineComponent } from 'echarts/components';

use([MarkLineComponent]);
