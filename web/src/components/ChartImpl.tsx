/** ECharts, tree-shaken: only the charts and components metering uses are registered. */
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, MarkLineComponent, CanvasRenderer]);

export default function ChartImpl({ option, height = 320 }: { option: object; height?: number }) {
  return <ReactEChartsCore echarts={echarts} option={option} notMerge lazyUpdate style={{ height }} />;
}
