/** ECharts, tree-shaken: the bar and line charts every page draws, with axis tooltip, legend, zoom and mark lines. */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { chartOption } from '../lib/motion';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

export default function ChartImpl({ option, height = 320 }: { option: object; height?: number }) {
  return <ReactEChartsCore echarts={echarts} option={chartOption(option)} notMerge lazyUpdate style={{ height }} />;
}
